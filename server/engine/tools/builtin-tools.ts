import type { Json } from '../../../shared/json-schema';
import { evaluateArithmetic } from './evaluate-arithmetic';
import { ToolFailure } from './tool-failure';

/** `calculator`: `{expression}` → `{expression, result}`. */
export function runCalculator(input: Json): Json {
  const expression = field(input, 'expression');
  if (typeof expression !== 'string') throw new ToolFailure('calculator needs a string "expression", e.g. {"expression": "(2 + 3) * 4"}');
  return { expression, result: evaluateArithmetic(expression) };
}

/** `current_time`: the engine clock (deps.now), optionally rendered in an IANA `timezone`. */
export function runCurrentTime(input: Json, now: number): Json {
  const timezone = field(input, 'timezone') ?? 'UTC';
  if (typeof timezone !== 'string') throw new ToolFailure('"timezone" must be an IANA name such as "Europe/Paris"');
  let local: string;
  try {
    local = new Intl.DateTimeFormat('en-CA', {
      timeZone: timezone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
      hourCycle: 'h23',
      timeZoneName: 'shortOffset',
    }).format(new Date(now));
  } catch {
    throw new ToolFailure(`unknown timezone "${timezone}" (use an IANA name such as "Europe/Paris")`);
  }
  return { iso: new Date(now).toISOString(), epoch_ms: now, timezone, local };
}

function field(input: Json, key: string): Json | undefined {
  return input !== null && typeof input === 'object' && !Array.isArray(input) ? input[key] : undefined;
}
