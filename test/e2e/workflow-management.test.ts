import { describe, expect, it } from 'vitest';
import type { WorkflowSummary } from '../../client/src/api/api-types';
import { browserUnavailable } from './support/launch-browser';
import { setupE2E } from './support/e2e-context';

describe.skipIf(browserUnavailable() !== null)('managing workflows from the list', () => {
  const e2e = setupE2E();
  const storedIds = async () => (await e2e.api<{ workflows: WorkflowSummary[] }>('GET', '/api/workflows')).workflows.map((workflow) => workflow.id);

  it('deletes a workflow from the list and the server, and Undo brings it back', async () => {
    const app = await e2e.newPage();
    const { page } = app;
    await app.open();
    const [victim] = await storedIds();
    if (!victim) throw new Error('The test server has no example workflows.');
    await app.workflowItem(victim).waitFor();

    await app.workflowAction('delete', victim);
    await app.workflowItem(victim).waitFor({ state: 'detached' });
    expect(await app.listedWorkflowIds()).not.toContain(victim);
    expect(await storedIds()).not.toContain(victim);
    expect(await page.getByTestId('deleted-workflow').innerText()).toContain('Deleted');

    await page.getByTestId('undo-delete').click();
    await app.workflowItem(victim).waitFor();
    expect(await storedIds()).toContain(victim);
    await page.waitForFunction((wanted) => location.hash === `#/w/${wanted}`, victim);
    await expect.poll(() => page.getByTestId('deleted-workflow').count()).toBe(0);
  });

  it('duplicates a workflow under a free id and opens the copy', async () => {
    const app = await e2e.newPage();
    const { page } = app;
    await app.open();
    const [original] = await storedIds();
    if (!original) throw new Error('The test server has no example workflows.');
    await app.workflowAction('duplicate', original);
    await app.workflowItem(`${original}-copy`).waitFor();
    await page.waitForFunction((wanted) => location.hash === `#/w/${wanted}`, `${original}-copy`);
    const copy = await e2e.api<{ workflow: { name: string; nodes: unknown[] } }>('GET', `/api/workflows/${original}-copy`);
    const source = await e2e.api<{ workflow: { name: string; nodes: unknown[] } }>('GET', `/api/workflows/${original}`);
    expect(copy.workflow.name).toBe(`${source.workflow.name} (copy)`);
    expect(copy.workflow.nodes).toEqual(source.workflow.nodes);

    // A second copy does not overwrite the first.
    await app.workflowAction('duplicate', original);
    await app.workflowItem(`${original}-copy-2`).waitFor();
  });

  it('narrows the list to the workflows matching every searched word', async () => {
    const app = await e2e.newPage();
    const { page } = app;
    await app.open();
    const all = await e2e.api<{ workflows: WorkflowSummary[] }>('GET', '/api/workflows');
    const target = all.workflows.find((workflow) => workflow.name.includes(' '));
    if (!target) throw new Error('No example with a two-word name.');
    await app.workflowItem(target.id).waitFor();
    const [first, second] = target.name.toUpperCase().split(' ');
    await page.getByTestId('workflow-search').fill(`${second} ${first}`);
    await expect.poll(() => app.listedWorkflowIds()).toContain(target.id);
    expect((await app.listedWorkflowIds()).length).toBeLessThan(all.workflows.length);

    await page.getByTestId('workflow-search').fill('no such workflow anywhere');
    await expect.poll(() => app.listedWorkflowIds()).toEqual([]);
    expect(await page.locator('.workflow-list').innerText()).toContain('No workflow matches');
  });

  it('renames a workflow by its id: the old id is gone from the list and the server, the new one has the graph', async () => {
    const app = await e2e.newPage();
    const { page } = app;
    await app.open();
    const [original] = await storedIds();
    if (!original) throw new Error('The test server has no example workflows.');
    await app.openWorkflow(original);
    const before = await e2e.api<{ workflow: { nodes: unknown[] } }>('GET', `/api/workflows/${original}`);
    await app.showInspector();
    await page.getByTestId('workflow-id').fill('renamed-by-test');
    await page.getByTestId('save-button').click();
    await page.getByTestId('rename-dialog').waitFor();
    await page.getByTestId('rename-move').click();
    await app.workflowItem('renamed-by-test').waitFor();
    await app.workflowItem(original).waitFor({ state: 'detached' });
    expect(await storedIds()).not.toContain(original);
    const after = await e2e.api<{ workflow: { nodes: unknown[] } }>('GET', '/api/workflows/renamed-by-test');
    expect(after.workflow.nodes).toEqual(before.workflow.nodes);
    expect(await page.evaluate(() => location.hash)).toBe('#/w/renamed-by-test');
  });
});
