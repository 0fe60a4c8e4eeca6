import { Ajv2020 } from 'ajv/dist/2020';
import { isAbsolute, resolve } from 'node:path';
import { isStdioServer, type McpConfig } from './mcp-config';

export const MCP_SERVER_NAME = /^[a-zA-Z0-9_-]{1,64}$/;

const stringMap = { type: 'object', additionalProperties: { type: 'string' } };
const timeout = { type: 'integer', minimum: 1, maximum: 3_600_000 };

const SCHEMA = {
  type: 'object',
  required: ['servers'],
  additionalProperties: false,
  properties: {
    servers: {
      type: 'object',
      propertyNames: { pattern: MCP_SERVER_NAME.source },
      additionalProperties: {
        oneOf: [
          {
            type: 'object',
            required: ['command'],
            additionalProperties: false,
            properties: { command: { type: 'string', minLength: 1 }, args: { type: 'array', items: { type: 'string' } }, env: stringMap, cwd: { type: 'string', minLength: 1 }, timeout_ms: timeout },
          },
          {
            type: 'object',
            required: ['url'],
            additionalProperties: false,
            properties: { url: { type: 'string', pattern: '^https?://' }, headers: stringMap, timeout_ms: timeout },
          },
        ],
      },
    },
  },
};

const validate = new Ajv2020({ allErrors: false, strict: true }).compile<McpConfig>(SCHEMA);

/**
 * Checks an MCP configuration; the error names the JSON path and the rule. `baseDir` anchors
 * relative `cwd` values (the config file's folder), so the server starts the same wherever
 * Trellis is launched from.
 */
export function parseMcpConfig(value: unknown, source: string, baseDir?: string): McpConfig {
  if (!validate(value)) {
    // A shape error on the server object itself (both oneOf branches refused it) reads best as the
    // oneOf rule; an error inside a field (e.g. timeout_ms) is more precise than the oneOf summary.
    const first = validate.errors?.[0];
    const oneOf = validate.errors?.find((candidate) => candidate.keyword === 'oneOf' && candidate.instancePath === first?.instancePath);
    const error = oneOf ?? first;
    const rule = error?.propertyName
      ? `server name ${JSON.stringify(error.propertyName)} must match ${MCP_SERVER_NAME.source}`
      : error?.keyword === 'oneOf'
        ? 'a server needs either "command" (stdio) or "url" (streamable HTTP), with no other fields than documented'
        : error?.message;
    throw new Error(`${source}: invalid MCP config at ${error?.instancePath || '/'}: ${rule ?? 'invalid'} [${error?.keyword ?? 'schema'}]`);
  }
  const servers: McpConfig['servers'] = {};
  for (const [name, server] of Object.entries(value.servers)) {
    servers[name] = isStdioServer(server) && server.cwd && baseDir && !isAbsolute(server.cwd) ? { ...server, cwd: resolve(baseDir, server.cwd) } : server;
  }
  return { servers };
}
