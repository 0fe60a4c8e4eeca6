import type { NodeRunner } from '../node-runner';
import { NodeError } from '../node-error';

/**
 * Tool nodes are data for the tool loop (run-tool-call.ts): the scheduler never starts them, and
 * the node they are attached to emits node.tool_call / node.tool_result with their id.
 */
export const toolRunner: NodeRunner<'tool'> = {
  type: 'tool',
  run: async (ctx) => {
    throw NodeError.config(`${ctx.node.id}: tool nodes run only inside the tool loop of the node they are attached to`);
  },
};
