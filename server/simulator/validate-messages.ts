import { invalid } from './api-error';
import { isObject } from './is-object';
import type { Block, LocatedBlock, Turn } from './message-request';
import { readCacheControl, type Breakpoint } from './validate-cache-control';
import { validateImage, type CheckedImage } from './validate-image';
import { validateTextValue } from './validate-text';

const MAX_MESSAGES = 100_000;
const OPAQUE_TYPES = new Set(['server_tool_use', 'container_upload', 'tool_reference', 'mcp_tool_use', 'mcp_tool_result']);
const USER_ONLY = new Set(['tool_result', 'image', 'document', 'search_result']);
const ASSISTANT_ONLY = new Set(['tool_use', 'thinking', 'redacted_thinking', 'server_tool_use']);

export interface MessagesCheck {
  turns: Turn[];
  images: CheckedImage[];
}

/** Shape of `messages` and of every block in it; then consecutive same-role messages are merged into turns. */
export function validateMessages(value: unknown, breakpoints: Breakpoint[]): MessagesCheck {
  if (value === undefined) throw invalid('messages', 'Field required');
  if (!Array.isArray(value)) throw invalid('messages', 'Input should be a valid list');
  if (value.length === 0) throw invalid('messages', 'List should have at least 1 item after validation, not 0');
  if (value.length > MAX_MESSAGES) throw invalid('messages', `List should have at most ${MAX_MESSAGES} items after validation, not ${value.length}`);
  const images: CheckedImage[] = [];
  const turns: Turn[] = [];
  value.forEach((message, index) => {
    const path = `messages.${index}`;
    if (!isObject(message)) throw invalid(path, 'Input should be an object');
    const role = message.role;
    if (role !== 'user' && role !== 'assistant' && role !== 'system') throw invalid(`${path}.role`, "Input should be 'user', 'assistant' or 'system'");
    const blocks = contentBlocks(message.content, path);
    const isFinal = index === value.length - 1;
    if (blocks.length === 0 && !(isFinal && role === 'assistant')) {
      throw invalid(path, 'all messages must have non-empty content except for the optional final assistant message');
    }
    for (const located of blocks) validateBlock(located, role, images, breakpoints);
    const previous = turns[turns.length - 1];
    if (previous && previous.role === role && role !== 'system') previous.blocks.push(...blocks);
    else turns.push({ role, path, blocks });
  });
  return { turns, images };
}

function contentBlocks(content: unknown, path: string): LocatedBlock[] {
  if (typeof content === 'string') {
    // String shorthand: an empty final assistant string is allowed (it asks for nothing to be prefilled).
    return content === '' ? [] : [{ block: { type: 'text', text: content }, path: `${path}.content` }];
  }
  if (!Array.isArray(content)) throw invalid(`${path}.content`, 'Input should be a valid string or list of content blocks');
  return content.map((block, index) => {
    const blockPath = `${path}.content.${index}`;
    if (!isObject(block) || typeof block.type !== 'string') throw invalid(`${blockPath}.type`, 'Field required');
    return { block: block as Block, path: blockPath };
  });
}

function validateBlock({ block, path }: LocatedBlock, role: string, images: CheckedImage[], breakpoints: Breakpoint[]): void {
  const type = block.type;
  if (role === 'system' && type !== 'text') throw invalid(`${path}.type`, 'system messages may only contain text blocks');
  if (role === 'user' && ASSISTANT_ONLY.has(type)) throw invalid(`${path}.type`, `\`${type}\` blocks can only be used in \`assistant\` messages`);
  if (role === 'assistant' && USER_ONLY.has(type)) throw invalid(`${path}.type`, `\`${type}\` blocks can only be used in \`user\` messages`);
  const cacheControl = readCacheControl(block.cache_control, `${path}.cache_control`);
  if (cacheControl) {
    if (type === 'thinking' || type === 'redacted_thinking') throw invalid(`${path}.cache_control`, `cache_control cannot be set on ${type} blocks`);
    breakpoints.push({ path: `${path}.cache_control`, control: cacheControl });
  }
  switch (type) {
    case 'text':
      validateTextValue(block.text, `${path}.text`);
      return;
    case 'image':
      images.push(validateImage(block, path));
      return;
    case 'document':
      validateDocument(block, path);
      return;
    case 'search_result':
      if (typeof block.source !== 'string' || typeof block.title !== 'string' || !Array.isArray(block.content)) {
        throw invalid(path, 'search_result blocks need a string `source`, a string `title` and a `content` list');
      }
      return;
    case 'tool_use':
      if (typeof block.id !== 'string' || block.id === '') throw invalid(`${path}.id`, 'Field required');
      if (typeof block.name !== 'string') throw invalid(`${path}.name`, 'Field required');
      if (!isObject(block.input)) throw invalid(`${path}.input`, 'Input should be an object');
      return;
    case 'tool_result':
      validateToolResult(block, path, images);
      return;
    case 'thinking':
      if (typeof block.thinking !== 'string') throw invalid(`${path}.thinking`, 'Field required');
      if (typeof block.signature !== 'string') throw invalid(`${path}.signature`, 'Field required');
      return;
    case 'redacted_thinking':
      if (typeof block.data !== 'string') throw invalid(`${path}.data`, 'Field required');
      return;
    default:
      if (OPAQUE_TYPES.has(type) || type.endsWith('_tool_result')) return;
      throw invalid(`${path}.type`, `Input tag '${type}' found using 'type' does not match any of the expected tags`);
  }
}

function validateToolResult(block: Block, path: string, images: CheckedImage[]): void {
  if (typeof block.tool_use_id !== 'string' || block.tool_use_id === '') throw invalid(`${path}.tool_use_id`, 'Field required');
  if (block.is_error !== undefined && typeof block.is_error !== 'boolean') throw invalid(`${path}.is_error`, 'Input should be a valid boolean');
  const content = block.content;
  if (content === undefined || typeof content === 'string') return;
  if (!Array.isArray(content)) throw invalid(`${path}.content`, 'Input should be a valid string or list of content blocks');
  content.forEach((part, index) => {
    const partPath = `${path}.content.${index}`;
    if (!isObject(part) || typeof part.type !== 'string') throw invalid(`${partPath}.type`, 'Field required');
    if (part.type === 'text') validateTextValue(part.text, `${partPath}.text`);
    else if (part.type === 'image') images.push(validateImage(part, partPath));
    else if (part.type === 'document') validateDocument(part, partPath);
    else if (part.type !== 'search_result' && part.type !== 'tool_reference') {
      throw invalid(`${partPath}.type`, `Input tag '${part.type}' found using 'type' does not match any of the expected tags`);
    }
  });
}

const MAX_PDF_PAGES = 100;

function validateDocument(block: Record<string, unknown>, path: string): void {
  const source = block.source;
  if (!isObject(source)) throw invalid(`${path}.source`, 'Field required');
  if (source.type === 'url') throw invalid(`${path}.source.url`, 'the offline simulator never fetches URLs; send the document as base64 or text');
  if (source.type === 'file') throw invalid(`${path}.source.file_id`, 'the offline simulator has no Files API');
  if (source.type === 'text' || source.type === 'content') return;
  if (source.type !== 'base64') throw invalid(`${path}.source.type`, "Input should be 'base64', 'text', 'content', 'url' or 'file'");
  if (source.media_type !== 'application/pdf') throw invalid(`${path}.source.media_type`, "Input should be 'application/pdf'");
  const bytes = Buffer.from(typeof source.data === 'string' ? source.data : '', 'base64');
  if (bytes.toString('latin1', 0, 5) !== '%PDF-') throw invalid(`${path}.source.data`, 'The PDF specified was not valid');
  const pages = bytes.toString('latin1').match(/\/Type\s*\/Page(?![s\w])/g)?.length ?? 0;
  if (pages > MAX_PDF_PAGES) throw invalid(`${path}.source.data`, `A maximum of ${MAX_PDF_PAGES} PDF pages may be provided.`);
}
