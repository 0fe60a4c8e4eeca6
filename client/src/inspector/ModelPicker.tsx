import { useAppStore } from '../store/use-app-store';

interface ModelPickerProps {
  value: string | undefined;
  /** Shown for "no model set": the workflow default applies. */
  fallback: string;
  onChange(model: string | undefined): void;
}

/** Models from /api/models; a model the server does not list stays selectable, marked unknown. */
export function ModelPicker({ value, fallback, onChange }: ModelPickerProps) {
  const models = useAppStore((state) => state.models);
  const known = value === undefined || models.some((model) => model.id === value);
  return (
    <select value={value ?? ''} onChange={(event) => onChange(event.target.value === '' ? undefined : event.target.value)} data-testid="model-picker">
      <option value="">Workflow default ({fallback})</option>
      {models.map((model) => (
        <option key={model.id} value={model.id}>
          {model.display_name} — {model.id}
        </option>
      ))}
      {!known && <option value={value}>{value} (unknown model)</option>}
    </select>
  );
}
