import type { Json } from './json-schema';
import type { NodeType } from './workflow-types';
import type { Usage } from './usage';

/**
 * The one trace vocabulary (PRODUCT.md §6, STYLE §6): SSE frames, `trellis run --json` lines,
 * the SQLite event log and the client's run store all carry exactly these objects.
 * `seq` starts at 1 and increases by one per run, across resumes.
 */

export interface TraceError {
  /**
   * The API's error type (`rate_limit_error`, `invalid_request_error`, …) or a Trellis type
   * (`tool_error`, `validation_error`, `max_tokens`, `timeout`, `aborted`, `internal`;
   * `config_error`: a setting the node's model refuses, the message names the fix;
   * `refusal`: Claude declined, see `refusal`; `context_window_exceeded`: the conversation filled
   * the model's context window; `pause_turn`: the turn stayed paused after the engine's resends).
   */
  type: string;
  /** HTTP status when the error came from the API. */
  status?: number;
  message: string;
  request_id?: string;
  /** type `refusal`: the API's `stop_details` (category is null when no named policy applies). */
  refusal?: { category: string | null; explanation: string | null };
}

/**
 * What happened to thinking in a node, so a client never shows an empty box as "no thinking".
 * Present when the model thought (thinking or redacted_thinking blocks came back).
 */
export interface ThinkingSummary {
  /** Thinking and redacted_thinking blocks over all of the node's calls. */
  blocks: number;
  /**
   * Some thinking came back without its text: `display: "omitted"` (set on the node or the
   * model's default) or redacted blocks. The text deltas then carry only what was returned.
   */
  hidden: boolean;
  /** The `display` in force, when known (the node's setting, else the model's default). */
  display?: 'summarized' | 'omitted';
}
export type StopReason = 'end_turn' | 'max_tokens' | 'stop_sequence' | 'tool_use' | 'pause_turn' | 'refusal' | 'model_context_window_exceeded';

export interface NodeCompletedData {
  output: Json;
  usage?: Usage;
  cost_usd?: number;
  stop_reason?: StopReason | null;
  model?: string;
  duration_ms: number;
  /** Time spent waiting on Claude (request sent → stream finished), summed over calls. */
  model_ms?: number;
  /** duration_ms − model_ms − tool time: what the engine itself cost. */
  engine_ms?: number;
  warnings?: string[];
  /** Facts about what the engine sent, worth showing but not warnings (e.g. carried thinking dropped). */
  notes?: string[];
  thinking?: ThinkingSummary;
}

export interface RunTotals {
  usage: Usage;
  cost_usd: number;
  duration_ms: number;
}

type Ev<T extends string, D, N extends 'node' | 'run'> = N extends 'node'
  ? { seq: number; ts: number; runId: string; type: T; nodeId: string; data: D }
  : { seq: number; ts: number; runId: string; type: T; nodeId?: undefined; data: D };

export type RunStartedEvent = Ev<'run.started', { workflowId: string; input: Json; resumed?: boolean; completedNodeIds?: string[] }, 'run'>;
export type NodeStartedEvent = Ev<'node.started', { nodeType: NodeType; attempt: number }, 'node'>;
export type NodeDeltaEvent = Ev<'node.delta', { kind: 'text' | 'thinking' | 'tool_input'; text: string; toolUseId?: string }, 'node'>;
/** nodeId is the calling prompt/vision/thinking node; toolNodeId is the tool node that runs. */
export type NodeToolCallEvent = Ev<'node.tool_call', { toolNodeId: string; toolUseId: string; name: string; input: Json; round: number }, 'node'>;
export type NodeToolResultEvent = Ev<'node.tool_result', { toolNodeId: string; toolUseId: string; output: Json; is_error: boolean; duration_ms: number }, 'node'>;
export type NodeRetryEvent = Ev<'node.retry', { attempt: number; error: TraceError; delay_ms: number }, 'node'>;
export type NodeCompletedEvent = Ev<'node.completed', NodeCompletedData, 'node'>;
export type NodeSkippedEvent = Ev<'node.skipped', { reason: string }, 'node'>;
export type NodeFailedEvent = Ev<'node.failed', { error: TraceError; duration_ms: number }, 'node'>;
/** outputs are keyed by output node id. */
export type RunCompletedEvent = Ev<'run.completed', RunTotals & { outputs: { [outputNodeId: string]: Json } }, 'run'>;
export type RunFailedEvent = Ev<'run.failed', RunTotals & { error: TraceError; nodeId?: string }, 'run'>;
export type RunCanceledEvent = Ev<'run.canceled', RunTotals & { reason: string }, 'run'>;

export type TraceEvent =
  | RunStartedEvent
  | NodeStartedEvent
  | NodeDeltaEvent
  | NodeToolCallEvent
  | NodeToolResultEvent
  | NodeRetryEvent
  | NodeCompletedEvent
  | NodeSkippedEvent
  | NodeFailedEvent
  | RunCompletedEvent
  | RunFailedEvent
  | RunCanceledEvent;

export type TraceEventType = TraceEvent['type'];

export const TERMINAL_EVENT_TYPES = ['run.completed', 'run.failed', 'run.canceled'] as const;

export function isTerminalEvent(event: TraceEvent): event is RunCompletedEvent | RunFailedEvent | RunCanceledEvent {
  return (TERMINAL_EVENT_TYPES as readonly string[]).includes(event.type);
}

/** Run status as stored and shown. `interrupted`: the process died while the run was live. */
export type RunStatus = 'running' | 'completed' | 'failed' | 'canceled' | 'interrupted';
export type NodeStatus = 'idle' | 'running' | 'completed' | 'failed' | 'skipped';
