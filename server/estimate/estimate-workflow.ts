import type { ContentBlockParam, MessageCountTokensParams, MessageCreateParamsBase } from '@anthropic-ai/sdk/resources/messages/messages';
import type { NodeEstimate, WorkflowEstimate } from '../../shared/api/workflow-estimate';
import { dataflowEdges, topologicalOrder } from '../../shared/graph';
import type { Json } from '../../shared/json-schema';
import { DEFAULT_MODEL } from '../../shared/claude-models/model-catalog';
import { addCost, costOf, type PriceOptions } from '../../shared/pricing';
import { templateReferences, type TemplateReference } from '../../shared/templates';
import { ZERO_USAGE } from '../../shared/usage';
import type { ThinkingSetting } from '../../shared/node-configs';
import { callsClaude, capabilitiesOf, getNodeSpec, routeLabels } from '../../shared/nodes';
import { LIMITS } from '../../shared/validation/limits';
import type { Workflow, WorkflowNode } from '../../shared/workflow-types';
import { buildGraphIndex, descendantsOf, type GraphIndex } from '../engine/graph-index';
import type { NodeContext } from '../engine/node-runner';
import { runnerFor } from '../engine/nodes';
import { toTraceError } from '../engine/to-trace-error';
import type { EngineEnvironment } from '../environment';
import { checkCacheBreakpoints } from './check-cache-breakpoints';
import { EstimateBudget, ESTIMATE_LIMITS, EstimateTooLargeError } from './estimate-limits';
import { renderedSize } from './rendered-size';
import { fillerText, placeholderOutput } from './placeholder-output';

export interface EstimateOptions {
  /**
   * The environment a run of this workflow would get: its client counts tokens, its files root
   * and fetch load vision images, its prices price. Its secrets are never read: `{{secrets.NAME}}`
   * is counted as a short placeholder, so no secret can reach an estimate.
   */
  environment: EngineEnvironment;
  /** Price as a Message Batch (half). */
  batch?: boolean;
  signal?: AbortSignal;
}

// The answer's shapes are shared with the client (shared/api); re-exported for the CLI.
export type { NodeEstimate, WorkflowEstimate };

const UNSAFE_KEYS = new Set(['__proto__', 'constructor', 'prototype']);
const CONTEXT_WARNING_SHARE = 0.8;
/** What one-token upstream answers render as in the minimum scenario (an empty turn is rejected). */
const MIN_FILLER = fillerText(1);

interface Scenario {
  outputs: Map<string, Json>;
}

/**
 * A cost preview before running: for each Claude-calling node, in topological order, the request
 * the engine would send (templates rendered with `input`; upstream answers replaced by filler as
 * long as their max_tokens for the maximum and one token for the minimum), counted by the API's
 * count_tokens and priced from the price table. See docs/estimate.md.
 * Throws EstimateTooLargeError, before building it, when a prompt or the whole estimate would
 * exceed ESTIMATE_LIMITS.
 */
export async function estimateWorkflow(workflow: Workflow, input: Json, options: EstimateOptions): Promise<WorkflowEstimate> {
  const graph = buildGraphIndex(workflow);
  const references = referencesByRoot(workflow);
  const conditional = conditionalNodes(workflow, graph);
  const max: Scenario = { outputs: new Map() };
  const min: Scenario = { outputs: new Map() };
  const secrets = secretsScope(workflow);
  const budget = new EstimateBudget();
  const estimates: NodeEstimate[] = [];

  for (const id of topologicalOrder(workflow.nodes, dataflowEdges(workflow))) {
    const node = graph.byId.get(id) as WorkflowNode;
    const capabilities = capabilitiesOf(node.type);
    if (capabilities.isInput) {
      max.outputs.set(id, input);
      min.outputs.set(id, input);
      continue;
    }
    if (capabilities.routes) {
      // The longest label for the maximum, the shortest for the minimum: what a template reading the route renders.
      const labels = [...(routeLabels(node) ?? [])].sort((a, b) => a.length - b.length);
      max.outputs.set(id, { route: labels.at(-1) ?? '' });
      min.outputs.set(id, { route: labels[0] ?? '' });
    }
    if (!callsClaude(node)) {
      if (!capabilities.routes) setPlaceholderOutputs(id, references.get(id) ?? [], max, min);
      continue;
    }
    const estimate = await estimateNode(node, { workflow, graph, input, secrets, max, min, options, budget, conditional: conditional.has(id), references: references.get(id) ?? [] });
    estimates.push(estimate);
  }
  const counted = estimates.filter((estimate) => estimate.error === undefined);
  return {
    nodes: estimates,
    total: {
      input_tokens: sum(counted.map((estimate) => estimate.input_tokens)),
      cost_min_usd: counted.filter((estimate) => !estimate.conditional).reduce<number | null>((total, estimate) => addCost(total, estimate.cost_min_usd), 0),
      cost_max_usd: counted.reduce<number | null>((total, estimate) => addCost(total, estimate.cost_max_usd), 0),
    },
  };
}

interface NodeJob {
  workflow: Workflow;
  graph: GraphIndex;
  input: Json;
  secrets: Record<string, string>;
  max: Scenario;
  min: Scenario;
  options: EstimateOptions;
  budget: EstimateBudget;
  conditional: boolean;
  /** References other nodes make to this node's output. */
  references: readonly TemplateReference[];
}

async function estimateNode(node: WorkflowNode, job: NodeJob): Promise<NodeEstimate> {
  const warnings: string[] = [];
  const config = node.config as { model?: string; max_tokens?: number; on_max_tokens?: string; thinking?: { type: string; budget_tokens?: number } };
  const fallbackModel = config.model ?? job.workflow.defaults?.model ?? DEFAULT_MODEL;
  const models = job.options.environment.models.current();
  const estimate: NodeEstimate = {
    nodeId: node.id,
    nodeType: node.type,
    model: fallbackModel,
    input_tokens: 0,
    input_tokens_min: 0,
    max_output_tokens: 0,
    cost_min_usd: 0,
    cost_max_usd: 0,
    context_window: models.find(fallbackModel)?.max_input_tokens ?? null,
    conditional: job.conditional,
    warnings,
  };
  let maxParams: MessageCreateParamsBase | undefined;
  let minParams: MessageCreateParamsBase | undefined;
  // Outside the try: an estimate too large to build is refused whole, not reported on one node.
  checkPromptSize(node, job);
  try {
    const leadBlocks = await leadBlocksOf(node, job);
    maxParams = paramsFor(node, job, job.max, leadBlocks);
    minParams = paramsFor(node, job, job.min, leadBlocks);
    const outputLimit = models.find(maxParams.model)?.max_tokens;
    if (outputLimit !== undefined && maxParams.max_tokens > outputLimit) throw new Error(`max_tokens ${maxParams.max_tokens} is above ${maxParams.model}'s limit of ${outputLimit}; the API refuses the request.`);
    estimate.model = maxParams.model;
    estimate.max_output_tokens = maxParams.max_tokens;
    estimate.context_window = models.find(maxParams.model)?.max_input_tokens ?? null;
    warnings.push(...checkCacheBreakpoints(maxParams));
    estimate.input_tokens = await countTokens(job.options, maxParams);
    estimate.input_tokens_min = JSON.stringify(minParams) === JSON.stringify(maxParams) ? estimate.input_tokens : await countTokens(job.options, minParams);
  } catch (error) {
    estimate.error = toTraceError(error).message;
  } finally {
    setOutputs(node, job, maxParams, minParams);
  }
  if (estimate.error !== undefined) return estimate;

  const window = estimate.context_window;
  if (window !== null && estimate.input_tokens > window * CONTEXT_WARNING_SHARE) {
    warnings.push(`input of ${estimate.input_tokens} tokens is over ${CONTEXT_WARNING_SHARE * 100}% of the ${window}-token context window`);
  }
  if (job.graph.toolsOf.get(node.id)?.length) warnings.push('tool loop: each further round re-sends the conversation; only the first call is estimated');
  if (config.on_max_tokens === 'continue') warnings.push('on_max_tokens "continue" may add up to 3 continuation calls; only the first call is estimated');
  priceNode(estimate, maxParams as MessageCreateParamsBase, job.options);
  if (estimate.cost_max_usd === null) warnings.push(`no price is known for model "${estimate.model}": its cost is shown as "price unknown"`);
  return estimate;
}

function scopeOf(job: NodeJob, scenario: Scenario): Record<string, unknown> {
  return { ...Object.fromEntries(scenario.outputs), input: job.input, secrets: job.secrets };
}

/** Sizes the node's templates in both scenarios without rendering them, and charges the budget. */
function checkPromptSize(node: WorkflowNode, job: NodeJob): void {
  for (const scenario of [job.max, job.min]) {
    const size = renderedSize(node.config, scopeOf(job, scenario));
    if (size > ESTIMATE_LIMITS.promptChars) {
      throw new EstimateTooLargeError(`${node.id}: its prompt would render to ${size} characters; an estimate refuses prompts over ${ESTIMATE_LIMITS.promptChars}, more than any context window holds.`);
    }
    job.budget.spend(size, `${node.id}'s prompt`);
  }
}

/** The engine's own first request of the node, with this scenario's upstream answers. */
function paramsFor(node: WorkflowNode, job: NodeJob, scenario: Scenario, leadBlocks: ContentBlockParam[] | undefined): MessageCreateParamsBase {
  const scope = scopeOf(job, scenario);
  const ctx = { node, workflow: job.workflow, graph: job.graph, scope, outputs: scenario.outputs };
  const { firstRequest } = runnerFor(node.type);
  if (!firstRequest) throw new Error(`${node.id}: ${node.type} nodes call Claude but their runner does not describe its first request (firstRequest)`);
  return firstRequest(ctx, leadBlocks ? { leadBlocks } : {});
}

/** What the node's runner puts before its messages (vision: the images), loaded as a run would. */
async function leadBlocksOf(node: WorkflowNode, job: NodeJob): Promise<ContentBlockParam[] | undefined> {
  const runner = runnerFor(node.type);
  if (!runner.leadBlocks) return undefined;
  const scope: Record<string, unknown> = { ...Object.fromEntries(job.max.outputs), input: job.input, secrets: job.secrets };
  const { fetch, filesRoot } = job.options.environment;
  const deps = filesRoot === undefined ? { fetch } : { fetch, filesRoot };
  const ctx = { node, workflow: job.workflow, scope, deps, signal: job.options.signal ?? new AbortController().signal } as unknown as NodeContext;
  return runner.leadBlocks(ctx);
}

async function countTokens(options: EstimateOptions, params: MessageCreateParamsBase): Promise<number> {
  // count_tokens takes the prompt only: no max_tokens, stop_sequences, stream or metadata.
  const request: MessageCountTokensParams = { model: params.model, messages: params.messages };
  if (params.system !== undefined) request.system = params.system;
  if (params.tools !== undefined) request.tools = params.tools;
  if (params.tool_choice !== undefined) request.tool_choice = params.tool_choice;
  if (params.thinking !== undefined) request.thinking = params.thinking;
  if (params.output_config !== undefined) request.output_config = params.output_config;
  const counted = await options.environment.claude.messages.countTokens(request, options.signal ? { signal: options.signal } : undefined);
  return counted.input_tokens;
}

function priceNode(estimate: NodeEstimate, params: MessageCreateParamsBase, options: EstimateOptions): void {
  const priceOptions: PriceOptions = {};
  if (options.environment.prices) priceOptions.table = options.environment.prices;
  priceOptions.catalog = options.environment.models.current();
  if (options.batch) priceOptions.batch = true;
  const serialized = JSON.stringify([params.tools, params.system, params.messages]);
  const caches = serialized.includes('"cache_control"');
  if (serialized.includes('"ttl":"1h"')) priceOptions.cacheTtl = '1h';
  estimate.cost_min_usd = costOf(estimate.model, { ...ZERO_USAGE, input_tokens: estimate.input_tokens_min, output_tokens: 1 }, priceOptions) ?? null;
  // The upper bound: a cold cache writes the whole prompt at the write premium.
  const maxInput = caches ? { cache_creation_input_tokens: estimate.input_tokens } : { input_tokens: estimate.input_tokens };
  estimate.cost_max_usd = costOf(estimate.model, { ...ZERO_USAGE, ...maxInput, output_tokens: estimate.max_output_tokens }, priceOptions) ?? null;
}

/** Records what downstream templates see of this node in each scenario, even when it failed. */
function setOutputs(node: WorkflowNode, job: NodeJob, maxParams: MessageCreateParamsBase | undefined, minParams: MessageCreateParamsBase | undefined): void {
  // A routing node's output is its route, set before it is estimated.
  if (capabilitiesOf(node.type).routes) return;
  const config = node.config as { model?: string; max_tokens?: number };
  const model = maxParams?.model ?? config.model ?? job.workflow.defaults?.model ?? DEFAULT_MODEL;
  // Filler never exceeds what the model can answer: an over-limit max_tokens is an error above,
  // and must not also size a multi-megabyte string here.
  const outputLimit = job.options.environment.models.current().find(model)?.max_tokens ?? LIMITS.maxTokens;
  const maxTokens = Math.min(maxParams?.max_tokens ?? config.max_tokens ?? job.workflow.defaults?.max_tokens ?? 1024, outputLimit);
  // Only a type that outputs `thinking` gets filler for it; the setting sizes the filler.
  const thinking = getNodeSpec(node.type).outputFields.includes('thinking') ? (node.config as { thinking?: ThinkingSetting }).thinking : undefined;
  const thinkingTokens = thinking?.type === 'enabled' ? Math.min(thinking.budget_tokens, outputLimit) : 0;
  // fillerText spends five characters a token.
  job.budget.spend(5 * (maxTokens + thinkingTokens), `${node.id}'s placeholder answer`);
  const scenarios: [Scenario, MessageCreateParamsBase | undefined, string][] = [
    [job.max, maxParams, fillerText(maxTokens)],
    [job.min, minParams, MIN_FILLER],
  ];
  for (const [scenario, params, filler] of scenarios) {
    const messages = params ? [...(params.messages as unknown as Json[]), { role: 'assistant', content: [{ type: 'text', text: filler }] }] : [];
    const base: { [key: string]: Json } = { text: filler, json: null, stop_reason: 'end_turn', usage: { ...ZERO_USAGE }, messages };
    if (thinking) base.thinking = scenario === job.max && thinking.type === 'enabled' ? fillerText(thinkingTokens) : MIN_FILLER;
    scenario.outputs.set(node.id, placeholderOutput(base, job.references, filler));
  }
}

/**
 * A node that neither calls Claude nor routes (output, or any such type added later) costs nothing,
 * but a downstream template may read it: every field read renders as filler, as for Claude nodes.
 */
function setPlaceholderOutputs(id: string, references: readonly TemplateReference[], max: Scenario, min: Scenario): void {
  max.outputs.set(id, placeholderOutput({}, references, fillerText(1)));
  min.outputs.set(id, placeholderOutput({}, references, MIN_FILLER));
}

function referencesByRoot(workflow: Workflow): Map<string, TemplateReference[]> {
  const byRoot = new Map<string, TemplateReference[]>();
  const visit = (value: unknown): void => {
    if (typeof value === 'string') {
      for (const ref of templateReferences(value)) byRoot.set(ref.root, [...(byRoot.get(ref.root) ?? []), ref]);
    } else if (Array.isArray(value)) value.forEach(visit);
    else if (value !== null && typeof value === 'object') Object.values(value).forEach(visit);
  };
  for (const node of workflow.nodes) visit(node.config);
  return byRoot;
}

/** Nodes reachable from a routing node through one of its route edges. */
function conditionalNodes(workflow: Workflow, graph: GraphIndex): Set<string> {
  const conditional = new Set<string>();
  for (const edge of dataflowEdges(workflow)) {
    const source = graph.byId.get(edge.source);
    if (!source || !capabilitiesOf(source.type).routes || edge.sourceHandle === undefined) continue;
    conditional.add(edge.target);
    for (const id of descendantsOf(graph, edge.target)) conditional.add(id);
  }
  return conditional;
}

function secretsScope(workflow: Workflow): Record<string, string> {
  const scope: Record<string, string> = {};
  for (const ref of referencesByRoot(workflow).get('secrets') ?? []) {
    const name = ref.path[0];
    if (name && !UNSAFE_KEYS.has(name) && scope[name] === undefined) scope[name] = `[secret ${name}]`;
  }
  return scope;
}

function sum(values: number[]): number {
  return values.reduce((total, value) => total + value, 0);
}
