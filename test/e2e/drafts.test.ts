import { describe, expect, it } from 'vitest';
import type { WorkflowSummary } from '../../client/src/api/api-types';
import type { Workflow } from '../../shared/workflow-types';
import { browserUnavailable } from './support/launch-browser';
import { setupE2E } from './support/e2e-context';

describe.skipIf(browserUnavailable() !== null)('unsaved work survives a reload', () => {
  const e2e = setupE2E();

  it('restores an edit of a stored workflow after a reload, says so, and can discard it', async () => {
    const app = await e2e.newPage();
    const { page } = app;
    await app.open();
    const { workflows } = await e2e.api<{ workflows: WorkflowSummary[] }>('GET', '/api/workflows');
    const target = workflows[0];
    if (!target) throw new Error('The test server has no example workflows.');
    await app.openWorkflow(target.id);
    await app.showInspector();
    await page.getByTestId('workflow-name').fill('Edited, never saved');

    await page.reload();
    await app.node('input').waitFor();
    await page.getByTestId('draft-restored').waitFor();
    expect(await page.getByTestId('draft-restored').innerText()).toContain('Restored unsaved draft');
    await app.showInspector();
    expect(await page.getByTestId('workflow-name').inputValue()).toBe('Edited, never saved');
    expect(await page.locator('.toolbar__dirty').innerText()).toBe('unsaved changes');
    // The server still has the stored version: the draft lives in the browser until saved.
    expect((await e2e.api<{ workflow: Workflow }>('GET', `/api/workflows/${target.id}`)).workflow.name).toBe(target.name);

    await page.getByTestId('discard-draft').click();
    await expect.poll(() => page.getByTestId('workflow-name').inputValue()).toBe(target.name);
    expect(await page.getByTestId('draft-restored').count()).toBe(0);
    await page.reload();
    await app.node('input').waitFor();
    await app.showInspector();
    expect(await page.getByTestId('workflow-name').inputValue()).toBe(target.name);
    expect(await page.getByTestId('draft-restored').count()).toBe(0);
  });

  it('restores a never-saved workflow with its nodes, and forgets the draft once it is saved', async () => {
    const app = await e2e.newPage();
    const { page } = app;
    await app.open();
    await app.newWorkflow();
    await page.getByTestId('palette-prompt').click();
    expect((await app.nodeIds()).sort()).toEqual(['input', 'prompt_1']);

    await page.reload();
    await app.node('prompt_1').waitFor();
    await page.getByTestId('draft-restored').waitFor();
    expect((await app.nodeIds()).sort()).toEqual(['input', 'prompt_1']);

    await app.showInspector();
    await page.getByTestId('workflow-id').fill('kept-draft');
    await page.getByTestId('save-button').click();
    await app.workflowItem('kept-draft').waitFor();
    await expect.poll(() => page.getByTestId('draft-restored').count()).toBe(0);
    await expect.poll(() => page.evaluate(() => Object.keys(localStorage).filter((key) => key.startsWith('trellis.draft.')))).toEqual([]);
  });

  it('keeps invalid JSON typed into an inspector field, marked invalid, after the inspector showed something else', async () => {
    const app = await e2e.newPage();
    const { page } = app;
    await app.open();
    await app.newWorkflow();
    await app.showInspector();
    const schema = page.getByTestId('inputs-schema');
    const before = await schema.inputValue();
    await schema.fill('{ "type": "object", "properties": ');
    await page.getByTestId('inputs-schema-error').waitFor();
    expect(await page.getByTestId('invalid-fields').innerText()).toBe('1 field with invalid JSON');

    // Show a node, then the workflow again: the half-typed text is still there, still marked.
    await app.node('input').click();
    await page.getByTestId('workflow-settings').waitFor({ state: 'detached' });
    await page.locator('.react-flow__pane').click({ position: { x: 30, y: 30 } });
    await page.getByTestId('workflow-settings').waitFor();
    expect(await schema.inputValue()).toBe('{ "type": "object", "properties": ');
    expect(await schema.getAttribute('aria-invalid')).toBe('true');
    expect(await page.getByTestId('inputs-schema-error').innerText()).toContain('the workflow still uses the last valid value');
    // The document kept the last valid schema, which is what a save would store.
    expect(JSON.parse(before)).toMatchObject({ type: 'object' });
  });
});
