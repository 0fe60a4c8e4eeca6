import { describe, expect, it } from 'vitest';
import type { WorkflowEstimate } from '../../client/src/api/api-types';
import type { Workflow } from '../../shared/workflow-types';
import { browserUnavailable } from './support/launch-browser';
import { setupE2E } from './support/e2e-context';

const TICKETS = ['I was charged twice this month', 'The app crashes when I open settings', 'How do I export my data?', 'Please refund my last invoice', 'Login fails after the update'];

function ticketsCsv(): string {
  // A quoted field with a comma and a doubled quote: the file goes to the server's RFC 4180 reader as is.
  return ['ticket,customer', ...TICKETS.map((ticket, index) => `"${ticket}, ref ""${index}""",customer-${index}`)].join('\r\n');
}

const RULES = ['check boundaries and off-by-one errors', 'never build SQL or shell commands by concatenation', 'errors name what failed and why', 'names explain intent', 'public functions validate their inputs', 'tests cover the failure path'];

/** A review prompt whose cached system prompt (a long style guide) is well over Sonnet's 1,024-token minimum. */
function cachedReviewWorkflow(): Workflow {
  const guide = Array.from({ length: 120 }, (_, index) => `${index + 1}. In area ${index + 1}, ${RULES[index % RULES.length]}; reviewers cite this rule by its number.`).join('\n');
  return {
    format: 'trellis.workflow',
    version: 1,
    id: 'cached-review',
    name: 'Cached review',
    inputs: { type: 'object', properties: { diff: { type: 'string' } }, required: ['diff'] },
    samples: [{ name: 'loop', input: { diff: '- for (i = 0; i <= n; i++)\n+ for (i = 0; i < n; i++)' } }],
    defaults: { model: 'claude-sonnet-4-6', max_tokens: 200 },
    nodes: [
      { id: 'input', type: 'input', position: { x: 0, y: 0 }, config: {} },
      { id: 'review', type: 'prompt', position: { x: 250, y: 0 }, config: { system: { text: `You review code against this guide.\n\n${guide}`, cache: true }, messages: [{ role: 'user', content: 'Review this diff:\n{{input.diff}}' }] } },
      { id: 'result', type: 'output', position: { x: 500, y: 0 }, config: { value: '{{review.text}}' } },
    ],
    edges: [
      { id: 'e1', source: 'input', target: 'review' },
      { id: 'e2', source: 'review', target: 'result' },
    ],
  };
}

describe.skipIf(browserUnavailable() !== null)('estimate, datasets and cache savings', () => {
  const e2e = setupE2E();

  it('estimates a run: per-node tokens and cost range, and a total that matches the API', async () => {
    const app = await e2e.newPage();
    await app.open();
    await app.openWorkflow('code-review');
    await app.chooseSample('off-by-one');
    const result = await app.estimate();

    const sample = (await e2e.api<{ workflow: { samples: { name: string; input: unknown }[] } }>('GET', '/api/workflows/code-review')).workflow.samples.find((candidate) => candidate.name === 'off-by-one');
    const expected = await e2e.api<WorkflowEstimate>('POST', '/api/workflows/estimate', { workflowId: 'code-review', input: sample?.input });
    const review = expected.nodes.find((node) => node.nodeId === 'review')!;
    expect(review.input_tokens).toBeGreaterThan(100);
    const row = result.getByTestId('estimate-node-review');
    expect(await row.innerText()).toContain(review.input_tokens.toLocaleString('en-US'));
    const total = await result.getByTestId('estimate-total').innerText();
    expect(total).toContain(expected.total.input_tokens.toLocaleString('en-US'));
    expect(total).toMatch(/\$[\d.e-]+–\$[\d.e-]+/);
    // Nothing ran.
    expect(await app.page.getByTestId('run-summary').count()).toBe(0);
  });

  it.each(['realtime', 'batch'] as const)('runs a 5-row CSV dataset in %s mode and links each row to its run', async (mode) => {
    const app = await e2e.newPage();
    const { page } = app;
    await app.open();
    await app.openWorkflow('support-triage');
    expect(await app.runDataset('tickets.csv', ticketsCsv(), mode)).toBe('completed');

    for (let index = 0; index < TICKETS.length; index += 1) expect(await app.datasetRow(index).getAttribute('data-status')).toBe('completed');
    expect(await page.getByTestId('dataset-progress').getAttribute('value')).toBe('5');
    const cost = await page.getByTestId('dataset-cost').innerText();
    expect(cost).toMatch(mode === 'batch' ? /5 completed · 0 failed · cost \$.+ · realtime would cost \$/ : /5 completed · 0 failed · cost \$.+ · as a batch would cost \$/);

    // A row opens its run (from the history) on the canvas and in the trace.
    await page.getByTestId('dataset-run-3').click();
    await page.locator('[data-testid="run-summary"][data-status="completed"]').waitFor();
    const runId = await app.currentRunId();
    expect(runId).toMatch(/_r3$/);
    const run = await e2e.api<{ run: { input: { ticket: string } } }>('GET', `/api/runs/${runId}`);
    expect(run.run.input.ticket).toBe(`${TICKETS[3]}, ref "3"`);
  });

  it('reports a refused dataset without starting anything', async () => {
    const app = await e2e.newPage();
    await app.open();
    await app.openWorkflow('support-triage');
    await app.showDataset();
    await app.page.getByTestId('dataset-input').setInputFiles({ name: 'bad.jsonl', mimeType: 'application/x-ndjson', buffer: Buffer.from('{"ticket":"ok"}\n[1,2]\n') });
    await app.page.getByTestId('dataset-start').click();
    expect(await app.page.getByTestId('dataset-error').innerText()).toMatch(/line 2: each line must be a JSON object/);
    expect(await app.page.getByTestId('dataset-job').count()).toBe(0);
  });

  it('shows prompt-cache savings on the second run of a workflow with a long cached system prompt', async () => {
    await e2e.api('POST', '/api/workflows', cachedReviewWorkflow());
    const app = await e2e.newPage();
    const { page } = app;
    await app.open();
    await app.openWorkflow('cached-review');
    await app.chooseSample('loop');
    await app.run();
    expect(await app.waitForRunEnd()).toBe('completed');
    // The first run only writes the cache: a premium, nothing read yet.
    const first = await app.trace('review').getByTestId('trace-cache-savings').innerText();
    expect(first).toMatch(/^0 read · saved \$0 · [\d,]+ written/);

    const firstRunId = await app.currentRunId();
    await app.run();
    await expect.poll(() => app.currentRunId()).not.toBe(firstRunId);
    expect(await app.waitForRunEnd()).toBe('completed');
    const second = app.trace('review').getByTestId('trace-cache-savings');
    await expect.poll(() => second.innerText()).toMatch(/^[1-9][\d,]* read · saved \$0\.\d+/);
    const saved = Number((await second.getByTestId('cache-saved').innerText()).replace('$', ''));
    expect(saved).toBeGreaterThan(0);
    expect(await page.getByTestId('run-cache-savings').innerText()).toMatch(/prompt cache: [1-9][\d,]* read · saved \$0\.\d+ · net \+\$/);
  });
});
