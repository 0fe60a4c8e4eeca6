import Ajv from 'ajv/dist/2020';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { schemaValue } from '../../../server/simulator/schema-value';

const ajv = new Ajv({ strict: false });

/** Random schemas built from the keywords the generator promises to honour. */
const schemaArbitrary = fc.letrec((tie) => ({
  leaf: fc.oneof(
    fc.record({ type: fc.constant('string'), minLength: fc.nat(5), maxLength: fc.integer({ min: 5, max: 40 }) }),
    fc.record({ type: fc.constantFrom('integer', 'number'), minimum: fc.integer({ min: -5, max: 5 }), maximum: fc.integer({ min: 6, max: 100 }) }),
    fc.record({ type: fc.constant('boolean') }),
    fc.record({ enum: fc.uniqueArray(fc.constantFrom('red', 'green', 'blue', 'amber'), { minLength: 1 }) }),
  ),
  node: fc.oneof({ depthSize: 'small' }, tie('leaf'), tie('object'), tie('array')),
  object: fc
    .dictionary(fc.constantFrom('city', 'query', 'count', 'tags', 'name', 'flag', 'nested', 'email'), tie('node'), { maxKeys: 4 })
    .chain((properties) => fc.record({ type: fc.constant('object'), properties: fc.constant(properties), required: fc.subarray(Object.keys(properties)) })),
  array: fc.record({ type: fc.constant('array'), items: tie('node'), minItems: fc.nat(2), maxItems: fc.integer({ min: 2, max: 4 }) }),
}));

describe('schemaValue', () => {
  it('always produces a value valid against the schema', () => {
    fc.assert(
      fc.property(schemaArbitrary.object, fc.string(), (schema, text) => {
        const validate = ajv.compile(schema);
        expect(validate(schemaValue(schema, text)), JSON.stringify(validate.errors)).toBe(true);
      }),
      { numRuns: 300 },
    );
  });

  it('takes values from the conversation', () => {
    const schema = {
      type: 'object',
      properties: { city: { type: 'string' }, unit: { type: 'string', enum: ['celsius', 'fahrenheit'] }, days: { type: 'integer', minimum: 1, maximum: 14 }, expression: { type: 'string' } },
      required: ['city', 'unit', 'days'],
    };
    expect(schemaValue(schema, 'Forecast for the next 5 days in Buenos Aires in fahrenheit, and what is (3 + 4) * 2?')).toEqual({
      city: 'Buenos Aires',
      unit: 'fahrenheit',
      days: 5,
      expression: '(3 + 4) * 2',
    });
  });

  it('falls back to the first enum value when none is mentioned', () => {
    expect(schemaValue({ type: 'string', enum: ['billing', 'support'] }, 'hello')).toBe('billing');
  });
});
