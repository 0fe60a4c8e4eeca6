import { createHash, type Hash } from 'node:crypto';
import { isObject } from './is-object';
import type { Block, LocatedBlock, ToolDefinition, Turn } from './message-request';

/**
 * The prefix a thinking block is bound to on preserved-thinking models: "The top-level system
 * prompt, tools, and messages before the block are its prefix" (build-with-claude/preserved-thinking).
 *
 * The hash is built from a canonical form so that what a client may legitimately vary when it sends
 * a turn back does not count as an edit: string vs. block content, how same-role messages are split,
 * key order, `cache_control` (breakpoints move as a conversation grows), and the response-only
 * fields `citations: null` and `caller`. Everything else (text, tool definitions, tool inputs and
 * results, earlier thinking blocks and their signatures) is part of the prefix.
 */
export class ConversationPrefix {
  private constructor(private readonly hash: Hash) {}

  /** The prefix of the next turn: system, tools and every turn of the request. */
  static of(system: LocatedBlock[], tools: ToolDefinition[], turns: Turn[]): ConversationPrefix {
    const prefix = ConversationPrefix.start(system, tools);
    for (const turn of turns) {
      prefix.beginTurn(turn.role);
      for (const { block } of turn.blocks) prefix.addBlock(block);
    }
    return prefix;
  }

  /** System and tools only; feed turns and blocks in order with beginTurn/addBlock. */
  static start(system: LocatedBlock[], tools: ToolDefinition[]): ConversationPrefix {
    const hash = createHash('sha256');
    hash.update(`system:${stableJson(system.map(({ block }) => block.text))}\n`);
    hash.update(`tools:${stableJson(tools.map((tool) => withoutKeys(tool as unknown as Record<string, unknown>)))}\n`);
    return new ConversationPrefix(hash);
  }

  beginTurn(role: string): void {
    this.hash.update(`turn:${role}\n`);
  }

  addBlock(block: Block): void {
    this.hash.update(`block:${stableJson(canonicalBlock(block))}\n`);
  }

  /** A copy to extend (the response's own turn) without changing this one. */
  fork(): ConversationPrefix {
    return new ConversationPrefix(this.hash.copy());
  }

  digest(): string {
    return this.hash.copy().digest('hex');
  }
}

const IGNORED_KEYS = new Set(['cache_control', 'citations', 'caller']);

function withoutKeys(value: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(value).filter(([key]) => !IGNORED_KEYS.has(key)));
}

function canonicalBlock(block: Block): unknown {
  const rest = withoutKeys(block);
  if (block.type === 'tool_result') {
    const content = typeof block.content === 'string' ? [{ type: 'text', text: block.content }] : Array.isArray(block.content) ? block.content.map((part) => (isObject(part) ? withoutKeys(part) : part)) : [];
    return { ...rest, content, is_error: block.is_error === true };
  }
  return rest;
}

/** JSON with sorted object keys, so key order never changes a hash. */
export function stableJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(stableJson).join(',')}]`;
  if (isObject(value)) {
    return `{${Object.keys(value)
      .filter((key) => value[key] !== undefined)
      .sort()
      .map((key) => `${JSON.stringify(key)}:${stableJson(value[key])}`)
      .join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}
