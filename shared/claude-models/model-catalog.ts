import { MODEL_FACTS } from './model-facts';
import type { ModelCapabilities, ModelFacts, ModelProfile } from './model-profile';

/** New nodes and workflows without a model use the current Sonnet. */
export const DEFAULT_MODEL = 'claude-sonnet-5-5';
export const DEFAULT_MAX_TOKENS = 1024;

/**
 * The models a validator, engine, estimator or canvas checks against. The validator is a pure
 * function that is handed one of these: the facts table offline, live capabilities with a key.
 */
export interface ModelCatalog {
  readonly source: 'api' | 'facts';
  find(id: string): ModelProfile | undefined;
  /** Newest first, retired models last. */
  list(): readonly ModelProfile[];
}

function capabilitiesOf(facts: ModelFacts): ModelCapabilities {
  const { id, display_name, created_at, line, lifecycle, deprecated_at, retires_at, max_input_tokens, max_tokens, thinking_types, effort_levels, structured_outputs, image_input, pdf_input } = facts;
  return { id, display_name, created_at, line, lifecycle, deprecated_at, retires_at, max_input_tokens, max_tokens, thinking_types, effort_levels, structured_outputs, image_input, pdf_input };
}

function profileFromFacts(facts: ModelFacts): ModelProfile {
  const { id: _id, display_name: _d, created_at: _c, line: _l, lifecycle: _lc, deprecated_at: _da, retires_at: _r, max_input_tokens: _mi, max_tokens: _mt, thinking_types: _tt, effort_levels: _e, structured_outputs: _so, image_input: _ii, pdf_input: _pi, ...docFacts } = facts;
  return { ...capabilitiesOf(facts), facts: docFacts, source: 'facts' };
}

function catalogOf(source: 'api' | 'facts', profiles: ModelProfile[]): ModelCatalog {
  const byId = new Map(profiles.map((profile) => [profile.id, profile]));
  const rank = (profile: ModelProfile) => (profile.lifecycle === 'retired' ? 1 : 0);
  const listed = [...profiles].sort((a, b) => rank(a) - rank(b) || b.created_at.localeCompare(a.created_at));
  return { source, find: (id) => byId.get(id), list: () => listed };
}

/**
 * A catalogue of profiles someone else built: the canvas rebuilds the server's catalogue from
 * `GET /api/models` so it validates against the same capabilities the server does.
 */
export function catalogFromProfiles(profiles: readonly ModelProfile[], source: 'api' | 'facts' = profiles.some((profile) => profile.source === 'api') ? 'api' : 'facts'): ModelCatalog {
  return catalogOf(source, [...profiles]);
}

/** The catalogue offline: the facts table alone. */
export function factsCatalog(facts: readonly ModelFacts[] = MODEL_FACTS): ModelCatalog {
  return catalogOf('facts', facts.map(profileFromFacts));
}

/**
 * The catalogue with a key: the Models API's capabilities for every model it lists, with the doc
 * facts (prices, defaults, the forced-tool rule) of the models the table knows. A model the API
 * lists and the table does not runs on its live capabilities alone.
 */
export function liveCatalog(live: readonly ModelCapabilities[], facts: readonly ModelFacts[] = MODEL_FACTS): ModelCatalog {
  const known = new Map(facts.map((row) => [row.id, profileFromFacts(row)]));
  const listed = new Set(live.map((capabilities) => capabilities.id));
  const profiles: ModelProfile[] = live.map((capabilities) => {
    const docFacts = known.get(capabilities.id)?.facts;
    return docFacts ? { ...capabilities, facts: docFacts, source: 'api' } : { ...capabilities, source: 'api' };
  });
  // Retirement is final: an id the docs call retired stays "retired, use X" even when the API
  // leaves it out of the list, instead of becoming an unknown model in old workflows.
  const retired = [...known.values()].filter((profile) => profile.lifecycle === 'retired' && !listed.has(profile.id));
  return catalogOf('api', [...profiles, ...retired]);
}
