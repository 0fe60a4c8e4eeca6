import { describe, expect, it } from 'vitest';
import type { RunDetail } from '../../client/src/api/api-types';
import { useInterruptedRun } from './support/interrupted-run-harness';
import { browserUnavailable } from './support/launch-browser';

/**
 * Issue 12 item 5: a run the server was driving when it stopped is `interrupted` after a restart.
 * The canvas shows it as interrupted (not canceled, failed or running) and resumes it.
 */
describe.skipIf(browserUnavailable() !== null)('an interrupted run', () => {
  const interruptRun = useInterruptedRun('trellis-e2e-interrupted-');

  it('shows as interrupted in the history and the run panel, and Resume finishes it', async () => {
    const { runId, call, openPage } = await interruptRun();
    const { app, errors } = await openPage();
    await app.openWorkflow('multi-turn-chat');
    await app.showRunPanel();
    const row = app.page.getByTestId(`run-${runId}`);
    expect(await row.innerText()).toContain('interrupted');
    await app.page.getByTestId(`resume-${runId}`).waitFor();

    await row.click();
    expect(await app.waitForRunEnd()).toBe('interrupted');
    await app.page.getByTestId('run-interrupted').waitFor();
    expect(await app.nodeView('explain').getAttribute('data-status')).toBe('completed');
    // Nodes the stop cut short are interrupted, not failed.
    for (const nodeId of ['analogy', 'quiz', 'transcript']) expect(await app.nodeView(nodeId).getAttribute('data-status')).not.toBe('failed');

    await app.page.getByTestId('resume-button').click();
    await app.page.locator('[data-testid="run-summary"][data-status="running"]').waitFor().catch(() => undefined);
    expect(await app.waitForRunEnd()).toBe('completed');
    for (const nodeId of ['explain', 'analogy', 'quiz', 'transcript']) expect(await app.nodeView(nodeId).getAttribute('data-status')).toBe('completed');
    await app.page.getByTestId('resume-button').waitFor({ state: 'detached' });
    expect((await call<RunDetail>('GET', `/api/runs/${runId}`)).run.status).toBe('completed');
    expect(errors).toEqual([]);
  });
});
