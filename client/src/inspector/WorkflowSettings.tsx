import { DEFAULT_MODEL } from '../../../shared/claude-models/model-catalog';
import type { JsonSchema } from '../../../shared/json-schema';
import type { WorkflowSample } from '../../../shared/workflow-types';
import { appStore, useAppStore } from '../store/use-app-store';
import { Field } from './Field';
import { JsonField } from './JsonField';
import { ModelPicker } from './ModelPicker';
import { withoutUndefined } from './without-undefined';

export function WorkflowSettings() {
  const meta = useAppStore((state) => state.meta);
  const savedId = useAppStore((state) => state.savedId);
  const { updateMeta } = appStore.getState();
  const defaults = meta.defaults ?? {};
  const setDefaults = (patch: Partial<typeof defaults>, key: string) => {
    const next = withoutUndefined({ ...defaults, ...patch });
    updateMeta({ defaults: Object.keys(next).length > 0 ? next : undefined }, key);
  };
  return (
    <div className="inspector" data-testid="workflow-settings">
      <header className="inspector__header">
        <span className="inspector__type">Workflow</span>
      </header>
      <div className="form">
        <Field label="Name">
          <input value={meta.name} data-testid="workflow-name" onChange={(event) => updateMeta({ name: event.target.value }, 'name')} />
        </Field>
        <Field label="Id" hint={savedId !== null && savedId !== meta.id ? `Saving asks: rename "${savedId}" or save a copy.` : 'Lowercase letters, digits, _ and -.'}>
          <input value={meta.id} data-testid="workflow-id" onChange={(event) => updateMeta({ id: event.target.value }, 'id')} />
        </Field>
        <Field label="Description">
          <textarea rows={2} value={meta.description ?? ''} data-testid="workflow-description" onChange={(event) => updateMeta({ description: event.target.value || undefined }, 'description')} />
        </Field>
        <Field label="Default model">
          <ModelPicker value={defaults.model} fallback={DEFAULT_MODEL} onChange={(model) => setDefaults({ model }, 'defaults.model')} />
        </Field>
        <Field label="Default max tokens">
          <input type="number" min={1} value={defaults.max_tokens ?? ''} onChange={(event) => setDefaults({ max_tokens: event.target.value === '' ? undefined : Number(event.target.value) }, 'defaults.max_tokens')} />
        </Field>
        <Field label="Inputs (JSON Schema of a run's input)">
          <JsonField value={meta.inputs} draftKey="workflow/inputs" testId="inputs-schema" onChange={(inputs) => updateMeta({ inputs: inputs as JsonSchema }, 'inputs')} />
        </Field>
        <Field label="Samples">
          <JsonField value={meta.samples ?? []} draftKey="workflow/samples" rows={6} testId="samples-json" onChange={(samples) => updateMeta({ samples: Array.isArray(samples) && samples.length > 0 ? (samples as WorkflowSample[]) : undefined }, 'samples')} />
        </Field>
      </div>
    </div>
  );
}
