import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import express, { type Application } from 'express';
import { BatchJobs } from './batch/batch-jobs';
import { SSE_LIMIT_DEFAULTS, type ServerConfig } from './config';
import type { EngineEnvironment } from './environment';
import { batchRouter } from './http/batch-router';
import { errorHandler, type Logger } from './http/error-handler';
import { estimateRouter } from './http/estimate-router';
import { healthRouter } from './http/health-router';
import { hostGuard } from './http/host-guard';
import { HttpError } from './http/http-error';
import { jsonBody } from './http/json-body';
import { mcpRouter } from './http/mcp-router';
import { modelsRouter } from './http/models-router';
import { originGuard } from './http/origin-guard';
import { redactResponses } from './http/redact-responses';
import { stripControlCharacters } from '../shared/strip-control-characters';
import { runsRouter } from './http/runs-router';
import { SseConnectionLimits } from './http/sse-connection-limits';
import { securityHeaders } from './http/security-headers';
import { workflowsRouter } from './http/workflows-router';
import type { RunManager } from './runs/run-manager';
import type { Store } from './store/store';

export interface AppDeps {
  store: Store;
  /** Built on the same `environment`. */
  runs: RunManager;
  /** The process's one environment: every route that runs, prices or checks a workflow uses it. */
  environment: EngineEnvironment;
  config: Pick<ServerConfig, 'host' | 'allowedHosts' | 'bodyLimitBytes' | 'maxJsonDepth' | 'heartbeatMs'> & Partial<Pick<ServerConfig, 'clientDir' | 'sseMaxPerRun' | 'sseMaxTotal'>>;
  /** Where server errors are reported (stderr in production). */
  log?: Logger;
  /** Dataset jobs behind /api/batches; built on `environment` when absent (close() it on shutdown). */
  batchJobs?: BatchJobs;
}

/** Builds the whole HTTP surface; `main.ts` only listens. Guards run before any route. */
export function createApp(deps: AppDeps): Application {
  const { config, environment, store } = deps;
  const matcher = environment.secrets.redactor();
  const writeLog = deps.log ?? ((line: string) => process.stderr.write(`${line}\n`));
  // Log lines quote error messages, which may quote a secret or an upstream's echo of the key.
  const log: Logger = (line) => writeLog(stripControlCharacters(matcher.redact(line)));
  const app = express();
  app.disable('x-powered-by');
  app.set('etag', false);

  // Headers first: the guards' 403s and every error the handler writes carry them too.
  app.use(securityHeaders());
  app.use(hostGuard({ boundHost: config.host, allowedHosts: config.allowedHosts }));
  app.use(originGuard());

  const api = express.Router();
  api.use(redactResponses(matcher));
  api.use(jsonBody({ limitBytes: config.bodyLimitBytes, maxDepth: config.maxJsonDepth }));
  api.use((_req, res, next) => {
    res.setHeader('Cache-Control', 'no-store');
    next();
  });
  api.use('/health', healthRouter(environment.claudeMode));
  api.use('/models', modelsRouter(environment.models));
  // Before /workflows, whose "/:id" would otherwise answer for "estimate".
  api.use('/workflows/estimate', estimateRouter(store, environment));
  api.use('/workflows', workflowsRouter(store, () => environment.models.catalog()));
  api.use('/mcp/servers', mcpRouter(environment.mcp.config, environment.mcp.clients));
  const batchJobs = deps.batchJobs ?? new BatchJobs({ store, environment, stateDir: dirname(store.path), pollMs: environment.claudeMode === 'simulator' ? 200 : 10_000 });
  api.use('/batches', batchRouter(store, { jobs: batchJobs, environment }));
  api.use('/runs', runsRouter(store, deps.runs, { heartbeatMs: config.heartbeatMs, environment, streams: new SseConnectionLimits({ perRun: config.sseMaxPerRun ?? SSE_LIMIT_DEFAULTS.perRun, total: config.sseMaxTotal ?? SSE_LIMIT_DEFAULTS.total }) }));
  api.use((req) => {
    throw new HttpError(404, 'not_found', `No route ${req.method} /api${req.path}.`);
  });
  app.use('/api', api);

  const clientDir = config.clientDir;
  if (clientDir && existsSync(join(clientDir, 'index.html'))) {
    app.use(express.static(clientDir, { index: 'index.html', dotfiles: 'ignore' }));
    // SPA fallback: any other GET that wants a page gets the app shell.
    app.use((req, res, next) => {
      if ((req.method === 'GET' || req.method === 'HEAD') && req.accepts('html')) return res.sendFile(join(clientDir, 'index.html'));
      next();
    });
  }
  app.use((req) => {
    throw new HttpError(404, 'not_found', `No route ${req.method} ${req.path}.`);
  });
  app.use(errorHandler(log));
  return app;
}
