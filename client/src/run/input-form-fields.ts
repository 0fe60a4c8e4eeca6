import type { Json, JsonSchema } from '../../../shared/json-schema';

export interface InputFormField {
  key: string;
  kind: 'string' | 'number' | 'integer' | 'boolean' | 'enum';
  required: boolean;
  description?: string;
  /** `enum` fields: the values offered. */
  options?: string[];
}

const SIMPLE = new Set(['string', 'number', 'integer', 'boolean']);

/**
 * The fields of the run-input form, one per property of an object `inputs` schema whose properties
 * are all plain strings, numbers, booleans or string enums. Anything else (nesting, arrays, unions,
 * $ref) returns null and the panel offers the JSON view only: a form that could not say everything
 * the schema allows would silently drop what it cannot show.
 */
export function inputFormFields(schema: JsonSchema | undefined): InputFormField[] | null {
  if (!schema || schema.type !== 'object' || !isRecord(schema.properties)) return null;
  const required = Array.isArray(schema.required) ? schema.required.filter((key): key is string => typeof key === 'string') : [];
  const fields: InputFormField[] = [];
  for (const [key, property] of Object.entries(schema.properties)) {
    if (!isRecord(property)) return null;
    const description = typeof property.description === 'string' ? property.description : undefined;
    const base = { key, required: required.includes(key), ...(description ? { description } : {}) };
    if (Array.isArray(property.enum) && property.enum.every((value) => typeof value === 'string')) fields.push({ ...base, kind: 'enum', options: property.enum as string[] });
    else if (typeof property.type === 'string' && SIMPLE.has(property.type)) fields.push({ ...base, kind: property.type as InputFormField['kind'] });
    else return null;
  }
  return fields;
}

/**
 * The input with one field set from what was typed. An emptied field is left out rather than sent
 * as "" (so an emptied required field is reported missing, as a form reader expects), and a number
 * that does not parse stays text so the inline check can name it.
 */
export function withFieldValue(input: Json, field: InputFormField, typed: string | boolean): Json {
  const base: { [key: string]: Json } = isRecord(input) ? { ...(input as { [key: string]: Json }) } : {};
  if (typed === '') {
    delete base[field.key];
    return base;
  }
  base[field.key] = typeof typed === 'boolean' ? typed : field.kind === 'number' || field.kind === 'integer' ? toNumber(typed) : typed;
  return base;
}

/** What a field shows for the current input. */
export function fieldText(input: Json, key: string): string | boolean {
  const value = isRecord(input) ? (input as { [key: string]: Json })[key] : undefined;
  if (typeof value === 'boolean') return value;
  if (value === undefined || value === null) return '';
  return typeof value === 'string' ? value : JSON.stringify(value);
}

/** The inline-check issues about one field: at its path, or naming it (a missing required property). */
export function isFieldIssue(issue: { path: string; message: string }, key: string): boolean {
  return issue.path === `/${key}` || issue.message.includes(`"${key}"`);
}

function toNumber(typed: string): Json {
  const trimmed = typed.trim();
  return trimmed !== '' && Number.isFinite(Number(trimmed)) ? Number(trimmed) : typed;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
