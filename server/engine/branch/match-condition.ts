import type { Json } from '../../../shared/json-schema';
import type { BranchCondition } from '../../../shared/node-configs';
import { compileLinearRegex, type LinearRegex } from '../../../shared/regex/linear-regex';
import { formatValue } from '../../../shared/templates';
import { NodeError } from '../node-error';
import { lookupJsonPath } from './lookup-json-path';

/** Bounds on top of the linear-time engine: the cost is linear, but in pattern and text size both. */
export const MAX_PATTERN_LENGTH = 256;
export const MAX_MATCH_INPUT_LENGTH = 10_000;

export function matchCondition(condition: BranchCondition, value: unknown, where: string): boolean {
  if ('equals' in condition) return formatValue(value).trim() === condition.equals.trim();
  if ('contains' in condition) return formatValue(value).includes(condition.contains);
  if ('matches' in condition) return matchRegex(condition.matches, formatValue(value), where);
  return compare(condition, lookupJsonPath(asJson(value), condition.json_path, where), where);
}

function matchRegex(source: string, text: string, where: string): boolean {
  if (source.length > MAX_PATTERN_LENGTH) throw NodeError.config(`${where}.matches: the pattern is ${source.length} characters; the limit is ${MAX_PATTERN_LENGTH}`);
  if (text.length > MAX_MATCH_INPUT_LENGTH) {
    throw new NodeError({ type: 'validation_error', message: `${where}.matches: the value to match is ${text.length} characters; regex routes accept at most ${MAX_MATCH_INPUT_LENGTH}` });
  }
  let pattern: LinearRegex;
  try {
    // Linear time whatever the pattern: a backtracking RegExp here froze the whole server.
    pattern = compileLinearRegex(source, 'u');
  } catch (error) {
    throw NodeError.config(`${where}.matches: ${(error as Error).message}`);
  }
  return pattern.test(text);
}

/** A string that holds JSON (a Claude answer, say) is parsed so json_path can look inside it. */
function asJson(value: unknown): Json {
  if (typeof value === 'string') {
    try {
      return JSON.parse(value) as Json;
    } catch {
      return value;
    }
  }
  return (value ?? null) as Json;
}

function compare(condition: Extract<BranchCondition, { json_path: string }>, actual: Json | undefined, where: string): boolean {
  const expected = condition.value;
  switch (condition.op) {
    case 'exists':
      return actual !== undefined && actual !== null;
    case 'eq':
      return actual !== undefined && JSON.stringify(actual) === JSON.stringify(expected);
    case 'ne':
      return actual === undefined || JSON.stringify(actual) !== JSON.stringify(expected);
    default: {
      if (actual === undefined || expected === undefined) return false;
      const ordered = ordering(actual, expected);
      if (ordered === undefined) {
        throw new NodeError({ type: 'validation_error', message: `${where}: "${condition.op}" compares numbers or strings, got ${JSON.stringify(actual)} and ${JSON.stringify(expected)}` });
      }
      if (condition.op === 'gt') return ordered > 0;
      if (condition.op === 'gte') return ordered >= 0;
      if (condition.op === 'lt') return ordered < 0;
      return ordered <= 0;
    }
  }
}

function ordering(a: Json, b: Json): number | undefined {
  if (typeof a === 'number' && typeof b === 'number') return a - b;
  if (typeof a === 'string' && typeof b === 'string') return a < b ? -1 : a > b ? 1 : 0;
  return undefined;
}
