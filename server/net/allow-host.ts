import { isIP } from 'node:net';

/** One TRELLIS_FETCH_ALLOW_HOSTS entry: a host name (lower case, IPv6 without brackets) and the ports it admits. */
export interface AllowHost {
  host: string;
  ports: number[];
}

/**
 * `host:port`, `[v6]:port`, or a bare host meaning its default ports 80 and 443 only. A bare name
 * used to admit every port, so allow-listing `localhost` for one intranet service also opened
 * every other loopback service, Trellis's own API among them; the port is now part of the grant.
 */
export function parseAllowHost(entry: string): AllowHost {
  const value = entry.trim().toLowerCase();
  const bracketed = /^\[([0-9a-f:.]+)\](?::(\d+))?$/.exec(value);
  if (bracketed) return { host: bracketed[1] as string, ports: bracketed[2] === undefined ? [80, 443] : [Number(bracketed[2])] };
  // A bare IPv6 literal has colons but no port.
  if (isIP(value) === 6) return { host: value, ports: [80, 443] };
  const withPort = /^([^:]+):(\d+)$/.exec(value);
  if (withPort) return { host: withPort[1] as string, ports: [Number(withPort[2])] };
  return { host: value, ports: [80, 443] };
}
