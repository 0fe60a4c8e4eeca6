import { useEffect } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { noticeLifetimeMs, shownNotice } from './store/shown-notice';
import { appStore, useAppStore } from './store/use-app-store';

/** The offline-simulator banner and the last notice (save, import, refused connection, errors). */
export function StatusBanner() {
  const { health, notice } = useAppStore(useShallow((state) => ({ health: state.health, notice: shownNotice(state.notice, state.meta.id) })));
  const dismiss = () => notice && appStore.getState().dismissNotice(notice.id);
  useEffect(() => {
    if (!notice) return;
    const timer = setTimeout(() => appStore.getState().dismissNotice(notice.id), noticeLifetimeMs(notice));
    return () => clearTimeout(timer);
  }, [notice]);
  return (
    <div className="banner-row">
      {health !== null && health !== 'unreachable' && health.claude === 'simulator' && (
        <div className="banner banner--simulator" data-testid="simulator-banner">
          Offline simulator: runs use Trellis's built-in Claude simulator, not the Anthropic API. Set ANTHROPIC_API_KEY on the server to use Claude.
        </div>
      )}
      {health === 'unreachable' && <div className="banner banner--error">The Trellis server is not reachable.</div>}
      {notice && (
        // A floating toast: an in-flow banner would resize the canvas under the user's pointer.
        <div className={`toast toast--${notice.kind}`} data-testid="notice" role={notice.kind === 'error' ? 'alert' : 'status'}>
          <span>{notice.text}</span>
          <button type="button" className="button button--link" aria-label="Dismiss" onClick={dismiss}>
            ×
          </button>
        </div>
      )}
    </div>
  );
}
