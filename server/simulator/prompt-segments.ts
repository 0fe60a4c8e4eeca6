import { readImageInfo } from './image-info';
import { isObject } from './is-object';
import type { Block, CacheControl, LocatedBlock, ToolDefinition, Turn } from './message-request';
import { toolResultText } from './message-request';
import { countTokens } from './tokenizer';

/** One cacheable unit of the prompt, in prefix order tools → system → messages. */
export interface PromptSegment {
  tokens: number;
  /** Canonical text of the unit; prefix hashes are built from these. */
  key: string;
  breakpoint?: CacheControl;
}

export interface PromptShape {
  model: string;
  tools: ToolDefinition[];
  system: LocatedBlock[];
  turns: Turn[];
  /** Counted but never cached (output schema, tool_choice): they follow the messages. */
  tail: unknown[];
  cacheControl?: CacheControl;
}

// Fixed costs of the hidden prompt scaffolding the model sees around each part.
const TOOLS_PREAMBLE_TOKENS = 40;
const PER_TOOL_TOKENS = 8;
const PER_MESSAGE_TOKENS = 3;
const REPLY_PRIMER_TOKENS = 3;
const IMAGE_MAX_TOKENS = 1600;

export function promptSegments(shape: PromptShape): PromptSegment[] {
  const segments: PromptSegment[] = [];
  shape.tools.forEach((tool, index) => {
    const { cache_control: cacheControl, ...definition } = tool;
    const key = JSON.stringify(definition);
    const tokens = countTokens(key) + PER_TOOL_TOKENS + (index === 0 ? TOOLS_PREAMBLE_TOKENS : 0);
    segments.push({ tokens, key, breakpoint: cacheControl ?? undefined });
  });
  for (const { block } of shape.system) {
    segments.push({ tokens: countTokens(block.text as string) + 1, key: `system:${block.text as string}`, breakpoint: breakpointOf(block) });
  }
  let lastCacheable = segments.length - 1;
  for (const turn of shape.turns) {
    turn.blocks.forEach(({ block }, index) => {
      const overhead = index === 0 ? PER_MESSAGE_TOKENS : 0;
      segments.push({ tokens: blockTokens(block) + overhead, key: `${turn.role}:${canonicalBlock(block)}`, breakpoint: breakpointOf(block) });
      if (block.type !== 'thinking' && block.type !== 'redacted_thinking') lastCacheable = segments.length - 1;
    });
  }
  // The top-level cache_control is an automatic breakpoint on the last cacheable block.
  const automatic = segments[lastCacheable];
  if (shape.cacheControl && automatic) automatic.breakpoint ??= shape.cacheControl;
  const tailText = shape.tail.filter((part) => part !== undefined).map((part) => JSON.stringify(part)).join('\n');
  segments.push({ tokens: countTokens(tailText) + REPLY_PRIMER_TOKENS, key: `tail:${tailText}` });
  return segments;
}

export function totalTokens(segments: PromptSegment[]): number {
  return segments.reduce((sum, segment) => sum + segment.tokens, 0);
}

function breakpointOf(block: Block): CacheControl | undefined {
  return isObject(block.cache_control) ? (block.cache_control as unknown as CacheControl) : undefined;
}

function canonicalBlock(block: Block): string {
  const { cache_control: _ignored, ...rest } = block;
  return JSON.stringify(rest);
}

/** Images cost about width × height / 750 tokens, as documented for Claude, capped like its resizing does. */
export function imageTokens(block: Record<string, unknown>): number {
  const source = isObject(block.source) ? block.source : {};
  const info = typeof source.data === 'string' ? readImageInfo(Buffer.from(source.data, 'base64')) : undefined;
  if (!info) return 85;
  return Math.min(IMAGE_MAX_TOKENS, Math.max(1, Math.ceil((info.width * info.height) / 750)));
}

function blockTokens(block: Block): number {
  switch (block.type) {
    case 'text':
      return countTokens(block.text as string);
    case 'image':
      return imageTokens(block);
    case 'tool_use':
      return countTokens(`${block.name as string} ${JSON.stringify(block.input)}`) + 5;
    case 'tool_result': {
      const images = Array.isArray(block.content) ? block.content.filter((part) => isObject(part) && part.type === 'image') : [];
      return countTokens(toolResultText(block)) + images.reduce((sum: number, image) => sum + imageTokens(image), 0) + 5;
    }
    case 'thinking':
      return countTokens(block.thinking as string);
    case 'redacted_thinking':
      return Math.ceil((block.data as string).length / 4);
    case 'document':
      return documentTokens(block);
    default:
      return countTokens(JSON.stringify(block));
  }
}

function documentTokens(block: Block): number {
  const source = isObject(block.source) ? block.source : {};
  if (source.type === 'text' && typeof source.data === 'string') return countTokens(source.data) + 10;
  if (source.type === 'base64' && typeof source.data === 'string') return Math.ceil(source.data.length / 8) + 10;
  return countTokens(JSON.stringify(source.content ?? '')) + 10;
}
