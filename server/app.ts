import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type Anthropic from '@anthropic-ai/sdk';
import express, { type Application } from 'express';
import { BatchJobs } from './batch-jobs/batch-jobs';
import { ModelCatalogSource } from './claude/model-catalog-source';
import type { ServerConfig } from './config';
import { batchRouter } from './http/batch-router';
import { errorHandler, type Logger } from './http/error-handler';
import { estimateRouter } from './http/estimate-router';
import { healthRouter } from './http/health-router';
import { hostGuard } from './http/host-guard';
import { HttpError } from './http/http-error';
import { jsonBody } from './http/json-body';
import { modelsRouter } from './http/models-router';
import { originGuard } from './http/origin-guard';
import { runsRouter } from './http/runs-router';
import { securityHeaders } from './http/security-headers';
import { workflowsRouter } from './http/workflows-router';
import { createMcpCaller, findUnknownMcpServers, mcpRouter, type McpClients, type McpConfig } from './mcp';
import type { RunManager } from './runs/run-manager';
import type { Store } from './store/store';

export interface AppDeps {
  store: Store;
  runs: RunManager;
  claudeMode: 'simulator' | 'anthropic';
  config: Pick<ServerConfig, 'host' | 'allowedHosts' | 'bodyLimitBytes' | 'maxJsonDepth' | 'heartbeatMs'> & Partial<Pick<ServerConfig, 'clientDir'>>;
  /** The Claude client (estimates, batches); with claudeMode "anthropic" also the Models API behind the catalogue. */
  claude?: Anthropic;
  /**
   * The model catalogue the validator, /api/models and estimates use. Defaults to the live Models
   * API when claudeMode is "anthropic" and `claude` is given, else the facts table. Pass the same
   * source to the RunManager (`models: () => source.current()`) so runs validate alike.
   */
  models?: ModelCatalogSource;
  /** Where server errors are reported (stderr in production). */
  log?: Logger;
  /** Configured MCP servers; without it there are none (mcp tool workflows are refused). */
  mcp?: { config: McpConfig; clients: McpClients };
  /** Dataset jobs behind /api/batches; built from `store`, `claude` and `mcp` when absent (close() it on shutdown). */
  batchJobs?: BatchJobs;
}

/** Builds the whole HTTP surface; `main.ts` only listens. Guards run before any route. */
export function createApp(deps: AppDeps): Application {
  const { config } = deps;
  const log = deps.log ?? ((line: string) => process.stderr.write(`${line}\n`));
  const app = express();
  app.disable('x-powered-by');
  app.set('etag', false);

  app.use(hostGuard({ boundHost: config.host, allowedHosts: config.allowedHosts }));
  app.use(originGuard());
  app.use(securityHeaders());

  const api = express.Router();
  api.use(jsonBody({ limitBytes: config.bodyLimitBytes, maxDepth: config.maxJsonDepth }));
  api.use((_req, res, next) => {
    res.setHeader('Cache-Control', 'no-store');
    next();
  });
  api.use('/health', healthRouter(deps.claudeMode));
  const models = deps.models ?? new ModelCatalogSource(deps.claudeMode === 'anthropic' ? deps.claude : undefined);
  api.use('/models', modelsRouter(models));
  // Before /workflows, whose "/:id" would otherwise answer for "estimate".
  api.use('/workflows/estimate', estimateRouter(deps.store, { claude: deps.claude, models, preflight: (workflow) => findUnknownMcpServers(workflow, mcp.clients.servers()) }));
  api.use('/workflows', workflowsRouter(deps.store, () => models.catalog()));
  // Nothing to close for an empty caller: it connects to servers only on first use.
  const mcp = deps.mcp ?? { config: { servers: {} }, clients: createMcpCaller({ servers: {} }) };
  api.use('/mcp/servers', mcpRouter(mcp.config, mcp.clients));
  const batchJobs = deps.batchJobs ?? (deps.claude && new BatchJobs({ store: deps.store, claude: deps.claude, mcp: mcp.clients, stateDir: dirname(deps.store.path), pollMs: deps.claudeMode === 'simulator' ? 200 : 10_000 }));
  api.use('/batches', batchRouter(deps.store, { jobs: batchJobs, models: () => models.current(), preflight: (workflow) => findUnknownMcpServers(workflow, mcp.clients.servers()) }));
  api.use('/runs', runsRouter(deps.store, deps.runs, { heartbeatMs: config.heartbeatMs, preflight: (workflow) => findUnknownMcpServers(workflow, mcp.clients.servers()) }));
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
