import { useMemo } from 'react';
import { modelOptions } from '../models/model-choices';
import { useAppStore } from '../store/use-app-store';

interface ModelPickerProps {
  value: string | undefined;
  /** Shown for "no model set": the workflow default applies. */
  fallback: string;
  onChange(model: string | undefined): void;
}

/** Models from /api/models (models/model-choices decides what is offered and what is marked). */
export function ModelPicker({ value, fallback, onChange }: ModelPickerProps) {
  const models = useAppStore((state) => state.modelCatalog);
  const options = useMemo(() => modelOptions(models, value, fallback), [models, value, fallback]);
  const problem = options.find((option) => option.value === (value ?? ''))?.problem;
  return (
    <>
      <select value={value ?? ''} className={problem ? 'invalid' : ''} onChange={(event) => onChange(event.target.value === '' ? undefined : event.target.value)} data-testid="model-picker">
        {options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
      {problem && (
        <span className="field-error" data-testid="model-problem">
          {problem}
        </span>
      )}
    </>
  );
}
