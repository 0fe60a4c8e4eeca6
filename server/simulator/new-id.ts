import { createHash, randomBytes } from 'node:crypto';

const BASE62 = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';

function toBase62(bytes: Uint8Array, length: number): string {
  let out = '';
  for (let i = 0; i < length; i++) out += BASE62[(bytes[i % bytes.length] ?? 0) % 62];
  return out;
}

/** A fresh id in the API's shape, e.g. `msg_01` + 22 base62 characters. */
export function newId(prefix: 'msg_01' | 'req_011C' | 'msgbatch_01' | 'toolu_01'): string {
  const length = prefix === 'req_011C' ? 20 : 22;
  return prefix + toBase62(randomBytes(length), length);
}

/** A deterministic id derived from a seed: the same request yields the same tool_use ids. */
export function seededId(prefix: 'toolu_01' | 'msg_01', seed: string): string {
  return prefix + toBase62(createHash('sha256').update(seed).digest(), 22);
}
