import type { Workflow } from '../../shared/workflow-types';

/** input → branch (match) → output: three nodes, no Claude call, so the store is what is measured. */
export function trivialWorkflow(): Workflow {
  return {
    format: 'trellis.workflow',
    version: 1,
    id: 'bench-trivial',
    name: 'bench-trivial',
    inputs: { type: 'object', properties: { kind: { type: 'string' } } },
    nodes: [
      { id: 'input', type: 'input', position: { x: 0, y: 0 }, config: {} },
      { id: 'route', type: 'branch', position: { x: 200, y: 0 }, config: { on: '{{input.kind}}', routes: [{ label: 'fast', when: { equals: 'fast' } }, { label: 'slow', when: { contains: 'slow' } }], default: 'fast' } },
      { id: 'result', type: 'output', position: { x: 400, y: 0 }, config: { value: '{{route.route}}' } },
    ],
    edges: [
      { id: 'e1', source: 'input', target: 'route' },
      { id: 'e2', source: 'route', target: 'result', sourceHandle: 'fast' },
    ],
  };
}
