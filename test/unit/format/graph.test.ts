import { describe, expect, it } from 'vitest';
import {
  canConnect,
  dataflowEdges,
  findCycle,
  predecessors,
  successors,
  toolAttachments,
  topologicalOrder,
  upstreamNodeIds,
  type GraphLike,
} from '../../../shared/graph';

/**
 *   input ──▶ classify ──▶ triage(branch) ──billing──▶ refund ──▶ done
 *                 ▲                        └─other────▶ answer ──▶ done
 *   weather(tool) ┘ (tools handle)
 */
function supportGraph(): GraphLike {
  return {
    nodes: [
      { id: 'input', type: 'input' },
      { id: 'weather', type: 'tool' },
      { id: 'classify', type: 'prompt' },
      { id: 'triage', type: 'branch', config: { on: '{{classify.text}}', routes: [{ label: 'billing' }, { label: 'other' }] } },
      { id: 'refund', type: 'prompt' },
      { id: 'answer', type: 'prompt' },
      { id: 'done', type: 'output' },
    ],
    edges: [
      { id: 'e1', source: 'input', target: 'classify' },
      { id: 'e2', source: 'weather', target: 'classify', targetHandle: 'tools' },
      { id: 'e3', source: 'classify', target: 'triage' },
      { id: 'e4', source: 'triage', sourceHandle: 'billing', target: 'refund' },
      { id: 'e5', source: 'triage', sourceHandle: 'other', target: 'answer' },
      { id: 'e6', source: 'refund', target: 'done' },
      { id: 'e7', source: 'answer', target: 'done' },
    ],
  };
}

describe('dataflow and tool attachments', () => {
  it('separates tool attachments from dataflow edges', () => {
    const graph = supportGraph();
    expect(dataflowEdges(graph).map((edge) => edge.id)).toEqual(['e1', 'e3', 'e4', 'e5', 'e6', 'e7']);
    expect(toolAttachments(graph)).toEqual(new Map([['classify', ['weather']]]));
  });

  it('lists predecessors and successors along dataflow only, every node keyed', () => {
    const graph = supportGraph();
    expect(predecessors(graph).get('classify')).toEqual(['input']);
    expect(predecessors(graph).get('done')).toEqual(['refund', 'answer']);
    expect(successors(graph).get('triage')).toEqual(['refund', 'answer']);
    expect(successors(graph).get('weather')).toEqual([]);
    expect([...predecessors(graph).keys()]).toHaveLength(7);
  });

  it('ignores dangling edges instead of inventing nodes', () => {
    const graph: GraphLike = { nodes: [{ id: 'a', type: 'input' }], edges: [{ source: 'a', target: 'ghost' }] };
    expect(successors(graph)).toEqual(new Map([['a', []]]));
    expect(toolAttachments({ ...graph, edges: [{ source: 'ghost', target: 'a', targetHandle: 'tools' }] }).size).toBe(0);
  });
});

describe('upstreamNodeIds', () => {
  it('is transitive, in file order, excludes the node itself and tool nodes', () => {
    const graph = supportGraph();
    expect(upstreamNodeIds(graph, 'done')).toEqual(['input', 'classify', 'triage', 'refund', 'answer']);
    expect(upstreamNodeIds(graph, 'refund')).toEqual(['input', 'classify', 'triage']);
    expect(upstreamNodeIds(graph, 'input')).toEqual([]);
    expect(upstreamNodeIds(graph, 'nope')).toEqual([]);
  });

  it('terminates on a cyclic graph', () => {
    const graph: GraphLike = {
      nodes: [{ id: 'a', type: 'prompt' }, { id: 'b', type: 'prompt' }],
      edges: [{ source: 'a', target: 'b' }, { source: 'b', target: 'a' }],
    };
    expect(upstreamNodeIds(graph, 'a')).toEqual(['b']);
  });
});

describe('findCycle', () => {
  it('returns null for a DAG', () => {
    const graph = supportGraph();
    expect(findCycle(graph.nodes, graph.edges)).toBeNull();
  });

  it('returns the cycle in path order', () => {
    // a → b → c → b
    const nodes = ['a', 'b', 'c'].map((id) => ({ id, type: 'prompt' }));
    const edges = [{ source: 'a', target: 'b' }, { source: 'b', target: 'c' }, { source: 'c', target: 'b' }];
    expect(findCycle(nodes, edges)).toEqual(['b', 'c']);
  });

  it('reports a self loop', () => {
    expect(findCycle([{ id: 'a', type: 'prompt' }], [{ source: 'a', target: 'a' }])).toEqual(['a']);
  });

  it('handles a 20,000-node chain without overflowing the stack', () => {
    const nodes = Array.from({ length: 20_000 }, (_, i) => ({ id: `n${i}`, type: 'prompt' }));
    const edges = nodes.slice(1).map((node, i) => ({ source: `n${i}`, target: node.id }));
    expect(findCycle(nodes, edges)).toBeNull();
    expect(findCycle(nodes, [...edges, { source: 'n19999', target: 'n0' }])).toHaveLength(20_000);
  });
});

describe('topologicalOrder', () => {
  it('puts sources before targets and breaks ties by file order', () => {
    // c and b are both ready after a; b comes first in the file.
    const nodes = ['a', 'b', 'c', 'd'].map((id) => ({ id, type: 'prompt' }));
    const edges = [{ source: 'a', target: 'c' }, { source: 'a', target: 'b' }, { source: 'c', target: 'd' }, { source: 'b', target: 'd' }];
    expect(topologicalOrder(nodes, edges)).toEqual(['a', 'b', 'c', 'd']);
  });

  it('keeps file order for unconnected nodes, even when a later node is ready first', () => {
    const nodes = ['x', 'y', 'z'].map((id) => ({ id, type: 'prompt' }));
    expect(topologicalOrder(nodes, [{ source: 'z', target: 'x' }])).toEqual(['y', 'z', 'x']);
  });

  it('throws naming the cycle', () => {
    const nodes = ['a', 'b'].map((id) => ({ id, type: 'prompt' }));
    expect(() => topologicalOrder(nodes, [{ source: 'a', target: 'b' }, { source: 'b', target: 'a' }])).toThrow('a → b → a');
  });

  it('does not mutate its input', () => {
    const graph = supportGraph();
    const before = JSON.stringify(graph);
    topologicalOrder(graph.nodes, graph.edges);
    canConnect(graph, { source: 'answer', target: 'refund' });
    upstreamNodeIds(graph, 'done');
    expect(JSON.stringify(graph)).toBe(before);
  });
});

describe('canConnect', () => {
  const graph = supportGraph();
  const refused = (connection: Parameters<typeof canConnect>[1]) => {
    const verdict = canConnect(graph, connection);
    if (verdict.ok) throw new Error('expected the connection to be refused');
    return verdict.reason;
  };

  it('accepts an ordinary dataflow edge and a tool attachment', () => {
    expect(canConnect(graph, { source: 'classify', target: 'answer' })).toEqual({ ok: true });
    expect(canConnect(graph, { source: 'weather', target: 'refund', targetHandle: 'tools' })).toEqual({ ok: true });
    expect(canConnect(graph, { source: 'triage', target: 'done', sourceHandle: 'other' })).toEqual({ ok: true });
  });

  it('refuses self loops', () => expect(refused({ source: 'refund', target: 'refund' })).toMatch(/itself/));
  it('refuses cycles', () => expect(refused({ source: 'answer', target: 'classify' })).toMatch(/cycle/));
  it('refuses anything into the input node', () => expect(refused({ source: 'classify', target: 'input' })).toMatch(/input node/));
  it('refuses edges out of an output node', () => {
    const open = { ...graph, nodes: [...graph.nodes, { id: 'later', type: 'prompt' }] };
    const verdict = canConnect(open, { source: 'done', target: 'later' });
    expect(verdict).toEqual({ ok: false, reason: expect.stringMatching(/output node "done"/) });
  });
  it('refuses a tool into a plain handle', () => expect(refused({ source: 'weather', target: 'answer' })).toMatch(/tools handle/));
  it('refuses a tool into a node that cannot call tools', () => expect(refused({ source: 'weather', target: 'done', targetHandle: 'tools' })).toMatch(/prompt, vision or thinking/));
  it('refuses a non-tool into a tools handle', () => expect(refused({ source: 'input', target: 'answer', targetHandle: 'tools' })).toMatch(/Only tool nodes/));
  it('refuses a branch edge without a route handle', () => expect(refused({ source: 'triage', target: 'done' })).toMatch(/through one of its routes/));
  it('refuses a branch edge through an unknown route', () => expect(refused({ source: 'triage', target: 'done', sourceHandle: 'shipping' })).toMatch(/no route "shipping".*billing, other/));
  it('refuses a duplicate edge', () => expect(refused({ source: 'input', target: 'classify' })).toMatch(/already connected/));
  it('refuses unknown nodes', () => expect(refused({ source: 'ghost', target: 'classify' })).toMatch(/no node "ghost"/));
  it('treats null handles from React Flow as absent', () => {
    expect(canConnect(graph, { source: 'classify', target: 'answer', sourceHandle: null, targetHandle: null })).toEqual({ ok: true });
  });
});
