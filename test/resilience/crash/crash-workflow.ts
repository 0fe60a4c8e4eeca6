import type { Workflow } from '../../../shared/workflow-types';

export const CRASH_PROMPT_NODES = ['a', 'b', 'c', 'd'] as const;

/**
 * input → a → (b, c in parallel) → d → result. Every prompt carries the run's nonce and its node
 * id, so the simulator's request log tells which run and node each Claude call belonged to.
 */
export function crashWorkflow(): Workflow {
  const prompt = (id: string, x: number, y: number) => ({
    id,
    type: 'prompt' as const,
    position: { x, y },
    config: { messages: [{ role: 'user' as const, content: `Crash probe {{input.nonce}} node=${id}: list two facts about durable logs.` }] },
  });
  return {
    format: 'trellis.workflow',
    version: 1,
    id: 'crash-probe',
    name: 'Crash probe',
    inputs: { type: 'object', properties: { nonce: { type: 'string' } }, required: ['nonce'] },
    defaults: { model: 'claude-haiku-4-5', max_tokens: 1024 },
    nodes: [
      { id: 'input', type: 'input', position: { x: 0, y: 0 }, config: {} },
      prompt('a', 200, 0),
      prompt('b', 400, -100),
      prompt('c', 400, 100),
      prompt('d', 600, 0),
      { id: 'result', type: 'output', position: { x: 800, y: 0 }, config: { value: '{{d.text}}' } },
    ],
    edges: [
      { id: 'e1', source: 'input', target: 'a' },
      { id: 'e2', source: 'a', target: 'b' },
      { id: 'e3', source: 'a', target: 'c' },
      { id: 'e4', source: 'b', target: 'd' },
      { id: 'e5', source: 'c', target: 'd' },
      { id: 'e6', source: 'd', target: 'result' },
    ],
  };
}
