import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSimulator, type RunningSimulator } from '../../../server/simulator';
import type { TraceEvent } from '../../../shared/trace-events';
import { httpJson } from '../../helpers/http-json';
import { makeTempDir } from '../../helpers/make-temp-dir';
import { readRunEvents, readSse } from '../../helpers/read-sse';
import { startServerProcess, type ServerProcess } from '../../helpers/start-server-process';
import { claudeCallsByNode } from './claude-calls';
import { CRASH_PROMPT_NODES, crashWorkflow } from './crash-workflow';

/**
 * A server process SIGKILLed mid-run and started again on the same SQLite file: the run's log must
 * end with a terminal event (so an SSE follower is told, instead of waiting forever), and
 * `POST /api/runs/:id/resume` must finish the run without calling Claude again for nodes that
 * had completed. The simulator lives in this process, so its request log survives the kill.
 */
describe('a run interrupted by a crash', () => {
  const dir = makeTempDir('trellis-interrupted');
  let simulator: RunningSimulator;
  let server: ServerProcess | undefined;

  beforeAll(async () => {
    // Slow enough that the kill lands while b and c stream, after a has completed.
    simulator = await startSimulator({ latency: { firstTokenMs: 50, tokensPerSecond: 40 } });
  });
  afterAll(async () => {
    await server?.stop();
    await simulator?.close();
    dir.remove();
  });

  it('ends its event stream with run.interrupted after a restart, and resumes to completion without repeating a completed call', async () => {
    const env = { TRELLIS_DB: `${dir.path}/trellis.db`, ANTHROPIC_API_KEY: 'sk-ant-interrupted-test', ANTHROPIC_BASE_URL: simulator.url };
    server = await startServerProcess(env, { timeoutMs: 60_000 });
    const nonce = 'n-interrupted-1';
    const started = await httpJson<{ runId: string }>(`${server.url}/api/runs`, { body: { workflow: crashWorkflow(), input: { nonce } } });
    expect(started.status).toBe(202);
    const { runId } = started.body;

    // Follow the live stream until a is done and b is streaming, then pull the plug.
    const seen: TraceEvent[] = [];
    for await (const frame of readSse(`${server.url}/api/runs/${runId}/events`, { signal: AbortSignal.timeout(30_000) })) {
      const event = JSON.parse(frame.data) as TraceEvent;
      seen.push(event);
      if (event.type === 'node.delta' && event.nodeId === 'b') break;
    }
    expect(seen.some((event) => event.type === 'node.completed' && event.nodeId === 'a')).toBe(true);
    await server.kill();
    const callsAtKill = claudeCallsByNode(simulator, nonce, CRASH_PROMPT_NODES);
    expect(callsAtKill).toMatchObject({ a: 1, d: 0 });

    server = await startServerProcess(env, { timeoutMs: 60_000 });
    expect((await httpJson<{ run: { status: string } }>(`${server.url}/api/runs/${runId}`)).body.run.status).toBe('interrupted');
    // A follower from the start reads the whole log and the stream ends (a hang would time out).
    const logged = await readRunEvents(server.url, runId, { signal: AbortSignal.timeout(10_000) });
    expect(logged.map((event) => event.seq)).toEqual(logged.map((_, index) => index + 1));
    expect(logged.at(-1)).toMatchObject({ type: 'run.interrupted', data: { reason: expect.stringMatching(/stopped while this run was live/) } });
    expect(logged.filter((event) => event.type === 'run.interrupted')).toHaveLength(1);

    const resumed = await httpJson(`${server.url}/api/runs/${runId}/resume`, { method: 'POST', body: {} });
    expect(resumed.status).toBe(202);
    const after = await readRunEvents(server.url, runId, { lastEventId: logged.at(-1)?.seq, signal: AbortSignal.timeout(30_000) });
    expect(after[0]).toMatchObject({ seq: (logged.at(-1)?.seq ?? 0) + 1, type: 'run.started', data: { resumed: true, completedNodeIds: expect.arrayContaining(['input', 'a']) } });
    expect(after.at(-1)?.type).toBe('run.completed');
    expect((await httpJson<{ run: { status: string } }>(`${server.url}/api/runs/${runId}`)).body.run.status).toBe('completed');

    const callsAfter = claudeCallsByNode(simulator, nonce, CRASH_PROMPT_NODES);
    expect(callsAfter.a).toBe(1);
    expect(callsAfter.d).toBe(1);
    expect(after.some((event) => event.type === 'node.started' && event.nodeId === 'a')).toBe(false);
  }, 120_000);
});
