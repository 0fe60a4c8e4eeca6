import { statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { browserUnavailable } from './support/launch-browser';
import { setupE2E } from './support/e2e-context';

const IMAGES = join(import.meta.dirname, '..', '..', 'docs', 'images');

/** Regenerates the pictures in docs/canvas.md from the real app, so the docs never drift from it. */
describe.skipIf(browserUnavailable() !== null)('documentation screenshots', () => {
  const e2e = setupE2E();
  const shot = (name: string) => join(IMAGES, `${name}.png`);
  const written = (name: string) => statSync(shot(name)).size;

  it('captures the canvas after a run, the inspector, the run panel and the issues list', async () => {
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
    await page.screenshot({ path: shot('canvas-after-run') });
    expect(written('canvas-after-run')).toBeGreaterThan(10_000);

    await app.openWorkflow('weather-agent');
    await app.chooseSample('tokyo');
    await app.run();
    expect(await app.waitForRunEnd()).toBe('completed');
    await page.locator('.panel').screenshot({ path: shot('run-panel') });
    expect(written('run-panel')).toBeGreaterThan(10_000);

    await app.node('agent').click();
    await app.showInspector();
    const message = page.getByTestId('message-0');
    await message.click();
    await page.keyboard.press('Control+End');
    await page.keyboard.type(' {{');
    await page.getByTestId('template-completions').waitFor();
    await page.screenshot({ path: shot('inspector') });
    expect(written('inspector')).toBeGreaterThan(10_000);
    await page.keyboard.press('Escape');

    await app.openWorkflow('code-review');
    await app.node('review').click();
    await page.getByTestId('message-0').fill('Review this diff from {{reviewer.text}}:\n\n{{input.diff}}');
    await expect.poll(() => app.issueCount()).toBeGreaterThan(0);
    await page.screenshot({ path: shot('issues') });
    expect(written('issues')).toBeGreaterThan(10_000);
  });
});
