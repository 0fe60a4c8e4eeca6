import { useEffect, useRef } from 'react';
import { useStore } from 'zustand';
import { choiceQuestion } from './choice-question';

/** Renders the open choice question as a modal; every way out that is not a choice is Cancel. */
export function ChoiceDialog() {
  const question = useStore(choiceQuestion, (state) => state.question);
  const primary = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    if (!question) return;
    primary.current?.focus();
    const onKey = (event: KeyboardEvent) => {
      if (event.key === 'Escape') question.answer('cancel');
    };
    addEventListener('keydown', onKey);
    return () => removeEventListener('keydown', onKey);
  }, [question]);
  if (!question) return null;
  return (
    <div className="modal-backdrop" onClick={() => question.answer('cancel')}>
      <div className="modal" role="dialog" aria-modal="true" aria-labelledby="choice-title" data-testid={question.testId} onClick={(event) => event.stopPropagation()}>
        <h2 id="choice-title">{question.title}</h2>
        <p>{question.text}</p>
        <div className="modal__actions">
          {question.choices.map((choice) => (
            <button
              key={choice.answer}
              type="button"
              ref={choice.kind === 'primary' ? primary : undefined}
              className={`button ${choice.kind ? `button--${choice.kind}` : ''}`}
              data-testid={choice.testId}
              onClick={() => question.answer(choice.answer)}
            >
              {choice.label}
            </button>
          ))}
        </div>
      </div>
    </div>
  );
}
