import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { loadWorkflow } from '../../../shared/format';
import { validateWorkflow } from '../../../shared/validate-workflow';

const WORKFLOWS = join(import.meta.dirname, '../../../workflows');
const examples: unknown[] = readdirSync(WORKFLOWS)
  .filter((file) => file.endsWith('.json'))
  .map((file) => JSON.parse(readFileSync(join(WORKFLOWS, file), 'utf8')));

type Container = Record<string, unknown> | unknown[];

/** Every container in a JSON value with the keys it holds, so a mutation can pick any location. */
function locations(value: unknown): { container: Container; key: string | number }[] {
  const found: { container: Container; key: string | number }[] = [];
  const stack = [value];
  while (stack.length > 0) {
    const current = stack.pop();
    if (Array.isArray(current)) current.forEach((item, index) => { found.push({ container: current, key: index }); stack.push(item); });
    else if (current !== null && typeof current === 'object') {
      for (const [key, item] of Object.entries(current)) { found.push({ container: current as Record<string, unknown>, key }); stack.push(item); }
    }
  }
  return found;
}

function deeplyNested(depth: number): unknown {
  let value: unknown = 'leaf';
  for (let i = 0; i < depth; i += 1) value = i % 2 ? [value] : { v: value };
  return value;
}

const replacement = fc.oneof(
  fc.jsonValue({ maxDepth: 3 }),
  fc.constantFrom<unknown>(null, '', 0, -1, 1e308, true, [], {}, '{{__proto__.x}}', '{{constructor.constructor}}', '{{ a + b }}', 'x'.repeat(300_000)),
  fc.integer({ min: 60, max: 5000 }).map(deeplyNested),
  fc.constantFrom('__proto__', 'constructor', 'prototype').map((key) => JSON.parse(`{"${key}": {"polluted": true}}`)),
);

const mutation = fc.record({
  kind: fc.oneof({ arbitrary: fc.constant('rewire'), weight: 3 }, { arbitrary: fc.constantFrom('delete', 'replace', 'insert', 'retype', 'forbidden-key'), weight: 2 }),
  at: fc.nat(),
  value: replacement,
  key: fc.string({ maxLength: 12 }),
});

interface MutationStep {
  kind: string;
  at: number;
  value: unknown;
  key: string;
}

function mutate(document: unknown, steps: MutationStep[]): unknown {
  const copy = structuredClone(document);
  for (const step of steps) {
    const spots = locations(copy);
    if (spots.length === 0) break;
    const { container, key } = spots[step.at % spots.length] as (typeof spots)[number];
    const current = (container as Record<string | number, unknown>)[key];
    switch (step.kind) {
      case 'delete':
        if (Array.isArray(container)) container.splice(key as number, 1);
        else delete container[key as string];
        break;
      case 'replace':
        (container as Record<string | number, unknown>)[key] = step.value;
        break;
      case 'insert':
        if (Array.isArray(container)) container.splice(key as number, 0, step.value);
        else Object.defineProperty(container, step.key, { value: step.value, enumerable: true, writable: true, configurable: true });
        break;
      case 'retype':
        (container as Record<string | number, unknown>)[key] = typeof current === 'string' ? 42 : typeof current === 'number' ? String(current) : Array.isArray(current) ? { 0: current[0] } : current === null ? [] : typeof current === 'object' ? [current] : 'text';
        break;
      case 'rewire': {
        // Swap in another string of the same document (a node id, a route label, a template) so the
        // mutant stays schema-valid and reaches the graph, template and per-type checks.
        const strings = spots.map((spot) => (spot.container as Record<string | number, unknown>)[spot.key]).filter((item): item is string => typeof item === 'string');
        if (typeof current === 'string' && strings.length > 0) (container as Record<string | number, unknown>)[key] = strings[(step.at * 7919) % strings.length];
        break;
      }
      case 'forbidden-key':
        if (!Array.isArray(container)) Object.defineProperty(container, ['__proto__', 'constructor', 'prototype'][step.at % 3] as string, { value: step.value, enumerable: true, configurable: true, writable: true });
        break;
    }
  }
  return copy;
}

function stringifiable(value: unknown): string | undefined {
  try {
    return JSON.stringify(value);
  } catch {
    return undefined;
  }
}

describe('validator never throws (property)', () => {
  it('returns issues, never an exception, for randomly mutated examples', () => {
    let reachedSemanticChecks = 0;
    fc.assert(
      fc.property(fc.constantFrom(...examples), fc.array(mutation, { minLength: 1, maxLength: 4 }), (example, steps) => {
        const document = mutate(example, steps);
        const result = validateWorkflow(document);
        expect(result.errors.concat(result.warnings).every((issue) => typeof issue.rule === 'string' && typeof issue.path === 'string' && issue.message.length > 0)).toBe(true);
        expect(result.errors.some((issue) => issue.rule === 'validator.internal')).toBe(false);
        expect(result.valid).toBe(result.errors.length === 0);
        if (result.errors.some((issue) => !/^(schema|limits|security|json|node\.unknown_type)/.test(issue.rule))) reachedSemanticChecks += 1;
        // The same document through the text path (V8's own JSON.stringify gives up on very deep values first).
        const text = stringifiable(document);
        if (text !== undefined) expect(loadWorkflow(text).errors.some((issue) => issue.rule === 'validator.internal')).toBe(false);
      }),
      { numRuns: 400 },
    );
    // Guards the generator itself: mutants must also get past the schema into the graph and template checks.
    expect(reachedSemanticChecks).toBeGreaterThan(20);
  });

  it('never throws on arbitrary JSON of any shape', () => {
    fc.assert(
      fc.property(fc.jsonValue({ maxDepth: 6 }), (value) => {
        const result = validateWorkflow(value);
        expect(result.valid).toBe(false);
        expect(result.errors.some((issue) => issue.rule === 'validator.internal')).toBe(false);
      }),
      { numRuns: 300 },
    );
  });

  it('handles a 10,000-deep document, non-JSON values and cycles from code', () => {
    let deep: unknown = 0;
    for (let i = 0; i < 10_000; i += 1) deep = [deep];
    expect(validateWorkflow(deep).errors[0]?.rule).toBe('limits.depth');
    expect(loadWorkflow(`${'['.repeat(10_000)}${']'.repeat(10_000)}`).errors[0]?.rule).toBe('limits.depth');
    const cyclic: Record<string, unknown> = { format: 'trellis.workflow' };
    cyclic.self = cyclic;
    expect(validateWorkflow(cyclic).errors[0]?.rule).toBe('json.not_plain');
    expect(validateWorkflow({ nodes: [() => 1] }).errors[0]?.rule).toBe('json.not_plain');
    expect(validateWorkflow({ version: Number.NaN }).errors[0]?.rule).toBe('json.not_plain');
    expect(validateWorkflow(undefined).errors[0]?.rule).toBe('json.not_plain');
    expect(validateWorkflow(new Date()).errors[0]?.rule).toBe('json.not_plain');
  });

  it('never pollutes Object.prototype, whatever the document', () => {
    for (const text of ['{"__proto__":{"polluted":1}}', '{"nodes":[{"constructor":{"prototype":{"polluted":1}}}]}']) {
      loadWorkflow(text);
      validateWorkflow(JSON.parse(text));
    }
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});
