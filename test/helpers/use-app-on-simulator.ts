import { afterAll, beforeAll } from 'vitest';
import { startSimulator, type RunningSimulator } from '../../server/simulator';
import { startTestApp, type TestApp } from './start-test-app';
import { startedInHook } from './started-in-hook';

export interface AppOnSimulator {
  /** The Claude simulator the app calls; its request log shows whether Claude was reached. */
  readonly simulator: RunningSimulator;
  /** The production app (real HTTP, a fresh SQLite file) wired to that simulator. */
  readonly app: TestApp;
}

/**
 * Starts a simulator and the app in front of it once for the enclosing describe block, and closes
 * both after it. Read `simulator`/`app` inside tests or hooks: they exist only once started.
 */
export function useAppOnSimulator(): AppOnSimulator {
  let simulator: RunningSimulator | undefined;
  let app: TestApp | undefined;
  beforeAll(async () => {
    simulator = await startSimulator({});
    app = await startTestApp({ claudeUrl: simulator.url });
  });
  afterAll(async () => {
    await app?.close();
    await simulator?.close();
  });
  return {
    get simulator() {
      return startedInHook(simulator, 'useAppOnSimulator().simulator');
    },
    get app() {
      return startedInHook(app, 'useAppOnSimulator().app');
    },
  };
}
