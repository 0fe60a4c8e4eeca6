import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadWorkflow, migrateWorkflow, stringifyWorkflow, type Migration } from '../../../shared/format';
import { tinyWorkflow } from './tiny-workflow';

const v0Text = readFileSync(join(import.meta.dirname, 'fixtures/triage-v0.json'), 'utf8');

describe('loadWorkflow', () => {
  it('loads a current file and returns the typed workflow', () => {
    const result = loadWorkflow(stringifyWorkflow(tinyWorkflow()));
    expect(result).toMatchObject({ valid: true, errors: [], warnings: [] });
    expect(result.workflow?.nodes.map((node) => node.id)).toEqual(['input', 'ask', 'done']);
  });

  it('accepts an already parsed object', () => {
    expect(loadWorkflow(tinyWorkflow()).valid).toBe(true);
  });

  it('reports JSON syntax errors with line and column', () => {
    const result = loadWorkflow('{\n  "format": "trellis.workflow",\n  "version": 1,,\n}');
    expect(result.valid).toBe(false);
    expect(result.errors).toHaveLength(1);
    expect(result.errors[0]).toMatchObject({ rule: 'json.parse', path: '' });
    expect(result.errors[0]?.message).toMatch(/line 3, column 16/);
  });

  it('reports an empty file as a parse error', () => {
    expect(loadWorkflow('').errors[0]?.rule).toBe('json.parse');
  });

  it('refuses a file from a newer Trellis instead of guessing', () => {
    const result = loadWorkflow({ ...tinyWorkflow(), version: 7 });
    expect(result.errors).toEqual([expect.objectContaining({ rule: 'format.version_unsupported', path: '/version' })]);
  });

  it('stops hostile documents before migrations run', () => {
    const result = loadWorkflow('{"format":"trellis.workflow","version":0,"__proto__":{"x":1}}');
    expect(result.errors[0]?.rule).toBe('security.forbidden_key');
  });
});

describe('migrations', () => {
  it('upgrades the documented version 0 draft shape to a valid version 1 workflow', () => {
    const result = loadWorkflow(v0Text);
    expect(result.errors).toEqual([]);
    expect(result.warnings.map((issue) => issue.rule)).toEqual(['format.migrated']);
    const workflow = result.workflow;
    if (!workflow) throw new Error('expected a workflow');
    expect(workflow.version).toBe(1);
    expect(workflow.inputs).toEqual({ type: 'object', properties: {} });
    expect(workflow.nodes[1]).toEqual(expect.objectContaining({ id: 'lookup', position: { x: 280, y: 160 }, config: expect.objectContaining({ name: 'lookup_order' }) }));
    expect(workflow.nodes[1]).not.toHaveProperty('data');
    expect(workflow.edges).toEqual([
      { id: 'e1', source: 'input', target: 'answer' },
      { id: 'e2', source: 'lookup', target: 'answer', targetHandle: 'tools' },
      { id: 'e3', source: 'answer', target: 'route' },
      { id: 'e4', source: 'route', target: 'finished', sourceHandle: 'done' },
      { id: 'e5', source: 'route', target: 'escalated', sourceHandle: 'escalate' },
    ]);
  });

  it('does not mutate the document it upgrades', () => {
    const original = JSON.parse(v0Text);
    const before = JSON.stringify(original);
    migrateWorkflow(original);
    expect(JSON.stringify(original)).toBe(before);
  });

  it('chains registered migrations in order up to the current version', () => {
    const calls: string[] = [];
    const fake: Migration[] = [
      (doc) => { calls.push('0→1'); const { label, ...rest } = doc; return { ...rest, title: label }; },
      (doc) => { calls.push('1→2'); const { title, ...rest } = doc; return { ...rest, name: title }; },
    ];
    const outcome = migrateWorkflow({ format: 'trellis.workflow', version: 0, label: 'Old' }, fake, 2);
    expect(calls).toEqual(['0→1', '1→2']);
    expect(outcome.document).toEqual({ format: 'trellis.workflow', version: 2, name: 'Old' });
    expect(outcome.fromVersion).toBe(0);
  });

  it('turns a failing migration into a format.migration error', () => {
    const broken: Migration[] = [() => { throw new Error('nodes/3 has no id'); }];
    const result = loadWorkflow({ format: 'trellis.workflow', version: 0 }, { migrations: broken });
    expect(result.errors).toEqual([expect.objectContaining({ rule: 'format.migration', message: expect.stringContaining('nodes/3 has no id') })]);
  });

  it('reports a missing migration step', () => {
    const result = loadWorkflow({ format: 'trellis.workflow', version: 0 }, { migrations: [] });
    expect(result.errors[0]?.rule).toBe('format.migration');
  });

  it('rejects a version 0 document whose nodes are not objects', () => {
    const result = loadWorkflow({ format: 'trellis.workflow', version: 0, nodes: [42], edges: [] });
    expect(result.errors[0]).toMatchObject({ rule: 'format.migration' });
  });
});
