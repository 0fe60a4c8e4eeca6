import { describe, expect, it } from 'vitest';
import { messageOnNode } from '../../../client/src/issues/message-on-node';

describe('messageOnNode', () => {
  it('drops the node prefix only for that node', () => {
    expect(messageOnNode('Node "think": effort "xhigh" is set.', 'think')).toBe('effort "xhigh" is set.');
    expect(messageOnNode('Node "other": effort "xhigh" is set.', 'think')).toBe('Node "other": effort "xhigh" is set.');
    expect(messageOnNode('The workflow has no output node.', 'think')).toBe('The workflow has no output node.');
  });
});
