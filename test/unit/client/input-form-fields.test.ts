import { describe, expect, it } from 'vitest';
import { fieldText, inputFormFields, withFieldValue } from '../../../client/src/run/input-form-fields';

const schema = {
  type: 'object',
  properties: { diff: { type: 'string', description: 'A unified diff' }, retries: { type: 'integer' }, strict: { type: 'boolean' }, tone: { enum: ['calm', 'blunt'] } },
  required: ['diff'],
};

describe('inputFormFields', () => {
  it('makes one field per property, with its kind, whether it is required and its description', () => {
    expect(inputFormFields(schema)).toEqual([
      { key: 'diff', kind: 'string', required: true, description: 'A unified diff' },
      { key: 'retries', kind: 'integer', required: false },
      { key: 'strict', kind: 'boolean', required: false },
      { key: 'tone', kind: 'enum', required: false, options: ['calm', 'blunt'] },
    ]);
  });

  it('offers no form for a schema a flat form cannot say fully', () => {
    expect(inputFormFields({ type: 'object', properties: { tags: { type: 'array', items: { type: 'string' } } } })).toBeNull();
    expect(inputFormFields({ type: 'array' })).toBeNull();
    expect(inputFormFields(undefined)).toBeNull();
  });
});

describe('withFieldValue', () => {
  const [diff, retries, strict] = inputFormFields(schema)!;

  it('sets typed values with their JSON type, without changing the input it was given', () => {
    const input = { diff: 'a' };
    expect(withFieldValue(input, retries!, '3')).toEqual({ diff: 'a', retries: 3 });
    expect(withFieldValue(input, strict!, true)).toEqual({ diff: 'a', strict: true });
    expect(input).toEqual({ diff: 'a' });
  });

  it('leaves an emptied optional field out, keeps an emptied required one, and keeps a bad number as text', () => {
    expect(withFieldValue({ diff: 'a', retries: 2 }, retries!, '')).toEqual({ diff: 'a' });
    expect(withFieldValue({ diff: 'a' }, diff!, '')).toEqual({});
    expect(withFieldValue({}, retries!, 'two')).toEqual({ retries: 'two' });
  });

  it('shows the current value as text', () => {
    expect(fieldText({ retries: 3, diff: 'x', strict: false }, 'retries')).toBe('3');
    expect(fieldText({ strict: false }, 'strict')).toBe(false);
    expect(fieldText({}, 'diff')).toBe('');
  });
});
