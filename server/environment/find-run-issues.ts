import type { Workflow } from '../../shared/workflow-types';
import { findUnknownMcpServers } from '../mcp';
import type { EngineEnvironment } from './engine-environment';
import type { RunIssue } from './run-issue';

/**
 * The environment's own checks of a valid workflow, made before it runs or is priced anywhere
 * (HTTP runs, estimate, datasets, every CLI command): each MCP server it names is configured and
 * each secret it names is one the secrets policy grants.
 */
export function findRunIssues(environment: EngineEnvironment, workflow: Workflow): RunIssue[] {
  return [...findUnknownMcpServers(workflow, environment.mcp.clients.servers()), ...environment.secrets.check(workflow)];
}
