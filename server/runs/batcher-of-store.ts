import type { Store } from '../store/store';
import { EventBatcher } from './event-batcher';

const batchers = new WeakMap<Store, EventBatcher>();

/** The process-wide batcher of a store: every run recorded into it shares one transaction per loop turn. */
export function batcherOfStore(store: Store): EventBatcher {
  let batcher = batchers.get(store);
  if (!batcher) {
    batcher = new EventBatcher({ commit: (events) => store.commitEvents(events) });
    batchers.set(store, batcher);
  }
  return batcher;
}
