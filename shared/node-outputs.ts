import type { Json } from './json-schema';
import type { StopReason } from './trace-events';
import type { Usage } from './usage';

/** What a prompt/vision/thinking node hands downstream; templates read these fields. */
export interface PromptOutput {
  text: string;
  /** Parsed and schema-checked when `output: "json"`, else null. */
  json: Json;
  stop_reason: StopReason | null;
  usage: Usage;
  /** The whole conversation including the final assistant turn, as sent on the wire (for `continue_from`). */
  messages: Json[];
  /**
   * The concatenated thinking text that came back: always on thinking nodes, on other nodes when
   * there was some (e.g. progress notes between tool calls returned in thinking blocks).
   */
  thinking?: string;
  /** True when Claude thought but the text was not returned (display "omitted", redacted blocks). */
  thinking_hidden?: boolean;
  /** The model that answered (what continue_from compares). */
  model?: string;
  /** What the conversation's thinking blocks are bound to: model, system prompt, tools (opaque). */
  conversation_key?: string;
}

export interface BranchOutput {
  route: string;
}
