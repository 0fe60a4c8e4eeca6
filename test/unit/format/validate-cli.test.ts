import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runTrellis, type TrellisResult } from '../../helpers/run-trellis';
import { stringifyWorkflow } from '../../../shared/format';
import { tinyWith, tinyWorkflow } from './tiny-workflow';

function trellisValidate(...files: string[]): Promise<TrellisResult> {
  return runTrellis(['validate', ...files]);
}

const dir = mkdtempSync(join(tmpdir(), 'trellis-validate-'));
function file(name: string, text: string): string {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
}

describe('trellis validate (child process)', () => {
  it('exits 0 for the shipped examples and says so', async () => {
    const result = await trellisValidate('workflows/code-review.json', 'workflows/support-triage.json');
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('workflows/code-review.json: ok');
    expect(result.stdout).toContain('2 files checked: 2 valid, 0 invalid; 0 errors, 0 warnings');
  });

  it('prints one line per error naming file, node, path and rule, and exits 2', async () => {
    const bad = file('bad.json', stringifyWorkflow(tinyWith((w) => { (w.nodes[1]!.config as { max_tokens?: number }).max_tokens = 0; })));
    const result = await trellisValidate(bad);
    expect(result.code).toBe(2);
    expect(result.stdout).toContain(`${bad}: error node "ask" /nodes/1/config/max_tokens: config.max_tokens must be >= 1. [schema.minimum]`);
    expect(result.stdout).toContain('1 file checked: 0 valid, 1 invalid; 1 error, 0 warnings');
  });

  it('prints warnings but still exits 0', async () => {
    const warned = file('warned.json', stringifyWorkflow(tinyWith((w) => { w.defaults = { model: 'claude-imaginary-9' }; })));
    const result = await trellisValidate(warned);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain(`${warned}: warning /defaults/model: The default model "claude-imaginary-9" is not in the model catalogue`);
    expect(result.stdout).toContain('[model.unknown]');
    expect(result.stdout).toContain('1 valid, 0 invalid; 0 errors, 1 warning');
  });

  it('reports unreadable files and invalid JSON, checks the rest, and exits 2', async () => {
    const good = file('good.json', stringifyWorkflow(tinyWorkflow()));
    const broken = file('broken.json', '{ "format": ');
    const result = await trellisValidate(join(dir, 'missing.json'), broken, good);
    expect(result.code).toBe(2);
    expect(result.stdout).toContain(`${join(dir, 'missing.json')}: error cannot read file: no such file [file.unreadable]`);
    expect(result.stdout).toMatch(new RegExp(`${broken.replaceAll('.', '\\.')}: error: Invalid JSON at line 1, column \\d+.*\\[json\\.parse\\]`));
    expect(result.stdout).toContain(`${good}: ok`);
    expect(result.stdout).toContain('3 files checked: 1 valid, 2 invalid');
  });

  it('exits 2 with usage when no file is given', async () => {
    const result = await trellisValidate();
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('Usage: trellis validate');
  });
});
