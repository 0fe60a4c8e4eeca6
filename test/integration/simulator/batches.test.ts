import Anthropic from '@anthropic-ai/sdk';
import { describe, expect, it } from 'vitest';
import { errorOf, MODEL, useSimulator } from './helpers';

const params = (content: string) => ({ model: MODEL, max_tokens: 100, messages: [{ role: 'user' as const, content }] });

async function untilEnded(client: Anthropic, id: string) {
  for (;;) {
    const batch = await client.messages.batches.retrieve(id);
    if (batch.processing_status === 'ended') return batch;
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}

describe('/v1/messages/batches', () => {
  const start = useSimulator();

  it('processes a batch in the background and serves JSONL results with succeeded and errored lines', async () => {
    const { client } = await start({ batchRequestMs: 1 });
    const created = await client.messages.batches.create({
      requests: [
        { custom_id: 'ok-1', params: params('Name a planet') },
        { custom_id: 'bad-role', params: { model: MODEL, max_tokens: 50, messages: [{ role: 'assistant', content: 'Hi' }] } },
        { custom_id: 'streamed', params: { ...params('Hi'), stream: true } as never },
        { custom_id: 'ok-2', params: params('Name a river') },
      ],
    });
    expect(created).toMatchObject({ type: 'message_batch', processing_status: 'in_progress', results_url: null, request_counts: { processing: 4, succeeded: 0 } });
    expect(created.id).toMatch(/^msgbatch_01/);

    const ended = await untilEnded(client, created.id);
    expect(ended.request_counts).toEqual({ processing: 0, succeeded: 2, errored: 2, canceled: 0, expired: 0 });
    expect(ended.results_url).toMatch(new RegExp(`^http://127\\.0\\.0\\.1:\\d+/v1/messages/batches/${created.id}/results$`));
    expect(ended.ended_at).not.toBeNull();

    const lines: Anthropic.Messages.MessageBatchIndividualResponse[] = [];
    for await (const line of await client.messages.batches.results(created.id)) lines.push(line);
    const byId = Object.fromEntries(lines.map((line) => [line.custom_id, line.result]));
    expect(byId['ok-1']).toMatchObject({ type: 'succeeded', message: { type: 'message', usage: { service_tier: 'batch' } } });
    expect(byId['bad-role']).toMatchObject({ type: 'errored', error: { type: 'error', error: { type: 'invalid_request_error', message: 'messages: first message must use the "user" role' } } });
    expect(byId['streamed']).toMatchObject({ type: 'errored', error: { error: { message: expect.stringMatching(/^stream: /) } } });
    expect(byId['ok-2']!.type).toBe('succeeded');
  });

  it('cancels: canceling at once, then ended with the unprocessed requests canceled', async () => {
    const { client } = await start({ batchRequestMs: 60_000 });
    const created = await client.messages.batches.create({ requests: [{ custom_id: 'a', params: params('one') }, { custom_id: 'b', params: params('two') }] });
    await expect(client.messages.batches.results(created.id)).rejects.toThrow(/No batch `results_url`; Has it finished processing\? in_progress/);
    const deleteEarly = await errorOf(() => client.messages.batches.delete(created.id));
    expect(deleteEarly).toBeInstanceOf(Anthropic.BadRequestError);

    const canceling = await client.messages.batches.cancel(created.id);
    expect(canceling.processing_status).toBe('canceling');
    expect(canceling.cancel_initiated_at).not.toBeNull();
    const ended = await untilEnded(client, created.id);
    expect(ended.request_counts).toMatchObject({ canceled: 2, succeeded: 0 });
    const lines = [];
    for await (const line of await client.messages.batches.results(created.id)) lines.push(line);
    expect(lines).toEqual([
      { custom_id: 'a', result: { type: 'canceled' } },
      { custom_id: 'b', result: { type: 'canceled' } },
    ]);

    expect(await client.messages.batches.delete(created.id)).toEqual({ id: created.id, type: 'message_batch_deleted' });
    expect(await errorOf(() => client.messages.batches.retrieve(created.id))).toBeInstanceOf(Anthropic.NotFoundError);
  });

  it('serves results without blank lines', async () => {
    const { client, sim } = await start({ batchRequestMs: 0 });
    const created = await client.messages.batches.create({ requests: [{ custom_id: 'x', params: params('Hi') }] });
    const ended = await untilEnded(client, created.id);
    const response = await fetch(ended.results_url!, { headers: { 'x-api-key': 'k', 'anthropic-version': '2023-06-01' } });
    const text = await response.text();
    expect(text.endsWith('\n')).toBe(true);
    expect(text.split('\n').slice(0, -1).every((line) => line.trim() !== '')).toBe(true);
    expect(sim.requests.at(-1)?.path).toBe(`/v1/messages/batches/${created.id}/results`);
  });

  it('lists batches newest first with pagination', async () => {
    const { client } = await start({ batchRequestMs: 60_000 });
    const ids: string[] = [];
    for (let i = 0; i < 3; i++) ids.push((await client.messages.batches.create({ requests: [{ custom_id: `r${i}`, params: params('Hi') }] })).id);
    const listed: string[] = [];
    for await (const batch of client.messages.batches.list({ limit: 2 })) listed.push(batch.id);
    expect(listed).toEqual([...ids].reverse());
  });

  it.each<[string, unknown[], string]>([
    ['custom_id pattern', [{ custom_id: 'has space', params: params('Hi') }], "requests.0.custom_id: String should match pattern '^[a-zA-Z0-9_-]{1,64}$'"],
    ['custom_id uniqueness', [{ custom_id: 'a', params: params('Hi') }, { custom_id: 'a', params: params('Hi') }], 'requests.1.custom_id: custom_id must be unique'],
    ['at least one request', [], 'requests: List should have between 1 and'],
  ])('rejects a bad %s at create time', async (_rule, requests, message) => {
    const { client } = await start();
    const error = await errorOf(() => client.messages.batches.create({ requests } as Anthropic.Messages.BatchCreateParams));
    expect(error).toBeInstanceOf(Anthropic.BadRequestError);
    expect(error.apiMessage?.startsWith(message)).toBe(true);
  });
});
