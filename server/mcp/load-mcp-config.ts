import { readFile } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import type { McpConfig } from './mcp-config';
import { parseMcpConfig } from './parse-mcp-config';

export const MCP_CONFIG_ENV = 'TRELLIS_MCP_CONFIG';

/**
 * Reads `{ "servers": { … } }` from `path`, or from the file named by TRELLIS_MCP_CONFIG.
 * Neither given → no servers (a workflow using an MCP tool then fails with a clear error).
 */
export async function loadMcpConfig(path?: string, env: Record<string, string | undefined> = process.env): Promise<McpConfig> {
  const file = path ?? env[MCP_CONFIG_ENV]?.trim();
  if (!file) return { servers: {} };
  const origin = path ? file : `${file} (from ${MCP_CONFIG_ENV})`;
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    throw new Error(`cannot read MCP config ${origin}: ${(error as Error).message}`);
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (error) {
    throw new Error(`MCP config ${origin} is not valid JSON: ${(error as Error).message}`);
  }
  return parseMcpConfig(parsed, origin, dirname(resolve(file)));
}
