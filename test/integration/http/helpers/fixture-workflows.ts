import type { Workflow } from '../../../../shared/workflow-types';

/**
 * input → draft → polish → result: two Claude calls in a chain, so a run can be stopped
 * between them (resume tests) and streams enough deltas to be read mid-run.
 */
export function chainWorkflow(id = 'chain'): Workflow {
  return {
    format: 'trellis.workflow',
    version: 1,
    id,
    name: 'Draft and polish',
    description: 'Two prompts in a chain.',
    inputs: { type: 'object', properties: { topic: { type: 'string' } }, required: ['topic'] },
    samples: [{ name: 'tea', input: { topic: 'green tea' } }],
    defaults: { model: 'claude-sonnet-4-6', max_tokens: 256 },
    nodes: [
      { id: 'input', type: 'input', position: { x: 0, y: 0 }, config: {} },
      { id: 'draft', type: 'prompt', position: { x: 200, y: 0 }, config: { messages: [{ role: 'user', content: 'Write three sentences about {{input.topic}}.' }] } },
      { id: 'polish', type: 'prompt', position: { x: 400, y: 0 }, config: { messages: [{ role: 'user', content: 'Polish this text: {{draft.text}}' }] } },
      { id: 'result', type: 'output', position: { x: 600, y: 0 }, config: { value: '{{polish.text}}' } },
    ],
    edges: [
      { id: 'e1', source: 'input', target: 'draft' },
      { id: 'e2', source: 'draft', target: 'polish' },
      { id: 'e3', source: 'polish', target: 'result' },
    ],
  };
}
