import { join } from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { browserUnavailable } from './support/launch-browser';
import { setupE2E } from './support/e2e-context';

const IMAGES = join(import.meta.dirname, '..', '..', 'docs', 'images');

/** `TRELLIS_SCREENSHOTS=1` writes docs/images; otherwise the shots are only taken in memory. */
const WRITE_IMAGES = process.env.TRELLIS_SCREENSHOTS === '1';

/**
 * The pictures in docs/canvas.md, taken from the real app so the docs never drift from it. Every
 * run takes them (a view that cannot be captured fails the test); only an explicit
 * `TRELLIS_SCREENSHOTS=1 npm run test:e2e` rewrites the tracked files.
 */
describe.skipIf(browserUnavailable() !== null)('documentation screenshots', () => {
  const e2e = setupE2E();
  const shoot = async (target: Page | Locator, name: string): Promise<number> => {
    const image = await target.screenshot(WRITE_IMAGES ? { path: join(IMAGES, `${name}.png`) } : {});
    return image.length;
  };

  it('captures the canvas after a run, the inspector, the run panel, the issues list, the estimate and a dataset job', async () => {
    const app = await e2e.newPage();
    const { page } = app;
    await app.open();

    await app.openWorkflow('support-triage');
    await page.getByTestId('layout-button').click();
    await app.waitForSteadyViewport();
    await app.chooseSample('refund');
    await app.run();
    expect(await app.waitForRunEnd()).toBe('completed');
    if (await page.getByTestId('notice').isVisible()) await page.getByTestId('notice').getByRole('button').click();
    expect(await shoot(page, 'canvas-after-run')).toBeGreaterThan(10_000);

    // Auto-layout left unsaved changes: leaving asks, and the screenshots do not keep them.
    await app.openWorkflow('weather-agent', { discardChanges: true });
    await app.chooseSample('tokyo');
    await app.run();
    expect(await app.waitForRunEnd()).toBe('completed');
    expect(await shoot(page.locator('.panel'), 'run-panel')).toBeGreaterThan(10_000);

    await app.node('agent').click();
    await app.showInspector();
    const message = page.getByTestId('message-0');
    await message.click();
    await page.keyboard.press('Control+End');
    await page.keyboard.type(' {{');
    await page.getByTestId('template-completions').waitFor();
    expect(await shoot(page, 'inspector')).toBeGreaterThan(10_000);
    await page.keyboard.press('Escape');

    await app.openWorkflow('code-review', { discardChanges: true });
    await app.node('review').click();
    await page.getByTestId('message-0').fill('Review this diff from {{reviewer.text}}:\n\n{{input.diff}}');
    await expect.poll(() => app.issueCount()).toBeGreaterThan(0);
    expect(await shoot(page, 'issues')).toBeGreaterThan(10_000);

    await app.openWorkflow('support-triage', { discardChanges: true });
    await app.chooseSample('refund');
    await app.estimate();
    expect(await shoot(page.locator('.panel'), 'estimate')).toBeGreaterThan(10_000);
    const csv = ['ticket,customer', 'I was charged twice,Dana', 'The app crashes on start,Lee', 'How do I export my data?,Sam', 'Please refund my invoice,Ada'].join('\n');
    expect(await app.runDataset('tickets.csv', csv, 'batch')).toBe('completed');
    expect(await shoot(page.locator('.panel'), 'dataset')).toBeGreaterThan(10_000);
  });
});
