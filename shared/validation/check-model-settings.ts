import type { EffortLevel, ModelProfile, ThinkingType } from '../claude-models/model-profile';
import { acceptsEffort, acceptsForcedToolChoice, acceptsThinkingType, effectiveEffort, refusedAtEffort, thinkingOn } from '../claude-models/model-rules';
import type { Json } from '../json-schema';
import type { ThinkingSetting, ToolChoiceConfig } from '../node-configs';
import type { WorkflowNode } from '../workflow-types';
import type { CheckContext } from './check-context';
import type { IssueFix } from './workflow-issue';

/** The settings every Claude-calling node (prompt, vision, thinking, Claude-mode branch) can carry. */
export interface ClaudeSettings {
  model?: string;
  max_tokens?: number;
  effort?: EffortLevel;
  thinking?: ThinkingSetting;
  tool_choice?: ToolChoiceConfig;
}

const MIN_BUDGET = 1024;

/**
 * What the node's model accepts, read from the catalogue it was given (live capabilities or the
 * facts table), never from the model's name (STYLE §17). Each refusal the API would answer with a
 * 400 is an error on the node, with the fix the inspector offers; nothing is rewritten here.
 */
export function checkModelSettings(ctx: CheckContext, node: WorkflowNode, config: ClaudeSettings, attachedTools = 0): void {
  const id = ctx.effectiveModel(config);
  const model = ctx.models.find(id);
  if (config.model !== undefined) checkLifecycle(ctx, node, id, model);
  if (!model || model.lifecycle === 'retired') return;
  const maxTokens = ctx.effectiveMaxTokens(config);
  if (maxTokens > model.max_tokens) {
    ctx.nodeIssue('error', node, 'model.max_tokens', ['config', 'max_tokens'], `max_tokens ${maxTokens} is above ${model.id}'s limit of ${model.max_tokens}; the API refuses the request.`, {
      label: `Use max_tokens ${model.max_tokens}`,
      changes: [{ path: ctx.nodePath(node.id, 'config', 'max_tokens'), value: model.max_tokens }],
    });
  }
  checkEffort(ctx, node, config, model);
  if (config.thinking) checkThinking(ctx, node, config, config.thinking, model, maxTokens);
  // Without tools the engine sends no tool_choice (tool_choice.no_tools warns about that).
  if (attachedTools > 0) checkForcedToolChoice(ctx, node, config, model);
}

/** The workflow's default model: unknown, deprecated or retired is reported once, at `/defaults/model`. */
export function checkDefaultModel(ctx: CheckContext): void {
  const id = ctx.workflow.defaults?.model;
  if (id === undefined) return;
  const model = ctx.models.find(id);
  const path = '/defaults/model';
  if (!model) {
    ctx.documentIssue('warning', 'model.unknown', path, `The default model "${id}" is not in the model catalogue (${ctx.models.source === 'api' ? 'the Models API does not list it' : 'the facts table'}); the API may reject it.`);
    return;
  }
  const fix = successorFix(model, path);
  if (model.lifecycle === 'retired') {
    ctx.documentIssue('error', 'model.retired', path, `The default model "${id}" is retired${since(model)}; requests naming it fail.${useInstead(model)}`, undefined, fix);
  } else if (model.lifecycle === 'deprecated') {
    ctx.documentIssue('warning', 'model.deprecated', path, `The default model "${id}" is deprecated${retiresOn(model)}.${useInstead(model)}`, undefined, fix);
  }
}

function checkLifecycle(ctx: CheckContext, node: WorkflowNode, id: string, model: ModelProfile | undefined): void {
  const path = ctx.nodePath(node.id, 'config', 'model');
  if (!model) {
    ctx.nodeIssue('warning', node, 'model.unknown', ['config', 'model'], `model "${id}" is not in the model catalogue; the API may reject it.`);
    return;
  }
  const fix = successorFix(model, path);
  if (model.lifecycle === 'retired') {
    ctx.nodeIssue('error', node, 'model.retired', ['config', 'model'], `model "${id}" is retired${since(model)}; requests naming it fail.${useInstead(model)}`, fix);
  } else if (model.lifecycle === 'deprecated') {
    ctx.nodeIssue('warning', node, 'model.deprecated', ['config', 'model'], `model "${id}" is deprecated${retiresOn(model)}.${useInstead(model)}`, fix);
  }
}

function checkEffort(ctx: CheckContext, node: WorkflowNode, config: ClaudeSettings, model: ModelProfile): void {
  const effort = config.effort;
  if (effort === undefined || acceptsEffort(model, effort)) return;
  const path = ctx.nodePath(node.id, 'config', 'effort');
  if (model.effort_levels.length === 0) {
    ctx.nodeIssue('error', node, 'model.effort', ['config', 'effort'], `effort "${effort}" is set, but ${model.id} takes no effort parameter; remove it.`, { label: 'Remove effort', changes: [{ path }] });
    return;
  }
  const fallback = model.facts?.default_effort;
  const fix: IssueFix = fallback && acceptsEffort(model, fallback) ? { label: `Use effort "${fallback}" (the model's default)`, changes: [{ path, value: fallback }] } : { label: 'Remove effort', changes: [{ path }] };
  ctx.nodeIssue('error', node, 'model.effort', ['config', 'effort'], `effort "${effort}" is not accepted by ${model.id}; use ${orList(model.effort_levels)}.`, fix);
}

function checkThinking(ctx: CheckContext, node: WorkflowNode, config: ClaudeSettings, thinking: ThinkingSetting, model: ModelProfile, maxTokens: number): void {
  const path = ctx.nodePath(node.id, 'config', 'thinking');
  if (!acceptsThinkingType(model, thinking.type)) {
    const replacement = replacementThinking(model, thinking, node.type === 'thinking', maxTokens);
    const fix: IssueFix = replacement ? { label: `Use ${describe(replacement)}`, changes: [{ path, value: replacement as Json }] } : { label: 'Remove thinking (use the model default)', changes: [{ path }] };
    ctx.nodeIssue('error', node, 'model.thinking', ['config', 'thinking', 'type'], `${refusal(thinking.type, model)}`, fix);
    return;
  }
  const effort = effectiveEffort(model, config.effort);
  const ceiling = refusedAtEffort(model, thinking.type, effort);
  if (ceiling !== undefined) {
    ctx.nodeIssue('error', node, 'model.thinking_effort', ['config', 'effort'], `thinking "${thinking.type}" is accepted by ${model.id} only at effort "${ceiling}" or lower, and this node runs at effort "${String(effort)}"${config.effort === undefined ? " (the model's default)" : ''}.`, {
      label: `Use effort "${ceiling}"`,
      changes: [{ path: ctx.nodePath(node.id, 'config', 'effort'), value: ceiling }],
    });
  }
  if (thinking.type !== 'enabled') return;
  const budgetPath = ['config', 'thinking', 'budget_tokens'];
  const budgetPointer = ctx.nodePath(node.id, ...budgetPath);
  if (thinking.budget_tokens < MIN_BUDGET) {
    ctx.nodeIssue('error', node, 'thinking.budget', budgetPath, `budget_tokens is ${thinking.budget_tokens}; the minimum is ${MIN_BUDGET}.`, { label: `Use budget_tokens ${MIN_BUDGET}`, changes: [{ path: budgetPointer, value: MIN_BUDGET }] });
  } else if (thinking.budget_tokens >= maxTokens) {
    const fix: IssueFix | undefined = maxTokens > MIN_BUDGET ? { label: `Use budget_tokens ${maxTokens - 1}`, changes: [{ path: budgetPointer, value: maxTokens - 1 }] } : undefined;
    ctx.nodeIssue('error', node, 'thinking.budget', budgetPath, `budget_tokens (${thinking.budget_tokens}) must be less than max_tokens (${maxTokens}).`, fix);
  }
}

function checkForcedToolChoice(ctx: CheckContext, node: WorkflowNode, config: ClaudeSettings, model: ModelProfile): void {
  const choice = config.tool_choice;
  if (!choice || (choice.type !== 'any' && choice.type !== 'tool')) return;
  // A model that thinks by default thinks unless the node turns thinking off.
  const thinks = thinkingOn(model, config.thinking);
  if (acceptsForcedToolChoice(model, thinks)) return;
  const why = model.facts?.forced_tool_choice === 'without_thinking' ? `refuses with thinking on${config.thinking === undefined ? ` (it thinks by default)` : ''}` : 'always refuses (it accepts only "auto" and "none")';
  ctx.nodeIssue('error', node, 'tool_choice.forced_refused', ['config', 'tool_choice'], `tool_choice "${choice.type}" forces a tool, which ${model.id} ${why}; the API would answer 400.`, {
    label: 'Use tool_choice "auto"',
    changes: [{ path: ctx.nodePath(node.id, 'config', 'tool_choice'), value: { type: 'auto' } }],
  });
}

/** The API's own wording where the docs quote it (the `enabled` refusal on Claude 4.7 and later). */
function refusal(type: ThinkingType, model: ModelProfile): string {
  const accepted = model.thinking_types.map((entry) => `"${entry}"`).join(', ');
  if (type === 'enabled' && acceptsThinkingType(model, 'adaptive')) {
    return `"thinking.type.enabled" is not supported for ${model.id}. Use "thinking.type.adaptive" and "output_config.effort" to control thinking behavior.`;
  }
  return `"thinking.type.${type}" is not supported for ${model.id}; it accepts ${accepted || 'no thinking setting'}.`;
}

/** The closest setting the model accepts: adaptive (keeping `display`), else a budget, else off. */
function replacementThinking(model: ModelProfile, current: ThinkingSetting, thinkingNode: boolean, maxTokens: number): ThinkingSetting | undefined {
  const display = 'display' in current ? current.display : undefined;
  if (acceptsThinkingType(model, 'adaptive')) return display ? { type: 'adaptive', display } : { type: 'adaptive' };
  if (acceptsThinkingType(model, 'enabled') && maxTokens > MIN_BUDGET) {
    const budget = Math.max(MIN_BUDGET, Math.min(Math.floor(maxTokens / 2), maxTokens - 1));
    return display ? { type: 'enabled', budget_tokens: budget, display } : { type: 'enabled', budget_tokens: budget };
  }
  if (!thinkingNode) return undefined;
  return acceptsThinkingType(model, 'disabled') ? { type: 'disabled' } : undefined;
}

function describe(setting: ThinkingSetting): string {
  return setting.type === 'enabled' ? `thinking "enabled" with budget_tokens ${setting.budget_tokens}` : `thinking "${setting.type}"`;
}

function successorFix(model: ModelProfile, path: string): IssueFix | undefined {
  const successor = model.facts?.successor;
  return successor ? { label: `Use ${successor}`, changes: [{ path, value: successor }] } : undefined;
}

function useInstead(model: ModelProfile): string {
  return model.facts?.successor ? ` Use ${model.facts.successor} instead.` : '';
}

function retiresOn(model: ModelProfile): string {
  return model.retires_at ? ` and retires on ${model.retires_at.slice(0, 10)}` : '';
}

function since(model: ModelProfile): string {
  return model.retires_at ? ` since ${model.retires_at.slice(0, 10)}` : '';
}

function orList(values: readonly string[]): string {
  const quoted = values.map((value) => `"${value}"`);
  return quoted.length <= 1 ? quoted.join('') : `${quoted.slice(0, -1).join(', ')} or ${quoted.at(-1)}`;
}
