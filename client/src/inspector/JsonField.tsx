import { useEffect, useRef, useState } from 'react';

interface JsonFieldProps {
  value: unknown;
  onChange(value: unknown): void;
  rows?: number;
  testId?: string;
}

const pretty = (value: unknown) => (value === undefined ? '' : JSON.stringify(value, null, 2));

/**
 * A JSON editor that only hands over values that parse; while the text does not parse the error
 * is shown and the document keeps its last good value. Outside changes (undo) replace the text.
 */
export function JsonField({ value, onChange, rows = 8, testId }: JsonFieldProps) {
  const [text, setText] = useState(() => pretty(value));
  const [error, setError] = useState<string | null>(null);
  const committed = useRef(pretty(value));

  useEffect(() => {
    const incoming = pretty(value);
    if (incoming === committed.current) return;
    committed.current = incoming;
    setText(incoming);
    setError(null);
  }, [value]);

  const edit = (next: string) => {
    setText(next);
    try {
      const parsed: unknown = JSON.parse(next);
      setError(null);
      committed.current = pretty(parsed);
      onChange(parsed);
    } catch (problem) {
      setError(problem instanceof Error ? problem.message : String(problem));
    }
  };

  return (
    <div className="json-field">
      <textarea className={error ? 'invalid' : ''} value={text} rows={rows} spellCheck={false} data-testid={testId} onChange={(event) => edit(event.target.value)} />
      {error && (
        <div className="field-error" role="alert" data-testid={testId ? `${testId}-error` : undefined}>
          Not valid JSON: {error}
        </div>
      )}
    </div>
  );
}
