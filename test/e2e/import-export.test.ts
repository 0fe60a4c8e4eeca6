import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { loadWorkflow, stringifyWorkflow } from '../../shared/format';
import type { Workflow } from '../../shared/workflow-types';
import { browserUnavailable } from './support/launch-browser';
import { setupE2E } from './support/e2e-context';

describe.skipIf(browserUnavailable() !== null)('importing and exporting workflow files', () => {
  const e2e = setupE2E();

  it('refuses an invalid file, shows its issues and adds nothing', async () => {
    const app = await e2e.newPage();
    const { page } = app;
    await app.open();
    const before = await e2e.api<{ workflows: { id: string }[] }>('GET', '/api/workflows');
    await page.getByTestId(`workflow-${before.workflows[0]!.id}`).waitFor();

    const broken = {
      format: 'trellis.workflow',
      version: 1,
      id: 'broken-import',
      name: 'Broken',
      inputs: { type: 'object', properties: {} },
      nodes: [
        { id: 'input', type: 'input', position: { x: 0, y: 0 }, config: {} },
        { id: 'draft', type: 'prompt', position: { x: 300, y: 0 }, config: { messages: [{ role: 'user', content: 'Use {{ghost.text}}' }] } },
      ],
      edges: [
        { id: 'e1', source: 'input', target: 'draft' },
        { id: 'e2', source: 'draft', target: 'nowhere' },
      ],
    };
    await page.getByTestId('import-input').setInputFiles({ name: 'broken.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(broken)) });
    const report = page.getByTestId('import-issues');
    await report.waitFor();
    expect(await report.innerText()).toContain('broken.json');
    expect(await report.innerText()).toContain('nowhere');

    const after = await e2e.api<{ workflows: { id: string }[] }>('GET', '/api/workflows');
    expect(after.workflows.map((workflow) => workflow.id)).toEqual(before.workflows.map((workflow) => workflow.id));
    expect(await page.getByTestId('workflow-broken-import').count()).toBe(0);

    // Not even JSON: refused with the parser's reason.
    await page.getByTestId('import-input').setInputFiles({ name: 'garbage.json', mimeType: 'application/json', buffer: Buffer.from('{\n  "format": oops\n}') });
    await expect.poll(() => report.innerText()).toContain('garbage.json');
    expect(await report.innerText()).toContain('Invalid JSON');
    expect(await report.innerText()).toContain('json.parse');
  });

  it('imports a valid file, which is stored and opened', async () => {
    const app = await e2e.newPage();
    const { page } = app;
    await app.open();
    const text = await readFile(new URL('../../workflows/code-review.json', import.meta.url), 'utf8');
    const workflow = { ...(JSON.parse(text) as Workflow), id: 'imported-review', name: 'Imported review' };
    await page.getByTestId('import-input').setInputFiles({ name: 'imported-review.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(workflow)) });
    await page.getByTestId('workflow-imported-review').waitFor();
    await page.waitForFunction(() => location.hash === '#/w/imported-review');
    const stored = await e2e.api<{ workflow: Workflow }>('GET', '/api/workflows/imported-review');
    expect(stored.workflow).toEqual(workflow);
  });

  it('exports the open workflow as <id>.json in the stable format, identical to what is saved', async () => {
    const app = await e2e.newPage();
    const { page } = app;
    await app.open();
    await app.openWorkflow('support-triage');
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-button').click()]);
    expect(download.suggestedFilename()).toBe('support-triage.json');
    const exported = await readFile(await download.path(), 'utf8');

    const result = loadWorkflow(exported);
    expect(result.errors).toEqual([]);
    expect(result.valid).toBe(true);
    const saved = await e2e.api<{ workflow: Workflow }>('GET', '/api/workflows/support-triage');
    expect(exported).toBe(stringifyWorkflow(saved.workflow));
    // Stable: writing the export again changes no byte.
    expect(stringifyWorkflow(JSON.parse(exported) as Workflow)).toBe(exported);
  });
});
