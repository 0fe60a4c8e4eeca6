import { rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSimulator, type RunningSimulator } from '../../../server/simulator';
import { bundleServer } from '../../helpers/bundle-server';
import { makeTempDir } from '../../helpers/make-temp-dir';
import { runCrashLane } from './crash-lane';

const LANES = 2;
const KILLS_PER_LANE = 26;
const BASE_SEED = 20_261_124;

/**
 * SIGKILL the real server (a child process) at 52 seeded points, restart it on the same SQLite
 * file each time, and check what PRODUCT.md §5 promises. The simulator lives in this process, so
 * its request log survives every kill and shows whether a completed node's call was repeated.
 * To replay one failing point, run a lane with just its seed (printed with each violation).
 */
describe('crash safety: SIGKILL at seeded points, restart, resume', () => {
  let simulator: RunningSimulator;
  let bundle: string;
  const dir = makeTempDir('trellis-crash');

  beforeAll(async () => {
    // Streams last a few dozen ms, so kills land before, inside and just after them.
    simulator = await startSimulator({ latency: { firstTokenMs: 10, tokensPerSecond: 3000 } });
    bundle = await bundleServer();
  }, 60_000);

  afterAll(async () => {
    await simulator?.close();
    if (bundle) rmSync(dirname(bundle), { recursive: true, force: true });
    dir.remove();
  });

  it(
    'never leaves a run running, resumes every interrupted run to completion without repeating a completed node, keeps seq gap-free and the file intact',
    async () => {
      const reports = await Promise.all(
        Array.from({ length: LANES }, (_, lane) =>
          runCrashLane({
            lane,
            seeds: Array.from({ length: KILLS_PER_LANE }, (_, index) => BASE_SEED + lane * 1000 + index),
            dbPath: join(dir.path, `lane-${lane}.db`),
            simulator,
            bundle,
            firstStartWithTsx: lane === 0,
          }),
        ),
      );
      const violations = reports.flatMap((report) => report.violations);
      console.info(`crash harness: ${JSON.stringify(reports.map(({ violations: _v, ...counts }) => counts))}`);
      expect(violations).toEqual([]);
      const kills = reports.reduce((sum, report) => sum + report.kills, 0);
      expect(kills).toBeGreaterThanOrEqual(50);
      // The harness must actually hit live runs, not only finished ones.
      expect(reports.reduce((sum, report) => sum + report.interrupted, 0)).toBeGreaterThanOrEqual(kills / 2);
    },
    240_000,
  );
});
