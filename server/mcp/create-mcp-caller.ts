import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StdioClientTransport } from '@modelcontextprotocol/sdk/client/stdio.js';
import { StreamableHTTPClientTransport } from '@modelcontextprotocol/sdk/client/streamableHttp.js';
import { McpError } from '@modelcontextprotocol/sdk/types.js';
import type { Transport } from '@modelcontextprotocol/sdk/shared/transport.js';
import type { Json, JsonSchema } from '../../shared/json-schema';
import type { McpCaller } from '../engine/types';
import { isStdioServer, type McpConfig, type McpServerConfig } from './mcp-config';
import { serverDetailsRedactor } from './hide-server-details';
import { toToolOutput, type McpToolOutput } from './to-tool-output';
import { UnknownMcpServerError } from './unknown-mcp-server-error';

const DEFAULT_CALL_TIMEOUT_MS = 60_000;
const DEFAULT_CONNECT_TIMEOUT_MS = 20_000;
const STDERR_TAIL_CHARS = 2_000;

export interface McpToolInfo {
  name: string;
  description: string;
  input_schema: JsonSchema;
}

export interface McpClients extends McpCaller {
  /** Configured server names, sorted. */
  servers(): string[];
  listTools(server: string, signal?: AbortSignal): Promise<McpToolInfo[]>;
  /** Disconnects every server (stdio servers are stopped). Safe to call twice. */
  close(): Promise<void>;
}

export interface McpCallerOptions {
  /** Used when a server sets no `timeout_ms`. */
  callTimeoutMs?: number;
  connectTimeoutMs?: number;
}

interface Connection {
  client: Client;
  /** The last output a stdio server wrote to stderr, to explain a crash. */
  stderrTail(): string;
}

/**
 * MCP clients for the servers in configuration. Each server is connected on first use and the
 * client is reused for every later call; a server that exits is reconnected on the next call.
 * A tool-level failure (the tool's `isError`, or an MCP error such as an unknown tool or bad
 * arguments) comes back as `{is_error: true}` so Claude can react; an unknown server, a server
 * that cannot start and an aborted call throw.
 */
export function createMcpCaller(config: McpConfig, options: McpCallerOptions = {}): McpClients {
  const connections = new Map<string, Promise<Connection>>();
  const names = Object.keys(config.servers).sort();

  const serverConfig = (name: string): McpServerConfig => {
    const server = Object.hasOwn(config.servers, name) ? config.servers[name] : undefined;
    if (!server) throw new UnknownMcpServerError(name, names);
    return server;
  };

  const connection = (name: string): Promise<Connection> => {
    const server = serverConfig(name);
    const existing = connections.get(name);
    if (existing) return existing;
    const pending = connect(name, server, options.connectTimeoutMs ?? DEFAULT_CONNECT_TIMEOUT_MS, () => {
      if (connections.get(name) === pending) connections.delete(name);
    });
    connections.set(name, pending);
    pending.catch(() => {
      if (connections.get(name) === pending) connections.delete(name);
    });
    return pending;
  };

  const timeoutFor = (name: string): number => serverConfig(name).timeout_ms ?? options.callTimeoutMs ?? DEFAULT_CALL_TIMEOUT_MS;

  return {
    servers: () => [...names],

    async callTool(server: string, tool: string, input: Json, signal: AbortSignal): Promise<McpToolOutput> {
      signal.throwIfAborted();
      const { client, stderrTail } = await abortable(connection(server), signal);
      if (input === null || typeof input !== 'object' || Array.isArray(input)) {
        return { output: `MCP tool "${tool}" on server "${server}" needs an object of arguments, got ${JSON.stringify(input)}`, is_error: true };
      }
      try {
        const result = await client.callTool({ name: tool, arguments: input }, undefined, { signal, timeout: timeoutFor(server) });
        return toToolOutput(result);
      } catch (error) {
        if (signal.aborted) throw signal.reason ?? error;
        const hide = serverDetailsRedactor(server, serverConfig(server));
        if (error instanceof McpError) return { output: hide(`MCP server "${server}", tool "${tool}": ${error.message}`), is_error: true };
        const tail = stderrTail();
        // No `cause`: it would carry the transport's own message (URL, command) to whoever logs it.
        throw new Error(hide(`MCP server "${server}" failed during tool "${tool}": ${(error as Error).message}${tail ? `\nserver stderr: ${tail}` : ''}`));
      }
    },

    async listTools(server: string, signal?: AbortSignal): Promise<McpToolInfo[]> {
      const { client } = await abortable(connection(server), signal);
      const tools: McpToolInfo[] = [];
      let cursor: string | undefined;
      do {
        const page = await client.listTools(cursor ? { cursor } : undefined, { signal, timeout: timeoutFor(server) });
        for (const tool of page.tools) tools.push({ name: tool.name, description: tool.description ?? '', input_schema: tool.inputSchema as JsonSchema });
        cursor = page.nextCursor;
      } while (cursor);
      return tools;
    },

    async close(): Promise<void> {
      const pending = [...connections.values()];
      connections.clear();
      await Promise.allSettled(pending.map(async (item) => (await item).client.close()));
    },
  };
}

async function connect(name: string, server: McpServerConfig, timeoutMs: number, onClosed: () => void): Promise<Connection> {
  let tail = '';
  let transport: Transport;
  if (isStdioServer(server)) {
    const stdio = new StdioClientTransport({ command: server.command, args: server.args ?? [], env: server.env, cwd: server.cwd, stderr: 'pipe' });
    // Kept, not forwarded: a chatty server must not write into the CLI's trace or the server log.
    stdio.stderr?.on('data', (chunk: Buffer) => {
      tail = (tail + chunk.toString('utf8')).slice(-STDERR_TAIL_CHARS);
    });
    transport = stdio;
  } else {
    transport = new StreamableHTTPClientTransport(new URL(server.url), { requestInit: { headers: server.headers ?? {} } });
  }
  const client = new Client({ name: 'trellis', version: '0.1.0' });
  client.onclose = onClosed;
  try {
    await client.connect(transport, { timeout: timeoutMs });
  } catch (error) {
    await client.close().catch(() => {});
    // Named only: the URL may carry a token, the command line a key (see hide-server-details.ts).
    const hide = serverDetailsRedactor(name, server);
    throw new Error(hide(`MCP server "${name}" (${isStdioServer(server) ? 'stdio' : 'http'}) could not be reached: ${(error as Error).message}${tail.trim() ? `\nserver stderr: ${tail.trim()}` : ''}`));
  }
  return { client, stderrTail: () => tail.trim() };
}

/** Stops waiting (the connection itself carries on, for the next call) when the caller aborts. */
function abortable<T>(promise: Promise<T>, signal: AbortSignal | undefined): Promise<T> {
  if (!signal) return promise;
  return new Promise<T>((resolve, reject) => {
    const onAbort = (): void => reject(signal.reason);
    if (signal.aborted) return onAbort();
    signal.addEventListener('abort', onAbort, { once: true });
    promise.then(resolve, reject).finally(() => signal.removeEventListener('abort', onAbort));
  });
}
