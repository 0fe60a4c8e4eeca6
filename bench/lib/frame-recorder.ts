import type { Page } from 'playwright-core';

/**
 * Records requestAnimationFrame timestamps inside the page while `action` runs and returns the
 * intervals between consecutive frames (ms): a dropped frame shows as a ~33 ms interval.
 */
export async function recordFrameIntervals(page: Page, action: () => Promise<void>): Promise<number[]> {
  // A string, not a function: tsx's keepNames would wrap inner functions in a `__name` helper
  // that does not exist inside the page.
  await page.evaluate(`(() => {
    const state = { frames: [], on: true };
    window.__benchFrames = state;
    const tick = (time) => {
      if (!state.on) return;
      state.frames.push(time);
      requestAnimationFrame(tick);
    };
    requestAnimationFrame(tick);
  })()`);
  await action();
  const frames = await page.evaluate(() => {
    const state = (window as unknown as { __benchFrames: { frames: number[]; on: boolean } }).__benchFrames;
    state.on = false;
    return state.frames;
  });
  return frames.slice(1).map((time, index) => time - (frames[index] as number));
}
