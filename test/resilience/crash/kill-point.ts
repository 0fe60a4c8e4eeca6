import { seededRandom } from '../../helpers/seeded-random';

/**
 * Where the harness sends SIGKILL, relative to one run:
 * - after the Nth SSE frame reached the reader (the server is mid-flush to a subscriber);
 * - a few ms after the Nth Claude request reached the simulator (mid-stream, or just after the
 *   stream ended and before the node's result was committed);
 * - a few ms after `POST /api/runs` answered 202 (anywhere, including before the first call).
 */
export type KillPoint =
  | { kind: 'after-sse-frame'; frames: number }
  | { kind: 'after-claude-request'; request: number; delayMs: number }
  | { kind: 'after-start'; delayMs: number };

export function chooseKillPoint(seed: number): KillPoint {
  const random = seededRandom(seed);
  const kind = random.pick(['after-sse-frame', 'after-claude-request', 'after-start'] as const);
  if (kind === 'after-sse-frame') return { kind, frames: random.int(1, 30) };
  if (kind === 'after-claude-request') return { kind, request: random.int(1, 4), delayMs: random.int(0, 60) };
  return { kind, delayMs: random.int(0, 250) };
}
