import { loadVisionImages } from '../images/load-vision-images';
import { buildRequestParams } from '../build-request-params';
import type { NodeRunner } from '../node-runner';
import { runConversation } from '../run-conversation';

/** A prompt with images; every image is loaded and checked before the call. */
export const visionRunner: NodeRunner<'vision'> = {
  type: 'vision',
  run: async (ctx) => runConversation(ctx, { leadBlocks: await loadVisionImages(ctx) }),
  leadBlocks: loadVisionImages,
  firstRequest: (ctx, options) => buildRequestParams(ctx, options).params,
};
