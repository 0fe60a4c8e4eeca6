import { describe, expect, it } from 'vitest';
import type { Workflow } from '../../shared/workflow-types';
import { browserUnavailable } from './support/launch-browser';
import { setupE2E } from './support/e2e-context';

describe.skipIf(browserUnavailable() !== null)('building a workflow on the canvas', () => {
  const e2e = setupE2E();

  it('builds a two-node workflow from the palette, connects, configures, saves and finds it after a reload', async () => {
    const app = await e2e.newPage();
    const { page } = app;
    await app.open();
    await app.newWorkflow();
    expect(await app.nodeIds()).toEqual(['input']);

    // Name the workflow (nothing selected: the inspector edits the workflow itself).
    await app.showInspector();
    await page.getByTestId('workflow-name').fill('Haiku maker');
    await page.getByTestId('workflow-id').fill('haiku-maker');

    await page.getByTestId('palette-prompt').click();
    await page.getByTestId('palette-output').click();
    expect((await app.nodeIds()).sort()).toEqual(['input', 'output_1', 'prompt_1']);

    await app.connect('input', 'out', 'prompt_1', 'in');
    await app.connect('prompt_1', 'out', 'output_1', 'in');
    await app.edge('input', 'prompt_1').waitFor();
    await app.edge('prompt_1', 'output_1').waitFor();

    // Auto-layout lays the chain out left to right.
    await page.getByTestId('layout-button').click();
    await app.waitForSteadyViewport();
    const left = async (id: string) => (await app.node(id).boundingBox())?.x ?? Number.NaN;
    expect(await left('input')).toBeLessThan(await left('prompt_1'));
    expect(await left('prompt_1')).toBeLessThan(await left('output_1'));

    // Configure the prompt, using `{{` completion of upstream outputs.
    await app.node('prompt_1').click();
    const message = page.getByTestId('message-0');
    await message.fill('Write a haiku about {{');
    await page.getByTestId('template-completions').getByText('{{input.text}}').click();
    expect(await message.inputValue()).toBe('Write a haiku about {{input.text}}');

    await app.node('output_1').click();
    const value = page.getByTestId('output-value');
    await value.fill('{{prom');
    await page.getByTestId('template-completions').getByText('{{prompt_1.text}}').click();
    expect(await value.inputValue()).toBe('{{prompt_1.text}}');

    await expect.poll(() => app.issueCount()).toBe(0);
    await page.getByTestId('save-button').click();
    await page.getByTestId('workflow-haiku-maker').waitFor();
    expect(await page.getByTestId('notice').innerText()).toContain('Saved "Haiku maker"');

    const stored = await e2e.api<{ workflow: Workflow }>('GET', '/api/workflows/haiku-maker');
    expect(stored.workflow.nodes.map((node) => node.id)).toEqual(['input', 'prompt_1', 'output_1']);
    expect(stored.workflow.edges.map((edge) => [edge.source, edge.target])).toEqual([
      ['input', 'prompt_1'],
      ['prompt_1', 'output_1'],
    ]);

    // A fresh page (no state survives but the server's) lists it and opens it intact.
    await page.goto(e2e.url);
    await page.getByTestId('workflow-haiku-maker').waitFor();
    await app.openWorkflow('haiku-maker');
    expect((await app.nodeIds()).sort()).toEqual(['input', 'output_1', 'prompt_1']);
    await app.node('prompt_1').click();
    expect(await page.getByTestId('message-0').inputValue()).toBe('Write a haiku about {{input.text}}');
    expect(await app.edge('prompt_1', 'output_1').count()).toBe(1);

    // And it runs.
    await app.run();
    expect(await app.waitForRunEnd()).toBe('completed');
    await app.waitForStatus('output_1', 'completed');
  });

  it('undoes and redoes edits with the keyboard, and deletes with the Delete key', async () => {
    const app = await e2e.newPage();
    const { page } = app;
    await app.open();
    await app.newWorkflow();
    await page.getByTestId('palette-prompt').click();
    await page.getByTestId('palette-tool').click();
    expect((await app.nodeIds()).sort()).toEqual(['input', 'prompt_1', 'tool_1']);

    // A tool cannot feed a prompt's dataflow input: canConnect refuses and says why.
    await app.connect('tool_1', 'tool', 'prompt_1', 'in');
    expect(await page.locator('.react-flow__edge').count()).toBe(0);
    expect(await page.getByTestId('notice').innerText()).toContain('can only attach to the tools handle');

    // It attaches to the prompt's tools handle.
    await app.connect('tool_1', 'tool', 'prompt_1', 'tools');
    await app.edge('tool_1', 'prompt_1').waitFor();

    // Key presses re-render after the press returns: each check below waits for that render.
    await page.locator('.react-flow__pane').click({ position: { x: 5, y: 5 } });
    await page.keyboard.press('Control+z');
    await expect.poll(() => app.edge('tool_1', 'prompt_1').count()).toBe(0);
    await page.keyboard.press('Control+z');
    await expect.poll(async () => (await app.nodeIds()).sort()).toEqual(['input', 'prompt_1']);
    await page.keyboard.press('Control+Shift+z');
    await page.keyboard.press('Control+Shift+z');
    await expect.poll(async () => (await app.nodeIds()).sort()).toEqual(['input', 'prompt_1', 'tool_1']);
    await expect.poll(() => app.edge('tool_1', 'prompt_1').count()).toBe(1);

    await app.node('tool_1').click();
    await page.keyboard.press('Control+c');
    await page.keyboard.press('Control+v');
    await expect.poll(async () => (await app.nodeIds()).sort()).toEqual(['input', 'prompt_1', 'tool_1', 'tool_2']);

    // Dragging a palette item drops the node where it is released.
    await page.getByTestId('palette-branch').dragTo(page.locator('.react-flow__pane'), { targetPosition: { x: 120, y: 120 } });
    await app.node('branch_1').waitFor();
    const dropped = await app.node('branch_1').boundingBox();
    const pane = await page.locator('.react-flow__pane').boundingBox();
    expect(Math.abs(dropped!.x - (pane!.x + 120))).toBeLessThan(5);
    expect(Math.abs(dropped!.y - (pane!.y + 120))).toBeLessThan(5);

    await app.node('tool_1').click();
    await page.keyboard.press('Delete');
    await expect.poll(async () => (await app.nodeIds()).sort()).toEqual(['branch_1', 'input', 'prompt_1', 'tool_2']);
    await expect.poll(() => app.edge('tool_1', 'prompt_1').count()).toBe(0);
    await page.keyboard.press('Control+z');
    await expect.poll(() => app.edge('tool_1', 'prompt_1').count()).toBe(1);
  });

  it('shows validation issues on the node and in the list; clicking one selects the node', async () => {
    const app = await e2e.newPage();
    const { page } = app;
    await app.open();
    await app.openWorkflow('code-review');
    await expect.poll(() => app.issueCount()).toBe(0);
    await app.node('review').click();
    await page.getByTestId('message-0').fill('Review {{nowhere.text}} please');
    await expect.poll(() => app.issueCount()).toBeGreaterThan(0);
    const issue = page.getByTestId('issue').filter({ hasText: 'nowhere' }).first();
    expect(await issue.getAttribute('data-node-id')).toBe('review');
    expect(await app.nodeView('review').getByTestId('node-issues').innerText()).toMatch(/^[1-9]/);

    await page.locator('.react-flow__pane').click({ position: { x: 5, y: 5 } });
    expect(await app.node('review').getAttribute('class')).not.toContain('selected');
    await issue.click();
    expect(await app.node('review').getAttribute('class')).toContain('selected');
  });
});
