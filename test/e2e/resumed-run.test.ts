import { describe, expect, it } from 'vitest';
import { useInterruptedRun } from './support/interrupted-run-harness';
import { browserUnavailable } from './support/launch-browser';

/**
 * A run interrupted by a server restart and resumed: its event log holds the first attempt's
 * `run.interrupted` and then `run.started {resumed: true}`. Opening it must show the real outcome,
 * not stop at the earlier terminal event.
 */
describe.skipIf(browserUnavailable() !== null)('a resumed run', () => {
  const interruptRun = useInterruptedRun('trellis-e2e-resume-');

  it('replays and follows to its final status after the earlier attempt was interrupted by a shutdown', async () => {
    const { server, runId, call, openPage } = await interruptRun();
    await call('POST', `/api/runs/${runId}/resume`);

    const { app, errors } = await openPage();
    await app.openWorkflow('multi-turn-chat');
    await app.showRunPanel();
    await app.page.getByTestId(`run-${runId}`).click();
    expect(await app.waitForRunEnd()).toBe('completed');
    for (const nodeId of ['explain', 'analogy', 'quiz', 'transcript']) expect(await app.nodeView(nodeId).getAttribute('data-status')).toBe('completed');
    expect(await app.page.getByTestId('run-outputs').innerText()).not.toBe('');

    // The log really does hold the earlier terminal event before the resumed run's start.
    const events = await (await fetch(`${server.url}/api/runs/${runId}/events`)).text();
    const types = [...events.matchAll(/^event: (\S+)$/gm)].map((match) => match[1]);
    expect(types.indexOf('run.interrupted')).toBeGreaterThan(0);
    expect(types).not.toContain('run.canceled');
    expect(types.lastIndexOf('run.started')).toBeGreaterThan(types.indexOf('run.interrupted'));
    expect(types.at(-1)).toBe('run.completed');
    expect(errors).toEqual([]);
  });
});
