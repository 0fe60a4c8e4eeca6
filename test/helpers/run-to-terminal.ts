import type { TraceEvent } from '../../shared/trace-events';
import { httpJson } from './http-json';
import { readRunEvents } from './read-sse';

/** Starts a run over HTTP (`POST /api/runs`) and reads its SSE stream to the terminal event. */
export async function runToTerminal(baseUrl: string, body: Record<string, unknown>): Promise<{ runId: string; events: TraceEvent[]; terminal: TraceEvent }> {
  const started = await httpJson<{ runId: string }>(`${baseUrl}/api/runs`, { body });
  if (started.status !== 202) throw new Error(`POST /api/runs answered ${started.status}: ${JSON.stringify(started.body)}`);
  const events = await readRunEvents(baseUrl, started.body.runId);
  const terminal = events.at(-1);
  if (!terminal) throw new Error(`Run ${started.body.runId} streamed no events.`);
  return { runId: started.body.runId, events, terminal };
}
