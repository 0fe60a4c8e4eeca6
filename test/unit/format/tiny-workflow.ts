import type { Workflow, WorkflowEdge, WorkflowNode } from '../../../shared/workflow-types';

/**
 * Tiny valid workflows for rule tests: `input → ask → done`, plus helpers to add nodes and edges.
 * Each test then breaks exactly one rule.
 */
export function tinyWorkflow(): Workflow {
  return {
    format: 'trellis.workflow',
    version: 1,
    id: 'tiny',
    name: 'Tiny',
    inputs: { type: 'object', properties: { question: { type: 'string' } }, required: ['question'] },
    nodes: [
      { id: 'input', type: 'input', position: { x: 0, y: 0 }, config: {} },
      { id: 'ask', type: 'prompt', position: { x: 200, y: 0 }, config: { messages: [{ role: 'user', content: 'Answer: {{input.question}}' }] } },
      { id: 'done', type: 'output', position: { x: 400, y: 0 }, config: { value: '{{ask.text}}' } },
    ],
    edges: [
      { id: 'e1', source: 'input', target: 'ask' },
      { id: 'e2', source: 'ask', target: 'done' },
    ],
  };
}

export function node<N extends WorkflowNode>(partial: Omit<N, 'position'> & { position?: N['position'] }): WorkflowNode {
  return { position: { x: 0, y: 0 }, ...partial } as WorkflowNode;
}

export function edge(id: string, source: string, target: string, handles: Pick<WorkflowEdge, 'sourceHandle' | 'targetHandle'> = {}): WorkflowEdge {
  return { id, source, target, ...handles };
}

/** A copy of the tiny workflow with a change applied; never shares objects with other tests. */
export function tinyWith(change: (workflow: Workflow) => void): Workflow {
  const workflow = tinyWorkflow();
  change(workflow);
  return workflow;
}

export function nodeById(workflow: Workflow, id: string): WorkflowNode {
  const found = workflow.nodes.find((candidate) => candidate.id === id);
  if (!found) throw new Error(`no node ${id}`);
  return found;
}
