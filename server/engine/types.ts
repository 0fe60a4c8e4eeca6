import type Anthropic from '@anthropic-ai/sdk';
import type { Json } from '../../shared/json-schema';
import type { ModelCatalog } from '../../shared/claude-models';
import type { PriceTable } from '../../shared/pricing';

/** A guarded fetch: refuses private/loopback/link-local targets unless allowed (server/net). */
export interface GuardedRequestInit extends RequestInit {
  maxBytes?: number;
  timeoutMs?: number;
  /**
   * Header names whose values are credentials for the first origin only (values rendered from
   * secrets); dropped, like Authorization and Cookie, when a redirect leaves that origin.
   */
  credentialHeaders?: string[];
}

export type GuardedFetch = (url: string, init?: GuardedRequestInit) => Promise<Response>;

/** Calls a tool on a named MCP server from server configuration. */
export interface McpCaller {
  callTool(server: string, tool: string, input: Json, signal: AbortSignal): Promise<{ output: Json; is_error: boolean }>;
}

/** A node result restored from the store when a run is resumed. */
export interface CompletedNode {
  nodeId: string;
  status: 'completed' | 'skipped';
  output: Json;
}

/**
 * Everything the engine touches outside itself is injected (STYLE §5): no process.env,
 * no console, no SQLite, no Express in server/engine.
 */
export interface EngineDeps {
  claude: Anthropic;
  /**
   * The client a node's Messages requests go through, when it is not `claude` for every node:
   * batch mode (server/batch) routes each node's requests into Message Batches this way.
   */
  claudeFor?: (nodeId: string) => Anthropic;
  runId: string;
  signal?: AbortSignal;
  /** Epoch ms; injectable for deterministic tests. */
  now?: () => number;
  newId?: () => string;
  /** Ready nodes run concurrently up to this many (default 4). */
  concurrency?: number;
  prices?: PriceTable;
  /**
   * What each model accepts (thinking types, effort, forced tool_choice, structured outputs):
   * live capabilities when the environment has a key, else the facts table (the default).
   */
  models?: ModelCatalog;
  /** Values for `{{secrets.NAME}}`; never written into events or outputs. */
  secrets?: Record<string, string>;
  /**
   * Values no template can read that must still never reach an event (Trellis's own credentials,
   * e.g. the API key, in case Claude or a tool echoes one). Redacted like `secrets`.
   */
  redact?: Record<string, string>;
  /**
   * Throws when `sent` (a request's URL, headers and body, or MCP arguments) carries a secret that
   * is bound to other destinations; called before the request leaves (the secrets policy's
   * assertAllowedDestination). Absent: no secret is bound.
   */
  checkSecretDestination?: (destination: SecretDestination, sent: readonly string[]) => void;
  /** Used by http tools and vision URL images. */
  fetch?: GuardedFetch;
  /** Root folder for vision `file` images. */
  filesRoot?: string;
  mcp?: McpCaller;
  /** Resume: nodes already done in an earlier attempt of this run; their events are not repeated. */
  completed?: CompletedNode[];
  /** seq of the first event this call yields (1 for a new run; last stored seq + 1 on resume). */
  startSeq?: number;
  /** Coalescing window for node.delta events in ms; 0 (default) = the deltas of one event-loop turn. */
  deltaFlushMs?: number;
  /** A pending delta this many bytes long is emitted at once (default 1024; 1 = no coalescing). */
  deltaFlushBytes?: number;
}

/** Where a request that may carry a secret is about to go. */
export type SecretDestination = { kind: 'http'; url: string } | { kind: 'mcp'; server: string };
