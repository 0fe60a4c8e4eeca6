import { isObject } from './is-object';
import { arithmeticExpression, keywords, numbersIn, placeName, shorten } from './text-facts';

type Schema = Record<string, unknown>;

/**
 * A value valid against a JSON Schema (types, required, enums, nested objects, arrays, string and
 * number bounds), taking values from the conversation text where a property name hints at them.
 */
export function schemaValue(schema: unknown, text: string, name = '', depth = 0): unknown {
  if (!isObject(schema)) return {};
  if ('const' in schema) return schema.const;
  if (Array.isArray(schema.enum) && schema.enum.length > 0) return pickEnum(schema.enum, text);
  const variants = (schema.anyOf ?? schema.oneOf) as unknown[] | undefined;
  if (Array.isArray(variants) && variants.length > 0) {
    return schemaValue(variants.find((variant) => isObject(variant) && variant.type !== 'null') ?? variants[0], text, name, depth);
  }
  if (Array.isArray(schema.allOf) && schema.allOf.length > 0) {
    return schemaValue(Object.assign({}, ...schema.allOf.filter(isObject)), text, name, depth);
  }
  const type = Array.isArray(schema.type) ? (schema.type.find((t) => t !== 'null') ?? schema.type[0]) : schema.type;
  switch (type) {
    case 'object':
      return objectValue(schema, text, depth);
    case 'array':
      return arrayValue(schema, text, name, depth);
    case 'string':
      return stringValue(schema, text, name);
    case 'integer':
      return numberValue(schema, text, true);
    case 'number':
      return numberValue(schema, text, false);
    case 'boolean':
      return schema.default === false ? false : true;
    case 'null':
      return null;
    default:
      return isObject(schema.properties) ? objectValue(schema, text, depth) : stringValue(schema, text, name);
  }
}

function pickEnum(options: unknown[], text: string): unknown {
  const lower = text.toLowerCase();
  const mentioned = options
    .filter((option): option is string => typeof option === 'string')
    .map((option) => ({ option, at: lower.search(new RegExp(`\\b${escapeRegex(option.toLowerCase())}\\b`)) }))
    .filter(({ at }) => at >= 0)
    .sort((a, b) => a.at - b.at);
  return mentioned[0]?.option ?? options[0];
}

function objectValue(schema: Schema, text: string, depth: number): Record<string, unknown> {
  const properties = isObject(schema.properties) ? schema.properties : {};
  const required = new Set(Array.isArray(schema.required) ? (schema.required as string[]) : []);
  const value: Record<string, unknown> = {};
  for (const [key, propertySchema] of Object.entries(properties)) {
    // Below a few levels only required members are filled, so recursive schemas terminate.
    if (depth >= 4 && !required.has(key)) continue;
    value[key] = schemaValue(propertySchema, text, key, depth + 1);
  }
  for (const key of required) if (!(key in value)) value[key] = keywords(text, 1)[0] ?? key;
  return value;
}

function arrayValue(schema: Schema, text: string, name: string, depth: number): unknown[] {
  const items = isObject(schema.items) ? schema.items : {};
  const min = typeof schema.minItems === 'number' ? schema.minItems : 1;
  const max = typeof schema.maxItems === 'number' ? schema.maxItems : Math.max(min, 3);
  if (Array.isArray(items.enum)) {
    const lower = text.toLowerCase();
    const mentioned = items.enum.filter((option) => typeof option === 'string' && lower.includes(option.toLowerCase()));
    const chosen = (mentioned.length > 0 ? mentioned : items.enum).slice(0, max);
    while (chosen.length < min) chosen.push(items.enum[chosen.length % items.enum.length]);
    return schema.uniqueItems ? [...new Set(chosen)] : chosen;
  }
  if (items.type === 'string' && !items.format && !items.pattern) {
    const words = keywords(text, max);
    while (words.length < min) words.push(`${name || 'item'}-${words.length + 1}`);
    // Each word still honours the item's own length bounds.
    return words.slice(0, Math.max(min, Math.min(max, words.length))).map((word) => stringValue({ ...items, default: word }, text, name));
  }
  return Array.from({ length: Math.max(min, 1) }, () => schemaValue(items, text, name, depth + 1));
}

function stringValue(schema: Schema, text: string, name: string): string {
  const value = stringByHint(schema, text, name.toLowerCase());
  const min = typeof schema.minLength === 'number' ? schema.minLength : 0;
  const max = typeof schema.maxLength === 'number' ? schema.maxLength : Infinity;
  const padded = value.length < min ? value.padEnd(min, '.') : value;
  return [...padded].slice(0, max).join('');
}

function stringByHint(schema: Schema, text: string, name: string): string {
  if (typeof schema.default === 'string') return schema.default;
  switch (schema.format) {
    case 'date':
      return text.match(/\d{4}-\d{2}-\d{2}/)?.[0] ?? '2026-01-01';
    case 'date-time':
      return text.match(/\d{4}-\d{2}-\d{2}T[\d:.]+Z?/)?.[0] ?? '2026-01-01T00:00:00Z';
    case 'email':
      return text.match(/[\w.+-]+@[\w-]+\.[\w.]+/)?.[0] ?? 'someone@example.com';
    case 'uri':
    case 'url':
      return text.match(/https?:\/\/[^\s"'<>]+/)?.[0] ?? 'https://example.com';
  }
  if (/city|location|place|town|country|destination|region/.test(name)) return placeName(text) ?? 'London';
  if (/expression|formula|equation/.test(name)) return arithmeticExpression(text) ?? '1 + 1';
  if (/url|link|href/.test(name)) return text.match(/https?:\/\/[^\s"'<>]+/)?.[0] ?? 'https://example.com';
  if (/email/.test(name)) return text.match(/[\w.+-]+@[\w-]+\.[\w.]+/)?.[0] ?? 'someone@example.com';
  if (/timezone|^tz$/.test(name)) return 'UTC';
  if (/^(lang|language|locale)$/.test(name)) return 'en';
  if (/query|^q$|search|question|prompt|text|input|content|message|request/.test(name)) return shorten(text, 200) || name;
  if (/summary|description|reason|explanation|answer|rationale|comment/.test(name)) return `About ${keywords(text, 3).join(', ') || 'the request'}: ${shorten(text, 120)}`;
  if (/title|name|topic|subject|keyword|label|category|tag/.test(name)) return keywords(text, 1)[0] ?? name;
  return keywords(text, 1)[0] ?? (name || 'value');
}

function numberValue(schema: Schema, text: string, integer: boolean): number {
  const min = typeof schema.minimum === 'number' ? schema.minimum : typeof schema.exclusiveMinimum === 'number' ? schema.exclusiveMinimum + (integer ? 1 : 0.001) : -Infinity;
  const max = typeof schema.maximum === 'number' ? schema.maximum : typeof schema.exclusiveMaximum === 'number' ? schema.exclusiveMaximum - (integer ? 1 : 0.001) : Infinity;
  const fits = (n: number) => n >= min && n <= max && (!integer || Number.isInteger(n));
  const fromText = numbersIn(text).find(fits);
  if (fromText !== undefined) return fromText;
  if (typeof schema.default === 'number' && fits(schema.default)) return schema.default;
  const fallback = Number.isFinite(min) ? min : Number.isFinite(max) ? Math.min(max, 1) : 1;
  return integer ? Math.ceil(fallback) : fallback;
}

function escapeRegex(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
