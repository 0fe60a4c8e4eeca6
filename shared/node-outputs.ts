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
  /** thinking nodes only: the concatenated thinking text. */
  thinking?: string;
}

export interface BranchOutput {
  route: string;
}
