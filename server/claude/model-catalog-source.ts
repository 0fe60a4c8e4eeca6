import type Anthropic from '@anthropic-ai/sdk';
import { factsCatalog, liveCatalog, type ModelCatalog } from '../../shared/claude-models/model-catalog';
import { modelInfoToCapabilities } from './model-info-to-capabilities';

const LIST_TIMEOUT_MS = 5000;
const REFRESH_MS = 10 * 60_000;
const RETRY_MS = 60_000;

/**
 * Where a process gets its model catalogue: `current()` for synchronous callers (a run starting,
 * the engine's gate), `catalog()` to refresh first (listings, validation answers). Every driver
 * reads the one provider in its engine environment.
 */
export interface ModelCatalogProvider {
  current(): ModelCatalog;
  catalog(): Promise<ModelCatalog>;
}

/** A provider that never changes (tests, and offline processes that only have the facts table). */
export function fixedModelCatalog(catalog: ModelCatalog): ModelCatalogProvider {
  return { current: () => catalog, catalog: async () => catalog };
}

/**
 * The server's model catalogue: with a real key, what the Models API lists (every page, retired
 * models included so old workflows get "retired" rather than "unknown"), completed by the facts
 * table; without one, the facts table. The validator, /api/models and the estimator all read it.
 * A failed listing keeps the last good catalogue (the facts table at first) and is retried later.
 */
export class ModelCatalogSource implements ModelCatalogProvider {
  private cached: ModelCatalog = factsCatalog();
  private loadedAt = Number.NEGATIVE_INFINITY;
  private loading: Promise<ModelCatalog> | undefined;

  constructor(
    private readonly claude: Anthropic | undefined,
    private readonly now: () => number = Date.now,
  ) {}

  /** The catalogue as last loaded, without waiting (the facts table until a listing succeeds). */
  current(): ModelCatalog {
    return this.cached;
  }

  /** The live catalogue, listed at most every REFRESH_MS; never rejects. */
  async catalog(): Promise<ModelCatalog> {
    if (!this.claude || this.now() - this.loadedAt < REFRESH_MS) return this.cached;
    this.loading ??= this.load(this.claude).finally(() => (this.loading = undefined));
    return this.loading;
  }

  private async load(claude: Anthropic): Promise<ModelCatalog> {
    try {
      const live = [];
      for await (const info of claude.models.list({ limit: 100, lifecycle: ['active', 'deprecated', 'retired'] }, { timeout: LIST_TIMEOUT_MS, maxRetries: 0 })) {
        live.push(modelInfoToCapabilities(info));
      }
      this.cached = liveCatalog(live);
      this.loadedAt = this.now();
    } catch {
      // Offline or refused: validate against what we had rather than fail every request, and
      // ask again in a minute rather than make every request wait for another timeout.
      this.loadedAt = this.now() - REFRESH_MS + RETRY_MS;
    }
    return this.cached;
  }
}
