import { describe, expect, it } from 'vitest';
import { createAppStore } from '../../../client/src/store/app-store';
import { noticeLifetimeMs, shownNotice } from '../../../client/src/store/shown-notice';

describe('notices', () => {
  it('belong to the workflow open when they were raised', () => {
    const store = createAppStore();
    const opened = store.getState().meta.id;
    store.getState().notify('info', 'Saved.');
    expect(shownNotice(store.getState().notice, opened)?.text).toBe('Saved.');
    expect(shownNotice(store.getState().notice, `${opened}-other`)).toBeNull();
  });

  it('dismisses only the notice it was given, so a newer one keeps its own time', () => {
    const store = createAppStore();
    store.getState().notify('error', 'Save failed.');
    const first = store.getState().notice!.id;
    store.getState().notify('info', 'Saved.');
    store.getState().dismissNotice(first);
    expect(store.getState().notice?.text).toBe('Saved.');
    store.getState().dismissNotice(store.getState().notice!.id);
    expect(store.getState().notice).toBeNull();
  });

  it('time out, errors later than information', () => {
    expect(noticeLifetimeMs({ kind: 'info' })).toBeGreaterThan(0);
    expect(noticeLifetimeMs({ kind: 'error' })).toBeGreaterThan(noticeLifetimeMs({ kind: 'info' }));
  });
});
