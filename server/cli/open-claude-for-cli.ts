import type Anthropic from '@anthropic-ai/sdk';
import { createClaude, type ClaudeConnection } from '../claude';
import { createClaudeForCassette } from '../replay';

export interface ClaudeForCliOptions {
  /** Offline simulator pace (default instant). */
  latency?: { firstTokenMs: number; tokensPerSecond: number };
  /** Record every call into this cassette. */
  record?: string;
  /** Answer every call from this cassette: no simulator, no key, no network. */
  replay?: string;
}

export interface ClaudeForCli {
  client: Anthropic;
  /** True on the offline simulator (no ANTHROPIC_API_KEY), where counts and answers are approximations. */
  simulated: boolean;
  /** What the user is talking to, for the `trellis: …` line on stderr. */
  banner: string;
  /** The cassette layer's own short description (`simulator at …`, `replaying cassette …`). */
  description: string;
  /** Writes the cassette when recording, then stops the simulator. Call once the work is done. */
  close(): Promise<void>;
}

/**
 * The Claude client a command uses: the API when ANTHROPIC_API_KEY is set, otherwise the offline
 * simulator, optionally recording into or replaying from a cassette. A failure (e.g. a cassette that
 * cannot be read) is printed on stderr as `trellis <command>: …` and gives undefined: exit 2.
 */
export async function openClaudeForCli(command: string, options: ClaudeForCliOptions = {}): Promise<ClaudeForCli | undefined> {
  let base: ClaudeConnection | undefined;
  try {
    base = options.replay ? undefined : await createClaude({ simulator: { latency: options.latency ?? { firstTokenMs: 0, tokensPerSecond: 0 } } });
    const cassette = await createClaudeForCassette({ record: options.record, replay: options.replay, base });
    const live = base?.mode === 'simulator' ? `offline simulator (no ANTHROPIC_API_KEY) at ${base.baseURL}` : `Claude API at ${base?.baseURL}`;
    const banner = cassette.mode === 'replay' ? cassette.description : cassette.mode === 'record' ? `${live}; ${cassette.description}` : live;
    return { client: cassette.client, simulated: base?.mode === 'simulator', banner, description: cassette.description, close: () => cassette.close() };
  } catch (error) {
    await base?.close();
    process.stderr.write(`trellis ${command}: ${(error as Error).message}\n`);
    return undefined;
  }
}
