import type { Message, ToolUseBlock } from '@anthropic-ai/sdk/resources/messages/messages';
import type { BranchConfig } from '../../../shared/node-configs';
import { formatValue } from '../../../shared/templates';
import { matchCondition } from '../branch/match-condition';
import { buildRequestParams, CHOOSE_ROUTE_TOOL } from '../build-request-params';
import { callClaude } from '../call-claude';
import { NodeError } from '../node-error';
import type { NodeContext, NodeResult, NodeRunner } from '../node-runner';
import { resolveStrict } from '../render-strict';
import { failOnStopReason } from '../stop-outcome';
import { ThinkingTally } from '../thinking-tally';

/** Picks one route; the scheduler then skips every edge whose `sourceHandle` is another route. */
export const branchRunner: NodeRunner<'branch'> = {
  type: 'branch',
  run: (ctx) => (ctx.node.config.mode === 'claude' ? chooseWithClaude(ctx) : chooseByMatch(ctx)),
  firstRequest: (ctx, options) => buildRequestParams(ctx, options).params,
};

async function chooseByMatch(ctx: NodeContext<'branch'>): Promise<NodeResult> {
  const config = ctx.node.config;
  const value = resolveStrict(config.on, ctx.scope, `${ctx.node.id}.config.on`);
  refuseSecretRouting(ctx, JSON.stringify(value) ?? '', 'config.on');
  for (const [index, route] of config.routes.entries()) {
    if (route.when && matchCondition(route.when, value, `${ctx.node.id}.config.routes.${index}.when`)) return { output: { route: route.label } };
  }
  if (config.default !== undefined) return { output: { route: config.default } };
  throw new NodeError({ type: 'no_route', message: `${ctx.node.id}: no route matched ${JSON.stringify(formatValue(value).slice(0, 200))} and there is no default route` });
}

/**
 * The route comes back as a forced `choose_route` call where the model accepts forced tools, else
 * as structured output (`{"route": <one of the labels>}`): see build-request-params.ts.
 */
async function chooseWithClaude(ctx: NodeContext<'branch'>): Promise<NodeResult> {
  const config: BranchConfig = ctx.node.config;
  const id = ctx.node.id;
  const labels = config.routes.map((route) => route.label);
  const plan = buildRequestParams(ctx, { models: ctx.deps.models });
  const model = plan.params.model;
  refuseSecretRouting(ctx, JSON.stringify({ system: plan.params.system, messages: plan.params.messages }), 'prompt');
  const message = await callClaude(ctx, plan.params);
  failOnStopReason(id, message);
  const tally = new ThinkingTally(plan.thinking);
  tally.add(message.content);
  const route = plan.routeBy === 'json' ? routeFromText(message) : routeFromTool(message);
  const result: NodeResult = { output: { route: config.default ?? null }, stop_reason: message.stop_reason, model };
  const summary = tally.summary();
  if (summary) result.thinking = summary;
  if (typeof route === 'string' && labels.includes(route)) return { ...result, output: { route } };
  // Thinking counts against max_tokens: a route cut off there needs more room or less effort.
  const cutOff = message.stop_reason === 'max_tokens' ? ` (cut off at max_tokens ${plan.params.max_tokens}; raise max_tokens or lower effort)` : '';
  if (config.default !== undefined) {
    return { ...result, warnings: [`Claude did not pick a known route (${JSON.stringify(route ?? null)})${cutOff}; took the default`] };
  }
  throw new NodeError({ type: 'no_route', message: `${id}: Claude did not pick one of the routes ${labels.join(', ')} (got ${JSON.stringify(route ?? null)})${cutOff} and there is no default` }, { retryable: true });
}

/**
 * The branch-label oracle: a route label is emitted unredacted, so a route chosen by what a secret
 * looks like (one regex route per character, or a model asked to route on it) would spell the
 * secret out in labels. A branch whose input holds any granted secret or credential, in any form
 * the redactor knows, therefore fails before it chooses; the error does not say which secret.
 */
function refuseSecretRouting(ctx: NodeContext<'branch'>, rendered: string, where: string): void {
  if (!ctx.deps.secretMatcher.contains(rendered)) return;
  throw new NodeError({ type: 'secret_in_route', message: `${ctx.node.id}: ${where} contains a secret; a branch never routes on secret values (see docs/security.md, "Secrets and routing")` });
}

function routeFromTool(message: Message): unknown {
  const use = message.content.find((block): block is ToolUseBlock => block.type === 'tool_use' && block.name === CHOOSE_ROUTE_TOOL);
  return (use?.input as { route?: unknown } | undefined)?.route;
}

function routeFromText(message: Message): unknown {
  const text = message.content.map((block) => (block.type === 'text' ? block.text : '')).join('');
  try {
    const parsed = JSON.parse(text) as { route?: unknown } | null;
    return parsed !== null && typeof parsed === 'object' ? parsed.route : undefined;
  } catch {
    // Cut off (max_tokens) or not JSON: no route; the default or no_route decides.
    return undefined;
  }
}
