import { useMemo } from 'react';
import { DEFAULT_MAX_TOKENS, type EffortLevel, type ThinkingDisplay, type ThinkingType } from '../../../shared/claude-models';
import type { ThinkingSetting } from '../../../shared/node-configs';
import { effectiveModel } from '../models/effective-model';
import { effortThinkingOptions, type SettingField } from '../models/effort-thinking-options';
import { thinkingSettingFor, withDisplay } from '../models/thinking-setting-for';
import { useAppStore } from '../store/use-app-store';
import { Field } from './Field';

export interface EffortThinkingConfig {
  model?: string;
  max_tokens?: number;
  effort?: EffortLevel;
  thinking?: ThinkingSetting;
}

interface EffortThinkingFieldsProps {
  config: EffortThinkingConfig;
  /** The Thinking node must name a thinking type: no "model default" choice. */
  thinkingRequired?: boolean;
  onChange(patch: Pick<EffortThinkingConfig, 'effort' | 'thinking'>, field: string): void;
}

/** Effort, thinking mode, budget and display of a Claude node; models/effort-thinking-options decides what is offered. */
export function EffortThinkingFields({ config, thinkingRequired = false, onChange }: EffortThinkingFieldsProps) {
  const defaults = useAppStore((state) => state.meta.defaults);
  const model = effectiveModel(config, defaults);
  const profile = useAppStore((state) => state.modelCatalog.catalog.find(model));
  const options = useMemo(() => effortThinkingOptions(profile, config, thinkingRequired), [profile, config, thinkingRequired]);
  const maxTokens = config.max_tokens ?? defaults?.max_tokens ?? DEFAULT_MAX_TOKENS;

  return (
    <fieldset data-testid="effort-thinking">
      <legend>Effort and thinking</legend>
      {!options.known && <p className="field__hint">What {model} accepts is not known here; every value is offered and the API decides.</p>}
      {options.effort.note && (
        <p className="field__hint" data-testid="effort-note">
          Effort: {options.effort.note}
        </p>
      )}
      {options.effort.shown && (
        <Field label="Effort" hint="How thoroughly Claude works: depth, cost and latency (output_config.effort).">
          <SettingSelect field={options.effort} testId="effort-select" onChange={(value) => onChange({ effort: value === '' ? undefined : value }, 'effort')} />
        </Field>
      )}
      <Field label="Thinking">
        <SettingSelect field={options.thinking} testId="thinking-mode" onChange={(value: ThinkingType | '') => onChange({ thinking: thinkingSettingFor(value, config.thinking, maxTokens) }, 'thinking.type')} />
      </Field>
      {options.budget.shown && config.thinking?.type === 'enabled' && (
        <Field label="Budget tokens" hint={`At least 1024 and below max tokens (${maxTokens}).`}>
          <input
            type="number"
            min={1024}
            value={config.thinking.budget_tokens}
            data-testid="thinking-budget"
            onChange={(event) => onChange({ thinking: { ...(config.thinking as ThinkingSetting & { type: 'enabled' }), budget_tokens: Number(event.target.value) } }, 'thinking.budget')}
          />
        </Field>
      )}
      {options.display.shown && config.thinking && (
        <Field label="Display" hint="Whether the thinking text comes back; omitted thinking is still billed.">
          <SettingSelect field={options.display} testId="thinking-display" onChange={(value: ThinkingDisplay | '') => onChange({ thinking: withDisplay(config.thinking as ThinkingSetting, value) }, 'thinking.display')} />
        </Field>
      )}
    </fieldset>
  );
}

function SettingSelect<V extends string>({ field, testId, onChange }: { field: SettingField<V>; testId: string; onChange(value: V | ''): void }) {
  return (
    <>
      <select value={field.value} className={field.problem ? 'invalid' : ''} data-testid={testId} data-invalid={field.problem ? 'true' : undefined} onChange={(event) => onChange(event.target.value as V | '')}>
        {field.options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
      {field.problem && (
        <span className="field-error" data-testid={`${testId}-problem`}>
          {field.problem}
        </span>
      )}
    </>
  );
}
