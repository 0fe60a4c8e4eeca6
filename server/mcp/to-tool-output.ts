import type { CallToolResult, ContentBlock } from '@modelcontextprotocol/sdk/types.js';
import type { Json } from '../../shared/json-schema';

export interface McpToolOutput {
  output: Json;
  is_error: boolean;
}

/**
 * Maps an MCP tool result to what a Trellis tool node outputs:
 * - `structuredContent` (a successful call's typed result) is the output as is;
 * - text-only content becomes one string (blocks joined by newlines), which is what Claude reads best;
 * - anything else becomes a list of plain blocks. Binary data (images, audio) is summarised as
 *   its type and size, never copied into trace events and the run store.
 * `isError` carries over, so Claude sees the failure and can react.
 */
export function toToolOutput(result: Partial<CallToolResult> & { toolResult?: unknown }): McpToolOutput {
  const isError = result.isError === true;
  if (!isError && result.structuredContent !== undefined) return { output: result.structuredContent as Json, is_error: false };
  if (result.content === undefined && result.toolResult !== undefined) return { output: result.toolResult as Json, is_error: isError };
  const blocks = result.content ?? [];
  if (blocks.every((block) => block.type === 'text')) return { output: blocks.map((block) => (block.type === 'text' ? block.text : '')).join('\n'), is_error: isError };
  return { output: blocks.map(toPlainBlock), is_error: isError };
}

function toPlainBlock(block: ContentBlock): Json {
  switch (block.type) {
    case 'text':
      return { type: 'text', text: block.text };
    case 'image':
    case 'audio':
      return { type: block.type, mime_type: block.mimeType, bytes: Math.floor((block.data.length * 3) / 4) };
    case 'resource': {
      const resource = block.resource;
      const plain: { [key: string]: Json } = { type: 'resource', uri: resource.uri };
      if (resource.mimeType) plain.mime_type = resource.mimeType;
      if ('text' in resource && typeof resource.text === 'string') plain.text = resource.text;
      else if ('blob' in resource && typeof resource.blob === 'string') plain.bytes = Math.floor((resource.blob.length * 3) / 4);
      return plain;
    }
    case 'resource_link':
      return { type: 'resource_link', uri: block.uri, name: block.name };
    default:
      return { type: (block as { type: string }).type };
  }
}
