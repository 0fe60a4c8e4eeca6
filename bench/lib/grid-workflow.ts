import type { Workflow, WorkflowEdge, WorkflowNode } from '../../shared/workflow-types';

/**
 * A large canvas: `count` nodes on a grid (input, prompts, one output), each prompt fed by the
 * node to its left so the graph stays a DAG with one edge per node and some streaming to show.
 */
export function gridWorkflow(count: number): Workflow {
  const columns = Math.ceil(Math.sqrt(count * 2));
  const at = (index: number) => ({ x: (index % columns) * 260, y: Math.floor(index / columns) * 160 });
  const nodes: WorkflowNode[] = [{ id: 'input', type: 'input', position: at(0), config: {} }];
  const edges: WorkflowEdge[] = [];
  for (let index = 1; index < count - 1; index++) {
    const id = `p${index}`;
    nodes.push({ id, type: 'prompt', position: at(index), config: { max_tokens: 512, messages: [{ role: 'user', content: `Part ${index}: explain how canvases stay fast with many nodes.` }] } });
    const source = index % columns === 0 ? 'input' : index === 1 ? 'input' : `p${index - 1}`;
    edges.push({ id: `e${index}`, source, target: id });
  }
  nodes.push({ id: 'result', type: 'output', position: at(count - 1), config: { value: '{{p1.text}}' } });
  edges.push({ id: 'e_out', source: 'p1', target: 'result' });
  return { format: 'trellis.workflow', version: 1, id: `canvas-${count}`, name: `Canvas ${count}`, inputs: { type: 'object', properties: { topic: { type: 'string' } } }, defaults: { model: 'claude-haiku-4-5', max_tokens: 512 }, nodes, edges };
}
