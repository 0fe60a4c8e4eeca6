import type { ContentBlockParam, MessageParam, TextBlockParam } from '@anthropic-ai/sdk/resources/messages/messages';
import type { PromptConfig } from '../../shared/node-configs';
import type { NodeContext } from './node-runner';
import { NodeError } from './node-error';
import { renderStrict } from './render-strict';

export interface Conversation {
  system?: TextBlockParam[];
  messages: MessageParam[];
  /** With continue_from: the first `count` messages are the source node's conversation. */
  carried?: CarriedConversation;
}

export interface CarriedConversation {
  sourceId: string;
  count: number;
  /** The source's model and conversation key (conversation-key.ts); absent in outputs of older runs. */
  model?: string;
  key?: string;
}

/**
 * Renders the node's system prompt and message templates against the run scope. With
 * `continue_from`, that node's whole conversation (as sent on the wire, minus its cache
 * breakpoints) comes first. `leadBlocks`
 * (vision images) are placed before the text of the node's first user turn.
 */
export function buildConversation(ctx: Pick<NodeContext, 'node' | 'scope' | 'outputs'>, config: PromptConfig, leadBlocks: ContentBlockParam[] = []): Conversation {
  const id = ctx.node.id;
  const conversation: Conversation = { messages: [] };
  if (config.system && config.system.text.trim() !== '') {
    const block: TextBlockParam = { type: 'text', text: renderStrict(config.system.text, ctx.scope, `${id}.config.system.text`) };
    if (config.system.cache) block.cache_control = cacheControl(config.system.cache_ttl);
    if (block.text.trim() !== '') conversation.system = [block];
  }
  if (config.continue_from) {
    const prior = priorConversation(ctx, config.continue_from);
    conversation.messages.push(...prior.messages);
    conversation.carried = prior.carried;
  }
  let leadPlaced = leadBlocks.length === 0;
  config.messages.forEach((template, index) => {
    const text = renderStrict(template.content, ctx.scope, `${id}.config.messages.${index}.content`);
    const blocks: ContentBlockParam[] = [];
    if (!leadPlaced && template.role === 'user') {
      blocks.push(...leadBlocks);
      leadPlaced = true;
    }
    const textBlock: TextBlockParam = { type: 'text', text };
    if (template.cache) textBlock.cache_control = cacheControl(template.cache_ttl);
    if (text.trim() !== '') blocks.push(textBlock);
    if (blocks.length === 0) throw NodeError.config(`${id}.config.messages.${index}.content rendered to empty text; the API rejects empty turns`);
    const content = blocks.length === 1 && blocks[0] === textBlock && !template.cache ? text : blocks;
    conversation.messages.push({ role: template.role, content });
  });
  if (!leadPlaced) conversation.messages.push({ role: 'user', content: leadBlocks });
  return conversation;
}

function priorConversation(ctx: Pick<NodeContext, 'node' | 'outputs'>, sourceId: string): { messages: MessageParam[]; carried: CarriedConversation } {
  const output = ctx.outputs.get(sourceId);
  const record = output !== null && typeof output === 'object' && !Array.isArray(output) ? output : undefined;
  const messages = record?.messages;
  if (!Array.isArray(messages)) {
    throw NodeError.config(`${ctx.node.id}.config.continue_from: node "${sourceId}" has no conversation to continue (it must be an upstream prompt, vision or thinking node that has completed)`);
  }
  const carried = structuredClone(messages) as unknown as MessageParam[];
  // The earlier node's breakpoints would count against this request's limit of 4 (and could break
  // the 1h-before-5m order): this node places its own.
  for (const message of carried) {
    if (!Array.isArray(message.content)) continue;
    for (const block of message.content) if ('cache_control' in block) delete block.cache_control;
  }
  const source: CarriedConversation = { sourceId, count: carried.length };
  if (typeof record?.model === 'string') source.model = record.model;
  if (typeof record?.conversation_key === 'string') source.key = record.conversation_key;
  return { messages: carried, carried: source };
}

export function cacheControl(ttl: '5m' | '1h' | undefined): { type: 'ephemeral'; ttl?: '5m' | '1h' } {
  return ttl ? { type: 'ephemeral', ttl } : { type: 'ephemeral' };
}
