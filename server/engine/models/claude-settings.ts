import type { MessageCreateParamsBase, ThinkingConfigParam } from '@anthropic-ai/sdk/resources/messages/messages';
import {
  acceptsEffort,
  acceptsForcedToolChoice,
  acceptsThinkingType,
  effortRank,
  thinkingEffortCeiling,
  thinksByDefault,
  type EffortLevel,
  type ModelProfile,
  type ThinkingDisplay,
} from '../../../shared/claude-models';
import type { ThinkingSetting } from '../../../shared/node-configs';
import { NodeError } from '../node-error';
import type { NodeModel } from './node-model';

/** The effort and thinking a Claude node asks for (prompt, vision, thinking, claude-mode branch). */
export interface ClaudeSettings {
  effort?: EffortLevel | undefined;
  thinking?: ThinkingSetting | undefined;
}

/** What the request will do about thinking, as far as the catalogue knows. */
export interface ThinkingPlan {
  /** Thinking blocks may come back (explicit adaptive/enabled/between_tools, or the model's default). */
  on: boolean;
  /** The `display` in force: the node's, else the model's default; undefined when unknown or off. */
  display?: ThinkingDisplay;
}

/**
 * Puts `effort` into `output_config.effort` and `thinking` into `thinking`, exactly as configured:
 * nothing is rewritten. A combination the model refuses (the validator reports it, but a run may
 * reach here without it, e.g. a stale catalogue) fails the node with a `config_error` that names
 * the fix, instead of sending a request that can only 400.
 */
export function applyClaudeSettings(params: MessageCreateParamsBase, settings: ClaudeSettings, model: NodeModel, path: string): ThinkingPlan {
  const { effort, thinking } = settings;
  if (model.profile) checkSettings(settings, params.max_tokens, model.profile, path);
  if (effort !== undefined) params.output_config = { ...params.output_config, effort };
  // The node's setting is the request field itself (same shape as the SDK's ThinkingConfigParam).
  if (thinking !== undefined) params.thinking = { ...thinking } as ThinkingConfigParam;
  return thinkingPlan(thinking, model.profile);
}

export function thinkingPlan(thinking: ThinkingSetting | undefined, profile: ModelProfile | undefined): ThinkingPlan {
  // An unknown model is assumed to think by default: the safe guess for forced tools.
  const on = thinking ? thinking.type !== 'disabled' : profile ? thinksByDefault(profile) : true;
  if (!on) return { on };
  const display = thinking && 'display' in thinking && thinking.display ? thinking.display : profile?.facts?.default_display;
  return display ? { on, display } : { on };
}

/**
 * Whether the engine may force a tool it chooses itself (choose_route, json_output). Unknown
 * models are not forced: a 400 costs a run, an offered tool still works.
 */
export function mayForceTool(model: NodeModel, plan: ThinkingPlan): boolean {
  return model.profile !== undefined && acceptsForcedToolChoice(model.profile, plan.on);
}

/** A user-set `tool_choice` of `any`/`tool`: refused where the model refuses it (known models only). */
export function checkForcedToolChoice(type: string, model: NodeModel, plan: ThinkingPlan, path: string): void {
  if ((type !== 'any' && type !== 'tool') || !model.profile || acceptsForcedToolChoice(model.profile, plan.on)) return;
  const always = model.profile.facts?.forced_tool_choice !== 'without_thinking';
  const fix = always
    ? 'use tool_choice "auto" and name the tool in the prompt'
    : 'set thinking to {"type": "disabled"}, or use tool_choice "auto" and name the tool in the prompt';
  throw configError(`${path}.tool_choice: ${model.id} refuses a forced tool_choice ("${type}")${always ? '' : ' while thinking is on'}; ${fix}`);
}

function checkSettings(settings: ClaudeSettings, maxTokens: number, profile: ModelProfile, path: string): void {
  const { effort, thinking } = settings;
  if (effort !== undefined && !acceptsEffort(profile, effort)) {
    const levels = profile.effort_levels;
    throw configError(
      levels.length === 0
        ? `${path}.effort: ${profile.id} takes no effort setting; remove effort`
        : `${path}.effort: ${profile.id} does not accept effort "${effort}"; use one of ${levels.join(', ')}`,
    );
  }
  if (!thinking) return;
  if (!acceptsThinkingType(profile, thinking.type)) {
    const accepted = profile.thinking_types;
    const fix =
      thinking.type === 'enabled' && accepted.includes('adaptive')
        ? 'use {"type": "adaptive"} and control depth with effort'
        : accepted.length === 0
          ? 'it takes no thinking setting; remove thinking'
          : `use one of ${accepted.map((type) => `"${type}"`).join(', ')}`;
    throw configError(`${path}.thinking.type: ${profile.id} does not accept thinking "${thinking.type}"; ${fix}`);
  }
  const ceiling = thinkingEffortCeiling(profile, thinking.type);
  const effective = effort ?? profile.facts?.default_effort;
  if (ceiling && effective && effortRank(effective) > effortRank(ceiling)) {
    throw configError(`${path}.thinking.type: ${profile.id} accepts thinking "${thinking.type}" only at effort "${ceiling}" or lower (effort is "${effective}"${effort ? '' : ', the model default'}); set effort to "${ceiling}" or lower`);
  }
  if (thinking.type === 'enabled') {
    if (thinking.budget_tokens < 1024) throw configError(`${path}.thinking.budget_tokens: must be at least 1024 (is ${thinking.budget_tokens})`);
    if (thinking.budget_tokens >= maxTokens) {
      throw configError(`${path}.thinking.budget_tokens: must be below max_tokens (${thinking.budget_tokens} >= ${maxTokens}); raise max_tokens or lower the budget`);
    }
  }
}

function configError(message: string): NodeError {
  return new NodeError({ type: 'config_error', message });
}
