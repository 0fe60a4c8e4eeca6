import { useEffect } from 'react';
import { saveDocument } from './app-actions';
import { appStore } from './store/use-app-store';

function typingInField(target: EventTarget | null): boolean {
  const element = target as HTMLElement | null;
  return element !== null && (element.tagName === 'INPUT' || element.tagName === 'TEXTAREA' || element.tagName === 'SELECT' || element.isContentEditable);
}

/**
 * Ctrl/Cmd+Z undo, Shift+Ctrl/Cmd+Z (or Ctrl+Y) redo, Ctrl/Cmd+C/V copy and paste nodes,
 * Delete/Backspace delete the selection, Ctrl/Cmd+S save. Inside text fields only save is taken
 * over: undo, copy and paste there belong to the field.
 */
export function useKeyboardShortcuts(): void {
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      const mod = event.ctrlKey || event.metaKey;
      const key = event.key.toLowerCase();
      if (mod && key === 's') {
        event.preventDefault();
        void saveDocument();
        return;
      }
      if (typingInField(event.target)) return;
      const store = appStore.getState();
      if (mod && key === 'z') {
        event.preventDefault();
        if (event.shiftKey) store.redo();
        else store.undo();
      } else if (mod && key === 'y') {
        event.preventDefault();
        store.redo();
      } else if (mod && key === 'c') {
        store.copySelection();
      } else if (mod && key === 'v') {
        event.preventDefault();
        store.paste();
      } else if (key === 'delete' || key === 'backspace') {
        event.preventDefault();
        store.deleteSelection();
      }
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, []);
}
