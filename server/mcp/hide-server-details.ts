import { SecretMatcher } from '../engine/secret-matcher';
import { isStdioServer, type McpServerConfig } from './mcp-config';

/**
 * A redactor for everything the configuration says about one MCP server beyond its name: its URL
 * (whole, and its host, path and query values, where tokens live), header values, command,
 * arguments, working directory and environment values. Messages from the MCP SDK, fetch and the
 * server's own stderr quote these freely; errors, traces and logs must name the server only.
 */
export function serverDetailsRedactor(name: string, server: McpServerConfig): (text: string) => string {
  const details: Record<string, string> = {};
  const add = (value: string | undefined): void => {
    if (value && value.length >= 4) details[`${Object.keys(details).length}`] = value;
  };
  if (isStdioServer(server)) {
    add([server.command, ...(server.args ?? [])].join(' '));
    add(server.command);
    for (const arg of server.args ?? []) add(arg);
    add(server.cwd);
    for (const value of Object.values(server.env ?? {})) add(value);
  } else {
    add(server.url);
    try {
      const url = new URL(server.url);
      add(url.host);
      add(url.pathname.length > 1 ? url.pathname : undefined);
      add(url.search);
      for (const value of url.searchParams.values()) add(value);
      add(url.username);
      add(url.password);
    } catch {
      // An unparseable URL is still hidden whole above.
    }
    for (const value of Object.values(server.headers ?? {})) {
      add(value);
      add(value.replace(/^\S+\s+/, ''));
    }
  }
  const matcher = new SecretMatcher(details);
  return (text) => matcher.redact(text).replace(/\[secret:\d+\]/g, `<mcp server "${name}">`);
}
