import { invalid } from './api-error';
import type { SimulatedModel } from './catalog/simulated-model';
import type { Turn } from './message-request';

/**
 * Rules that span turns (wire §8 rules 6, 8, 12, 14), checked after same-role messages were merged
 * (thinking-block signatures are checked earlier, in check-thinking-blocks).
 */
export function validateTurns(turns: Turn[], model: SimulatedModel, thinkingOn: boolean): void {
  const conversation = turns.filter((turn) => turn.role !== 'system');
  const last = conversation[conversation.length - 1];
  if (!last || conversation[0]?.role !== 'user') throw invalid('messages', 'first message must use the "user" role');
  validatePrefill(last, model);
  validateToolPairing(conversation);
  // Extended-thinking rule. On preserved-thinking models the API itself drops blocks it cannot use,
  // so an assistant turn without its thinking block is normal there.
  if (thinkingOn && !model.thinking.boundToConversation) validateThinkingFirst(conversation);
}

function validatePrefill(last: Turn, model: SimulatedModel): void {
  if (last.role !== 'assistant') return;
  // A turn paused mid server-tool use (stop_reason pause_turn) is sent back as-is to continue: that
  // is not a prefill, so models without prefill accept it.
  const pausedServerTurn = last.blocks.some(({ block }) => block.type === 'server_tool_use' || block.type.endsWith('_tool_result'));
  if (!model.prefill && !pausedServerTurn) {
    throw invalid(last.path, `${model.id} does not support assistant message prefill; the conversation must end with a user message`);
  }
  const final = last.blocks[last.blocks.length - 1];
  if (final?.block.type === 'text' && typeof final.block.text === 'string' && /\s$/.test(final.block.text)) {
    throw invalid(final.path, 'final assistant content cannot end with trailing whitespace');
  }
}

function validateToolPairing(conversation: Turn[]): void {
  const seenIds = new Set<string>();
  let pending: { turn: Turn; ids: string[] } | undefined;
  for (const turn of conversation) {
    if (turn.role === 'assistant') {
      if (pending) throwMissingResults(pending.turn, pending.ids);
      const ids: string[] = [];
      for (const { block, path } of turn.blocks) {
        if (block.type !== 'tool_use' && block.type !== 'server_tool_use') continue;
        const id = block.id as string;
        if (seenIds.has(id)) throw invalid(path, `\`tool_use\` ids must be unique; found ${id} more than once`);
        seenIds.add(id);
        if (block.type === 'tool_use') ids.push(id);
      }
      pending = ids.length > 0 ? { turn, ids } : undefined;
      continue;
    }
    const expected = new Set(pending?.ids ?? []);
    const answered = new Set<string>();
    let sawOtherBlock = false;
    for (const { block, path } of turn.blocks) {
      if (block.type !== 'tool_result') {
        sawOtherBlock = true;
        continue;
      }
      const id = block.tool_use_id as string;
      if (!expected.has(id)) throw invalid(path, `unexpected \`tool_use_id\` found in \`tool_result\` blocks: ${id}. Each \`tool_result\` block must have a corresponding \`tool_use\` block in the previous message.`);
      if (answered.has(id)) throw invalid(path, `each \`tool_use\` may have only one \`tool_result\`; found a second result for ${id}`);
      if (sawOtherBlock) throw invalid(path, '`tool_result` blocks must come first in the user message, before any other content');
      answered.add(id);
    }
    if (pending) {
      const missing = pending.ids.filter((id) => !answered.has(id));
      if (missing.length > 0) throwMissingResults(pending.turn, missing);
    }
    pending = undefined;
  }
}

function throwMissingResults(turn: Turn, ids: string[]): never {
  throw invalid(turn.path, `\`tool_use\` ids were found without \`tool_result\` blocks immediately after: ${ids.join(', ')}. Each \`tool_use\` block must have a corresponding \`tool_result\` block in the next message.`);
}

function validateThinkingFirst(conversation: Turn[]): void {
  const lastAssistant = [...conversation].reverse().find((turn) => turn.role === 'assistant');
  if (!lastAssistant || !lastAssistant.blocks.some(({ block }) => block.type === 'tool_use')) return;
  const first = lastAssistant.blocks[0];
  if (first && first.block.type !== 'thinking' && first.block.type !== 'redacted_thinking') {
    throw invalid(`${first.path}.type`, `Expected \`thinking\` or \`redacted_thinking\`, but found \`${first.block.type}\`. When \`thinking\` is enabled, a final \`assistant\` message must start with a thinking block (preceeding the lastmost set of \`tool_use\` and \`tool_result\` blocks). We recommend you include thinking blocks from previous turns.`);
  }
}
