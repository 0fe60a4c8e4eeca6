import { invalid } from './api-error';
import type { SimulatedModel } from './catalog/simulated-model';
import { ConversationPrefix } from './conversation-prefix';
import type { LocatedBlock, ThinkingParam, ToolDefinition, Turn } from './message-request';
import { verifyThinking } from './thinking-signature';

export interface ThinkingBlocksCheck {
  /** The turns the model reads: unreadable (or, with drop_block, invalid) thinking blocks removed. */
  turns: Turn[];
  /** System, tools and every turn as sent: what the reply's own thinking blocks are bound to. */
  prefix: ConversationPrefix;
}

/**
 * Thinking blocks sent back. On every model a block must be byte-identical to what was returned
 * (extended-thinking docs). On preserved-thinking models (build-with-claude/preserved-thinking):
 * - a block written by a model this one cannot read is dropped "without an error";
 * - a block whose prefix (system, tools, everything before it) changed fails the prefix check:
 *   400 with the documented message, or, with `thinking.block_binding.prefix_mismatch_behavior:
 *   "drop_block"`, that block and every later thinking block are dropped.
 * The simulator enforces the prefix check by default, as the API does for accounts created on or
 * after 2026-08-31 (and for every account on Fable 5.2).
 */
export function checkThinkingBlocks(turns: Turn[], system: LocatedBlock[], tools: ToolDefinition[], model: SimulatedModel, thinking: ThinkingParam | undefined): ThinkingBlocksCheck {
  const prefix = ConversationPrefix.start(system, tools);
  const dropBlocks = thinking?.type === 'adaptive' && thinking.block_binding?.prefix_mismatch_behavior === 'drop_block';
  const dropped = new Set<LocatedBlock>();
  let prefixBroken = false;
  for (const turn of turns) {
    prefix.beginTurn(turn.role);
    for (const located of turn.blocks) {
      const { block, path } = located;
      if (block.type === 'thinking') {
        const signature = verifyThinking(block.thinking as string, block.signature as string);
        if (!signature) throw invalid(`${path}.signature`, 'Invalid `signature` in `thinking` block');
        if (model.thinking.boundToConversation) {
          const readable = signature.model === model.id || model.thinking.readsBlocksFrom.includes(signature.model);
          if (!readable) dropped.add(located);
          else if (prefixBroken || !signature.matchesPrefix(prefix.digest())) {
            if (!dropBlocks) {
              throw invalid(path, 'Invalid `signature` in `thinking` block. The block is bound to a different conversation. Remove the block, or set `thinking.block_binding.prefix_mismatch_behavior` to "drop_block".');
            }
            prefixBroken = true;
            dropped.add(located);
          }
        }
      }
      // What was sent is the prefix, dropped blocks included: the client will send them again.
      prefix.addBlock(block);
    }
  }
  const kept = dropped.size === 0 ? turns : turns.map((turn) => ({ ...turn, blocks: turn.blocks.filter((located) => !dropped.has(located)) }));
  return { turns: kept, prefix };
}
