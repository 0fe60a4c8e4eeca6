import { describe, expect, it } from 'vitest';
import { EFFORT_LEVELS, factsCatalog, THINKING_TYPES, type ModelProfile } from '../../shared/claude-models';
import { browserUnavailable } from './support/launch-browser';
import { ClaudeSettingsForm } from './support/claude-settings-form';
import { setupE2E } from './support/e2e-context';

const facts = factsCatalog();
function profile(id: string): ModelProfile {
  const found = facts.find(id);
  if (!found) throw new Error(`the facts table has no ${id}`);
  return found;
}

// A model that takes every effort level and adaptive thinking, and one that takes neither.
const RICH = 'claude-sonnet-5-5';
const PLAIN = 'claude-haiku-4-5';

describe.skipIf(browserUnavailable() !== null)('effort and thinking on a Claude node', () => {
  const e2e = setupE2E();

  it('offers what the model accepts, flags what a new model refuses, fixes it in one click (undoable) and runs', async () => {
    expect(profile(RICH).effort_levels).toContain('xhigh');
    expect(profile(RICH).thinking_types).toContain('adaptive');
    expect(profile(PLAIN).effort_levels).toEqual([]);
    expect(profile(PLAIN).thinking_types).not.toContain('adaptive');

    const app = await e2e.newPage();
    const { page } = app;
    const form = new ClaudeSettingsForm(page);
    await app.open();
    await app.newWorkflow();
    await page.getByTestId('palette-thinking').click();
    await page.getByTestId('palette-output').click();
    await app.connect('input', 'out', 'thinking_1', 'in');
    await app.connect('thinking_1', 'out', 'output_1', 'in');
    await app.edge('thinking_1', 'output_1').waitFor();

    await app.node('thinking_1').click();
    await app.showInspector();
    await form.chooseModel(RICH);
    expect(await form.optionValues(form.effort)).toEqual(['', ...EFFORT_LEVELS.filter((level) => profile(RICH).effort_levels.includes(level))]);
    // The Thinking node must think: no "model default" here, only the types the model takes.
    expect(await form.optionValues(form.thinking)).toEqual(THINKING_TYPES.filter((type) => profile(RICH).thinking_types.includes(type)));
    await form.setEffort('xhigh');
    await form.setThinking('adaptive');
    await form.display.selectOption('summarized');
    await expect.poll(() => app.nodeView('thinking_1').getByTestId('node-reasoning').innerText()).toBe('effort xhigh · thinking adaptive');
    await expect.poll(() => app.issueCount()).toBe(0);

    // A model that takes neither: both values stay, marked, and the validator flags both with a fix.
    await form.chooseModel(PLAIN);
    await expect.poll(() => form.isMarkedInvalid(form.effort)).toBe(true);
    expect(await form.effort.inputValue()).toBe('xhigh');
    expect(await form.isMarkedInvalid(form.thinking)).toBe(true);
    expect(await form.thinking.inputValue()).toBe('adaptive');
    await form.nodeIssue('model.effort').waitFor();
    await form.listedIssue('model.thinking').waitFor();
    expect(await app.nodeView('thinking_1').getByTestId('node-issues').innerText()).toBe('2');

    // The effort fix from the inspector: the model takes no effort, so the field goes away.
    expect(await form.applyNodeFix('model.effort')).toBe('Remove effort');
    await form.effort.waitFor({ state: 'detached' });
    await form.nodeIssue('model.effort').waitFor({ state: 'detached' });
    // One undo step brings the refused value back, redo removes it again.
    await page.getByTestId('undo-button').click();
    expect(await form.effort.inputValue()).toBe('xhigh');
    await page.getByTestId('redo-button').click();
    await form.effort.waitFor({ state: 'detached' });

    // The thinking fix from the issues list: the closest type the model takes, with a budget.
    expect(await form.applyListedFix('model.thinking')).toMatch(/^Use thinking "enabled" with budget_tokens \d+$/);
    expect(await form.thinking.inputValue()).toBe('enabled');
    expect(await form.isMarkedInvalid(form.thinking)).toBe(false);
    expect(Number(await form.budget.inputValue())).toBeGreaterThanOrEqual(1024);
    await expect.poll(() => app.issueCount()).toBe(0);

    await app.run();
    expect(await app.waitForRunEnd()).toBe('completed');
    await app.waitForStatus('thinking_1', 'completed');
  });
});
