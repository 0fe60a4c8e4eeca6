import type { Workflow, WorkflowEdge, WorkflowNode } from '../../shared/workflow-types';

export const BENCH_MODEL = 'claude-haiku-4-5';
export const BENCH_MAX_TOKENS = 1024;

/** The user turn of prompt node `index`: the raw baseline sends exactly the same text. */
export function benchPrompt(index: number): string {
  return `Step ${index}: name three benefits of small, well-named functions.`;
}

/**
 * A workflow of `count` prompt nodes, either chained one after another or all fed straight from
 * the input (independent, so the scheduler can run them together). Prompts carry no templates,
 * so each node sends a request the raw baseline can reproduce byte for byte.
 */
export function benchWorkflow(id: string, count: number, shape: 'chain' | 'parallel'): Workflow {
  const prompts: WorkflowNode[] = Array.from({ length: count }, (_, index) => ({
    id: `p${index}`,
    type: 'prompt',
    position: { x: 200 * (index + 1), y: 0 },
    config: { messages: [{ role: 'user', content: benchPrompt(index) }] },
  }));
  const edges: WorkflowEdge[] = prompts.map((node, index) => ({
    id: `e${index}`,
    source: shape === 'chain' && index > 0 ? `p${index - 1}` : 'input',
    target: node.id,
  }));
  const outputSources = shape === 'chain' ? [`p${count - 1}`] : prompts.map((node) => node.id);
  outputSources.forEach((source, index) => edges.push({ id: `o${index}`, source, target: 'result' }));
  return {
    format: 'trellis.workflow',
    version: 1,
    id,
    name: id,
    inputs: { type: 'object' },
    defaults: { model: BENCH_MODEL, max_tokens: BENCH_MAX_TOKENS },
    nodes: [
      { id: 'input', type: 'input', position: { x: 0, y: 0 }, config: {} },
      ...prompts,
      { id: 'result', type: 'output', position: { x: 200 * (count + 1), y: 0 }, config: { value: `{{${outputSources[0]}.text}}` } },
    ],
    edges,
  };
}
