import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { factsCatalog, liveCatalog } from '../../../shared/claude-models/model-catalog';
import type { ModelCapabilities } from '../../../shared/claude-models/model-profile';
import { loadWorkflow } from '../../../shared/format';
import type { Json } from '../../../shared/json-schema';
import { validateWorkflow } from '../../../shared/validate-workflow';
import type { IssueFix } from '../../../shared/validation/workflow-issue';
import { tinyWith } from './tiny-workflow';

const oldFile = readFileSync(join(import.meta.dirname, 'fixtures/old-catalogue-v1.json'), 'utf8');

/** What the inspector's one-click fix does: set (or remove) each pointer's value. */
function applyFix(document: Json, fix: IssueFix): Json {
  const copy = structuredClone(document);
  for (const change of fix.changes) {
    const keys = change.path.split('/').slice(1);
    const last = keys.pop() as string;
    let target = copy as Record<string, Json>;
    for (const key of keys) target = target[key] as Record<string, Json>;
    if (change.value === undefined) delete target[last];
    else target[last] = change.value;
  }
  return copy;
}

describe('a workflow written for the old catalogue', () => {
  const result = loadWorkflow(oldFile);
  const byNode = (nodeId: string) => result.errors.filter((issue) => issue.nodeId === nodeId).map((issue) => issue.rule);

  it('loads, and reports every setting its model now refuses on the node that has it', () => {
    expect(result.valid).toBe(false);
    expect(byNode('ponder')).toEqual(['model.thinking']);
    expect(byNode('legacy')).toEqual(['model.retired']);
    expect(byNode('long')).toEqual(['model.max_tokens']);
    expect(byNode('agent')).toEqual(['tool_choice.forced_refused']);
    expect(byNode('careful')).toEqual(['model.effort']);
  });

  it("words each error like the API or names what to use instead", () => {
    const message = (nodeId: string) => result.errors.find((issue) => issue.nodeId === nodeId)?.message;
    expect(message('ponder')).toContain('"thinking.type.enabled" is not supported for claude-sonnet-5-5. Use "thinking.type.adaptive" and "output_config.effort"');
    expect(message('legacy')).toMatch(/claude-opus-4-1" is retired since 2026-08-05.*Use claude-opus-5-5 instead/);
    expect(message('long')).toContain("max_tokens 100000 is above claude-haiku-4-5's limit of 64000");
    expect(message('agent')).toContain('claude-sonnet-5-5 always refuses');
    expect(message('careful')).toContain('use "low", "medium", "high" or "max"');
  });

  it('offers a fix for each, and applying all of them leaves a workflow that validates', () => {
    let document = JSON.parse(oldFile) as Json;
    for (const issue of result.errors) {
      expect(issue.fix, issue.rule).toBeDefined();
      document = applyFix(document, issue.fix as IssueFix);
    }
    const fixed = loadWorkflow(document);
    expect(fixed.errors).toEqual([]);
    const nodes = (document as { nodes: { id: string; config: Record<string, Json> }[] }).nodes;
    expect(nodes.find((node) => node.id === 'ponder')?.config.thinking).toEqual({ type: 'adaptive' });
    expect(nodes.find((node) => node.id === 'careful')?.config.effort).toBe('high');
    expect(nodes.find((node) => node.id === 'agent')?.config.tool_choice).toEqual({ type: 'auto' });
  });

  it('never rewrites the document itself (no silent repair)', () => {
    const document = JSON.parse(oldFile) as Json;
    const checked = loadWorkflow(document);
    expect(document).toEqual(JSON.parse(oldFile));
    expect(checked.workflow).toBeUndefined();
  });
});

describe('thinking that depends on effort, and models that think by default', () => {
  it('refuses thinking "disabled" above effort high on Opus 5, counting the default effort', () => {
    const disabled = (effort?: 'high' | 'max') => tinyWith((w) => Object.assign(w.nodes[1]!.config, { model: 'claude-opus-5', thinking: { type: 'disabled' }, ...(effort ? { effort } : {}) }));
    expect(validateWorkflow(disabled('high')).errors).toEqual([]);
    // Opus 5's default effort is high: no effort set is fine too.
    expect(validateWorkflow(disabled()).errors).toEqual([]);
    const [issue] = validateWorkflow(disabled('max')).errors;
    expect(issue).toMatchObject({ rule: 'model.thinking_effort', nodeId: 'ask', fix: { changes: [{ path: '/nodes/1/config/effort', value: 'high' }] } });
  });

  it('refuses forced tool_choice on Haiku 5.5 unless thinking is turned off (it thinks by default)', () => {
    const withTool = (thinking?: { type: 'disabled' }) =>
      tinyWith((w) => {
        Object.assign(w.nodes[1]!.config, { model: 'claude-haiku-5-5', tool_choice: { type: 'any' }, ...(thinking ? { thinking } : {}) });
        w.nodes.push({ id: 'lookup', type: 'tool', position: { x: 0, y: 0 }, config: { name: 'lookup', input_schema: { type: 'object' }, implementation: { kind: 'mock', response: 'ok' } } });
        w.edges.push({ id: 't', source: 'lookup', target: 'ask', targetHandle: 'tools' });
      });
    expect(validateWorkflow(withTool()).errors.map((issue) => issue.message)).toEqual([expect.stringContaining('refuses with thinking on (it thinks by default)')]);
    expect(validateWorkflow(withTool({ type: 'disabled' })).errors).toEqual([]);
  });

  it('keeps `display` when it offers adaptive thinking instead of a refused budget', () => {
    const doc = tinyWith((w) => Object.assign(w.nodes[1]!.config, { model: 'claude-opus-4-8', thinking: { type: 'enabled', budget_tokens: 2048, display: 'summarized' } }));
    const [issue] = validateWorkflow(doc).errors;
    expect(issue?.fix?.changes).toEqual([{ path: '/nodes/1/config/thinking', value: { type: 'adaptive', display: 'summarized' } }]);
  });
});

describe('the catalogue the validator is given decides', () => {
  const nova: ModelCapabilities = { id: 'claude-nova-6', display_name: 'Claude Nova 6', created_at: '2026-11-20T00:00:00Z', line: null, lifecycle: 'active', deprecated_at: null, retires_at: null, max_input_tokens: 500_000, max_tokens: 32_000, thinking_types: ['adaptive', 'disabled'], effort_levels: ['low', 'high'], structured_outputs: true, image_input: true, pdf_input: true };
  const withNova = (config: Record<string, Json>) => tinyWith((w) => Object.assign(w.nodes[1]!.config, { model: 'claude-nova-6', ...config }));

  it('warns that a model the facts table does not know is unknown offline', () => {
    expect(validateWorkflow(withNova({ effort: 'medium' }), { models: factsCatalog() }).warnings.map((issue) => issue.rule)).toEqual(['model.unknown']);
  });

  it('follows live capabilities for a model only the Models API lists', () => {
    const models = liveCatalog([nova]);
    expect(validateWorkflow(withNova({ effort: 'high' }), { models }).errors).toEqual([]);
    const [issue] = validateWorkflow(withNova({ effort: 'medium' }), { models }).errors;
    expect(issue).toMatchObject({ rule: 'model.effort', message: expect.stringContaining('use "low" or "high"') as unknown });
    // No documented default effort for it: the fix removes the setting.
    expect(issue?.fix?.changes).toEqual([{ path: '/nodes/1/config/effort' }]);
    expect(validateWorkflow(withNova({ max_tokens: 64_000 }), { models }).errors.map((entry) => entry.rule)).toEqual(['model.max_tokens']);
  });

  it('lets live capabilities override the facts of a model the table knows', () => {
    const opus = factsCatalog().find('claude-opus-4-6');
    const widened = liveCatalog([{ ...(opus as ModelCapabilities), effort_levels: ['low', 'medium', 'high', 'xhigh', 'max'] }]);
    const doc = tinyWith((w) => Object.assign(w.nodes[1]!.config, { model: 'claude-opus-4-6', effort: 'xhigh' }));
    expect(validateWorkflow(doc).errors.map((issue) => issue.rule)).toEqual(['model.effort']);
    expect(validateWorkflow(doc, { models: widened }).errors).toEqual([]);
  });
});
