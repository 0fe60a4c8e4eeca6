import Database from 'better-sqlite3';
import type { RunningSimulator } from '../../../server/simulator';
import type { StoredNodeResult, StoredRun } from '../../../server/store';
import type { TraceEvent } from '../../../shared/trace-events';
import { httpJson } from '../../helpers/http-json';
import { readRunEvents, readSse } from '../../helpers/read-sse';
import { startServerProcess, type ServerProcess } from '../../helpers/start-server-process';
import { claudeCallCount, claudeCallsByNode } from './claude-calls';
import { CRASH_PROMPT_NODES, crashWorkflow } from './crash-workflow';
import { chooseKillPoint, type KillPoint } from './kill-point';

export interface CrashLaneOptions {
  lane: number;
  seeds: number[];
  dbPath: string;
  simulator: RunningSimulator;
  /** The bundled server; the lane's very first start uses `tsx server/main.ts` itself when `firstStartWithTsx`. */
  bundle: string;
  firstStartWithTsx?: boolean;
}

export interface CrashLaneReport {
  kills: number;
  /** Kills that left the run live (then `interrupted` and resumed) rather than already finished. */
  interrupted: number;
  /** Nodes whose Claude call had been answered when the server died but whose result was not committed. */
  answeredButUncommitted: number;
  /** Every broken invariant, each prefixed with the seed and kill point that reproduce it. */
  violations: string[];
}

interface RunView {
  run: StoredRun;
  nodes: StoredNodeResult[];
}

/**
 * One lane of the crash harness: on one database, for each seed, start a run, SIGKILL the server
 * at the seeded point, check the file, restart on the same file, check recovery, resume, and
 * check the resumed run. The restarted server is the next seed's victim.
 */
export async function runCrashLane(options: CrashLaneOptions): Promise<CrashLaneReport> {
  const { simulator } = options;
  const env = { TRELLIS_DB: options.dbPath, ANTHROPIC_API_KEY: 'sk-ant-crash-harness', ANTHROPIC_BASE_URL: simulator.url };
  const report: CrashLaneReport = { kills: 0, interrupted: 0, answeredButUncommitted: 0, violations: [] };
  let server = await startServerProcess(env, options.firstStartWithTsx ? { timeoutMs: 60_000 } : { bundle: options.bundle });
  try {
    for (const seed of options.seeds) {
      const point = chooseKillPoint(seed);
      const fail = (message: string) => report.violations.push(`lane ${options.lane} seed ${seed} ${JSON.stringify(point)}: ${message}`);
      const nonce = `n${options.lane}x${seed}`;
      const started = await httpJson<{ runId: string }>(`${server.url}/api/runs`, { body: { workflow: crashWorkflow(), input: { nonce } } });
      if (started.status !== 202) {
        fail(`POST /api/runs answered ${started.status}: ${JSON.stringify(started.body)}`);
        continue;
      }
      const { runId } = started.body;
      await killAt(point, server, runId, nonce, simulator);
      report.kills += 1;
      const answeredAtKill = answeredCalls(simulator, nonce);

      const integrity = integrityOf(options.dbPath);
      if (integrity !== 'ok') fail(`PRAGMA integrity_check after SIGKILL: ${integrity}`);

      server = await startServerProcess(env, { bundle: options.bundle });
      const listed = await httpJson<{ runs: StoredRun[] }>(`${server.url}/api/runs?limit=500`);
      const stillRunning = listed.body.runs.filter((run) => run.status === 'running' && run.id !== runId);
      if (stillRunning.length > 0) fail(`runs left "running" after restart: ${stillRunning.map((run) => run.id).join(', ')}`);

      const before = await httpJson<RunView>(`${server.url}/api/runs/${runId}`);
      const statusBefore = before.body.run.status;
      if (statusBefore !== 'interrupted' && statusBefore !== 'completed') fail(`after restart the run is "${statusBefore}", expected interrupted or completed`);
      const committed = new Set(before.body.nodes.filter((node) => node.status === 'completed').map((node) => node.nodeId));
      report.answeredButUncommitted += answeredAtKill.filter((id) => !committed.has(id)).length;
      const callsBefore = claudeCallsByNode(simulator, nonce, CRASH_PROMPT_NODES);

      if (statusBefore === 'interrupted') {
        report.interrupted += 1;
        // Its log must end, with run.interrupted, so a follower is not left waiting.
        const logged = await readRunEvents(server.url, runId, { signal: AbortSignal.timeout(10_000) }).catch((error: unknown) => fail(`reading the interrupted run's log: ${String(error)}`));
        if (Array.isArray(logged) && logged.at(-1)?.type !== 'run.interrupted') fail(`the interrupted run's log ends with ${logged.at(-1)?.type ?? 'nothing'}, not run.interrupted`);
        const resumed = await httpJson(`${server.url}/api/runs/${runId}/resume`, { method: 'POST', body: {} });
        if (resumed.status !== 202) fail(`POST /resume answered ${resumed.status}: ${JSON.stringify(resumed.body)}`);
      }
      const events = await readRunEvents(server.url, runId);
      checkEventLog(events, fail);
      const after = await httpJson<RunView>(`${server.url}/api/runs/${runId}`);
      if (after.body.run.status !== 'completed') fail(`the run ended "${after.body.run.status}" (${JSON.stringify(after.body.run.error)})`);
      const callsAfter = claudeCallsByNode(simulator, nonce, CRASH_PROMPT_NODES);
      for (const id of committed) {
        if (callsAfter[id] !== callsBefore[id]) fail(`node ${id} was completed before the crash but Claude was called again (${callsBefore[id]} → ${callsAfter[id]})`);
      }
      for (const id of CRASH_PROMPT_NODES) if ((callsAfter[id] ?? 0) < 1) fail(`node ${id} never called Claude`);
    }
  } finally {
    const integrity = integrityOf(options.dbPath);
    await server.stop();
    if (integrity !== 'ok') report.violations.push(`lane ${options.lane}: final integrity_check ${integrity}`);
  }
  return report;
}

async function killAt(point: KillPoint, server: ServerProcess, runId: string, nonce: string, simulator: RunningSimulator): Promise<void> {
  const reader = new AbortController();
  let frames = 0;
  let frameReached: () => void = () => {};
  const enoughFrames = new Promise<void>((resolve) => (frameReached = resolve));
  const streamEnded = (async () => {
    try {
      for await (const frame of readSse(`${server.url}/api/runs/${runId}/events`, { signal: reader.signal })) {
        void frame;
        frames += 1;
        if (point.kind === 'after-sse-frame' && frames >= point.frames) frameReached();
      }
    } catch {
      // The connection dies with the server: that is the point.
    }
  })();
  let trigger: Promise<void>;
  if (point.kind === 'after-sse-frame') trigger = enoughFrames;
  else if (point.kind === 'after-start') trigger = delay(point.delayMs);
  else trigger = untilCalls(simulator, nonce, point.request, reader.signal).then(() => delay(point.delayMs));
  // A run that finishes before its kill point is killed right after; recovery must still hold.
  await Promise.race([trigger, streamEnded]);
  await server.kill();
  reader.abort();
  await streamEnded;
}

async function untilCalls(simulator: RunningSimulator, nonce: string, count: number, stop: AbortSignal): Promise<void> {
  while (!stop.aborted && claudeCallCount(simulator, nonce) < count) await delay(1);
}

function delay(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/** Nodes whose Claude call the simulator had fully answered (status 200, not cut off by the client). */
function answeredCalls(simulator: RunningSimulator, nonce: string): string[] {
  const answered = simulator.requests.filter((request) => request.path === '/v1/messages' && request.status === 200 && !request.clientClosed && JSON.stringify(request.body).includes(nonce));
  return CRASH_PROMPT_NODES.filter((id) => answered.some((request) => JSON.stringify(request.body).includes(`${nonce} node=${id}:`)));
}

function integrityOf(path: string): string {
  const db = new Database(path);
  try {
    return String(db.pragma('integrity_check', { simple: true }));
  } finally {
    db.close();
  }
}

function checkEventLog(events: TraceEvent[], fail: (message: string) => void): void {
  const seqs = events.map((event) => event.seq);
  const gap = seqs.findIndex((seq, index) => seq !== index + 1);
  if (gap >= 0) fail(`event seq is not 1..${seqs.length} without gaps: ${seqs.slice(Math.max(0, gap - 2), gap + 3).join(',')} at index ${gap}`);
  const terminals = events.filter((event) => event.type === 'run.completed' || event.type === 'run.failed' || event.type === 'run.canceled');
  if (terminals.length !== 1 || events.at(-1)?.type !== 'run.completed') fail(`expected exactly one terminal event, run.completed, last; got ${terminals.map((event) => `${event.type}@${event.seq}`).join(', ')}`);
  for (const id of CRASH_PROMPT_NODES) {
    const completions = events.filter((event) => event.type === 'node.completed' && event.nodeId === id).length;
    if (completions !== 1) fail(`node ${id} has ${completions} node.completed events in the log`);
  }
}
