import type { Workflow, WorkflowEdge, WorkflowNode } from '../../../../shared/workflow-types';

/** Tiny workflows for engine tests: nodes in file order, edges `a->b` or `a:handle->b` or `t=>p` (tool attach). */
export function workflow(nodes: Omit<WorkflowNode, 'position'>[], edges: string[], inputs: Workflow['inputs'] = declaredInputs(nodes)): Workflow {
  return {
    format: 'trellis.workflow',
    version: 1,
    id: 'test',
    name: 'test',
    inputs,
    defaults: { model: 'claude-sonnet-4-6', max_tokens: 1024 },
    nodes: nodes.map((node) => ({ ...node, position: { x: 0, y: 0 } }) as WorkflowNode),
    edges: edges.map((spec, index): WorkflowEdge => {
      const tool = spec.split('=>');
      if (tool.length === 2) return { id: `e${index}`, source: tool[0] as string, target: tool[1] as string, targetHandle: 'tools' };
      const [from, target] = spec.split('->') as [string, string];
      const [source, sourceHandle] = from.split(':') as [string, string | undefined];
      return sourceHandle ? { id: `e${index}`, source, target, sourceHandle } : { id: `e${index}`, source, target };
    }),
  };
}

export function prompt(id: string, content: string, extra: Record<string, unknown> = {}): Omit<WorkflowNode, 'position'> {
  return { id, type: 'prompt', config: { messages: [{ role: 'user', content }], ...extra } } as Omit<WorkflowNode, 'position'>;
}

export const inputNode: Omit<WorkflowNode, 'position'> = { id: 'input', type: 'input', config: {} };

export function outputNode(id: string, value: string | Record<string, string>): Omit<WorkflowNode, 'position'> {
  return { id, type: 'output', config: { value } };
}

/** Declares every `{{input.X}}` the nodes read, so the shared validator accepts the tiny workflow. */
function declaredInputs(nodes: Omit<WorkflowNode, 'position'>[]): Workflow['inputs'] {
  const properties: Record<string, object> = {};
  for (const match of JSON.stringify(nodes).matchAll(/\{\{\s*input\.([A-Za-z_][A-Za-z0-9_-]*)/g)) properties[match[1] as string] = {};
  return { type: 'object', properties };
}
