import { EFFORT_LEVELS, THINKING_DISPLAYS, THINKING_TYPES, effortRank, thinkingEffortCeiling, thinksByDefault, type EffortLevel, type ModelProfile, type ThinkingDisplay, type ThinkingType } from '../../../shared/claude-models';
import type { ThinkingSetting } from '../../../shared/node-configs';

export interface SettingOption<V extends string> {
  /** '' = not set: the model's default applies. */
  value: V | '';
  label: string;
  /** The model refuses this value; only ever the current value, kept visible so nothing changes silently. */
  rejected?: true;
}

export interface SettingField<V extends string> {
  shown: boolean;
  value: V | '';
  options: SettingOption<V>[];
  /** Why the model refuses the current value, and what to use instead; undefined when it is accepted. */
  problem?: string;
  /** Why the field is not shown, when that is the model's doing. */
  note?: string;
}

export interface EffortThinkingOptions {
  /** False when the model's capabilities are unknown: every value is offered and the API decides. */
  known: boolean;
  effort: SettingField<EffortLevel>;
  thinking: SettingField<ThinkingType>;
  /** The budget field, for `enabled` thinking. */
  budget: { shown: boolean; value?: number };
  display: SettingField<ThinkingDisplay>;
}

export const THINKING_LABELS: Readonly<Record<ThinkingType, string>> = {
  adaptive: 'adaptive (Claude decides how much)',
  enabled: 'enabled, with a token budget',
  between_tools: 'between tool calls',
  disabled: 'off',
};

/** Short names, for the option of a refused value (its problem line says the rest). */
const THINKING_NAMES: Readonly<Record<ThinkingType, string>> = { adaptive: 'adaptive', enabled: 'enabled (budget)', between_tools: 'between tool calls', disabled: 'off' };

const DISPLAY_LABELS: Readonly<Record<ThinkingDisplay, string>> = {
  summarized: 'summarized (thinking text returned)',
  omitted: 'omitted (thinking hidden)',
};

const list = (values: readonly string[]) => (values.length === 0 ? 'none' : values.join(', '));

/**
 * What the effort and thinking fields of a Claude node offer for its model (issue 11 item 3): only
 * the values the model accepts, with the model's defaults named. A current value the model refuses
 * stays in its list, marked, with a problem that says what to use instead. `profile` undefined
 * means the model's capabilities are unknown (every value is offered, nothing is marked).
 * `thinkingRequired`: the Thinking node must name a thinking type, so it has no "model default".
 */
export function effortThinkingOptions(profile: ModelProfile | undefined, config: { effort?: EffortLevel; thinking?: ThinkingSetting }, thinkingRequired = false): EffortThinkingOptions {
  const name = profile?.display_name ?? 'this model';
  return {
    known: profile !== undefined,
    effort: effortField(profile, name, config.effort),
    thinking: thinkingField(profile, name, config, thinkingRequired),
    budget: config.thinking?.type === 'enabled' ? { shown: true, value: config.thinking.budget_tokens } : { shown: false },
    display: displayField(profile, config.thinking),
  };
}

function effortField(profile: ModelProfile | undefined, name: string, effort: EffortLevel | undefined): SettingField<EffortLevel> {
  const accepted: readonly EffortLevel[] = profile ? profile.effort_levels : EFFORT_LEVELS;
  const rejected = effort !== undefined && !accepted.includes(effort);
  const defaultEffort = profile?.facts?.default_effort;
  const options: SettingOption<EffortLevel>[] = [{ value: '', label: defaultEffort ? `default (${defaultEffort})` : 'model default' }];
  for (const level of EFFORT_LEVELS) {
    if (accepted.includes(level)) options.push({ value: level, label: level });
    else if (level === effort) options.push({ value: level, label: `${level} — not accepted by ${name}`, rejected: true });
  }
  const field: SettingField<EffortLevel> = { shown: accepted.length > 0 || effort !== undefined, value: effort ?? '', options };
  if (!field.shown) field.note = `${name} takes no effort setting.`;
  if (rejected) {
    field.problem = accepted.length === 0 ? `${name} takes no effort setting; use the model default.` : `${name} does not accept effort "${effort}"; use ${list(accepted)} or the model default.`;
  }
  return field;
}

function thinkingField(profile: ModelProfile | undefined, name: string, config: { effort?: EffortLevel; thinking?: ThinkingSetting }, required: boolean): SettingField<ThinkingType> {
  const accepted: readonly ThinkingType[] = profile ? profile.thinking_types : THINKING_TYPES;
  const type = config.thinking?.type;
  const options: SettingOption<ThinkingType>[] = [];
  if (!required || type === undefined) {
    const byDefault = profile ? (thinksByDefault(profile) ? 'adaptive' : 'off') : undefined;
    options.push({ value: '', label: byDefault ? `default (${byDefault})` : 'model default' });
  }
  for (const candidate of THINKING_TYPES) {
    const ceiling = profile ? thinkingEffortCeiling(profile, candidate) : undefined;
    const label = `${THINKING_LABELS[candidate]}${ceiling ? ` (effort ${ceiling} or lower)` : ''}`;
    if (accepted.includes(candidate)) options.push({ value: candidate, label });
    else if (candidate === type) options.push({ value: candidate, label: `${THINKING_NAMES[candidate]} — not accepted by ${name}`, rejected: true });
  }
  const field: SettingField<ThinkingType> = { shown: true, value: type ?? '', options };
  if (type !== undefined && !accepted.includes(type)) {
    field.problem = `${name} does not accept thinking "${type}"; it accepts ${list(accepted)}.`;
  } else if (type !== undefined && profile) {
    const ceiling = thinkingEffortCeiling(profile, type);
    const effort = config.effort ?? profile.facts?.default_effort;
    if (ceiling && effort && effortRank(effort) > effortRank(ceiling)) {
      field.problem = `${name} accepts thinking "${type}" only at effort ${ceiling} or lower; effort is ${effort}${config.effort ? '' : ' (the model default)'}.`;
    }
  }
  return field;
}

function displayField(profile: ModelProfile | undefined, thinking: ThinkingSetting | undefined): SettingField<ThinkingDisplay> {
  const shown = thinking?.type === 'adaptive' || thinking?.type === 'enabled';
  const display = shown && thinking.display !== undefined ? thinking.display : '';
  const defaultDisplay = profile?.facts?.default_display;
  const options: SettingOption<ThinkingDisplay>[] = [
    { value: '', label: defaultDisplay ? `default (${defaultDisplay})` : 'model default' },
    ...THINKING_DISPLAYS.map((value) => ({ value, label: DISPLAY_LABELS[value] })),
  ];
  return { shown, value: display, options };
}
