import { useEffect } from 'react';
import { stringifyWorkflow } from '../../shared/format';
import { appStore } from './store/use-app-store';
import { validateDocument } from './validation/validate-document';

const DEBOUNCE_MS = 250;

/**
 * Re-validates the document after every change, debounced, in the page (no request: see
 * validate-document.ts). Selection and measurement also change node objects, so the serialised
 * document is compared and unchanged documents are skipped.
 */
export function useDocumentValidation(): void {
  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | null = null;
    let lastText = '';
    const check = () => {
      timer = null;
      const workflow = appStore.getState().toWorkflow();
      const text = stringifyWorkflow(workflow);
      if (text === lastText) return;
      lastText = text;
      const result = validateDocument(workflow, appStore.getState().modelCatalog);
      appStore.getState().setIssues(result.errors, result.warnings);
    };
    check();
    const unsubscribe = appStore.subscribe((state, previous) => {
      // A new model list (the first /api/models answer) can change the verdict on an unchanged document.
      if (state.modelCatalog !== previous.modelCatalog) lastText = '';
      else if (state.nodes === previous.nodes && state.edges === previous.edges && state.meta === previous.meta) return;
      if (timer !== null) clearTimeout(timer);
      timer = setTimeout(check, DEBOUNCE_MS);
    });
    return () => {
      unsubscribe();
      if (timer !== null) clearTimeout(timer);
    };
  }, []);
}
