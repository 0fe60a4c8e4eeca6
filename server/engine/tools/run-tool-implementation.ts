import type { Json } from '../../../shared/json-schema';
import type { ToolConfig } from '../../../shared/node-configs';
import type { ResolvedDeps } from '../node-runner';
import type { SecretDestination } from '../types';
import { runCalculator, runCurrentTime } from './builtin-tools';
import { runHttpTool } from './http-tool';
import { runMockTool } from './mock-tool';
import { ToolFailure } from './tool-failure';

/** Dispatches one tool call to its implementation. Throws ToolFailure for errors Claude should see. */
export async function runToolImplementation(config: ToolConfig, input: Json, deps: ResolvedDeps, signal: AbortSignal): Promise<Json> {
  const implementation = config.implementation;
  switch (implementation.kind) {
    case 'mock':
      return runMockTool(implementation, input);
    case 'http':
      return runHttpTool(implementation, input, { fetch: deps.fetch, secrets: deps.secrets, signal, checkSecretDestination: deps.checkSecretDestination });
    case 'builtin':
      return implementation.name === 'calculator' ? runCalculator(input) : runCurrentTime(input, deps.now());
    case 'mcp': {
      if (!deps.mcp) throw new ToolFailure('MCP not configured: this server has no MCP servers configured');
      // The model writes MCP arguments, and it has seen whatever secrets its prompt held.
      refuseMisdirectedSecret(deps, { kind: 'mcp', server: implementation.server }, [JSON.stringify(input)]);
      const result = await deps.mcp.callTool(implementation.server, implementation.tool, input, signal);
      if (result.is_error) throw new ToolFailure(typeof result.output === 'string' ? result.output : JSON.stringify(result.output));
      return result.output;
    }
  }
}

/** A secret bound elsewhere is a tool failure Claude sees (by name, never value), before anything is sent. */
function refuseMisdirectedSecret(deps: Pick<ResolvedDeps, 'checkSecretDestination'>, destination: SecretDestination, sent: readonly string[]): void {
  try {
    deps.checkSecretDestination?.(destination, sent);
  } catch (error) {
    throw new ToolFailure((error as Error).message);
  }
}
