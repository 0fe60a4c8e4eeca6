import { describe, expect, it } from 'vitest';
import type { WorkflowSummary } from '../../client/src/api/api-types';
import type { Workflow } from '../../shared/workflow-types';
import { browserUnavailable } from './support/launch-browser';
import { setupE2E } from './support/e2e-context';

describe.skipIf(browserUnavailable() !== null)('leaving a workflow with unsaved changes', () => {
  const e2e = setupE2E();
  const twoWorkflows = async () => {
    const { workflows } = await e2e.api<{ workflows: WorkflowSummary[] }>('GET', '/api/workflows');
    const [first, second] = workflows;
    if (!first || !second) throw new Error('The test server needs two example workflows.');
    return [first, second] as const;
  };

  it('asks before switching: Cancel keeps the edit on screen, Discard opens the other workflow and drops the edit', async () => {
    const app = await e2e.newPage();
    const { page } = app;
    await app.open();
    const [first, second] = await twoWorkflows();
    await app.openWorkflow(first.id);
    await app.showInspector();
    await page.getByTestId('workflow-name').fill('Half-finished rename');

    await app.workflowItem(second.id).click();
    const dialog = page.getByTestId('unsaved-dialog');
    await dialog.waitFor();
    expect(await dialog.innerText()).toContain('Half-finished rename');
    await page.getByTestId('unsaved-cancel').click();
    await dialog.waitFor({ state: 'detached' });
    expect(await page.evaluate(() => location.hash)).toBe(`#/w/${first.id}`);
    expect(await page.getByTestId('workflow-name').inputValue()).toBe('Half-finished rename');

    await app.workflowItem(second.id).click();
    await page.getByTestId('unsaved-discard').click();
    await page.waitForFunction((wanted) => location.hash === `#/w/${wanted}`, second.id);
    expect(await page.getByTestId('workflow-name').inputValue()).toBe(second.name);

    // The discarded edit is gone for good: neither stored nor kept as a draft.
    await app.openWorkflow(first.id);
    expect(await page.getByTestId('workflow-name').inputValue()).toBe(first.name);
    expect(await page.getByTestId('draft-restored').count()).toBe(0);
    expect((await e2e.api<{ workflow: Workflow }>('GET', `/api/workflows/${first.id}`)).workflow.name).toBe(first.name);
  });

  it('asks before New, and Save stores the changes first', async () => {
    const app = await e2e.newPage();
    const { page } = app;
    await app.open();
    const [first] = await twoWorkflows();
    await app.openWorkflow(first.id);
    await app.showInspector();
    await page.getByTestId('workflow-description').fill('Saved on the way out');

    await page.getByTestId('new-workflow').click();
    await page.getByTestId('unsaved-save').click();
    await page.getByTestId('unsaved-dialog').waitFor({ state: 'detached' });
    await expect.poll(() => app.nodeIds()).toEqual(['input']);
    expect((await e2e.api<{ workflow: Workflow }>('GET', `/api/workflows/${first.id}`)).workflow.description).toBe('Saved on the way out');
  });

  it('does not ask when nothing changed', async () => {
    const app = await e2e.newPage();
    const { page } = app;
    await app.open();
    const [first, second] = await twoWorkflows();
    await app.openWorkflow(first.id);
    await app.openWorkflow(second.id);
    expect(await page.getByTestId('unsaved-dialog').count()).toBe(0);
  });
});
