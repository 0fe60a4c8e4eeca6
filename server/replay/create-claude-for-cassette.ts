import Anthropic from '@anthropic-ai/sdk';
import type { ClaudeConnection } from '../claude';
import type { SecretMatcher } from '../engine/secret-matcher';
import { createRecordingFetch } from './create-recording-fetch';
import { createReplayFetch } from './create-replay-fetch';
import { loadCassette } from './load-cassette';
import { saveCassette } from './save-cassette';

// Replay never opens a socket: the fetch answers everything from the cassette. The key is a
// placeholder so the SDK neither complains nor looks for credentials in the environment, and the
// .invalid host (RFC 2606) could not resolve even if something did try the network.
const REPLAY_KEY = 'sk-trellis-replay';
const REPLAY_BASE_URL = 'http://cassette.invalid';

export interface CassetteClaudeOptions {
  /** Record every exchange and write this cassette on close(). Needs `base`. */
  record?: string;
  /** Answer every call from this cassette: no simulator, no key, no network. */
  replay?: string;
  /** The live connection to record from (or to use as is when neither flag is given). */
  base?: ClaudeConnection;
  /** The process's redactor: secrets and the API key become `[secret:NAME]` in the cassette. */
  redactor?: SecretMatcher;
}

export interface CassetteClaude {
  client: Anthropic;
  mode: 'record' | 'replay' | 'live';
  /** One line for the CLI's banner, e.g. `replaying cassette ci/triage.json (12 exchanges)`. */
  description: string;
  /** Writes the cassette (record mode), then closes `base`. Call it once the run has finished. */
  close(): Promise<void>;
}

export async function createClaudeForCassette(options: CassetteClaudeOptions): Promise<CassetteClaude> {
  if (options.record && options.replay) throw new Error('use either --record or --replay, not both');
  if (options.replay) {
    const cassette = await loadCassette(options.replay);
    return {
      client: new Anthropic({ apiKey: REPLAY_KEY, baseURL: REPLAY_BASE_URL, fetch: createReplayFetch(cassette, options.redactor) }),
      mode: 'replay',
      description: `replaying cassette ${options.replay} (${cassette.exchanges.length} exchanges, no network)`,
      close: async () => {
        await options.base?.close();
      },
    };
  }
  const base = options.base;
  if (!base) throw new Error('createClaudeForCassette: recording or running live needs a base connection');
  if (!options.record) return { client: base.client, mode: 'live', description: `${base.mode} at ${base.baseURL}`, close: () => base.close() };
  const recordPath = options.record;
  const recorder = createRecordingFetch(globalThis.fetch, options.redactor);
  return {
    client: base.client.withOptions({ fetch: recorder.fetch }),
    mode: 'record',
    description: `recording ${base.mode} at ${base.baseURL} into cassette ${recordPath}`,
    close: async () => {
      try {
        await saveCassette(recordPath, recorder.cassette());
      } finally {
        await base.close();
      }
    },
  };
}
