import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { stringifyWorkflow } from '../../../shared/format';
import { runTrellis, type TrellisResult } from '../../helpers/run-trellis';
import { triageWorkflow } from '../production-http/helpers/triage-workflow';

const folder = mkdtempSync(join(tmpdir(), 'trellis-batch-cli-'));
afterAll(() => rmSync(folder, { recursive: true, force: true }));

function trellis(args: string[]): Promise<TrellisResult> {
  return runTrellis(args, {}, { cwd: folder });
}

writeFileSync(join(folder, 'triage.json'), stringifyWorkflow(triageWorkflow()));
// Quoted commas and a line break inside a field; the third ticket is empty and must fail alone.
writeFileSync(join(folder, 'rows.csv'), 'ticket\r\n"Refund, please"\r\n"The app\ncrashes"\r\n""\r\n');

describe('trellis batch', { timeout: 60_000 }, () => {
  it('runs a CSV dataset through batches, writes a CSV of results and reports the failed row', async () => {
    const result = await trellis(['batch', 'triage.json', '--dataset', 'rows.csv', '--out', 'out.csv', '--poll-ms', '20']);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/offline simulator/);
    expect(result.stderr).toMatch(/layer 1 · msgbatch_\w+ submitted · 2 requests/);
    expect(result.stderr).toMatch(/layer 2 · msgbatch_\w+ ended · 2 requests · 2 succeeded, 0 errored/);
    expect(result.stderr).toMatch(/2 completed, 1 failed of 3 rows .* \(realtime would cost \$[\d.]+\)/);
    expect(result.stderr).toMatch(/row 2: classify: .*rendered to empty text/);
    const csv = readFileSync(join(folder, 'out.csv'), 'utf8');
    expect(csv.split('\r\n')[0]).toBe('row,status,error,cost_usd,result.class,result.reply');
    expect(csv).toMatch(/\r\n2,failed,classify: /);
    // A finished run removes its default resume file.
    expect(existsSync(join(folder, 'rows.csv.batch-state.json'))).toBe(false);
  });

  it('runs the same rows in realtime and prints JSON lines on stdout', async () => {
    const result = await trellis(['batch', 'triage.json', '--dataset', 'rows.csv', '--realtime', '--concurrency', '2']);
    const lines = result.stdout.trim().split('\n').map((line) => JSON.parse(line) as { row: number; status: string });
    expect(lines.map((line) => [line.row, line.status])).toEqual([
      [0, 'completed'],
      [1, 'completed'],
      [2, 'failed'],
    ]);
    expect(result.stderr).toMatch(/3\/3 rows done/);
    expect(result.stderr).toMatch(/a batch would cost/);
  });

  it('rejects a malformed dataset with exit 2 naming the line', async () => {
    writeFileSync(join(folder, 'bad.csv'), 'ticket\n"unterminated\n');
    const result = await trellis(['batch', 'triage.json', '--dataset', 'bad.csv']);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/bad\.csv: CSV line 2, column 1: unterminated quoted field/);
  });
});
