import { useEffect, useRef, useState } from 'react';
import { dropFieldDraft, fieldDrafts, keepFieldDraft } from '../drafts/field-drafts';

interface JsonFieldProps {
  value: unknown;
  onChange(value: unknown): void;
  /** Names the field in the open document (`<nodeId>/<field>`), so invalid text survives leaving it. */
  draftKey: string;
  rows?: number;
  testId?: string;
}

const pretty = (value: unknown) => (value === undefined ? '' : JSON.stringify(value, null, 2));

/**
 * A JSON editor that only hands over values that parse. Text that does not parse is kept as a
 * draft (field-drafts), shown with its error whenever the field is shown again, while the document
 * keeps its last good value. Outside changes (undo) replace the text and drop the draft.
 */
export function JsonField({ value, onChange, draftKey, rows = 8, testId }: JsonFieldProps) {
  const [text, setText] = useState(() => fieldDrafts.getState().drafts[draftKey]?.text ?? pretty(value));
  const [error, setError] = useState<string | null>(() => fieldDrafts.getState().drafts[draftKey]?.error ?? null);
  const committed = useRef(pretty(value));
  // React reuses this field when the inspector moves to another node of the same type.
  const shownKey = useRef(draftKey);

  useEffect(() => {
    const incoming = pretty(value);
    if (shownKey.current !== draftKey) {
      shownKey.current = draftKey;
      const draft = fieldDrafts.getState().drafts[draftKey];
      committed.current = incoming;
      setText(draft?.text ?? incoming);
      setError(draft?.error ?? null);
      return;
    }
    if (incoming === committed.current) return;
    committed.current = incoming;
    setText(incoming);
    setError(null);
    dropFieldDraft(draftKey);
  }, [value, draftKey]);

  const edit = (next: string) => {
    setText(next);
    try {
      const parsed: unknown = JSON.parse(next);
      setError(null);
      dropFieldDraft(draftKey);
      committed.current = pretty(parsed);
      onChange(parsed);
    } catch (problem) {
      const message = problem instanceof Error ? problem.message : String(problem);
      setError(message);
      keepFieldDraft(draftKey, { text: next, error: message });
    }
  };

  return (
    <div className="json-field">
      <textarea className={error ? 'invalid' : ''} aria-invalid={error !== null} value={text} rows={rows} spellCheck={false} data-testid={testId} onChange={(event) => edit(event.target.value)} />
      {error && (
        <div className="field-error" role="alert" data-testid={testId ? `${testId}-error` : undefined}>
          Not valid JSON: {error}. Your text is kept here; the workflow still uses the last valid value.
        </div>
      )}
    </div>
  );
}
