import { compileLinearRegex } from '../../shared/regex/linear-regex';
import { isObject } from './is-object';
import type { Matcher } from './types';

/** The parts of a request a matcher looks at. */
export interface MatchTarget {
  path: string;
  body: unknown;
}

export function matchesRequest(matcher: Matcher | undefined, target: MatchTarget): boolean {
  if (!matcher) return true;
  const body = isObject(target.body) ? target.body : {};
  if (matcher.path !== undefined && matcher.path !== target.path) return false;
  if (matcher.model !== undefined && body.model !== matcher.model) return false;
  if (matcher.stream !== undefined && (body.stream === true) !== matcher.stream) return false;
  if (matcher.toolName !== undefined && !(Array.isArray(body.tools) && body.tools.some((tool) => isObject(tool) && tool.name === matcher.toolName))) return false;
  if (matcher.system !== undefined && !textOf(body.system).includes(matcher.system)) return false;
  if (matcher.lastUserText !== undefined) {
    const text = lastUserText(body.messages);
    if (typeof matcher.lastUserText === 'string') return text.includes(matcher.lastUserText);
    // The text comes from whatever workflow is running: linear time, like every user pattern.
    return compileLinearRegex(matcher.lastUserText.regex, matcher.lastUserText.flags).test(text);
  }
  return true;
}

function lastUserText(messages: unknown): string {
  if (!Array.isArray(messages)) return '';
  const last = [...messages].reverse().find((message) => isObject(message) && message.role === 'user');
  return isObject(last) ? textOf(last.content) : '';
}

function textOf(content: unknown): string {
  if (typeof content === 'string') return content;
  if (!Array.isArray(content)) return '';
  return content
    .map((block) => (isObject(block) && block.type === 'text' && typeof block.text === 'string' ? block.text : ''))
    .filter(Boolean)
    .join('\n');
}
