import type { LimiterTimers } from '../../../server/ratelimit/create-rate-limited-fetch';

/** A clock and timer queue the test moves by hand: the limiter and the simulator share it. */
export function fakeClock(start = Date.parse('2026-11-24T10:00:00Z')) {
  let time = start;
  let nextHandle = 1;
  const pending = new Map<number, { at: number; callback: () => void }>();
  const timers: LimiterTimers = {
    setTimeout(callback, ms) {
      const handle = nextHandle++;
      pending.set(handle, { at: time + ms, callback });
      return handle;
    },
    clearTimeout(handle) {
      pending.delete(handle as number);
    },
  };
  return {
    now: () => time,
    timers,
    pendingTimers: () => pending.size,
    /** Moves time forward and fires every timer that came due, in order. */
    advance(ms: number): void {
      time += ms;
      for (const [handle, timer] of [...pending].sort((a, b) => a[1].at - b[1].at)) {
        if (timer.at > time) continue;
        pending.delete(handle);
        timer.callback();
      }
    },
  };
}
