import type { NodeRunner } from '../node-runner';

/** The run's input, exactly as given (already validated against `workflow.inputs`). */
export const inputRunner: NodeRunner<'input'> = {
  type: 'input',
  run: async (ctx) => ({ output: ctx.scope.input as never }),
};
