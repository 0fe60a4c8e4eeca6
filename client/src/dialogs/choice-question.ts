import { createStore } from 'zustand/vanilla';

export interface Choice<T extends string> {
  answer: T;
  label: string;
  /** `primary` gets the focus (Enter picks it); `danger` throws something away. */
  kind?: 'primary' | 'danger';
  testId: string;
}

export interface ChoiceQuestion {
  testId: string;
  title: string;
  text: string;
  choices: Choice<string>[];
  answer(answer: string): void;
}

/**
 * The one open question to the user, if any (unsaved changes, an id clash). Kept out of the app
 * store: it is a conversation, not part of the document, and must never be undone or autosaved.
 */
export const choiceQuestion = createStore<{ question: ChoiceQuestion | null }>()(() => ({ question: null }));

/**
 * Shows the question and resolves with the picked answer, or `'cancel'` on Escape, a click
 * outside, or when another question replaces it.
 */
export function askChoice<T extends string>(question: { testId: string; title: string; text: string; choices: Choice<T>[] }): Promise<T | 'cancel'> {
  choiceQuestion.getState().question?.answer('cancel');
  return new Promise((resolve) => {
    choiceQuestion.setState({
      question: {
        ...question,
        answer: (answer) => {
          choiceQuestion.setState({ question: null });
          resolve(answer as T | 'cancel');
        },
      },
    });
  });
}
