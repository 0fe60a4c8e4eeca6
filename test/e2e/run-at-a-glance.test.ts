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

  it('disables Run while the workflow has errors, pointing at the Issues list, and runs again once fixed', async () => {
    const app = await e2e.newPage();
    await app.open();
    await app.openWorkflow('multi-turn-chat');
    await app.run();
    expect(await app.waitForRunEnd()).toBe('completed');
    const firstRun = await app.currentRunId();

    // A reference to a node that does not exist is an error: Run turns off and says where to look.
    await app.node('explain').click();
    await app.showInspector();
    const message = app.page.getByTestId('message-0');
    const original = await message.inputValue();
    await message.fill('Explain {{nowhere.text}}');
    await expect.poll(() => app.issueCount()).toBeGreaterThan(0);
    await app.showRunPanel();
    const run = app.page.getByTestId('run-button');
    expect(await run.isDisabled()).toBe(true);
    expect(await run.getAttribute('title')).toMatch(/Issues list/);
    expect(await app.page.getByTestId('run-blocked').innerText()).toMatch(/Fix the \d+ errors? in the Issues list/);

    // Fixed: Run is back, and the new run's trace replaces the old one.
    await app.showInspector();
    await message.fill(original);
    await expect.poll(() => app.issueCount()).toBe(0);
    await app.showRunPanel();
    await expect.poll(() => run.isEnabled()).toBe(true);
    expect(await app.page.getByTestId('run-blocked').count()).toBe(0);
    await run.click();
    await expect.poll(() => app.currentRunId()).not.toBe(firstRun);
    expect(await app.waitForRunEnd()).toBe('completed');
  });

  it('updates the history live: the run just finished is listed as completed without a refresh', async () => {
    const app = await e2e.newPage();
    await app.open();
    await app.openWorkflow('multi-turn-chat');
    await app.run();
    const runId = await app.currentRunId();
    expect(await app.waitForRunEnd()).toBe('completed');
    await expect.poll(() => app.page.getByTestId(`run-${runId}`).getAttribute('data-status')).toBe('completed');
    expect(await app.page.getByTestId(`run-${runId}`).innerText()).toContain('completed');
  });

  it('shows a past run with its input, and runs again with that input', async () => {
    const app = await e2e.newPage();
    await app.open();
    await app.openWorkflow('weather-agent');
    await app.chooseSample('tokyo');
    await app.run();
    const pastId = await app.currentRunId();
    expect(await app.waitForRunEnd()).toBe('completed');

    // Another input in the field, then open the past run: it shows the input it ran with.
    await app.chooseSample('paris');
    await app.page.getByTestId(`run-${pastId}`).click();
    await expect.poll(() => app.page.getByTestId('past-run-input').isVisible()).toBe(true);
    expect(await app.page.getByTestId('past-run-input').innerText()).toContain('Tokyo');

    await app.page.getByTestId('run-again').click();
    await expect.poll(() => app.currentRunId()).not.toBe(pastId);
    expect(await app.waitForRunEnd()).toBe('completed');
    expect(await app.page.getByTestId('run-input').inputValue()).toContain('Tokyo');
    expect(await app.page.getByTestId('past-run-input').count()).toBe(0);
  });

  it('shows a notice in its own workflow only, clear of the Issues list, and lets it time out', async () => {
    const app = await e2e.newPage();
    const { page } = app;
    await app.open();
    await app.openWorkflow('multi-turn-chat');
    await page.getByTestId('save-button').click();
    const notice = page.getByTestId('notice');
    await notice.waitFor();
    expect(await notice.innerText()).toContain('Saved');

    // Not over the Issues list under the canvas.
    const toast = (await notice.boundingBox())!;
    const issues = (await page.getByTestId('issues').boundingBox())!;
    expect(toast.y + toast.height <= issues.y || toast.y >= issues.y + issues.height).toBe(true);

    // It does not follow the user to another workflow, nor come back with them.
    await app.openWorkflow('weather-agent');
    expect(await notice.count()).toBe(0);
    await app.openWorkflow('multi-turn-chat');
    await notice.waitFor({ state: 'detached', timeout: 8_000 });
  });

  it('marks the runs a dataset filed in the history, and can hide them', async () => {
    const app = await e2e.newPage();
    const { page } = app;
    await app.open();
    await app.openWorkflow('weather-agent');
    await app.chooseSample('paris');
    await app.run();
    const canvasRun = await app.currentRunId();
    expect(await app.waitForRunEnd()).toBe('completed');

    const rows = ['Is it sunny in Rome?', 'Snow in Oslo?'].map((question) => JSON.stringify({ question })).join('\n');
    expect(await app.runDataset('questions.jsonl', rows, 'realtime')).toBe('completed');
    await app.showRunPanel();
    await page.getByRole('button', { name: 'refresh' }).click();
    await expect.poll(() => page.getByTestId('run-dataset-row').count()).toBe(2);
    // The canvas run carries no dataset mark.
    expect(await page.getByTestId(`run-${canvasRun}`).getByTestId('run-dataset-row').count()).toBe(0);

    // Other tests of this file share the server, so count relative to what was listed.
    const listed = await page.locator('.run-list__item').count();
    await page.getByTestId('hide-dataset-runs').check();
    expect(await page.getByTestId('run-dataset-row').count()).toBe(0);
    expect(await page.locator('.run-list__item').count()).toBe(listed - 2);
    expect(await page.getByTestId(`run-${canvasRun}`).isVisible()).toBe(true);
  });

  it('takes the run input as a form made from the inputs schema, checked inline, with the same input as JSON', async () => {
    const app = await e2e.newPage();
    const { page } = app;
    await app.open();
    await app.openWorkflow('code-review');
    await app.showRunPanel();
    await page.getByTestId('run-input-form').waitFor();
    // A required field emptied is named next to the field, and Run waits for it.
    await app.runField('diff').fill('');
    await app.runField('language').fill('');
    await expect.poll(() => page.getByTestId('run-field-issue').count()).toBeGreaterThan(0);
    expect(await page.getByTestId('run-button').isDisabled()).toBe(true);

    await app.runField('diff').fill('- a\n+ b');
    await app.runField('language').fill('python');
    await expect.poll(() => page.getByTestId('run-field-issue').count()).toBe(0);
    expect(await page.getByTestId('run-button').isEnabled()).toBe(true);
    // The JSON view holds what the form says.
    const json = await app.showInputJson();
    expect(JSON.parse(await json.inputValue())).toEqual({ diff: '- a\n+ b', language: 'python' });
    await page.getByTestId('run-input-view-form').click();
    expect(await app.runField('language').inputValue()).toBe('python');
  });
});
