import type { Workflow } from '../../../shared/workflow-types';
import { ApiError } from './api-error';
import type { BatchJob, BatchJobRequest, EstimateRequest, Health, McpServerInfo, McpToolInfo, ModelInfo, RunDetail, RunRequest, RunSummary, WorkflowEstimate, WorkflowSummary } from './api-types';

/** Every HTTP call the canvas makes (PRODUCT.md §7). Components never call fetch themselves. */
export const api = {
  health: () => request<Health>('GET', '/api/health'),
  models: async () => (await request<{ models: ModelInfo[] }>('GET', '/api/models')).models,

  listWorkflows: async () => (await request<{ workflows: WorkflowSummary[] }>('GET', '/api/workflows')).workflows,
  getWorkflow: async (id: string) => (await request<{ workflow: Workflow }>('GET', `/api/workflows/${encodeURIComponent(id)}`)).workflow,
  createWorkflow: async (workflow: Workflow) => (await request<{ workflow: Workflow }>('POST', '/api/workflows', workflow)).workflow,
  updateWorkflow: async (workflow: Workflow) => (await request<{ workflow: Workflow }>('PUT', `/api/workflows/${encodeURIComponent(workflow.id)}`, workflow)).workflow,
  deleteWorkflow: (id: string) => request<void>('DELETE', `/api/workflows/${encodeURIComponent(id)}`),

  startRun: async (body: RunRequest) => (await request<{ runId: string }>('POST', '/api/runs', body)).runId,
  listRuns: async (workflowId: string | null, limit = 30) => {
    const query = new URLSearchParams({ limit: String(limit) });
    if (workflowId) query.set('workflowId', workflowId);
    return (await request<{ runs: RunSummary[] }>('GET', `/api/runs?${query}`)).runs;
  },
  getRun: (id: string) => request<RunDetail>('GET', `/api/runs/${encodeURIComponent(id)}`),
  // The server insists on a JSON content type for every mutating request, bodyless ones included.
  cancelRun: (id: string) => request<{ runId: string }>('POST', `/api/runs/${encodeURIComponent(id)}/cancel`, {}),
  /** Re-runs an interrupted or failed run from its completed nodes; its events continue the same log. */
  resumeRun: (id: string) => request<{ runId: string }>('POST', `/api/runs/${encodeURIComponent(id)}/resume`, {}),

  estimate: (body: EstimateRequest, signal?: AbortSignal) => request<WorkflowEstimate>('POST', '/api/workflows/estimate', body, signal),

  startBatch: async (body: BatchJobRequest) => (await request<{ batchJobId: string; job: BatchJob }>('POST', '/api/batches', body)).job,
  getBatch: async (id: string) => (await request<{ job: BatchJob }>('GET', `/api/batches/${encodeURIComponent(id)}`)).job,
  cancelBatch: (id: string) => request<{ batchJobId: string }>('POST', `/api/batches/${encodeURIComponent(id)}/cancel`, {}),

  mcpServers: async () => (await request<{ servers: McpServerInfo[] }>('GET', '/api/mcp/servers')).servers,
  mcpTools: async (server: string) => (await request<{ tools: McpToolInfo[] }>('GET', `/api/mcp/servers/${encodeURIComponent(server)}/tools`)).tools,
};

async function request<T>(method: string, path: string, body?: unknown, signal?: AbortSignal): Promise<T> {
  const init: RequestInit = { method, headers: { accept: 'application/json' }, signal };
  if (method !== 'GET') {
    init.headers = { ...init.headers, 'content-type': 'application/json' };
    init.body = JSON.stringify(body ?? {});
  }
  const response = await fetch(path, init);
  if (response.status === 204) return undefined as T;
  const text = await response.text();
  let payload: unknown;
  try {
    payload = text === '' ? undefined : JSON.parse(text);
  } catch {
    throw new ApiError(response.status, 'bad_response', `${method} ${path} answered ${response.status} with a body that is not JSON.`);
  }
  if (!response.ok) {
    const error = (payload as { error?: { type?: string; message?: string; details?: unknown } } | undefined)?.error;
    throw new ApiError(response.status, error?.type ?? 'http_error', error?.message ?? `${method} ${path} failed with status ${response.status}.`, error?.details);
  }
  return payload as T;
}
