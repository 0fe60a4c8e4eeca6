import type { Json } from '../../../shared/json-schema';
import type { WorkflowIssue } from '../../../shared/validate-workflow';
import { fieldText, isFieldIssue, withFieldValue, type InputFormField } from './input-form-fields';

interface RunInputFormProps {
  fields: InputFormField[];
  value: Json;
  /** Issues from the inline check; each field shows those about it. */
  issues: readonly WorkflowIssue[];
  onChange(value: Json): void;
}

/** The run input as one field per property of the workflow's `inputs` schema. */
export function RunInputForm({ fields, value, issues, onChange }: RunInputFormProps) {
  return (
    <div className="run-input-form" data-testid="run-input-form">
      {fields.map((field) => {
        const shown = fieldText(value, field.key);
        const own = issues.filter((issue) => isFieldIssue(issue, field.key));
        const set = (typed: string | boolean) => onChange(withFieldValue(value, field, typed));
        const invalid = own.length > 0 ? 'invalid' : '';
        return (
          <label key={field.key} className="field">
            <span className="field__label">
              {field.key}
              {field.required && <span className="run-input-form__required"> *</span>}
            </span>
            {field.kind === 'boolean' ? (
              <input type="checkbox" data-testid={`run-field-${field.key}`} checked={shown === true} onChange={(event) => set(event.target.checked)} />
            ) : field.kind === 'enum' ? (
              <select data-testid={`run-field-${field.key}`} className={invalid} value={String(shown)} onChange={(event) => set(event.target.value)}>
                <option value="">—</option>
                {field.options?.map((option) => (
                  <option key={option} value={option}>
                    {option}
                  </option>
                ))}
              </select>
            ) : field.kind === 'string' ? (
              <textarea rows={3} data-testid={`run-field-${field.key}`} className={invalid} value={String(shown)} onChange={(event) => set(event.target.value)} />
            ) : (
              <input type="text" inputMode="decimal" data-testid={`run-field-${field.key}`} className={invalid} value={String(shown)} onChange={(event) => set(event.target.value)} />
            )}
            {field.description && <span className="field__hint">{field.description}</span>}
            {own.map((issue, index) => (
              <span key={index} className="field-error" data-testid="run-field-issue">
                {issue.message}
              </span>
            ))}
          </label>
        );
      })}
    </div>
  );
}
