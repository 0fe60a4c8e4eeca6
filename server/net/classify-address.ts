import { isIPv4, isIPv6 } from 'node:net';

/**
 * Why an address must not be reached from the server, or undefined when it is public.
 * IPv4-mapped/compatible/translated, NAT64, 6to4 and Teredo IPv6 forms are judged by the IPv4 address they carry,
 * so `::ffff:127.0.0.1` is loopback like `127.0.0.1`.
 */
export function classifyAddress(address: string): string | undefined {
  if (isIPv4(address)) return classifyIPv4(ipv4ToNumber(address));
  if (isIPv6(address)) return classifyIPv6(parseIPv6(address));
  return 'not an IP address';
}

const IPV4_RANGES: [string, number, string][] = [
  ['0.0.0.0', 8, 'unspecified ("this network")'],
  ['10.0.0.0', 8, 'private'],
  ['100.64.0.0', 10, 'carrier-grade NAT'],
  ['127.0.0.0', 8, 'loopback'],
  ['169.254.0.0', 16, 'link-local (cloud metadata)'],
  ['172.16.0.0', 12, 'private'],
  ['192.0.0.0', 24, 'IETF protocol assignments'],
  ['192.168.0.0', 16, 'private'],
  ['198.18.0.0', 15, 'benchmarking'],
  ['224.0.0.0', 4, 'multicast'],
  ['240.0.0.0', 4, 'reserved / broadcast'],
];

function classifyIPv4(value: number): string | undefined {
  for (const [base, bits, label] of IPV4_RANGES) {
    const mask = bits === 0 ? 0 : (~0 << (32 - bits)) >>> 0;
    if ((value & mask) >>> 0 === (ipv4ToNumber(base) & mask) >>> 0) return label;
  }
  return undefined;
}

function classifyIPv6(h: number[]): string | undefined {
  const allZero = (from: number, to: number): boolean => h.slice(from, to).every((x) => x === 0);
  const embedded = (hi: number, lo: number): number => ((hi << 16) | lo) >>> 0;
  if (allZero(0, 8)) return 'unspecified';
  if (allZero(0, 7) && h[7] === 1) return 'loopback';
  if (allZero(0, 5) && h[5] === 0xffff) return mapped(classifyIPv4(embedded(h[6] as number, h[7] as number)), 'IPv4-mapped');
  if (allZero(0, 6)) return mapped(classifyIPv4(embedded(h[6] as number, h[7] as number)), 'IPv4-compatible');
  // ::ffff:0:a.b.c.d (SIIT "IPv4-translated", RFC 2765): URL parsing turns
  // [::ffff:0:127.0.0.1] into ::ffff:0:7f00:1, which the mapped rule above does not see.
  if (allZero(0, 4) && h[4] === 0xffff && h[5] === 0) return mapped(classifyIPv4(embedded(h[6] as number, h[7] as number)), 'IPv4-translated');
  if (h[0] === 0x64 && h[1] === 0xff9b && allZero(2, 6)) return mapped(classifyIPv4(embedded(h[6] as number, h[7] as number)), 'NAT64');
  // 64:ff9b:1::/48 (RFC 8215) is for NAT64 inside one network; where the IPv4 sits depends on the
  // local prefix length, so the whole range is treated as internal.
  if (h[0] === 0x64 && h[1] === 0xff9b && h[2] === 1) return 'local-use NAT64';
  if (h[0] === 0x2002) return mapped(classifyIPv4(embedded(h[1] as number, h[2] as number)), '6to4');
  // Teredo (2001::/32) carries the client's IPv4 inverted in the last 32 bits.
  if (h[0] === 0x2001 && h[1] === 0) return mapped(classifyIPv4(~embedded(h[6] as number, h[7] as number) >>> 0), 'Teredo');
  const first = h[0] as number;
  if ((first & 0xfe00) === 0xfc00) return 'private (unique local)';
  if ((first & 0xffc0) === 0xfe80) return 'link-local';
  if ((first & 0xff00) === 0xff00) return 'multicast';
  return undefined;
}

function mapped(inner: string | undefined, form: string): string | undefined {
  return inner === undefined ? undefined : `${inner} (${form})`;
}

function ipv4ToNumber(address: string): number {
  return address.split('.').reduce((acc, part) => ((acc << 8) | Number(part)) >>> 0, 0);
}

/** Eight 16-bit groups; expands `::` and a trailing dotted quad. */
function parseIPv6(address: string): number[] {
  let text = address.replace(/%.*$/, '');
  const quad = /(\d+\.\d+\.\d+\.\d+)$/.exec(text);
  if (quad) {
    const v4 = ipv4ToNumber(quad[1] as string);
    text = `${text.slice(0, quad.index)}${(v4 >>> 16).toString(16)}:${(v4 & 0xffff).toString(16)}`;
  }
  const [head, tail] = text.split('::') as [string, string | undefined];
  const left = head === '' ? [] : head.split(':');
  const right = tail === undefined || tail === '' ? [] : tail.split(':');
  const missing = 8 - left.length - right.length;
  const groups = tail === undefined ? left : [...left, ...Array<string>(missing).fill('0'), ...right];
  return groups.map((group) => parseInt(group, 16));
}
