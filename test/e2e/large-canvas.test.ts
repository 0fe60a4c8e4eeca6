import { describe, expect, it } from 'vitest';
import type { Workflow, WorkflowEdge, WorkflowNode } from '../../shared/workflow-types';
import { browserUnavailable } from './support/launch-browser';
import { setupE2E } from './support/e2e-context';

/** A chain of `count` prompts on a wide grid: fitting it in view zooms far out. */
function largeWorkflow(count: number): Workflow {
  const columns = 20;
  const at = (index: number) => ({ x: (index % columns) * 260, y: Math.floor(index / columns) * 160 });
  const nodes: WorkflowNode[] = [{ id: 'input', type: 'input', position: at(0), config: {} }];
  const edges: WorkflowEdge[] = [];
  for (let index = 1; index < count; index++) {
    nodes.push({ id: `p${index}`, type: 'prompt', position: at(index), config: { max_tokens: 512, messages: [{ role: 'user', content: `Step ${index}` }] } });
    edges.push({ id: `e${index}`, source: index === 1 ? 'input' : `p${index - 1}`, target: `p${index}` });
  }
  nodes.push({ id: 'result', type: 'output', position: at(count), config: { value: '{{p1.text}}' } });
  edges.push({ id: 'e_out', source: 'p1', target: 'result' });
  return { format: 'trellis.workflow', version: 1, id: 'large-canvas', name: 'Large canvas', inputs: { type: 'object', properties: { topic: { type: 'string' } } }, defaults: { model: 'claude-haiku-4-5', max_tokens: 512 }, nodes, edges };
}

describe.skipIf(browserUnavailable() !== null)('large canvas', () => {
  const e2e = setupE2E();

  it('draws nodes as coloured cards when zoomed far out, with their run status, and full cards again when zoomed in', async () => {
    await e2e.api('POST', '/api/workflows', largeWorkflow(200));
    const app = await e2e.newPage();
    const { page } = app;
    await app.open();
    await app.openWorkflow('large-canvas');
    const canvas = page.getByTestId('canvas');

    // Fitting 200 nodes zooms out past the point where text is readable: titles and handles hide,
    // the node keeps its size (edges stay attached) and the dot grid is gone.
    expect(await canvas.getAttribute('data-zoomed-out')).toBe('true');
    const title = app.nodeView('p1').locator('.node__title');
    expect(await title.isVisible()).toBe(false);
    expect(await app.node('p1').boundingBox()).not.toBeNull();
    expect(await page.locator('.react-flow__background').count()).toBe(0);
    expect(await page.locator('.react-flow__edge').count()).toBeGreaterThan(0);

    // A run still shows on the cards.
    await app.showRunPanel();
    await app.run();
    await app.waitForStatus('p1', 'completed');
    expect(await canvas.getAttribute('data-zoomed-out')).toBe('true');

    // Zoomed in, the nodes in view show their text and handles again.
    for (let clicks = 0; clicks < 12 && (await canvas.getAttribute('data-zoomed-out')) === 'true'; clicks++) {
      await page.locator('.react-flow__controls-zoomin').click();
    }
    expect(await canvas.getAttribute('data-zoomed-out')).toBe('false');
    await canvas.locator('.react-flow__background').waitFor();
    expect(await page.locator('.node__title:visible').count()).toBeGreaterThan(0);
    expect(await page.locator('.react-flow__handle:visible').count()).toBeGreaterThan(0);
  });

  it('shows a small workflow at full detail', async () => {
    const app = await e2e.newPage();
    await app.open();
    await app.openWorkflow('code-review');
    expect(await app.page.getByTestId('canvas').getAttribute('data-zoomed-out')).toBe('false');
    expect(await app.nodeView('review').locator('.node__title').isVisible()).toBe(true);
  });
});
