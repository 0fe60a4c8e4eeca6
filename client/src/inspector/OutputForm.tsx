import type { OutputConfig } from '../../../shared/node-configs';
import { Field } from './Field';
import { JsonField } from './JsonField';
import { TemplateField } from './TemplateField';
import { configEditor } from './use-config-editor';

export function OutputForm({ nodeId, config }: { nodeId: string; config: OutputConfig }) {
  const set = configEditor<'output'>(nodeId, config);
  const mapped = typeof config.value !== 'string';
  return (
    <div className="form">
      <Field label="Shape">
        <select value={mapped ? 'map' : 'template'} onChange={(event) => set({ value: event.target.value === 'map' ? { result: typeof config.value === 'string' ? config.value : '' } : '' }, 'shape')}>
          <option value="template">one template</option>
          <option value="map">named fields, each a template</option>
        </select>
      </Field>
      {mapped ? (
        <Field label="Fields (name → template)">
          <JsonField value={config.value} draftKey={`${nodeId}/value`} testId="output-map" onChange={(value) => set({ value: value as OutputConfig['value'] }, 'value')} />
        </Field>
      ) : (
        <Field label="Value">
          <TemplateField nodeId={nodeId} value={config.value as string} testId="output-value" onChange={(value) => set({ value }, 'value')} />
        </Field>
      )}
    </div>
  );
}
