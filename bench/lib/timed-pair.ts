import { timed } from './timed';

/**
 * Times a measured task and its baseline back to back, alternating which goes first, so slow
 * drift (GC, the simulator warming up) lands on both sides. Returns `[subject, baseline]`.
 */
export async function timedPair(subjectFirst: boolean, subject: () => Promise<unknown>, baseline: () => Promise<unknown>): Promise<[number, number]> {
  if (subjectFirst) {
    const subjectMs = await timed(subject);
    return [subjectMs, await timed(baseline)];
  }
  const baselineMs = await timed(baseline);
  return [await timed(subject), baselineMs];
}
