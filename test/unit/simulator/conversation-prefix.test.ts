import { describe, expect, it } from 'vitest';
import { ConversationPrefix } from '../../../server/simulator/conversation-prefix';
import type { LocatedBlock, ToolDefinition, Turn } from '../../../server/simulator/message-request';

const system = (text: string, extra: Record<string, unknown> = {}): LocatedBlock[] => [{ block: { type: 'text', text, ...extra }, path: 'system' }];
const turn = (role: Turn['role'], ...blocks: Record<string, unknown>[]): Turn => ({ role, path: 'messages.0', blocks: blocks.map((block) => ({ block: block as LocatedBlock['block'], path: 'x' })) });
const TOOLS: ToolDefinition[] = [{ name: 'lookup', input_schema: { type: 'object', properties: { city: { type: 'string' } } } }];
const digest = (sys: LocatedBlock[], tools: ToolDefinition[], turns: Turn[]) => ConversationPrefix.of(sys, tools, turns).digest();

// build-with-claude/preserved-thinking: the prefix is system, tools and the messages before a block.
describe('ConversationPrefix', () => {
  const base = digest(system('Be brief.'), TOOLS, [turn('user', { type: 'text', text: 'Hi' })]);

  it('ignores what a client may vary when it sends a turn back', () => {
    expect(digest(system('Be brief.', { cache_control: { type: 'ephemeral' } }), [{ ...TOOLS[0]!, cache_control: { type: 'ephemeral' } }], [turn('user', { type: 'text', text: 'Hi', cache_control: { type: 'ephemeral' } })])).toBe(base);
    const reordered: ToolDefinition[] = [{ input_schema: { properties: { city: { type: 'string' } }, type: 'object' }, name: 'lookup' }];
    expect(digest(system('Be brief.'), reordered, [turn('user', { type: 'text', text: 'Hi' })])).toBe(base);
    const withCitations = digest(system('Be brief.'), TOOLS, [turn('user', { type: 'text', text: 'Hi' }), turn('assistant', { type: 'text', text: 'Yo', citations: null })]);
    expect(digest(system('Be brief.'), TOOLS, [turn('user', { type: 'text', text: 'Hi' }), turn('assistant', { type: 'text', text: 'Yo' })])).toBe(withCitations);
    const stringResult = digest(system('a'), [], [turn('user', { type: 'tool_result', tool_use_id: 't', content: 'ok' })]);
    expect(digest(system('a'), [], [turn('user', { type: 'tool_result', tool_use_id: 't', content: [{ type: 'text', text: 'ok' }], is_error: false })])).toBe(stringResult);
  });

  it('changes with the system prompt, the tools and any earlier message', () => {
    expect(digest(system('Be verbose.'), TOOLS, [turn('user', { type: 'text', text: 'Hi' })])).not.toBe(base);
    expect(digest(system('Be brief.'), [], [turn('user', { type: 'text', text: 'Hi' })])).not.toBe(base);
    expect(digest(system('Be brief.'), TOOLS, [turn('user', { type: 'text', text: 'Hello' })])).not.toBe(base);
    expect(digest(system('Be brief.'), TOOLS, [turn('assistant', { type: 'text', text: 'Hi' })])).not.toBe(base);
  });

  it('forks without changing the original', () => {
    const prefix = ConversationPrefix.of(system('Be brief.'), TOOLS, [turn('user', { type: 'text', text: 'Hi' })]);
    const fork = prefix.fork();
    fork.beginTurn('assistant');
    fork.addBlock({ type: 'text', text: 'x' });
    expect(prefix.digest()).toBe(base);
    expect(fork.digest()).not.toBe(base);
  });
});
