import type { Json } from '../../../shared/json-schema';
import type { NodeStatus, RunStatus, StopReason, ThinkingSummary, TraceError } from '../../../shared/trace-events';
import type { Usage } from '../../../shared/usage';
import type { TraceSegment } from './trace-segments';

export interface ToolCallTrace {
  toolUseId: string;
  toolNodeId: string;
  name: string;
  input: Json;
  round: number;
  /** Absent until the tool's result arrives. */
  output?: Json;
  isError?: boolean;
  durationMs?: number;
}

export interface RetryTrace {
  attempt: number;
  error: TraceError;
  delayMs: number;
}

/** What the canvas and the trace panel show for one node of the current run. */
export interface NodeRunState {
  status: NodeStatus;
  attempt: number;
  text: string;
  thinking: string;
  toolInput: string;
  /** Text rounds and tool calls in the order they happened (a tool loop reads text, call, text). */
  segments: TraceSegment[];
  /** Calls this node made (prompt/vision/thinking) or received (tool nodes). */
  toolCalls: ToolCallTrace[];
  retries: RetryTrace[];
  output?: Json;
  /** Branch nodes: the label of the route taken. */
  route?: string;
  stopReason?: StopReason | null;
  usage?: Usage;
  /** null: a model's price is unknown ("price unknown", never $0). */
  costUsd?: number | null;
  model?: string;
  durationMs?: number;
  modelMs?: number;
  engineMs?: number;
  warnings?: string[];
  /** Informational notes from the engine (e.g. thinking blocks dropped from a continued conversation). */
  notes?: string[];
  /** Whether the node thought, and whether that thinking came back without text. */
  thinkingSummary?: ThinkingSummary;
  error?: TraceError;
  skipReason?: string;
}

export interface RunState {
  runId: string | null;
  status: RunStatus | 'idle';
  /** Highest seq applied; events at or below it are ignored, which makes replays idempotent. */
  lastSeq: number;
  nodes: Readonly<Record<string, NodeRunState>>;
  input?: Json;
  outputs?: { [outputNodeId: string]: Json };
  usage?: Usage;
  /** null: a model's price is unknown ("price unknown", never $0). */
  costUsd?: number | null;
  durationMs?: number;
  error?: TraceError;
  failedNodeId?: string;
  cancelReason?: string;
}

export const IDLE_RUN: RunState = Object.freeze({ runId: null, status: 'idle', lastSeq: 0, nodes: Object.freeze({}) });

export function emptyRun(runId: string): RunState {
  return { runId, status: 'running', lastSeq: 0, nodes: {} };
}

export function idleNode(): NodeRunState {
  return { status: 'idle', attempt: 0, text: '', thinking: '', toolInput: '', segments: [], toolCalls: [], retries: [] };
}
