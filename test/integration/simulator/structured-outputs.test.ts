import Anthropic from '@anthropic-ai/sdk';
import { describe, expect, it } from 'vitest';
import { errorOf, useSimulator } from './helpers';

// build-with-claude/structured-outputs: the schema is a JSON Schema subset. The SDK's own
// lib/transform-json-schema applies the same rules (every object gets additionalProperties: false;
// minLength, maximum, maxItems and the like are moved out of the schema into its description).
const object = (properties: Record<string, unknown>, extra: Record<string, unknown> = {}) => ({ type: 'object', properties, required: Object.keys(properties), additionalProperties: false, ...extra });

const REFUSED: [string, Record<string, unknown>, string][] = [
  ['an object without additionalProperties: false', { type: 'object', properties: { a: { type: 'string' } } }, "output_config.format.schema: For 'object' type, 'additionalProperties' must be explicitly set to false"],
  ['a nested object with additionalProperties: true', object({ address: { type: 'object', properties: {}, additionalProperties: true } }), "output_config.format.schema.properties.address: For 'object' type, 'additionalProperties: true' is not supported. Please set 'additionalProperties' to false"],
  ['a nested object without additionalProperties', object({ address: { type: 'object', properties: {} } }), "output_config.format.schema.properties.address: For 'object' type, 'additionalProperties' must be explicitly set to false"],
  ['minLength', object({ name: { type: 'string', minLength: 2 } }), "output_config.format.schema.properties.name.minLength: JSON schema keyword 'minLength' is not supported in structured outputs"],
  ['maximum', object({ score: { type: 'number', maximum: 1 } }), "output_config.format.schema.properties.score.maximum: JSON schema keyword 'maximum' is not supported in structured outputs"],
  ['maxItems', object({ tags: { type: 'array', items: { type: 'string' }, maxItems: 3 } }), "output_config.format.schema.properties.tags.maxItems: JSON schema keyword 'maxItems' is not supported in structured outputs"],
  ['minItems above 1', object({ tags: { type: 'array', items: { type: 'string' }, minItems: 2 } }), 'output_config.format.schema.properties.tags.minItems: only minItems 0 or 1 is supported in structured outputs'],
  ['an unsupported string format', object({ site: { type: 'string', format: 'iri' } }), "output_config.format.schema.properties.site.format: string format 'iri' is not supported; supported formats: date-time, time, date, duration, email, hostname, uri, ipv4, ipv6, uuid"],
  ['oneOf (only anyOf is kept)', object({ v: { oneOf: [{ type: 'string' }, { type: 'number' }] } }), "output_config.format.schema.properties.v.oneOf: JSON schema keyword 'oneOf' is not supported in structured outputs"],
  ['a keyword deep in an array of objects', object({ rows: { type: 'array', items: object({ n: { type: 'integer', minimum: 0 } }) } }), "output_config.format.schema.properties.rows.items.properties.n.minimum: JSON schema keyword 'minimum' is not supported in structured outputs"],
];

describe('structured outputs: the accepted JSON Schema subset', () => {
  const start = useSimulator();
  const create = (client: Anthropic, schema: Record<string, unknown>, model = 'claude-sonnet-5-5') =>
    client.messages.create({ model, max_tokens: 500, output_config: { format: { type: 'json_schema', schema } }, messages: [{ role: 'user', content: 'Fill it in.' }] });

  it.each(REFUSED)('refuses %s with 400', async (_rule, schema, message) => {
    const { client } = await start();
    const error = await errorOf(() => create(client, schema));
    expect(error).toBeInstanceOf(Anthropic.BadRequestError);
    expect(error.type).toBe('invalid_request_error');
    expect(error.apiMessage).toBe(message);
  });

  it('accepts the subset: enum, const, anyOf, $defs/$ref, supported formats, minItems 1, descriptions', async () => {
    const { client } = await start();
    const schema = object(
      {
        kind: { type: 'string', enum: ['a', 'b'], description: 'which one' },
        when: { type: 'string', format: 'date' },
        tags: { type: 'array', items: { type: 'string' }, minItems: 1 },
        value: { anyOf: [{ type: 'string' }, { type: 'null' }] },
        point: { $ref: '#/$defs/point' },
      },
      { $defs: { point: object({ x: { type: 'number' } }) } },
    );
    const message = await create(client, schema);
    expect(JSON.parse((message.content.at(-1) as Anthropic.TextBlock).text)).toHaveProperty('kind');
  });

  // models overview / structured-outputs: GA on the 4.5 family and later, Haiku 4.5 included.
  it('is available on Haiku 4.5', async () => {
    const { client } = await start();
    const message = await create(client, object({ answer: { type: 'string' } }), 'claude-haiku-4-5');
    expect(JSON.parse((message.content[0] as Anthropic.TextBlock).text)).toHaveProperty('answer');
  });
});
