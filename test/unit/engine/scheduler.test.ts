import { describe, expect, it } from 'vitest';
import type { TraceEvent } from '../../../shared/trace-events';
import { runWorkflow } from '../../../server/engine/run-workflow';
import { collect, ofType, terminal } from './helpers/collect';
import { createFakeClaude, deferred, type FakeReply } from './helpers/fake-claude';
import { inputNode, outputNode, prompt, workflow } from './helpers/workflow-builder';

const answer = (text: string): FakeReply => ({ content: [{ type: 'text', text }] });
/** The node id a fake request belongs to: every test prompt starts with "<id>:". */
const nodeOf = (body: Record<string, unknown>): string => String((body.messages as { content: string }[])[0]?.content).split(':')[0] as string;

/**
 *   input ─┬─ a ─┐
 *          ├─ b ─┤
 *          ├─ c ─┼─ join ── out
 *          ├─ d ─┤
 *          ├─ e ─┤
 *          └─ f ─┘
 */
const fanOut = workflow(
  [inputNode, ...['a', 'b', 'c', 'd', 'e', 'f'].map((id) => prompt(id, `${id}: go`)), prompt('join', 'join: {{a.text}}{{f.text}}'), outputNode('out', '{{join.text}}')],
  [...['a', 'b', 'c', 'd', 'e', 'f'].flatMap((id) => [`input->${id}`, `${id}->join`]), 'join->out'],
);

describe('readiness scheduling', () => {
  it('runs independent nodes concurrently up to the cap and no further, starting in file order', async () => {
    const gates = new Map<string, ReturnType<typeof deferred<void>>>();
    let inFlight = 0;
    let peak = 0;
    const started: string[] = [];
    const { claude } = createFakeClaude(async ({ body }) => {
      const id = nodeOf(body);
      started.push(id);
      inFlight += 1;
      peak = Math.max(peak, inFlight);
      const gate = deferred();
      gates.set(id, gate);
      await gate.promise;
      inFlight -= 1;
      return answer(id.toUpperCase());
    });
    const events: TraceEvent[] = [];
    const iterator = runWorkflow(fanOut, {}, { claude, runId: 'r', concurrency: 3 })[Symbol.asyncIterator]();
    const pump = (async () => {
      for (let next = await iterator.next(); !next.done; next = await iterator.next()) events.push(next.value);
    })();
    const waitFor = async (count: number) => {
      while (started.length < count) await new Promise((resolve) => setImmediate(resolve));
    };
    await waitFor(3);
    expect(started).toEqual(['a', 'b', 'c']);
    // Nothing else starts while three are in flight.
    for (let i = 0; i < 20; i += 1) await new Promise((resolve) => setImmediate(resolve));
    expect(started).toHaveLength(3);
    gates.get('b')?.resolve();
    await waitFor(4);
    expect(started).toEqual(['a', 'b', 'c', 'd']);
    for (const id of ['a', 'c', 'd']) gates.get(id)?.resolve();
    await waitFor(6);
    gates.get('e')?.resolve();
    gates.get('f')?.resolve();
    await waitFor(7);
    gates.get('join')?.resolve();
    await pump;
    expect(peak).toBe(3);
    const end = terminal(events);
    expect(end.type).toBe('run.completed');
    if (end.type === 'run.completed') expect(end.data.outputs).toEqual({ out: 'JOIN' });
    expect(events.map((e) => e.seq)).toEqual(events.map((_, i) => i + 1));
  });

  it('skips routes a branch did not take and propagates the skip to nodes whose inputs are all skipped', async () => {
    /**
     *  input ── route ─┬─(yes)─ pos ── after_pos ─┐
     *                  └─(no)── neg ──────────────┴─ out
     */
    const flow = workflow(
      [
        inputNode,
        { id: 'route', type: 'branch', config: { on: '{{input.answer}}', routes: [{ label: 'yes', when: { equals: 'yes' } }, { label: 'no', when: { equals: 'no' } }] } },
        prompt('pos', 'pos: good'),
        prompt('after_pos', 'after_pos: {{pos.text}}'),
        prompt('neg', 'neg: bad'),
        outputNode('out', { pos: '{{after_pos.text}}', neg: '{{neg.text}}' }),
      ],
      ['input->route', 'route:yes->pos', 'pos->after_pos', 'route:no->neg', 'after_pos->out', 'neg->out'],
    );
    const { claude, requests } = createFakeClaude(({ body }) => answer(`${nodeOf(body)} done`));
    const events = await collect(flow, { answer: 'no' }, { claude });
    expect(requests.map((r) => nodeOf(r.body))).toEqual(['neg']);
    const skipped = ofType(events, 'node.skipped').map((e) => [e.nodeId, e.data.reason]);
    expect(skipped).toEqual([
      ['pos', 'route "yes" not taken by branch "route" (chose "no")'],
      ['after_pos', 'all inputs skipped (pos)'],
    ]);
    const end = terminal(events);
    expect(end.type).toBe('run.failed');
    // The output node references a skipped node: that is a clear template failure, not a silent ''.
    if (end.type === 'run.failed') expect(end.data.error.message).toContain('{{after_pos.text}}');
  });

  it('runs a join node when at least one input is live', async () => {
    const flow = workflow(
      [
        inputNode,
        { id: 'route', type: 'branch', config: { on: '{{input.answer}}', routes: [{ label: 'yes', when: { equals: 'yes' } }], default: 'yes' } },
        prompt('pos', 'pos: good'),
        prompt('other', 'other: x'),
        outputNode('out', '{{other.text}}'),
      ],
      ['input->route', 'route:yes->pos', 'input->other', 'pos->out', 'other->out'],
    );
    const { claude } = createFakeClaude(({ body }) => answer(`${nodeOf(body)}!`));
    const events = await collect(flow, { answer: 'maybe' }, { claude });
    const end = terminal(events);
    expect(end.type).toBe('run.completed');
    if (end.type === 'run.completed') expect(end.data.outputs.out).toBe('other!');
  });

  it('first failure: aborts in-flight siblings, skips descendants, fails the run with that node\'s error', async () => {
    const flow = workflow(
      [inputNode, prompt('bad', 'bad: x'), prompt('slow', 'slow: x'), prompt('after_bad', 'after_bad: {{bad.text}}'), outputNode('out', '{{after_bad.text}}{{slow.text}}')],
      ['input->bad', 'input->slow', 'bad->after_bad', 'after_bad->out', 'slow->out'],
    );
    let slowSignal: AbortSignal | undefined;
    const { claude } = createFakeClaude(async ({ body, signal }) => {
      if (nodeOf(body) === 'bad') return { status: 400, type: 'invalid_request_error', message: 'messages.0.content: bad input' };
      slowSignal = signal;
      await new Promise(() => undefined);
      return answer('never');
    });
    const events = await collect(flow, {}, { claude });
    expect(slowSignal?.aborted).toBe(true);
    const failed = ofType(events, 'node.failed');
    expect(failed.map((e) => [e.nodeId, e.data.error.type])).toEqual([
      ['bad', 'invalid_request_error'],
      ['slow', 'aborted'],
    ]);
    expect(failed[0]?.data.error).toMatchObject({ status: 400, message: 'messages.0.content: bad input', request_id: 'req_fake' });
    expect(ofType(events, 'node.skipped').map((e) => [e.nodeId, e.data.reason])).toEqual([
      ['after_bad', 'upstream node "bad" failed'],
      ['out', 'upstream node "bad" failed'],
    ]);
    const end = terminal(events);
    expect(end).toMatchObject({ type: 'run.failed', data: { nodeId: 'bad', error: { type: 'invalid_request_error', status: 400 } } });
  });

  it('cancel aborts the in-flight request and ends with run.canceled, starting nothing else', async () => {
    const flow = workflow([inputNode, prompt('first', 'first: x'), prompt('second', 'second: {{first.text}}'), outputNode('out', '{{second.text}}')], ['input->first', 'first->second', 'second->out']);
    const controller = new AbortController();
    const entered = deferred();
    let requestSignal: AbortSignal | undefined;
    const { claude, requests } = createFakeClaude(async ({ signal }) => {
      requestSignal = signal;
      entered.resolve();
      await new Promise(() => undefined);
      return answer('never');
    });
    const events: TraceEvent[] = [];
    const done = (async () => {
      for await (const event of runWorkflow(flow, {}, { claude, runId: 'r', signal: controller.signal })) events.push(event);
    })();
    await entered.promise;
    controller.abort();
    await done;
    expect(requestSignal?.aborted).toBe(true);
    expect(requests).toHaveLength(1);
    expect(terminal(events).type).toBe('run.canceled');
    expect(events.filter((e) => e.type.startsWith('run.') && e.type !== 'run.started')).toHaveLength(1);
    expect(ofType(events, 'node.started').map((e) => e.nodeId)).toEqual(['input', 'first']);
  });

  it('resume: completed nodes are restored without events or Claude calls, seq continues from startSeq', async () => {
    const flow = workflow([inputNode, prompt('first', 'first: x'), prompt('second', 'second: {{first.text}}'), outputNode('out', '{{second.text}}')], ['input->first', 'first->second', 'second->out']);
    const { claude, requests } = createFakeClaude(({ body }) => answer(`got ${JSON.stringify(body.messages)}`));
    const events = await collect(flow, { q: 1 }, {
      claude,
      startSeq: 42,
      completed: [
        { nodeId: 'input', status: 'completed', output: { q: 1 } },
        { nodeId: 'first', status: 'completed', output: { text: 'FIRST', json: null, stop_reason: 'end_turn', usage: { input_tokens: 1, output_tokens: 1, cache_creation_input_tokens: 0, cache_read_input_tokens: 0 }, messages: [] } },
      ],
    });
    expect(requests).toHaveLength(1);
    expect(nodeOf(requests[0]?.body ?? {})).toBe('second');
    expect(JSON.stringify(requests[0]?.body.messages)).toContain('second: FIRST');
    expect(events[0]).toMatchObject({ type: 'run.started', seq: 42, data: { resumed: true, completedNodeIds: ['input', 'first'] } });
    expect(events.map((e) => e.seq)).toEqual(events.map((_, i) => 42 + i));
    expect(ofType(events, 'node.started').map((e) => e.nodeId)).toEqual(['second', 'out']);
    expect(terminal(events).type).toBe('run.completed');
  });

  it('a node retry policy retries after a failure, emitting node.retry, and succeeds', async () => {
    const flow = workflow([inputNode, prompt('flaky', 'flaky: x', { retry: { attempts: 2, backoff_ms: 1 } }), outputNode('out', '{{flaky.text}}')], ['input->flaky', 'flaky->out']);
    let calls = 0;
    // 400s are not retried by the SDK, so only the node policy can make a second attempt — but a 400
    // is not retryable by policy either; use a mid-stream error after text (not auto-retried).
    const { claude } = createFakeClaude(() => (++calls === 1 ? { midStreamError: { type: 'overloaded_error', message: 'Overloaded' }, afterText: 'par' } : answer('fine')));
    const events = await collect(flow, {}, { claude });
    expect(calls).toBe(2);
    const retry = ofType(events, 'node.retry');
    expect(retry).toHaveLength(1);
    expect(retry[0]?.data).toMatchObject({ attempt: 2, delay_ms: 1, error: { type: 'overloaded_error', message: 'Overloaded' } });
    expect(ofType(events, 'node.started').filter((e) => e.nodeId === 'flaky').map((e) => e.data.attempt)).toEqual([1, 2]);
    expect(terminal(events)).toMatchObject({ type: 'run.completed', data: { outputs: { out: 'fine' } } });
  });

  it('a mid-stream error before the first delta is retried once without a node policy', async () => {
    const flow = workflow([inputNode, prompt('p', 'p: x'), outputNode('out', '{{p.text}}')], ['input->p', 'p->out']);
    let calls = 0;
    const { claude } = createFakeClaude(() => (++calls === 1 ? { midStreamError: { type: 'overloaded_error', message: 'Overloaded' } } : answer('recovered')));
    const events = await collect(flow, {}, { claude });
    expect(calls).toBe(2);
    expect(terminal(events)).toMatchObject({ type: 'run.completed', data: { outputs: { out: 'recovered' } } });
  });

  it('stopping iteration early cancels the run', async () => {
    const flow = workflow([inputNode, prompt('p', 'p: x'), outputNode('out', '{{p.text}}')], ['input->p', 'p->out']);
    let requestSignal: AbortSignal | undefined;
    const { claude } = createFakeClaude(async ({ signal }) => {
      requestSignal = signal;
      await new Promise(() => undefined);
      return answer('never');
    });
    for await (const event of runWorkflow(flow, {}, { claude, runId: 'r' })) {
      if (event.type === 'node.started' && event.nodeId === 'p') {
        while (!requestSignal) await new Promise((resolve) => setImmediate(resolve));
        break;
      }
    }
    expect(requestSignal?.aborted).toBe(true);
  });

  it('a node timeout_ms aborts a Claude call that never answers and fails the node with type timeout', async () => {
    const flow = workflow([inputNode, prompt('p', 'p: x', { timeout_ms: 20 }), outputNode('out', '{{p.text}}')], ['input->p', 'p->out']);
    let requestSignal: AbortSignal | undefined;
    const { claude } = createFakeClaude(async ({ signal }) => {
      requestSignal = signal;
      await new Promise(() => undefined);
      return answer('never');
    });
    const events = await collect(flow, {}, { claude: claude.withOptions({ maxRetries: 0 }) });
    expect(requestSignal?.aborted).toBe(true);
    expect(terminal(events)).toMatchObject({ type: 'run.failed', data: { nodeId: 'p', error: { type: 'timeout', message: expect.stringContaining('20 ms') } } });
  });

  it('reports model_ms and engine_ms from the injected clock', async () => {
    const flow = workflow([inputNode, prompt('p', 'p: x'), outputNode('out', '{{p.text}}')], ['input->p', 'p->out']);
    let clock = 1000;
    const { claude } = createFakeClaude(() => {
      clock += 250;
      return answer('ok');
    });
    const events = await collect(flow, {}, { claude, now: () => clock });
    const completed = ofType(events, 'node.completed').find((e) => e.nodeId === 'p');
    expect(completed?.data).toMatchObject({ duration_ms: 250, model_ms: 250, engine_ms: 0 });
    expect(events.every((e) => e.ts >= 1000)).toBe(true);
  });
});
