import { createStore } from 'zustand/vanilla';

export type UnsavedChangesAnswer = 'save' | 'discard' | 'cancel';

interface Question {
  /** What the user is about to do, e.g. `open "Code review"`. */
  action: string;
  workflowName: string;
  answer(choice: UnsavedChangesAnswer): void;
}

/**
 * The one open "unsaved changes" question, if any. Kept apart from the app store: it is a
 * conversation with the user, not part of the document, and must never be undone or autosaved.
 */
export const unsavedChangesQuestion = createStore<{ question: Question | null }>()(() => ({ question: null }));

/** Asks what to do with unsaved changes before `action`; resolves once the user picks (a second ask cancels the first). */
export function askAboutUnsavedChanges(action: string, workflowName: string): Promise<UnsavedChangesAnswer> {
  unsavedChangesQuestion.getState().question?.answer('cancel');
  return new Promise((resolve) => {
    unsavedChangesQuestion.setState({
      question: {
        action,
        workflowName,
        answer: (choice) => {
          unsavedChangesQuestion.setState({ question: null });
          resolve(choice);
        },
      },
    });
  });
}
