import { buildRequestParams } from '../build-request-params';
import type { NodeRunner } from '../node-runner';
import { runConversation } from '../run-conversation';

/** A prompt with extended thinking; thinking deltas are traced with `kind: "thinking"`. */
export const thinkingRunner: NodeRunner<'thinking'> = {
  type: 'thinking',
  run: (ctx) => runConversation(ctx),
  firstRequest: (ctx, options) => buildRequestParams(ctx, options).params,
};
