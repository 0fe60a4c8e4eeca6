import { describe, expect, it } from 'vitest';
import { liveCatalog } from '../../../shared/claude-models/model-catalog';
import type { PromptConfig } from '../../../shared/node-configs';
import { validateWorkflow } from '../../../shared/validate-workflow';
import type { Workflow, WorkflowNode } from '../../../shared/workflow-types';
import { edge, node, nodeById, tinyWith } from './tiny-workflow';

const askConfig = (workflow: Workflow) => (nodeById(workflow, 'ask') as Extract<WorkflowNode, { type: 'prompt' }>).config;

function withAsk(change: (config: PromptConfig) => void, attachTool = false): Workflow {
  return tinyWith((w) => {
    change(askConfig(w));
    if (!attachTool) return;
    w.nodes.push(node({ id: 'lookup', type: 'tool', config: { name: 'lookup', input_schema: { type: 'object', properties: { q: { type: 'string' } } }, implementation: { kind: 'mock', response: 'found' } } }));
    w.edges.push(edge('t', 'lookup', 'ask', { targetHandle: 'tools' }));
  });
}

// Every documented model now has structured outputs; a live-only model without them still exists.
const NO_STRUCTURED_OUTPUTS = { id: 'claude-live-only', display_name: 'Live only', created_at: '2026-11-01T00:00:00Z', line: null, lifecycle: 'active', deprecated_at: null, retires_at: null, max_input_tokens: 200_000, max_tokens: 64_000, thinking_types: ['disabled'], effort_levels: [], structured_outputs: false, image_input: true, pdf_input: false } as const;
const models = liveCatalog([NO_STRUCTURED_OUTPUTS, { ...NO_STRUCTURED_OUTPUTS, id: 'claude-sonnet-4-6', structured_outputs: true }]);

function cacheIssues(workflow: Workflow) {
  return validateWorkflow(workflow, { models }).errors.filter((issue) => issue.rule.startsWith('cache.'));
}

const JSON_ANSWER = { output: 'json', schema: { type: 'object', properties: { label: { type: 'string' } }, required: ['label'] } } as const;
const threeCachedTurns = [
  { role: 'user' as const, content: 'one {{input.question}}', cache: true },
  { role: 'assistant' as const, content: 'two', cache: true },
  { role: 'user' as const, content: 'three', cache: true },
];

describe('cache.ttl_order', () => {
  it('rejects cache_tools (5m by default) before a 1h system prompt, pointing at the 1h breakpoint', () => {
    const issues = cacheIssues(withAsk((config) => {
      config.cache_tools = true;
      config.system = { text: 'Use the tool.', cache: true, cache_ttl: '1h' };
    }, true));
    expect(issues.map((issue) => [issue.rule, issue.path, issue.nodeId])).toEqual([['cache.ttl_order', '/nodes/1/config/system/cache_ttl', 'ask']]);
    expect(issues[0]?.message).toMatch(/1h cache breakpoint on system comes after the 5m one on cache_tools/);
  });

  it('accepts the same node once cache_tools_ttl is 1h', () => {
    const workflow = withAsk((config) => {
      config.cache_tools = true;
      config.cache_tools_ttl = '1h';
      config.system = { text: 'Use the tool.', cache: true, cache_ttl: '1h' };
    }, true);
    expect(validateWorkflow(workflow).errors).toEqual([]);
  });

  it('rejects a 1h message after a 5m system prompt, and a 5m message after a 1h one is fine', () => {
    const misordered = cacheIssues(withAsk((config) => {
      config.system = { text: 'Be brief.', cache: true };
      config.messages = [{ role: 'user', content: 'Doc: {{input.question}}', cache: true, cache_ttl: '1h' }];
    }));
    expect(misordered.map((issue) => [issue.rule, issue.path])).toEqual([['cache.ttl_order', '/nodes/1/config/messages/0/cache_ttl']]);
    const ordered = withAsk((config) => {
      config.system = { text: 'Be brief.', cache: true, cache_ttl: '1h' };
      config.messages = [{ role: 'user', content: 'Doc: {{input.question}}', cache: true }];
    });
    expect(validateWorkflow(ordered).errors).toEqual([]);
  });

  it('ignores cache_tools when nothing marks a tool (no attached tool, native JSON output)', () => {
    const workflow = withAsk((config) => {
      config.cache_tools = true;
      config.system = { text: 'Be brief.', cache: true, cache_ttl: '1h' };
    });
    expect(validateWorkflow(workflow).errors).toEqual([]);
  });
});

describe('cache.too_many counts the json_output tool like the engine does', () => {
  const fiveWithJsonTool = (model: string) =>
    withAsk((config) => {
      Object.assign(config, JSON_ANSWER, { model, cache_tools: true });
      config.system = { text: 'Label it.', cache: true };
      config.messages = threeCachedTurns;
    });

  it('counts cache_tools on the json_output tool of a model without structured outputs (5 breakpoints)', () => {
    const issues = cacheIssues(fiveWithJsonTool('claude-live-only'));
    expect(issues.map((issue) => [issue.rule, issue.path])).toEqual([['cache.too_many', '/nodes/1/config']]);
    expect(issues[0]?.message).toMatch(/5 cache breakpoints \(cache_tools, system, messages\[0\], messages\[1\], messages\[2\]\)/);
  });

  it('does not count it when the model answers through output_config (no tool in the request)', () => {
    expect(cacheIssues(fiveWithJsonTool('claude-sonnet-4-6'))).toEqual([]);
  });
});
