import { useRef, useState, type KeyboardEvent } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { useAppStore } from '../store/use-app-store';
import { openReference, templateSuggestions } from './template-suggestions';

const NO_GRAPH = Object.freeze({ nodes: [], edges: [], inputs: {} });

interface TemplateFieldProps {
  nodeId: string;
  value: string;
  onChange(value: string): void;
  rows?: number;
  testId?: string;
  placeholder?: string;
}

/** A template textarea: typing `{{` offers the inputs and upstream outputs this node may reference. */
export function TemplateField({ nodeId, value, onChange, rows = 4, testId, placeholder }: TemplateFieldProps) {
  const area = useRef<HTMLTextAreaElement>(null);
  const [caret, setCaret] = useState<number | null>(null);
  const [highlight, setHighlight] = useState(0);
  const reference = caret === null ? null : openReference(value, caret);
  // The graph only while completions are open: otherwise dragging a node would re-render the form
  // on every pointer move.
  const graph = useAppStore(useShallow((state) => (reference ? { nodes: state.nodes, edges: state.edges, inputs: state.meta.inputs } : NO_GRAPH)));
  const all = reference && graph !== NO_GRAPH ? templateSuggestions(graph.nodes, graph.edges, graph.inputs, nodeId) : [];
  const matches = reference ? all.filter((suggestion) => suggestion.startsWith(reference.partial)).slice(0, 12) : [];

  const accept = (suggestion: string) => {
    if (!reference || caret === null) return;
    const before = value.slice(0, reference.start);
    const after = value.slice(caret).replace(/^[A-Za-z0-9_.-]*\s*(\}\})?/, '');
    const next = `${before}${suggestion}}}${after}`;
    onChange(next);
    const position = before.length + suggestion.length + 2;
    setCaret(null);
    requestAnimationFrame(() => area.current?.setSelectionRange(position, position));
  };

  const onKeyDown = (event: KeyboardEvent<HTMLTextAreaElement>) => {
    if (matches.length === 0) return;
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      setHighlight((current) => (current + (event.key === 'ArrowDown' ? 1 : matches.length - 1)) % matches.length);
    } else if (event.key === 'Enter' || event.key === 'Tab') {
      event.preventDefault();
      accept(matches[Math.min(highlight, matches.length - 1)] as string);
    } else if (event.key === 'Escape') {
      setCaret(null);
    }
  };

  return (
    <div className="template-field">
      <textarea
        ref={area}
        value={value}
        rows={rows}
        spellCheck={false}
        placeholder={placeholder}
        data-testid={testId}
        onChange={(event) => {
          onChange(event.target.value);
          setCaret(event.target.selectionStart);
          setHighlight(0);
        }}
        onKeyDown={onKeyDown}
        onKeyUp={(event) => setCaret(event.currentTarget.selectionStart)}
        onClick={(event) => setCaret(event.currentTarget.selectionStart)}
        onBlur={() => setTimeout(() => setCaret(null), 150)}
      />
      {matches.length > 0 && (
        <ul className="completions" role="listbox" data-testid="template-completions">
          {matches.map((suggestion, index) => (
            <li key={suggestion} role="option" aria-selected={index === highlight}>
              <button type="button" onMouseDown={(event) => event.preventDefault()} onClick={() => accept(suggestion)}>
                {`{{${suggestion}}}`}
              </button>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
