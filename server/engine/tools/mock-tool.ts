import type { Json } from '../../../shared/json-schema';
import type { ToolImplementation } from '../../../shared/node-configs';
import { ToolFailure } from './tool-failure';

type MockImplementation = Extract<ToolImplementation, { kind: 'mock' }>;

/** First keyed response whose `when` fields all equal the input's wins; `response` is the fallback. */
export function runMockTool(implementation: MockImplementation, input: Json): Json {
  if (implementation.error !== undefined) throw new ToolFailure(implementation.error);
  const args = input !== null && typeof input === 'object' && !Array.isArray(input) ? input : {};
  for (const keyed of implementation.responses ?? []) {
    if (Object.entries(keyed.when).every(([key, expected]) => sameJson(args[key], expected))) return keyed.response;
  }
  if (implementation.response !== undefined) return implementation.response;
  throw new ToolFailure(`no mock response matches the input ${JSON.stringify(input)}`);
}

function sameJson(a: Json | undefined, b: Json): boolean {
  if (a === undefined) return false;
  if (typeof a === 'string' && typeof b === 'string') return a.trim().toLowerCase() === b.trim().toLowerCase();
  return JSON.stringify(a) === JSON.stringify(b);
}
