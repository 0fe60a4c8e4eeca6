import { describe, expect, it } from 'vitest';
import { nodeById } from '../../../client/src/store/node-by-id';
import type { FlowNode } from '../../../client/src/store/flow-types';

const node = (id: string, x = 0): FlowNode => ({ id, type: 'prompt', position: { x, y: 0 }, data: { config: { messages: [] } as never } });

describe('nodeById', () => {
  it('finds a node of the document by id, and nothing for an unknown id', () => {
    const nodes = [node('a'), node('b'), node('c')];
    expect(nodeById(nodes, 'b')).toBe(nodes[1]);
    expect(nodeById(nodes, 'missing')).toBeUndefined();
  });

  it('answers from the current nodes array after an edit replaced it', () => {
    const before = [node('a', 0), node('b', 0)];
    expect(nodeById(before, 'a')?.position.x).toBe(0);
    const after = [node('a', 120), before[1] as FlowNode, node('new')];
    expect(nodeById(after, 'a')?.position.x).toBe(120);
    expect(nodeById(after, 'new')?.id).toBe('new');
    // The earlier array still answers for itself (undo snapshots keep old arrays).
    expect(nodeById(before, 'a')?.position.x).toBe(0);
    expect(nodeById(before, 'new')).toBeUndefined();
  });
});
