import { buildRequestParams } from '../build-request-params';
import type { NodeRunner } from '../node-runner';
import { runConversation } from '../run-conversation';

/** One Messages call (or the tool loop when tool nodes are attached). */
export const promptRunner: NodeRunner<'prompt'> = {
  type: 'prompt',
  run: (ctx) => runConversation(ctx),
  firstRequest: (ctx, options) => buildRequestParams(ctx, options).params,
};
