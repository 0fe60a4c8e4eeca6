import type { ToolDefinition, ToolChoice } from './message-request';
import type { ConversationFacts } from './conversation-facts';

const GENERIC_WORDS = new Set(['get', 'set', 'fetch', 'lookup', 'look', 'search', 'find', 'list', 'run', 'call', 'tool', 'make', 'create', 'read', 'write', 'update', 'delete', 'query', 'current', 'info', 'data']);

/**
 * Which custom tools the simulated model calls: forced by tool_choice, or (auto) the tools the
 * latest user text names or clearly asks for, unless that question was already answered by tool results.
 */
export function chooseTools(tools: ToolDefinition[], choice: ToolChoice | undefined, facts: ConversationFacts): ToolDefinition[] {
  const custom = tools.filter((tool) => tool.input_schema !== undefined && (tool.type === undefined || tool.type === 'custom'));
  if (custom.length === 0 || choice?.type === 'none') return [];
  const single = choice !== undefined && 'disable_parallel_tool_use' in choice && choice.disable_parallel_tool_use === true;
  if (choice?.type === 'tool') return custom.filter((tool) => tool.name === choice.name);
  // A system prompt that names a tool exactly ("always check with get_weather") is an instruction
  // the model follows on every new question, as Claude does.
  const mentioned = custom.filter((tool) => mentions(facts.lastUserText, tool.name) || namesExactly(facts.systemText, tool.name));
  if (choice?.type === 'any') return (mentioned.length > 0 ? mentioned : custom.slice(0, 1)).slice(0, single ? 1 : undefined);
  if (facts.toolOutcomes.length > 0) return [];
  return mentioned.slice(0, single ? 1 : undefined);
}

function namesExactly(text: string, toolName: string): boolean {
  return new RegExp(`(^|[^A-Za-z0-9_-])${toolName}($|[^A-Za-z0-9_-])`, 'i').test(text);
}

function mentions(text: string, toolName: string): boolean {
  const lower = text.toLowerCase();
  if (lower.includes(toolName.toLowerCase())) return true;
  const words = toolName.split(/[_-]+|(?<=[a-z])(?=[A-Z])/).map((word) => word.toLowerCase()).filter((word) => word.length >= 4 && !GENERIC_WORDS.has(word));
  if (words.length > 0 && lower.includes(words.join(' '))) return true;
  // A stem match catches intent: "calculate" for `calculator`, "weather" for `get_weather`.
  const textWords = lower.match(/[a-z]+/g) ?? [];
  return words.some((word) => {
    const stem = word.slice(0, Math.min(word.length, 5));
    return textWords.some((candidate) => candidate.startsWith(stem));
  });
}
