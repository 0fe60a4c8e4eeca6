import Anthropic from '@anthropic-ai/sdk';
import { describe, expect, it } from 'vitest';
import { findModel, MODELS } from '../../../server/simulator/simulator-models';
import { errorOf, useSimulator } from './helpers';

describe('GET /v1/models', () => {
  const start = useSimulator();

  it('lists the whole catalogue newest first through SDK auto-pagination', async () => {
    const { client, sim } = await start();
    const ids: string[] = [];
    for await (const model of client.models.list({ limit: 3 })) ids.push(model.id);
    expect(ids.sort()).toEqual(MODELS.map((model) => model.id).sort());
    const pages = sim.requests.filter((request) => request.path === '/v1/models');
    expect(pages).toHaveLength(Math.ceil(MODELS.length / 3));
    const listed: string[] = [];
    for await (const model of client.models.list({ limit: 3 })) listed.push(model.created_at);
    expect([...listed].sort().reverse()).toEqual(listed);
  });

  it('pages with has_more, first_id, last_id, after_id and before_id', async () => {
    const { client } = await start();
    const first = await client.models.list({ limit: 2 });
    expect(first.has_more).toBe(true);
    expect(first.first_id).toBe(first.data[0]!.id);
    expect(first.last_id).toBe(first.data[1]!.id);
    const second = await client.models.list({ limit: 2, after_id: first.last_id! });
    expect(second.data[0]!.id).not.toBe(first.data[1]!.id);
    const back = await client.models.list({ limit: 2, before_id: second.first_id! });
    expect(back.data.map((model) => model.id)).toEqual(first.data.map((model) => model.id));
  });

  it('retrieves one model with capabilities derived from the catalogue', async () => {
    const { client } = await start();
    const info = await client.models.retrieve('claude-haiku-4-5');
    const spec = findModel('claude-haiku-4-5')!;
    expect(info).toMatchObject({ type: 'model', id: spec.id, display_name: spec.display_name, max_input_tokens: spec.max_input_tokens, max_tokens: spec.max_tokens });
    expect(info.capabilities?.thinking.types.adaptive.supported).toBe(false);
    expect(info.capabilities?.thinking.types.enabled.supported).toBe(true);
    expect(info.capabilities?.structured_outputs.supported).toBe(false);
  });

  it('answers an unknown id with 404 not_found_error', async () => {
    const { client } = await start();
    const error = await errorOf(() => client.models.retrieve('claude-nope'));
    expect(error).toBeInstanceOf(Anthropic.NotFoundError);
    expect(error.type).toBe('not_found_error');
  });
});
