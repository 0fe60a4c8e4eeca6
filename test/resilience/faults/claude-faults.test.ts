import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startSimulator, type Fault, type RunningSimulator } from '../../../server/simulator';
import type { NodeCompletedEvent } from '../../../shared/trace-events';
import { httpJson } from '../../helpers/http-json';
import { onePromptWorkflow } from '../../helpers/one-prompt-workflow';
import { runToTerminal } from '../../helpers/run-to-terminal';
import { startInProcessServer, type InProcessServer } from '../../helpers/start-in-process-server';

/**
 * Claude misbehaving in every way the simulator can: the production server (in this process, so
 * an unhandled rejection anywhere in it would reach our listener) must end each run in the right
 * typed state and keep serving. The server's SDK client retries twice (maxRetries 2).
 */
describe('Claude faults through the real server', () => {
  let simulator: RunningSimulator;
  let server: InProcessServer;
  const unhandled: unknown[] = [];
  const onUnhandled = (reason: unknown) => unhandled.push(reason);

  beforeAll(async () => {
    process.on('unhandledRejection', onUnhandled);
    simulator = await startSimulator({});
    server = await startInProcessServer(simulator.url);
  });

  afterEach(() => {
    expect(unhandled).toEqual([]);
  });

  afterAll(async () => {
    await server?.close();
    await simulator?.close();
    process.off('unhandledRejection', onUnhandled);
  });

  const run = async (fault: Fault, times: number, topic: string) => {
    simulator.injectFault(fault, { times });
    const before = simulator.requests.length;
    const result = await runToTerminal(server.url, { workflow: onePromptWorkflow(), input: { topic } });
    const calls = simulator.requests.slice(before).filter((request) => request.path === '/v1/messages');
    return { ...result, calls };
  };

  const expectFailure = (terminal: { type: string; data: unknown }, type: string, status?: number) => {
    expect(terminal.type).toBe('run.failed');
    const error = (terminal.data as { error: { type: string; status?: number } }).error;
    expect(error.type).toBe(type);
    if (status !== undefined) expect(error.status).toBe(status);
  };

  it('429 with retry-after: the SDK waits and retries, the run completes', async () => {
    const { terminal, calls } = await run({ kind: 'status', status: 429, retryAfterMs: 20 }, 1, 'rate limits');
    expect(terminal.type).toBe('run.completed');
    expect(calls.map((call) => [call.status, call.retryCount])).toEqual([
      [429, 0],
      [200, 1],
    ]);
  });

  it('a burst of two 529s is absorbed by the SDK retries', async () => {
    const { terminal, calls } = await run({ kind: 'status', status: 529, retryAfterMs: 5 }, 2, 'overload');
    expect(terminal.type).toBe('run.completed');
    expect(calls.map((call) => call.status)).toEqual([529, 529, 200]);
  });

  it('a burst of 529s longer than the retries fails the run with overloaded_error', async () => {
    const { terminal, calls } = await run({ kind: 'status', status: 529, retryAfterMs: 5 }, 3, 'overload');
    expectFailure(terminal, 'overloaded_error', 529);
    expect(calls.map((call) => call.retryCount)).toEqual([0, 1, 2]);
  });

  it('persistent 500s fail the run with api_error and status 500', async () => {
    const { terminal } = await run({ kind: 'status', status: 500, retryAfterMs: 5 }, 3, 'errors');
    expectFailure(terminal, 'api_error', 500);
  });

  it('a 400 is not retried and fails with invalid_request_error', async () => {
    const { terminal, calls } = await run({ kind: 'status', status: 400, errorType: 'invalid_request_error', message: 'messages: bad' }, 1, 'bad');
    expectFailure(terminal, 'invalid_request_error', 400);
    expect(calls).toHaveLength(1);
  });

  it('a mid-stream error before the first delta is retried once and the run completes', async () => {
    const { terminal, calls, events } = await run({ kind: 'mid_stream_error', afterDeltas: 0, errorType: 'overloaded_error' }, 1, 'streams');
    expect(terminal.type).toBe('run.completed');
    expect(calls).toHaveLength(2);
    // Nothing from the broken attempt reached the trace: the answer is the retried call's text only.
    const text = events.flatMap((event) => (event.type === 'node.delta' ? [event.data.text] : [])).join('');
    const completed = events.find((event): event is NodeCompletedEvent => event.type === 'node.completed' && event.nodeId === 'ask');
    expect((completed?.data.output as { text: string }).text).toBe(text);
  });

  it('a mid-stream error after the first delta fails the node with the stream error type, without a blind retry', async () => {
    const { terminal, calls, events } = await run({ kind: 'mid_stream_error', afterDeltas: 2, errorType: 'overloaded_error' }, 1, 'streams');
    expectFailure(terminal, 'overloaded_error');
    expect(calls).toHaveLength(1);
    expect(events.some((event) => event.type === 'node.delta')).toBe(true);
    expect(events.find((event) => event.type === 'node.failed')?.nodeId).toBe('ask');
  });

  it('a truncated stream (socket closed without message_stop) fails the run with connection_error', async () => {
    const { terminal } = await run({ kind: 'truncate', afterDeltas: 2 }, 1, 'truncation');
    expect(terminal.type).toBe('run.failed');
    const error = (terminal.data as { error: { type: string; message: string } }).error;
    expect(error.type).toBe('connection_error');
    expect(error.message).toMatch(/closed before the answer was complete/);
  });

  it('a slow first token is waited for, and the run completes', async () => {
    const { terminal, calls } = await run({ kind: 'slow_first_token', ms: 300 }, 1, 'patience');
    expect(terminal.type).toBe('run.completed');
    expect(calls).toHaveLength(1);
  });

  it('a reset socket is retried by the SDK and the run completes', async () => {
    const { terminal, calls } = await run({ kind: 'reset' }, 1, 'resets');
    expect(terminal.type).toBe('run.completed');
    expect(calls.length).toBe(2);
  });

  it('resets on every attempt fail the run with a connection error', async () => {
    // 3 SDK attempts, and the engine's one retry of a call that failed before any delta: 6.
    const { terminal, calls } = await run({ kind: 'reset' }, 6, 'resets');
    expect(terminal.type).toBe('run.failed');
    expect(calls.length).toBe(6);
    expectFailure(terminal, 'connection_error');
  });

  it('keeps serving afterwards: health is ok and a clean run completes', async () => {
    const health = await httpJson<{ ok: boolean }>(`${server.url}/api/health`);
    expect(health.status).toBe(200);
    expect(health.body.ok).toBe(true);
    const { terminal } = await runToTerminal(server.url, { workflow: onePromptWorkflow(), input: { topic: 'recovery' } });
    expect(terminal.type).toBe('run.completed');
  });
});
