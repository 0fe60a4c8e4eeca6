import { createHash } from 'node:crypto';
import type { PromptSegment } from './prompt-segments';
import { totalTokens } from './prompt-segments';

export interface CacheUsage {
  input_tokens: number;
  cache_creation_input_tokens: number;
  cache_read_input_tokens: number;
  cache_creation: { ephemeral_5m_input_tokens: number; ephemeral_1h_input_tokens: number };
}

const TTL_MS = { '5m': 5 * 60_000, '1h': 60 * 60_000 } as const;

/**
 * The prompt cache: prefix hashes (tools → system → messages, up to each breakpoint) with a TTL on
 * an injectable clock. A hit refreshes the entry, as the real cache does. Prefixes shorter than the
 * model's minimum are silently not cached.
 */
export class PromptCache {
  private readonly entries = new Map<string, number>();

  constructor(private readonly now: () => number) {}

  clear(): void {
    this.entries.clear();
  }

  /** Splits the prompt's tokens into read / written / uncached and records the writes. */
  apply(model: string, minCacheTokens: number, segments: PromptSegment[]): CacheUsage {
    const total = totalTokens(segments);
    const creation = { ephemeral_5m_input_tokens: 0, ephemeral_1h_input_tokens: 0 };
    // Most requests set no breakpoint: skip the hashing entirely.
    if (!segments.some((segment) => segment.breakpoint)) {
      return { input_tokens: total, cache_creation_input_tokens: 0, cache_read_input_tokens: 0, cache_creation: creation };
    }
    const now = this.now();
    const points: { hash: string; tokens: number; ttl: '5m' | '1h' }[] = [];
    let hash = createHash('sha256').update(model).digest('hex');
    let tokens = 0;
    for (const segment of segments) {
      hash = createHash('sha256').update(hash).update(segment.key).digest('hex');
      tokens += segment.tokens;
      if (segment.breakpoint && tokens >= minCacheTokens) points.push({ hash, tokens, ttl: segment.breakpoint.ttl ?? '5m' });
    }
    let readIndex = -1;
    for (let i = points.length - 1; i >= 0; i--) {
      const expiresAt = this.entries.get(points[i]!.hash);
      if (expiresAt !== undefined && expiresAt > now) {
        readIndex = i;
        break;
      }
    }
    const hit = points[readIndex];
    const read = hit ? hit.tokens : 0;
    if (hit) this.entries.set(hit.hash, now + TTL_MS[hit.ttl]);
    let cursor = read;
    for (const point of points.slice(readIndex + 1)) {
      const written = point.tokens - cursor;
      if (point.ttl === '1h') creation.ephemeral_1h_input_tokens += written;
      else creation.ephemeral_5m_input_tokens += written;
      cursor = point.tokens;
      this.entries.set(point.hash, now + TTL_MS[point.ttl]);
    }
    const written = creation.ephemeral_5m_input_tokens + creation.ephemeral_1h_input_tokens;
    return { input_tokens: total - read - written, cache_creation_input_tokens: written, cache_read_input_tokens: read, cache_creation: creation };
  }
}
