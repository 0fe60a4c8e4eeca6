import type { Json } from '../../shared/json-schema';
import { lookupPath, type TemplateReference } from '../../shared/templates';

/**
 * Text of about `tokens` tokens: one short English word per token, so the API's count of it is
 * close to `tokens` for Claude's tokenizer and exact for the simulator's.
 */
export function fillerText(tokens: number): string {
  return tokens <= 0 ? '' : Array.from({ length: tokens }, () => 'data').join(' ');
}

/** Never create these keys: the renderer refuses to walk them anyway. */
const UNSAFE_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

/**
 * What an upstream node's output looks like to a downstream template before the run: `base`
 * (text, messages… as far as they can be known), with every other field a template reads set to
 * `filler`, so `{{extract.json.title}}` renders the filler instead of failing as missing.
 */
export function placeholderOutput(base: { [key: string]: Json }, references: readonly TemplateReference[], filler: string): Json {
  const output = structuredClone(base);
  for (const ref of references) {
    if (ref.path.length === 0 || ref.path.some((segment) => UNSAFE_KEYS.has(segment)) || lookupPath(output, ref.path) !== undefined) continue;
    setPath(output, ref.path, filler);
  }
  return output;
}

function setPath(target: { [key: string]: Json }, path: readonly string[], value: string): void {
  let current: { [key: string]: Json } = target;
  path.forEach((segment, index) => {
    if (index === path.length - 1) {
      current[segment] = value;
      return;
    }
    const next = current[segment];
    if (next === null || typeof next !== 'object' || Array.isArray(next)) current[segment] = {};
    current = current[segment] as { [key: string]: Json };
  });
}
