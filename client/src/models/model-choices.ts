import type { CanvasModelCatalog } from './canvas-model-catalog';

export interface ModelOption {
  /** '' = no model set (the workflow default applies). */
  value: string;
  label: string;
  /** Why the chosen value is a problem (retired, unknown); only on the option of the current value. */
  problem?: string;
}

/**
 * The model picker's options: the default, then every model the catalogue lists. Deprecated models
 * are marked; retired ones are not offered, except the current value, which always stays visible
 * (never silently changed) and is marked, as is a model the catalogue does not list.
 */
export function modelOptions(models: CanvasModelCatalog, value: string | undefined, fallback: string): ModelOption[] {
  const options: ModelOption[] = [{ value: '', label: `Workflow default (${fallback})` }];
  for (const choice of models.choices) {
    const current = choice.id === value;
    if (choice.lifecycle === 'retired') {
      if (current) options.push({ value: choice.id, label: `${choice.display_name} — ${choice.id} (retired)`, problem: `${choice.display_name} is retired; the API refuses it. Choose another model.` });
      continue;
    }
    const mark = choice.lifecycle === 'deprecated' ? ' (deprecated)' : '';
    const option: ModelOption = { value: choice.id, label: `${choice.display_name} — ${choice.id}${mark}` };
    if (current && choice.lifecycle === 'deprecated') option.problem = `${choice.display_name} is deprecated and will be retired; consider a current model.`;
    options.push(option);
  }
  if (value !== undefined && !models.choices.some((choice) => choice.id === value)) {
    options.push({ value, label: `${value} (unknown model)`, problem: `"${value}" is not in the model list; the API may refuse it.` });
  }
  return options;
}
