import { describe, expect, it } from 'vitest';
import type { WorkflowSummary } from '../../client/src/api/api-types';
import type { Workflow } from '../../shared/workflow-types';
import { browserUnavailable } from './support/launch-browser';
import { setupE2E } from './support/e2e-context';

describe.skipIf(browserUnavailable() !== null)('saving half-built work and id clashes', () => {
  const e2e = setupE2E();

  it('saves a workflow with an error, flags it in the list, and refuses to run it', async () => {
    const app = await e2e.newPage();
    const { page } = app;
    await app.open();
    await app.newWorkflow();
    await app.showInspector();
    await page.getByTestId('workflow-id').fill('half-built');
    // A prompt whose message names a node that does not exist (yet): an error, as in any half-built graph.
    await page.getByTestId('palette-prompt').click();
    await app.node('prompt_1').click();
    await page.getByTestId('message-0').fill('Summarise {{notes.text}}');
    await expect.poll(() => page.locator('[data-testid="issues"]').innerText()).toContain('notes');

    await page.getByTestId('save-button').click();
    await page.getByTestId('invalid-half-built').waitFor();
    expect(await page.getByTestId('notice').innerText()).toMatch(/Saved ".*" with \d+ errors?: it cannot run/);
    const stored = await e2e.api<{ workflow: Workflow }>('GET', '/api/workflows/half-built');
    expect(stored.workflow.nodes.map((node) => node.id)).toEqual(['input', 'prompt_1']);
    expect(await page.locator('.toolbar__dirty').count()).toBe(0);

    const runButton = page.getByTestId('run-button');
    await app.showRunPanel();
    // Either the button already says no, or the server refuses with the reason; never a run.
    if (await runButton.isEnabled()) {
      await runButton.click();
      await expect.poll(() => page.getByTestId('notice').innerText()).toContain('The workflow is invalid');
    }
    const response = await fetch(`${e2e.url}/api/runs`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ workflowId: 'half-built', input: {} }) });
    expect(response.status).toBe(400);
    const runs = await e2e.api<{ runs: unknown[] }>('GET', '/api/runs?workflowId=half-built');
    expect(runs.runs).toEqual([]);
  });

  it('offers Rename or Overwrite when the id names another stored workflow', async () => {
    const app = await e2e.newPage();
    const { page } = app;
    await app.open();
    const { workflows } = await e2e.api<{ workflows: WorkflowSummary[] }>('GET', '/api/workflows');
    const existing = workflows[0];
    if (!existing) throw new Error('The test server has no example workflows.');

    await app.newWorkflow();
    await app.showInspector();
    await page.getByTestId('workflow-name').fill('Clashing copy');
    await page.getByTestId('workflow-id').fill(existing.id);
    await page.getByTestId('save-button').click();
    const dialog = page.getByTestId('clash-dialog');
    await dialog.waitFor();
    expect(await dialog.innerText()).toContain(`"${existing.id}"`);
    expect(await dialog.innerText()).not.toContain('PUT');
    await page.getByTestId('clash-rename').click();
    await app.workflowItem(`${existing.id}-2`).waitFor();
    expect(await page.getByTestId('workflow-id').inputValue()).toBe(`${existing.id}-2`);
    expect((await e2e.api<{ workflow: Workflow }>('GET', `/api/workflows/${existing.id}`)).workflow.name).toBe(existing.name);

    // Saved under the free id, the document now points at the clashing id again: asked rename or copy, then Overwrite replaces it.
    await page.getByTestId('workflow-id').fill(existing.id);
    await page.getByTestId('save-button').click();
    await page.getByTestId('rename-copy').click();
    await page.getByTestId('clash-overwrite').click();
    await expect.poll(async () => (await e2e.api<{ workflow: Workflow }>('GET', `/api/workflows/${existing.id}`)).workflow.name).toBe('Clashing copy');
  });
});
