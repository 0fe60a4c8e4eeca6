import { describe, expect, it } from 'vitest';
import { browserUnavailable } from './support/launch-browser';
import { ClaudeSettingsForm } from './support/claude-settings-form';
import { setupE2E } from './support/e2e-context';

describe.skipIf(browserUnavailable() !== null)('reading a run at a glance', () => {
  const e2e = setupE2E();

  it("shows a tool loop's rounds in order after completion: text, the call with its result, text", async () => {
    const app = await e2e.newPage();
    await app.open();
    await app.openWorkflow('weather-agent');
    // The default model returns the words between tool calls inside (omitted) thinking; Haiku 5.5
    // returns them as text, the round one that the glued-rounds bug swallowed.
    await app.node('agent').click();
    await app.showInspector();
    await new ClaudeSettingsForm(app.page).chooseModel('claude-haiku-5-5');
    await app.chooseSample('paris');
    await app.run();
    expect(await app.waitForRunEnd()).toBe('completed');
    await app.waitForStatus('agent', 'completed');

    const segments = await app.traceSegments('agent');
    const firstCall = segments.findIndex((segment) => segment.startsWith('tool: '));
    expect(firstCall, segments.join('\n')).toBeGreaterThan(0);
    // Text comes before the first call, and the answer after the last one.
    expect(segments[0]).toMatch(/^text: \S/);
    expect(segments.at(-1)).toMatch(/^text: \S/);
    expect(segments[firstCall]).toBe('tool: get_weather');
    // The call shows its result where it was made, not above every round.
    expect(await app.trace('agent').getByTestId('trace-tool-call').first().innerText()).toContain('→');

    // The canvas node still shows round one after completion, separated from the final answer.
    const onNode = await app.nodeView('agent').getByTestId('node-stream').innerText();
    const firstRound = segments[0]!.slice('text: '.length);
    expect(onNode).toContain(firstRound.slice(0, 30));
  });
});
