/**
 * A small JSON Schema (2020-12) interpreter for the schemas users write into workflows (`inputs`,
 * tool `input_schema`, structured-output `schema`). ajv compiles a schema into a function with
 * `new Function`, which the server's Content-Security-Policy forbids in the browser, and a schema
 * the user is typing cannot be precompiled. So the canvas walks the schema instead; the server
 * keeps ajv, and a differential test holds the two to the same verdicts.
 *
 * It covers the keywords workflow schemas use. A schema with a keyword ajv would apply but this
 * does not (`unevaluatedProperties`, `$dynamicRef`, remote `$ref`…) is reported as unsupported
 * and the canvas leaves that check to the server rather than guess. Unknown keywords are
 * ignored, as ajv's non-strict mode does. Errors mimic ajv's shape and wording.
 */

import { compileLinearRegex, linearRegexProblem } from '../regex/linear-regex';

export interface SchemaError {
  instancePath: string;
  keyword: string;
  params: Record<string, unknown>;
  message: string;
}

export type InterpretResult = { supported: true; errors: SchemaError[] } | { supported: false; reason: string };

type Schema = boolean | { [keyword: string]: unknown };

/** Keywords ajv applies that this interpreter does not: their presence makes a schema unsupported. */
const UNSUPPORTED = ['$dynamicRef', '$dynamicAnchor', '$recursiveRef', '$recursiveAnchor', '$anchor', 'unevaluatedItems', 'unevaluatedProperties'];

/** Keywords whose value is a subschema, or a list or map of subschemas (for walking the schema). */
const SUBSCHEMA = ['not', 'if', 'then', 'else', 'items', 'contains', 'additionalProperties', 'propertyNames'];
const SUBSCHEMA_LISTS = ['allOf', 'anyOf', 'oneOf', 'prefixItems'];
const SUBSCHEMA_MAPS = ['properties', 'patternProperties', '$defs', 'definitions', 'dependentSchemas'];

/**
 * Why this interpreter cannot apply `root` faithfully, or why it is not usable at all (a `$ref`
 * that resolves to nothing, an invalid `pattern`), as ajv's compile would say it; null when fine.
 * Call on a schema that passed the meta-schema.
 */
export function schemaSupport(root: unknown): { unsupported?: string; problem?: string } | null {
  let found: { unsupported?: string; problem?: string } | null = null;
  const visit = (schema: unknown, isRoot: boolean): void => {
    if (found || schema === null || typeof schema !== 'object' || Array.isArray(schema)) return;
    const node = schema as Record<string, unknown>;
    const keyword = UNSUPPORTED.find((name) => name in node);
    if (keyword) return void (found = { unsupported: keyword });
    if (!isRoot && '$id' in node) return void (found = { unsupported: 'a nested $id' });
    if (typeof node.$ref === 'string') {
      if (!node.$ref.startsWith('#')) return void (found = { unsupported: `the remote $ref "${node.$ref}"` });
      if (resolvePointer(root, node.$ref) === undefined) return void (found = { problem: `can't resolve reference ${node.$ref} from id #` });
    }
    if (typeof node.pattern === 'string') {
      const problem = regexProblem(node.pattern);
      if (problem) return void (found = { problem });
    }
    if (node.patternProperties && typeof node.patternProperties === 'object') {
      for (const pattern of Object.keys(node.patternProperties)) {
        const problem = regexProblem(pattern);
        if (problem) return void (found = { problem });
      }
    }
    for (const name of SUBSCHEMA) if (name in node) visit(node[name], false);
    for (const name of SUBSCHEMA_LISTS) if (Array.isArray(node[name])) for (const item of node[name] as unknown[]) visit(item, false);
    for (const name of SUBSCHEMA_MAPS) {
      const map = node[name];
      if (map && typeof map === 'object') for (const item of Object.values(map)) visit(item, false);
    }
  };
  visit(root, true);
  return found;
}

/** Validates `value` against `root`, collecting every error (ajv's `allErrors`). */
export function interpretSchema(root: unknown, value: unknown): InterpretResult {
  const support = schemaSupport(root);
  if (support) return { supported: false, reason: support.problem ?? `uses ${support.unsupported}` };
  const errors: SchemaError[] = [];
  validate(root as Schema, value, '', root, errors, 0);
  return { supported: true, errors };
}

const MAX_REF_DEPTH = 64;

function validate(schema: Schema, data: unknown, path: string, root: unknown, errors: SchemaError[], depth: number): void {
  if (schema === true) return;
  if (schema === false) return void errors.push(error(path, 'false schema', {}, 'boolean schema is false'));
  if (typeof schema.$ref === 'string') {
    // A self-referencing schema on self-similar data recurses with the data, so this bounds only a loop with no progress.
    if (depth > MAX_REF_DEPTH) return void errors.push(error(path, '$ref', { $ref: schema.$ref }, 'is nested too deeply to check here'));
    validate(resolvePointer(root, schema.$ref) as Schema, data, path, root, errors, depth + 1);
  }
  const at = (keyword: string, params: Record<string, unknown>, message: string) => errors.push(error(path, keyword, params, message));
  const sub = (subschema: unknown, subData: unknown, subPath: string, into: SchemaError[] = errors) => validate(subschema as Schema, subData, subPath, root, into, depth);
  const passes = (subschema: unknown): boolean => {
    const probe: SchemaError[] = [];
    sub(subschema, data, path, probe);
    return probe.length === 0;
  };

  if (schema.type !== undefined) checkType(schema.type, schema.nullable === true, data, at);
  if (schema.const !== undefined && !deepEqual(schema.const, data)) at('const', { allowedValue: schema.const }, 'must be equal to constant');
  if (Array.isArray(schema.enum) && !schema.enum.some((option) => deepEqual(option, data))) at('enum', { allowedValues: schema.enum }, 'must be equal to one of the allowed values');
  if ('not' in schema && passes(schema.not)) at('not', {}, 'must NOT be valid');
  if (Array.isArray(schema.allOf)) for (const part of schema.allOf) sub(part, data, path);
  if (Array.isArray(schema.anyOf)) {
    const branchErrors: SchemaError[] = [];
    if (!schema.anyOf.some((part) => {
      const probe: SchemaError[] = [];
      sub(part, data, path, probe);
      branchErrors.push(...probe);
      return probe.length === 0;
    })) {
      errors.push(...branchErrors);
      at('anyOf', {}, 'must match a schema in anyOf');
    }
  }
  if (Array.isArray(schema.oneOf)) checkOneOf(schema.oneOf, data, path, sub, at, errors);
  if ('if' in schema && (schema.then !== undefined || schema.else !== undefined)) {
    const branch = passes(schema.if) ? 'then' : 'else';
    if (schema[branch] !== undefined) {
      const probe: SchemaError[] = [];
      sub(schema[branch], data, path, probe);
      if (probe.length > 0) {
        errors.push(...probe);
        at('if', { failingKeyword: branch }, `must match "${branch}" schema`);
      }
    }
  }
  if (typeof data === 'number') checkNumber(schema, data, at);
  if (typeof data === 'string') checkString(schema, data, at);
  if (Array.isArray(data)) checkArray(schema, data, path, sub, at, errors);
  else if (data !== null && typeof data === 'object') checkObject(schema, data as Record<string, unknown>, path, sub, at, errors);
}

type Report = (keyword: string, params: Record<string, unknown>, message: string) => void;
type Sub = (subschema: unknown, subData: unknown, subPath: string, into?: SchemaError[]) => void;

function checkOneOf(parts: unknown[], data: unknown, path: string, sub: Sub, at: Report, errors: SchemaError[]): void {
  const branchErrors: SchemaError[] = [];
  const passing: number[] = [];
  // ajv stops at the second passing branch: later branches are never evaluated.
  for (const [index, part] of parts.entries()) {
    const probe: SchemaError[] = [];
    sub(part, data, path, probe);
    if (probe.length === 0) passing.push(index);
    else branchErrors.push(...probe);
    if (passing.length === 2) break;
  }
  if (passing.length === 1) return;
  // Like ajv: the failing branches' errors stay, even when the problem is two passing branches.
  errors.push(...branchErrors);
  at('oneOf', { passingSchemas: passing.length > 1 ? passing.slice(0, 2) : null }, 'must match exactly one schema in oneOf');
}

function checkType(type: unknown, nullable: boolean, data: unknown, at: Report): void {
  const types = Array.isArray(type) ? (type as string[]) : [type as string];
  if (nullable && data === null) return;
  if (types.some((name) => hasType(name, data))) return;
  at('type', { type }, `must be ${types.join(',')}`);
}

function hasType(name: string, data: unknown): boolean {
  switch (name) {
    case 'null':
      return data === null;
    case 'boolean':
      return typeof data === 'boolean';
    case 'string':
      return typeof data === 'string';
    case 'number':
      return typeof data === 'number' && Number.isFinite(data);
    case 'integer':
      return typeof data === 'number' && Number.isInteger(data);
    case 'array':
      return Array.isArray(data);
    case 'object':
      return data !== null && typeof data === 'object' && !Array.isArray(data);
    default:
      return false;
  }
}

function checkNumber(schema: Record<string, unknown>, data: number, at: Report): void {
  const limit = (keyword: string, comparison: string, fails: (bound: number) => boolean) => {
    const bound = schema[keyword];
    if (typeof bound === 'number' && fails(bound)) at(keyword, { comparison, limit: bound }, `must be ${comparison} ${bound}`);
  };
  limit('maximum', '<=', (bound) => data > bound);
  limit('minimum', '>=', (bound) => data < bound);
  limit('exclusiveMaximum', '<', (bound) => data >= bound);
  limit('exclusiveMinimum', '>', (bound) => data <= bound);
  // ajv's test, kept exactly: the quotient must be an integer (so -5e-324 is a multiple of 2, as it underflows to -0).
  if (typeof schema.multipleOf === 'number' && data / schema.multipleOf !== parseInt(String(data / schema.multipleOf), 10)) at('multipleOf', { multipleOf: schema.multipleOf }, `must be multiple of ${schema.multipleOf}`);
}

function checkString(schema: Record<string, unknown>, data: string, at: Report): void {
  // Length in code points, as ajv counts (an emoji is one character).
  const length = [...data].length;
  if (typeof schema.maxLength === 'number' && length > schema.maxLength) at('maxLength', { limit: schema.maxLength }, `must NOT have more than ${schema.maxLength} characters`);
  if (typeof schema.minLength === 'number' && length < schema.minLength) at('minLength', { limit: schema.minLength }, `must NOT have fewer than ${schema.minLength} characters`);
  if (typeof schema.pattern === 'string' && !compileLinearRegex(schema.pattern, 'u').test(data)) at('pattern', { pattern: schema.pattern }, `must match pattern "${schema.pattern}"`);
}

function checkArray(schema: Record<string, unknown>, data: unknown[], path: string, sub: Sub, at: Report, errors: SchemaError[]): void {
  if (typeof schema.maxItems === 'number' && data.length > schema.maxItems) at('maxItems', { limit: schema.maxItems }, `must NOT have more than ${schema.maxItems} items`);
  if (typeof schema.minItems === 'number' && data.length < schema.minItems) at('minItems', { limit: schema.minItems }, `must NOT have fewer than ${schema.minItems} items`);
  const prefix = Array.isArray(schema.prefixItems) ? schema.prefixItems : [];
  prefix.forEach((part, index) => {
    if (index < data.length) sub(part, data[index], `${path}/${index}`);
  });
  // After prefixItems, `items: false` is a length limit to ajv, reported once rather than per extra item.
  if (schema.items === false && prefix.length > 0 && data.length > prefix.length) at('items', { limit: prefix.length }, `must NOT have more than ${prefix.length} items`);
  else if (schema.items !== undefined) for (let index = prefix.length; index < data.length; index += 1) sub(schema.items, data[index], `${path}/${index}`);
  if (schema.contains !== undefined) {
    const itemErrors: SchemaError[] = [];
    const matches = data.filter((item, index) => {
      const probe: SchemaError[] = [];
      sub(schema.contains, item, `${path}/${index}`, probe);
      itemErrors.push(...probe);
      return probe.length === 0;
    }).length;
    const min = typeof schema.minContains === 'number' ? schema.minContains : 1;
    const max = typeof schema.maxContains === 'number' ? schema.maxContains : Infinity;
    if (matches < min || matches > max) {
      // Like ajv: when too few items match, why each item did not.
      if (matches < min) errors.push(...itemErrors);
      at('contains', { minContains: min, ...(max === Infinity ? {} : { maxContains: max }) }, max === Infinity ? `must contain at least ${min} valid item(s)` : `must contain at least ${min} and no more than ${max} valid item(s)`);
    }
  }
  if (schema.uniqueItems === true) {
    // ajv's pair: scanning from the end, the first item with an equal item after it, and the nearest such.
    search: for (let i = data.length - 2; i >= 0; i -= 1) {
      for (let j = i + 1; j < data.length; j += 1) {
        if (!deepEqual(data[i], data[j])) continue;
        at('uniqueItems', { i, j }, `must NOT have duplicate items (items ## ${j} and ${i} are identical)`);
        break search;
      }
    }
  }
}

function checkObject(schema: Record<string, unknown>, data: Record<string, unknown>, path: string, sub: Sub, at: Report, errors: SchemaError[]): void {
  const keys = Object.keys(data);
  if (typeof schema.maxProperties === 'number' && keys.length > schema.maxProperties) at('maxProperties', { limit: schema.maxProperties }, `must NOT have more than ${schema.maxProperties} properties`);
  if (typeof schema.minProperties === 'number' && keys.length < schema.minProperties) at('minProperties', { limit: schema.minProperties }, `must NOT have fewer than ${schema.minProperties} properties`);
  if (Array.isArray(schema.required)) {
    for (const name of schema.required as string[]) if (!Object.prototype.hasOwnProperty.call(data, name)) at('required', { missingProperty: name }, `must have required property '${name}'`);
  }
  const dependentRequired = asMap(schema.dependentRequired);
  for (const [name, needed] of Object.entries(dependentRequired)) {
    if (!Object.prototype.hasOwnProperty.call(data, name) || !Array.isArray(needed)) continue;
    const missing = (needed as string[]).filter((other) => !Object.prototype.hasOwnProperty.call(data, other));
    for (const other of missing) at('dependentRequired', { property: name, missingProperty: other, depsCount: needed.length, deps: needed.join(', ') }, `must have property ${other} when property ${name} is present`);
  }
  for (const [name, part] of Object.entries(asMap(schema.dependentSchemas))) if (Object.prototype.hasOwnProperty.call(data, name)) sub(part, data, path);
  if (schema.propertyNames !== undefined) {
    for (const key of keys) {
      const probe: SchemaError[] = [];
      sub(schema.propertyNames, key, path, probe);
      if (probe.length === 0) continue;
      // ajv reports the name's own errors (tagged with the name), then the propertyNames error.
      for (const inner of probe) errors.push({ ...inner, params: { ...inner.params, propertyName: key } });
      at('propertyNames', { propertyName: key }, 'property name must be valid');
    }
  }
  const properties = asMap(schema.properties);
  const patterns = Object.entries(asMap(schema.patternProperties)).map(([pattern, part]) => [compileLinearRegex(pattern, 'u'), part] as const);
  for (const key of keys) {
    const child = `${path}/${escapePointer(key)}`;
    const declared = Object.prototype.hasOwnProperty.call(properties, key);
    if (declared) sub(properties[key], data[key], child);
    const matching = patterns.filter(([pattern]) => pattern.test(key));
    for (const [, part] of matching) sub(part, data[key], child);
    if (declared || matching.length > 0 || schema.additionalProperties === undefined) continue;
    if (schema.additionalProperties === false) at('additionalProperties', { additionalProperty: key }, 'must NOT have additional properties');
    else sub(schema.additionalProperties, data[key], child);
  }
}

function asMap(value: unknown): Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : {};
}

function error(instancePath: string, keyword: string, params: Record<string, unknown>, message: string): SchemaError {
  return { instancePath, keyword, params, message };
}

function escapePointer(segment: string): string {
  return segment.replace(/~/g, '~0').replace(/\//g, '~1');
}

/** The subschema a local `$ref` (`#`, `#/$defs/name`) points at, or undefined. */
function resolvePointer(root: unknown, ref: string): unknown {
  if (ref === '#') return root;
  if (!ref.startsWith('#/')) return undefined;
  let current: unknown = root;
  for (const raw of ref.slice(2).split('/')) {
    const segment = decodeURIComponent(raw).replace(/~1/g, '/').replace(/~0/g, '~');
    if (current === null || typeof current !== 'object' || !Object.prototype.hasOwnProperty.call(current, segment)) return undefined;
    current = (current as Record<string, unknown>)[segment];
  }
  return current !== null && (typeof current === 'object' || typeof current === 'boolean') ? current : undefined;
}

/** The engine runs use, so the browser refuses exactly the patterns the server refuses. */
function regexProblem(pattern: string): string | null {
  return linearRegexProblem(pattern, 'u') ?? null;
}

function deepEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (a === null || b === null || typeof a !== 'object' || typeof b !== 'object') return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  if (Array.isArray(a)) return a.length === (b as unknown[]).length && a.every((item, index) => deepEqual(item, (b as unknown[])[index]));
  const aKeys = Object.keys(a);
  const bRecord = b as Record<string, unknown>;
  return aKeys.length === Object.keys(bRecord).length && aKeys.every((key) => Object.prototype.hasOwnProperty.call(bRecord, key) && deepEqual((a as Record<string, unknown>)[key], bRecord[key]));
}
