import type { Workflow } from '../../shared/workflow-types';

/** input → ask (one prompt node) → result: the smallest workflow that makes one Claude call. */
export function onePromptWorkflow(prompt = 'Give one tip about {{input.topic}}.'): Workflow {
  return {
    format: 'trellis.workflow',
    version: 1,
    id: 'one-prompt',
    name: 'One prompt',
    inputs: { type: 'object', properties: { topic: { type: 'string' } } },
    defaults: { model: 'claude-haiku-4-5', max_tokens: 1024 },
    nodes: [
      { id: 'input', type: 'input', position: { x: 0, y: 0 }, config: {} },
      { id: 'ask', type: 'prompt', position: { x: 200, y: 0 }, config: { messages: [{ role: 'user', content: prompt }] } },
      { id: 'result', type: 'output', position: { x: 400, y: 0 }, config: { value: '{{ask.text}}' } },
    ],
    edges: [
      { id: 'e1', source: 'input', target: 'ask' },
      { id: 'e2', source: 'ask', target: 'result' },
    ],
  };
}
