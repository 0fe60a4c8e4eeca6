import { factsCatalog, type Lifecycle, type ModelCatalog, type ModelProfile } from '../../../shared/claude-models';

/** One entry of the model picker. `lifecycle` is unknown for a bare model the server lists without capabilities. */
export interface ModelChoice {
  id: string;
  display_name: string;
  lifecycle: Lifecycle | 'unknown';
}

/**
 * The models the canvas offers and checks against. `catalog` holds a profile for every model whose
 * capabilities are known (what `/api/models` answered, else the facts table); `choices` is what the
 * picker lists, which can include a model the server names without capabilities (an older server
 * with a key), for which `catalog.find` is undefined.
 */
export interface CanvasModelCatalog {
  catalog: ModelCatalog;
  choices: readonly ModelChoice[];
  /** `api`: /api/models answered with profiles; `facts`: the built-in facts table stands in. */
  source: 'api' | 'facts';
}

function isProfile(entry: unknown): entry is ModelProfile {
  if (entry === null || typeof entry !== 'object') return false;
  const candidate = entry as Partial<ModelProfile>;
  return typeof candidate.id === 'string' && Array.isArray(candidate.thinking_types) && Array.isArray(candidate.effort_levels) && typeof candidate.lifecycle === 'string' && typeof candidate.max_tokens === 'number';
}

function idOf(entry: unknown): string | undefined {
  const id = entry !== null && typeof entry === 'object' ? (entry as { id?: unknown }).id : undefined;
  return typeof id === 'string' ? id : undefined;
}

function catalogOf(source: 'api' | 'facts', profiles: readonly ModelProfile[]): ModelCatalog {
  const byId = new Map(profiles.map((profile) => [profile.id, profile]));
  const rank = (profile: ModelProfile) => (profile.lifecycle === 'retired' ? 1 : 0);
  const listed = [...profiles].sort((a, b) => rank(a) - rank(b) || b.created_at.localeCompare(a.created_at));
  return { source, find: (id) => byId.get(id), list: () => listed };
}

const choiceOf = (profile: ModelProfile): ModelChoice => ({ id: profile.id, display_name: profile.display_name, lifecycle: profile.lifecycle });

/**
 * What `GET /api/models` answered (its `models` array), or null when it has not answered. Entries
 * that are full profiles are used as they are; an entry of the older shape (no effort levels or
 * lifecycle) takes the facts table's profile of that id, or stays a bare choice when the table does
 * not know it. No answer, or an answer without a single profile, falls back to the facts table.
 */
export function canvasModelCatalog(listed: readonly unknown[] | null, facts: ModelCatalog = factsCatalog()): CanvasModelCatalog {
  const profiles = (listed ?? []).filter(isProfile);
  if (profiles.length === 0) {
    const known = (listed ?? []).map(idOf).filter((id): id is string => id !== undefined);
    const bare = (listed ?? []).filter((entry) => {
      const id = idOf(entry);
      return id !== undefined && facts.find(id) === undefined;
    });
    // The older shape names models without their capabilities: the table's rows for the ids it knows.
    const fromFacts = known.length === 0 ? facts.list() : known.map((id) => facts.find(id)).filter((profile): profile is ModelProfile => profile !== undefined);
    const catalog = catalogOf('facts', fromFacts);
    const bareChoices = bare.map((entry): ModelChoice => {
      const { id, display_name } = entry as { id: string; display_name?: unknown };
      return { id, display_name: typeof display_name === 'string' ? display_name : id, lifecycle: 'unknown' };
    });
    return { catalog, choices: [...catalog.list().map(choiceOf), ...bareChoices], source: 'facts' };
  }
  const catalog = catalogOf('api', profiles);
  return { catalog, choices: catalog.list().map(choiceOf), source: 'api' };
}
