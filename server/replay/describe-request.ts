import type { Json } from '../../shared/json-schema';
import type { CassetteRequest } from './cassette';

const EXCERPT_CHARS = 80;

/** `POST /v1/messages (model claude-sonnet-4-6, last user text "…")`: enough to recognise the call. */
export function describeRequest(request: CassetteRequest): string {
  const facts: string[] = [];
  const body = asObject(request.body);
  if (typeof body?.model === 'string') facts.push(`model ${body.model}`);
  const text = lastUserText(body?.messages);
  if (text !== undefined) facts.push(`last user text ${JSON.stringify(excerpt(text))}`);
  return `${request.method} ${request.path}${facts.length ? ` (${facts.join(', ')})` : ''}`;
}

function lastUserText(messages: Json | undefined): string | undefined {
  if (!Array.isArray(messages)) return undefined;
  for (let index = messages.length - 1; index >= 0; index -= 1) {
    const message = asObject(messages[index]);
    if (message?.role !== 'user') continue;
    const content = message.content;
    if (typeof content === 'string') return content;
    if (!Array.isArray(content)) return '';
    return content
      .map((block) => {
        const item = asObject(block);
        if (item?.type === 'text' && typeof item.text === 'string') return item.text;
        return `[${typeof item?.type === 'string' ? item.type : 'block'}]`;
      })
      .join(' ');
  }
  return undefined;
}

function excerpt(text: string): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > EXCERPT_CHARS ? `${flat.slice(0, EXCERPT_CHARS - 1)}…` : flat;
}

function asObject(value: Json | undefined): { [key: string]: Json } | undefined {
  return value !== null && typeof value === 'object' && !Array.isArray(value) ? value : undefined;
}
