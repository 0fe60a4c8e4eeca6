import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { JsonSchema } from '../../../shared/json-schema';
import { ajvSchemaChecker } from '../../../shared/validation/ajv-schema-checker';
import { interpretedSchemaChecker } from '../../../shared/validation/interpreted-schema-checker';
import { interpretSchema } from '../../../shared/validation/interpret-schema';
import { Ajv2020 } from 'ajv/dist/2020';
import { USER_SCHEMA_AJV_OPTIONS } from '../../../shared/validation/workflow-ajv-options';

const ajv = new Ajv2020(USER_SCHEMA_AJV_OPTIONS);

/** What ajv says: valid or not, and which (path, keyword) pairs failed. */
function ajvVerdict(schema: unknown, value: unknown): string[] {
  const validate = ajv.compile(schema as object);
  if (typeof schema === 'object') ajv.removeSchema(schema as object);
  return validate(value) ? [] : (validate.errors ?? []).map((error) => `${error.instancePath} ${error.keyword}`).sort();
}

function interpretedVerdict(schema: unknown, value: unknown): string[] {
  const result = interpretSchema(schema, value);
  if (!result.supported) throw new Error(`unsupported: ${result.reason}`);
  return result.errors.map((error) => `${error.instancePath} ${error.keyword}`).sort();
}

const scalar = fc.oneof(fc.constant(null), fc.boolean(), fc.integer({ min: -5, max: 5 }), fc.double({ min: -5, max: 5, noNaN: true, noDefaultInfinity: true }), fc.constantFrom('', 'a', 'ab', 'abc', 'x1', '😀😀'));
const value: fc.Arbitrary<unknown> = fc.letrec((tie) => ({
  value: fc.oneof({ depthSize: 'small', withCrossShrink: true }, scalar, fc.array(tie('value'), { maxLength: 4 }), fc.dictionary(fc.constantFrom('a', 'b', 'c', 'x/y'), tie('value'), { maxKeys: 3, noNullPrototype: true })),
})).value;

const schema: fc.Arbitrary<unknown> = fc.letrec((tie) => ({
  schema: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    fc.boolean(),
    fc.record({ type: fc.constantFrom('null', 'boolean', 'string', 'number', 'integer', 'array', 'object', ['string', 'null'] as never) }),
    fc.record({ type: fc.constant('string'), minLength: fc.integer({ min: 0, max: 3 }), maxLength: fc.integer({ min: 0, max: 3 }), pattern: fc.constantFrom('^a', 'b$', '\\d', '^\\p{L}+$') }, { requiredKeys: ['type'] }),
    fc.record({ minimum: fc.integer({ min: -3, max: 3 }), exclusiveMaximum: fc.integer({ min: -3, max: 3 }), multipleOf: fc.constantFrom(1, 2, 0.5) }, { requiredKeys: [] }),
    fc.record({ enum: fc.array(scalar, { minLength: 1, maxLength: 3 }) }),
    fc.record({ const: value }),
    fc.record(
      {
        type: fc.constant('object'),
        properties: fc.dictionary(fc.constantFrom('a', 'b', 'x/y'), tie('schema'), { maxKeys: 2, noNullPrototype: true }),
        required: fc.subarray(['a', 'b']),
        additionalProperties: tie('schema'),
        patternProperties: fc.constant({ '^c': { type: 'number' } }),
        propertyNames: fc.constant({ maxLength: 1 }),
        minProperties: fc.integer({ min: 0, max: 2 }),
      },
      { requiredKeys: ['type'] },
    ),
    fc.record({ type: fc.constant('array'), items: tie('schema'), prefixItems: fc.array(tie('schema'), { minLength: 1, maxLength: 2 }), minItems: fc.integer({ min: 0, max: 2 }), uniqueItems: fc.boolean() }, { requiredKeys: ['type'] }),
    // Not combined with prefixItems: ajv 8 gets `not: {prefixItems: [false], contains: false}` on [] wrong.
    fc.record({ type: fc.constant('array'), contains: tie('schema'), maxContains: fc.integer({ min: 1, max: 2 }) }, { requiredKeys: ['type', 'contains'] }),
    fc.record({ anyOf: fc.array(tie('schema'), { minLength: 1, maxLength: 3 }) }),
    fc.record({ oneOf: fc.array(tie('schema'), { minLength: 1, maxLength: 3 }) }),
    fc.record({ allOf: fc.array(tie('schema'), { minLength: 1, maxLength: 2 }) }),
    fc.record({ not: tie('schema') }),
    fc.record({ if: tie('schema'), then: tie('schema'), else: tie('schema') }, { requiredKeys: ['if'] }),
    fc.constant({ $ref: '#/$defs/tree' }),
  ),
})).schema;

/** A string, or an array of trees: recursion through `$ref` that makes progress with the data. */
const TREE = { anyOf: [{ type: 'string' }, { type: 'array', items: { $ref: '#/$defs/tree' } }] };

describe('interpretSchema (the browser checker) agrees with ajv (the server checker)', () => {
  it('on random schemas and values: same verdict and the same failing (path, keyword) pairs', () => {
    fc.assert(
      // Every generated schema may refer to a recursive definition at the root.
      fc.property(schema, value, (generated, data) => {
        generated = { $defs: { tree: TREE }, allOf: [generated] };
        expect(interpretedVerdict(generated, data)).toEqual(ajvVerdict(generated, data));
      }),
      { numRuns: 600, seed: 12 },
    );
  });

  it('describes problems in the same words as the server for a typical inputs schema', () => {
    const inputs = { type: 'object', properties: { ticket: { type: 'string', minLength: 3 }, priority: { enum: ['low', 'high'] } }, required: ['ticket'], additionalProperties: false } as JsonSchema;
    for (const input of [{}, { ticket: 'ab' }, { ticket: 'abc', priority: 'urgent' }, { ticket: 'abc', extra: 1 }, { ticket: 3 }, { ticket: 'fine' }]) {
      expect(interpretedSchemaChecker.valueProblems(inputs, input)).toEqual(ajvSchemaChecker.valueProblems(inputs, input));
    }
  });

  it('finds the same unusable schemas as ajv: not a schema, an unresolvable $ref, a bad pattern, a foreign dialect', () => {
    const broken = [{ type: 'strin' }, { properties: { a: { $ref: '#/$defs/missing' } } }, { type: 'string', pattern: '(' }, { $schema: 'http://json-schema.org/draft-07/schema#', type: 'object' }, { required: 'a' }, { type: 'object' }];
    for (const candidate of broken) expect(interpretedSchemaChecker.schemaProblem(candidate as JsonSchema), JSON.stringify(candidate)).toBe(ajvSchemaChecker.schemaProblem(candidate as JsonSchema));
  });

  it('leaves a schema it cannot interpret to the server instead of guessing', () => {
    const inputs = { type: 'object', properties: { a: { type: 'string' } }, unevaluatedProperties: false } as JsonSchema;
    expect(interpretedSchemaChecker.valueProblems(inputs, { a: 'x', b: 1 })).toBeNull();
    expect(ajvSchemaChecker.valueProblems(inputs, { a: 'x', b: 1 })).toHaveLength(1);
  });
});
