import { useShallow } from 'zustand/react/shallow';
import type { CacheSavings } from '../../../shared/cache-savings';
import { nodeById } from '../store/node-by-id';
import { useAppStore } from '../store/use-app-store';
import { CacheSavingsText } from './CacheSavingsText';
import { cacheTtlOf, nodeCacheSavings, sumCacheSavings } from './node-cache-savings';

const NO_SAVINGS = Object.freeze({});

/** The run's prompt-cache savings, summed over its nodes; nothing when no node used the cache. */
export function RunCacheSavings() {
  const numbers = useAppStore(
    useShallow((state) => {
      const total = sumCacheSavings(
        Object.entries(state.run.nodes).map(([nodeId, node]) => nodeCacheSavings(node, cacheTtlOf(nodeById(state.nodes, nodeId)?.data.config))),
      );
      // useShallow compares the fields: a new object with the same numbers re-renders nothing.
      return total ?? NO_SAVINGS;
    }),
  );
  if (numbers === NO_SAVINGS) return null;
  return (
    <div className="run-summary__cache" data-testid="run-cache-savings">
      prompt cache: <CacheSavingsText savings={numbers as CacheSavings} />
    </div>
  );
}
