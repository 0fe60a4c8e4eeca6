import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { WorkflowEstimate } from '../../../server/estimate/estimate-workflow';
import { stringifyWorkflow } from '../../../shared/format';
import { runTrellis, type TrellisResult } from '../../helpers/run-trellis';
import { codeReviewWorkflow } from './code-review-workflow';

const folder = mkdtempSync(join(tmpdir(), 'trellis-estimate-cli-'));
afterAll(() => rmSync(folder, { recursive: true, force: true }));
writeFileSync(join(folder, 'review.json'), stringifyWorkflow(codeReviewWorkflow()));

function trellis(args: string[]): Promise<TrellisResult> {
  return runTrellis(args, {}, { cwd: folder });
}

describe('trellis estimate', { timeout: 60_000 }, () => {
  it('prints a table with one line per Claude call and a total', async () => {
    const result = await trellis(['estimate', 'review.json']);
    expect(result.code).toBe(0);
    expect(result.stderr).toMatch(/using sample "small"/);
    const lines = result.stdout.split('\n');
    expect(lines[0]).toMatch(/^node\s+model\s+input tokens\s+max out\s+cost min\s+cost max\s+context$/);
    expect(lines[1]).toMatch(/^review\s+claude-sonnet-4-6\s+[\d,]+\s+400\s+\$[\d.]+\s+\$[\d.]+\s+[\d.]+%$/);
    expect(lines[2]).toMatch(/^summary\s+claude-sonnet-4-6\s+[\d,]+–[\d,]+\s+200\s/);
    expect(result.stdout).toMatch(/\ntotal\s+[\d,]+\s+\$[\d.]+\s+\$[\d.]+\n/);
  });

  it('prints JSON with --json, halves prices with --batch and rejects a bad input with exit 2', async () => {
    const plain = JSON.parse((await trellis(['estimate', 'review.json', '--input', '{"diff":"x = 1"}', '--json'])).stdout) as WorkflowEstimate;
    const batch = JSON.parse((await trellis(['estimate', 'review.json', '--input', '{"diff":"x = 1"}', '--json', '--batch'])).stdout) as WorkflowEstimate;
    expect(plain.nodes.map((node) => node.nodeId)).toEqual(['review', 'summary']);
    expect(batch.total.cost_max_usd).toBeCloseTo((plain.total.cost_max_usd ?? Number.NaN) / 2, 12);
    const bad = await trellis(['estimate', 'review.json', '--input', '{"diff":3}']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/run input: 1 error/);
  });
});
