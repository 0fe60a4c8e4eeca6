import { describe, expect, it } from 'vitest';
import { validateRunInput } from '../../../shared/validate-workflow';
import { tinyWorkflow } from './tiny-workflow';

describe('validateRunInput', () => {
  it('accepts an input matching the inputs schema', () => {
    expect(validateRunInput(tinyWorkflow(), { question: 'why?' })).toEqual([]);
  });

  it('reports a missing required field', () => {
    expect(validateRunInput(tinyWorkflow(), {})).toEqual([expect.objectContaining({ severity: 'error', rule: 'input.invalid', path: '', message: expect.stringContaining('"question"') })]);
  });

  it('points at the wrongly typed field', () => {
    expect(validateRunInput(tinyWorkflow(), { question: 42 })).toEqual([expect.objectContaining({ rule: 'input.invalid', path: '/question' })]);
  });

  it('refuses forbidden keys in the input before validating', () => {
    expect(validateRunInput(tinyWorkflow(), JSON.parse('{"question":"x","__proto__":{"admin":true}}'))[0]?.rule).toBe('security.forbidden_key');
  });

  it('accepts a base64 image of several megabytes as input, and still bounds strings', () => {
    const image = 'A'.repeat(4_000_000);
    expect(validateRunInput(tinyWorkflow(), { question: image })).toEqual([]);
    expect(validateRunInput(tinyWorkflow(), { question: 'A'.repeat(6_990_509) })[0]?.rule).toBe('limits.string_length');
  });
});
