import { LIMITS } from './limits';
import { jsonPointer } from './json-pointer';
import type { WorkflowIssue } from './workflow-issue';

/** Keys that would reach an object's prototype if any consumer ever merged the document naively. */
export const FORBIDDEN_KEYS: ReadonlySet<string> = new Set(['__proto__', 'constructor', 'prototype']);

/** Stop collecting after this many issues: a hostile file must not produce a megabyte of errors. */
const MAX_ISSUES = 50;

/**
 * Checks that the document is plain, bounded JSON before any recursive code (ajv, migrations,
 * the canvas) sees it: nesting depth, string lengths, value count, forbidden keys, and no
 * non-JSON values when called from code. Iterative, so a 10,000-deep document cannot blow the stack.
 */
export function checkStructure(document: unknown, stringLength: number = LIMITS.stringLength): WorkflowIssue[] {
  const issues: WorkflowIssue[] = [];
  const onStack = new Set<object>();
  const stack: { value: unknown; path: (string | number)[]; exit?: true }[] = [{ value: document, path: [] }];
  let values = 0;
  const fail = (path: (string | number)[], rule: string, message: string) => {
    issues.push({ severity: 'error', path: jsonPointer(...path), rule, message });
  };

  while (stack.length > 0 && issues.length < MAX_ISSUES) {
    const frame = stack.pop() as (typeof stack)[number];
    const { value, path } = frame;
    if (frame.exit) {
      onStack.delete(value as object);
      continue;
    }
    values += 1;
    if (values > LIMITS.values) {
      fail([], 'limits.size', `The document has more than ${LIMITS.values} JSON values.`);
      break;
    }
    if (path.length > LIMITS.depth) {
      fail(path.slice(0, LIMITS.depth + 1), 'limits.depth', `Values are nested deeper than ${LIMITS.depth} levels.`);
      break;
    }
    if (value === null || typeof value === 'boolean') continue;
    if (typeof value === 'number') {
      if (!Number.isFinite(value)) fail(path, 'json.not_plain', `${describe(path)} is ${value}, which JSON cannot represent.`);
      continue;
    }
    if (typeof value === 'string') {
      if (value.length > stringLength) fail(path, 'limits.string_length', `${describe(path)} is ${value.length} characters long; the limit is ${stringLength}.`);
      continue;
    }
    if (typeof value !== 'object' || !isPlainContainer(value)) {
      fail(path, 'json.not_plain', `${describe(path)} is a ${typeof value === 'object' ? 'non-plain object' : typeof value}, not a JSON value.`);
      continue;
    }
    if (onStack.has(value)) {
      fail(path, 'json.not_plain', `${describe(path)} refers back to itself; JSON cannot be cyclic.`);
      continue;
    }
    onStack.add(value);
    stack.push({ value, path, exit: true });
    if (Array.isArray(value)) {
      if (value.length > LIMITS.values) {
        fail(path, 'limits.size', `${describe(path)} has more than ${LIMITS.values} items.`);
        break;
      }
      for (let index = value.length - 1; index >= 0; index -= 1) stack.push({ value: value[index], path: [...path, index] });
      continue;
    }
    const keys = Object.keys(value);
    for (let index = keys.length - 1; index >= 0; index -= 1) {
      const key = keys[index] as string;
      if (FORBIDDEN_KEYS.has(key)) {
        fail([...path, key], 'security.forbidden_key', `The key "${key}" is not allowed anywhere in a workflow (prototype pollution guard).`);
        continue;
      }
      if (key.length > LIMITS.stringLength) {
        fail(path, 'limits.string_length', `${describe(path)} has a key ${key.length} characters long; the limit is ${LIMITS.stringLength}.`);
        continue;
      }
      stack.push({ value: (value as Record<string, unknown>)[key], path: [...path, key] });
    }
  }
  return issues;
}

function isPlainContainer(value: object): boolean {
  if (Array.isArray(value)) return true;
  const prototype: unknown = Object.getPrototypeOf(value);
  return prototype === Object.prototype || prototype === null;
}

function describe(path: readonly (string | number)[]): string {
  return path.length === 0 ? 'The document' : `The value at ${jsonPointer(...path)}`;
}
