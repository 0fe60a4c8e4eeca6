import { CURRENT_FORMAT_VERSION, WORKFLOW_FORMAT, type Workflow } from '../../../shared/workflow-types';

/** What "New workflow" opens: a valid document with just the input node, ready to build on. */
export function blankWorkflow(id: string): Workflow {
  return {
    format: WORKFLOW_FORMAT,
    version: CURRENT_FORMAT_VERSION,
    id,
    name: 'Untitled workflow',
    inputs: { type: 'object', properties: { text: { type: 'string' } }, required: ['text'] },
    samples: [{ name: 'example', input: { text: 'Hello, Claude.' } }],
    nodes: [{ id: 'input', type: 'input', position: { x: 0, y: 0 }, config: {} }],
    edges: [],
  };
}
