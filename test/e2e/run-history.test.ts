import { describe, expect, it } from 'vitest';
import type { RunDetail } from '../../client/src/api/api-types';
import { browserUnavailable } from './support/launch-browser';
import { setupE2E } from './support/e2e-context';

describe.skipIf(browserUnavailable() !== null)('run history', () => {
  const e2e = setupE2E();

  async function finishedRun(workflowId: string, sample: string): Promise<RunDetail> {
    const { runId } = await e2e.api<{ runId: string }>('POST', '/api/runs', { workflowId, sample });
    let detail = await e2e.api<RunDetail>('GET', `/api/runs/${runId}`);
    for (let tries = 0; detail.run.live && tries < 600; tries += 1) {
      await new Promise((resolve) => setTimeout(resolve, 50));
      detail = await e2e.api<RunDetail>('GET', `/api/runs/${runId}`);
    }
    expect(detail.run.status).toBe('completed');
    return detail;
  }

  it('opens a past run from history and replays its trace on the canvas', async () => {
    const past = await finishedRun('code-review', 'sql-injection');
    const app = await e2e.newPage();
    const { page } = app;
    await app.open();
    await app.openWorkflow('code-review');
    await app.showRunPanel();
    for (const id of ['input', 'review', 'result']) expect(await app.nodeView(id).getAttribute('data-status')).toBe('idle');

    await page.getByTestId(`run-${past.run.id}`).click();
    for (const id of ['input', 'review', 'result']) await app.waitForStatus(id, 'completed');
    expect(await app.currentRunId()).toBe(past.run.id);
    expect(await page.getByTestId('run-summary').getAttribute('data-status')).toBe('completed');

    // The replayed text is exactly what the run stored.
    const review = past.nodes.find((node) => node.nodeId === 'review')!;
    const storedText = (review.output as { text: string }).text;
    expect(await app.trace('review').getByTestId('trace-text').innerText()).toBe(storedText.trim());
    expect(await app.trace('review').getByTestId('trace-stop-reason').innerText()).toBe(review.stopReason);
  });

  it('lists a run started from the canvas and replays it after a reload', async () => {
    const app = await e2e.newPage();
    const { page } = app;
    await app.open();
    await app.openWorkflow('apple-pricing');
    await app.chooseSample('bat-and-ball');
    await app.run();
    expect(await app.waitForRunEnd()).toBe('completed');
    const runId = await app.currentRunId();
    await page.getByTestId(`run-${runId}`).waitFor();
    // Thinking streams into a collapsible block of the trace.
    expect(await app.trace('solve').getByTestId('trace-thinking').count()).toBe(1);

    await page.reload();
    await app.node('solve').waitFor();
    await app.showRunPanel();
    await page.getByTestId(`run-${runId}`).click();
    await app.waitForStatus('solve', 'completed');
    expect(await app.trace('solve').getByTestId('trace-thinking').count()).toBe(1);
  });
});
