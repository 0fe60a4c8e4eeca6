import type { ToolChoice } from '@anthropic-ai/sdk/resources/messages/messages';

/**
 * The tool_choice for every tool-loop round after the first. A forced choice (`tool`, `any`)
 * becomes `auto`, keeping `disable_parallel_tool_use`: forced again after the tool results,
 * Claude would call the tool on every round and the node would fail at max_tool_rounds.
 * Only `auto`/`none` or a forced choice the first round was allowed to send reach here (the
 * request builder never forces a tool the model refuses), so no later round sends a refused choice.
 */
export function followUpToolChoice(choice: ToolChoice): ToolChoice {
  if (choice.type !== 'tool' && choice.type !== 'any') return choice;
  return choice.disable_parallel_tool_use === undefined ? { type: 'auto' } : { type: 'auto', disable_parallel_tool_use: choice.disable_parallel_tool_use };
}
