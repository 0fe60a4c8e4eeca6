import type { SecretDestination } from '../engine/types';

/**
 * One entry of TRELLIS_SECRETS: `NAME` (no binding: any destination) or
 * `NAME@dest|dest…`, where each destination is a host (`api.weather.example`, any port), a
 * `host:port`, or `mcp:SERVER` (the MCP server of that name in TRELLIS_MCP_CONFIG). A bound secret
 * may only leave Trellis towards one of its destinations.
 */
export interface SecretBinding {
  name: string;
  /** Undefined: not bound. Hosts lower-cased, IPv6 literals without brackets. */
  destinations?: readonly SecretDestinationRule[];
}

export type SecretDestinationRule = { kind: 'host'; host: string; port?: string } | { kind: 'mcp'; server: string };


export function parseSecretBinding(entry: string): SecretBinding {
  const at = entry.indexOf('@');
  if (at === -1) return { name: entry };
  const name = entry.slice(0, at).trim();
  const destinations = entry
    .slice(at + 1)
    .split('|')
    .map((item) => item.trim())
    .filter(Boolean)
    .map(parseRule);
  if (!name || destinations.length === 0) throw new Error(`"${entry}" is not NAME or NAME@host[:port]|mcp:SERVER…`);
  return { name, destinations };
}

function parseRule(text: string): SecretDestinationRule {
  if (text.toLowerCase().startsWith('mcp:')) return { kind: 'mcp', server: text.slice(4) };
  // Parsed as a URL authority so `[::1]:8443`, case and trailing dots mean what a fetch means.
  let url: URL;
  try {
    url = new URL(`http://${text}`);
  } catch {
    throw new Error(`"${text}" is not a host or host:port`);
  }
  if (url.pathname !== '/' || url.username || url.search) throw new Error(`"${text}" is not a host or host:port`);
  const host = hostOf(url);
  return text.match(/:\d+$/) ? { kind: 'host', host, port: url.port || '80' } : { kind: 'host', host };
}

/** Whether `destination` is one of the binding's; an unbound secret may go anywhere. */
export function bindingAllows(binding: SecretBinding, destination: SecretDestination): boolean {
  if (!binding.destinations) return true;
  if (destination.kind === 'mcp') return binding.destinations.some((rule) => rule.kind === 'mcp' && rule.server === destination.server);
  let url: URL;
  try {
    url = new URL(destination.url);
  } catch {
    return false;
  }
  const host = hostOf(url);
  const port = url.port || (url.protocol === 'https:' ? '443' : '80');
  return binding.destinations.some((rule) => rule.kind === 'host' && rule.host === host && (rule.port === undefined || rule.port === port));
}

export function describeDestination(destination: SecretDestination): string {
  if (destination.kind === 'mcp') return `MCP server "${destination.server}"`;
  try {
    return new URL(destination.url).host;
  } catch {
    return 'an unparseable URL';
  }
}

function hostOf(url: URL): string {
  return url.hostname.toLowerCase().replace(/^\[|\]$/g, '').replace(/\.$/, '');
}
