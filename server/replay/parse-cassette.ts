import { Ajv2020 } from 'ajv/dist/2020';
import { CASSETTE_FORMAT, CASSETTE_VERSION, type Cassette } from './cassette';

const headerMap = { type: 'object', additionalProperties: { type: 'string' } };

const CASSETTE_SCHEMA = {
  type: 'object',
  required: ['format', 'version', 'exchanges'],
  additionalProperties: false,
  properties: {
    format: { const: CASSETTE_FORMAT },
    version: { const: CASSETTE_VERSION },
    exchanges: {
      type: 'array',
      items: {
        type: 'object',
        required: ['request', 'response'],
        additionalProperties: false,
        properties: {
          request: {
            type: 'object',
            required: ['method', 'path', 'headers'],
            additionalProperties: false,
            properties: { method: { type: 'string', minLength: 1 }, path: { type: 'string', pattern: '^/' }, headers: headerMap, body: {} },
          },
          response: {
            type: 'object',
            required: ['status', 'headers', 'body'],
            additionalProperties: false,
            properties: { status: { type: 'integer', minimum: 100, maximum: 599 }, headers: headerMap, body: { type: 'string' } },
          },
        },
      },
    },
  },
};

const validate = new Ajv2020({ allErrors: false, strict: true }).compile<Cassette>(CASSETTE_SCHEMA);

/** Checks parsed JSON is a version-1 cassette; the error names the JSON path and the rule broken. */
export function parseCassette(value: unknown, source: string): Cassette {
  if (validate(value)) return value;
  const error = validate.errors?.[0];
  const path = error?.instancePath || '/';
  const detail = error?.keyword === 'const' ? `${error.message} (${JSON.stringify(error.params.allowedValue)})` : error?.message;
  throw new Error(`${source}: not a Trellis cassette: ${path} ${detail ?? 'is invalid'} [${error?.keyword ?? 'schema'}]`);
}
