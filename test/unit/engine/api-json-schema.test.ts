import { describe, expect, it } from 'vitest';
import { apiJsonSchema } from '../../../server/engine/models/api-json-schema';
import type { JsonSchema } from '../../../shared/json-schema';
import { collect, terminal } from './helpers/collect';
import { createFakeClaude } from './helpers/fake-claude';
import { inputNode, outputNode, prompt, workflow } from './helpers/workflow-builder';

describe('apiJsonSchema: the subset structured outputs accept', () => {
  it('closes every object, nested ones too, and keeps the structure', () => {
    const schema = {
      type: 'object',
      properties: { person: { type: 'object', properties: { name: { type: 'string' } }, additionalProperties: true }, tags: { type: 'array', items: { type: 'object', properties: { t: { type: 'string' } } } } },
      required: ['person'],
    } as JsonSchema;
    expect(apiJsonSchema(schema)).toEqual({
      type: 'object',
      properties: {
        person: { type: 'object', properties: { name: { type: 'string' } }, additionalProperties: false },
        tags: { type: 'array', items: { type: 'object', properties: { t: { type: 'string' } }, additionalProperties: false } },
      },
      required: ['person'],
      additionalProperties: false,
    });
  });

  it('moves bounds and patterns into the description, where Claude still reads them', () => {
    const schema = { type: 'object', properties: { age: { type: 'integer', minimum: 0, maximum: 130, description: 'Age in years' }, code: { type: 'string', pattern: '^[A-Z]{3}$', minLength: 3 }, list: { type: 'array', items: { type: 'string' }, minItems: 1, maxItems: 5 } } } as JsonSchema;
    expect(apiJsonSchema(schema)).toEqual({
      type: 'object',
      properties: {
        age: { type: 'integer', description: 'Age in years\n\nAlso required: minimum: 0, maximum: 130.' },
        code: { type: 'string', description: 'Also required: pattern: "^[A-Z]{3}$", minLength: 3.' },
        list: { type: 'array', items: { type: 'string' }, minItems: 1, description: 'Also required: maxItems: 5.' },
      },
      additionalProperties: false,
    });
  });

  it('keeps known formats, enums and anyOf; oneOf becomes anyOf; drops $schema', () => {
    const schema = { $schema: 'https://json-schema.org/draft/2020-12/schema', type: 'object', properties: { when: { type: 'string', format: 'date' }, iban: { type: 'string', format: 'iban' }, kind: { enum: ['a', 'b'] }, either: { oneOf: [{ type: 'string' }, { type: 'null' }] } } } as JsonSchema;
    expect(apiJsonSchema(schema)).toEqual({
      type: 'object',
      properties: { when: { type: 'string', format: 'date' }, iban: { type: 'string', description: 'Also required: format: "iban".' }, kind: { enum: ['a', 'b'] }, either: { anyOf: [{ type: 'string' }, { type: 'null' }] } },
      additionalProperties: false,
    });
  });

  it('does not mutate the user schema', () => {
    const schema = { type: 'object', properties: { n: { type: 'number', maximum: 3 } } } as JsonSchema;
    const before = JSON.stringify(schema);
    apiJsonSchema(schema);
    expect(JSON.stringify(schema)).toBe(before);
  });
});

describe('the full schema is still enforced on the answer', () => {
  const schema = { type: 'object', properties: { title: { type: 'string', maxLength: 5 }, score: { type: 'integer', minimum: 1, maximum: 5 } }, required: ['title', 'score'] };
  const flow = workflow([inputNode, prompt('extract', 'Extract', { output: 'json', schema, model: 'claude-sonnet-5-5' }), outputNode('out', '{{extract.json.title}}')], ['input->extract', 'extract->out']);

  it('an answer that only the subset allows fails the node, naming the broken constraint', async () => {
    const { claude, requests } = createFakeClaude(() => ({ content: [{ type: 'text', text: '{"title":"Far too long","score":9}' }] }));
    const events = await collect(flow, {}, { claude });
    expect(JSON.stringify(requests[0]?.body.output_config)).not.toMatch(/maxLength"|"maximum"/);
    expect(terminal(events)).toMatchObject({
      type: 'run.failed',
      data: { nodeId: 'extract', error: { type: 'validation_error', message: expect.stringMatching(/does not match the node's schema: \/title must NOT have more than 5 characters; \/score must be <= 5/) } },
    });
  });

  it('an answer within the full schema completes', async () => {
    const { claude } = createFakeClaude(() => ({ content: [{ type: 'text', text: '{"title":"Hi","score":4}' }] }));
    expect(terminal(await collect(flow, {}, { claude }))).toMatchObject({ type: 'run.completed', data: { outputs: { out: 'Hi' } } });
  });
});
