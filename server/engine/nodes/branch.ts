import type { ToolUseBlock } from '@anthropic-ai/sdk/resources/messages/messages';
import type { BranchConfig } from '../../../shared/node-configs';
import { formatValue } from '../../../shared/templates';
import { matchCondition } from '../branch/match-condition';
import { buildRequestParams, CHOOSE_ROUTE_TOOL } from '../build-request-params';
import { callClaude } from '../call-claude';
import { NodeError } from '../node-error';
import type { NodeContext, NodeResult, NodeRunner } from '../node-runner';
import { resolveStrict } from '../render-strict';

/** Picks one route; the scheduler then skips every edge whose `sourceHandle` is another route. */
export const branchRunner: NodeRunner<'branch'> = {
  type: 'branch',
  run: (ctx) => (ctx.node.config.mode === 'claude' ? chooseWithClaude(ctx) : chooseByMatch(ctx)),
  firstRequest: (ctx, options) => buildRequestParams(ctx, options).params,
};

async function chooseByMatch(ctx: NodeContext<'branch'>): Promise<NodeResult> {
  const config = ctx.node.config;
  const value = resolveStrict(config.on, ctx.scope, `${ctx.node.id}.config.on`);
  for (const [index, route] of config.routes.entries()) {
    if (route.when && matchCondition(route.when, value, `${ctx.node.id}.config.routes.${index}.when`)) return { output: { route: route.label } };
  }
  if (config.default !== undefined) return { output: { route: config.default } };
  throw new NodeError({ type: 'no_route', message: `${ctx.node.id}: no route matched ${JSON.stringify(formatValue(value).slice(0, 200))} and there is no default route` });
}

async function chooseWithClaude(ctx: NodeContext<'branch'>): Promise<NodeResult> {
  const config: BranchConfig = ctx.node.config;
  const id = ctx.node.id;
  const labels = config.routes.map((route) => route.label);
  const { params } = buildRequestParams(ctx);
  const model = params.model;
  const message = await callClaude(ctx, params);
  const use = message.content.find((block): block is ToolUseBlock => block.type === 'tool_use' && block.name === CHOOSE_ROUTE_TOOL);
  const route = (use?.input as { route?: unknown } | undefined)?.route;
  if (typeof route === 'string' && labels.includes(route)) return { output: { route }, stop_reason: message.stop_reason, model };
  if (config.default !== undefined) {
    return { output: { route: config.default }, stop_reason: message.stop_reason, model, warnings: [`Claude did not pick a known route (${JSON.stringify(route ?? null)}); took the default`] };
  }
  throw new NodeError({ type: 'no_route', message: `${id}: Claude did not pick one of the routes ${labels.join(', ')} (got ${JSON.stringify(route ?? null)}) and there is no default` }, { retryable: true });
}
