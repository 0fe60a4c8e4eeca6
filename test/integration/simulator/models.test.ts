import Anthropic from '@anthropic-ai/sdk';
import { describe, expect, it } from 'vitest';
import { errorOf, useSimulator } from './helpers';

type Effort = 'low' | 'medium' | 'high' | 'xhigh' | 'max';
type Thinking = 'enabled' | 'adaptive' | 'disabled' | 'between_tools';
const ALL: Effort[] = ['low', 'medium', 'high', 'xhigh', 'max'];
const TO_MAX: Effort[] = ['low', 'medium', 'high', 'max'];

/**
 * What the documentation says per model, written here independently of the simulator's catalogue:
 * [id, lifecycle, line, context, max output, accepted thinking types, effort levels (null = none)].
 * Sources: models/<model>/overview, about-claude/model-deprecations, build-with-claude/effort,
 * build-with-claude/thinking-troubleshooting, and the per-model "what's new" pages.
 */
const DOCUMENTED: [string, 'active' | 'deprecated', string, number, number, Thinking[], Effort[] | null][] = [
  ['claude-fable-5-2', 'active', 'fable', 1_000_000, 128_000, ['adaptive'], ALL],
  ['claude-mythos-5-2', 'active', 'mythos', 1_000_000, 128_000, ['adaptive'], ALL],
  ['claude-haiku-5-5', 'active', 'haiku', 1_000_000, 128_000, ['adaptive', 'disabled'], ALL],
  ['claude-sonnet-5-5', 'active', 'sonnet', 1_000_000, 128_000, ['adaptive', 'between_tools'], ALL],
  ['claude-fable-5-1', 'active', 'fable', 1_000_000, 128_000, ['adaptive'], ALL],
  ['claude-opus-5-5', 'active', 'opus', 1_000_000, 128_000, ['adaptive'], ALL],
  ['claude-mythos-5-1', 'active', 'mythos', 1_000_000, 128_000, ['adaptive'], ALL],
  ['claude-sonnet-5', 'active', 'sonnet', 1_000_000, 128_000, ['adaptive', 'disabled'], ALL],
  ['claude-fable-5', 'active', 'fable', 1_000_000, 128_000, ['adaptive'], ALL],
  ['claude-mythos-5', 'active', 'mythos', 1_000_000, 128_000, ['adaptive'], ALL],
  ['claude-opus-5', 'active', 'opus', 1_000_000, 128_000, ['adaptive', 'disabled'], ALL],
  ['claude-opus-4-8', 'active', 'opus', 1_000_000, 128_000, ['adaptive', 'disabled'], ALL],
  ['claude-opus-4-7', 'active', 'opus', 1_000_000, 128_000, ['adaptive', 'disabled'], ALL],
  ['claude-mythos-preview', 'deprecated', 'mythos', 1_000_000, 128_000, ['adaptive'], TO_MAX],
  ['claude-opus-4-6', 'active', 'opus', 1_000_000, 128_000, ['enabled', 'adaptive', 'disabled'], TO_MAX],
  ['claude-sonnet-4-6', 'active', 'sonnet', 1_000_000, 128_000, ['enabled', 'adaptive', 'disabled'], TO_MAX],
  ['claude-haiku-4-5', 'active', 'haiku', 200_000, 64_000, ['enabled', 'disabled'], null],
  ['claude-haiku-4-5-20251001', 'active', 'haiku', 200_000, 64_000, ['enabled', 'disabled'], null],
  ['claude-opus-4-5', 'deprecated', 'opus', 200_000, 64_000, ['enabled', 'disabled'], ['low', 'medium', 'high']],
  ['claude-opus-4-5-20251101', 'deprecated', 'opus', 200_000, 64_000, ['enabled', 'disabled'], ['low', 'medium', 'high']],
  ['claude-sonnet-4-5', 'deprecated', 'sonnet', 200_000, 64_000, ['enabled', 'disabled'], null],
  ['claude-sonnet-4-5-20250929', 'deprecated', 'sonnet', 200_000, 64_000, ['enabled', 'disabled'], null],
];
const RETIRED = ['claude-opus-4-20250514', 'claude-sonnet-4-20250514'];
// Every key of the SDK's ModelCapabilities (resources/models.d.ts).
const CAPABILITY_KEYS = ['batch', 'citations', 'code_execution', 'context_management', 'effort', 'image_input', 'pdf_input', 'server_tools', 'structured_outputs', 'thinking'];

describe('GET /v1/models', () => {
  const start = useSimulator();

  it('covers every model id of the SDK Model union that the docs list', async () => {
    const { client } = await start();
    const ids: string[] = [];
    for await (const model of client.models.list({ limit: 5 })) ids.push(model.id);
    expect(ids.sort()).toEqual(DOCUMENTED.map(([id]) => id).sort());
  });

  it('lists active and deprecated models by default, newest first, through SDK auto-pagination', async () => {
    const { client, sim } = await start();
    const listed: Anthropic.Models.ModelInfo[] = [];
    for await (const model of client.models.list({ limit: 3 })) listed.push(model);
    expect(sim.requests.filter((request) => request.path === '/v1/models')).toHaveLength(Math.ceil(DOCUMENTED.length / 3));
    expect(listed.every((model) => model.lifecycle !== 'retired')).toBe(true);
    const dates = listed.map((model) => model.created_at);
    expect([...dates].sort().reverse()).toEqual(dates);
  });

  // SDK ModelListParams.lifecycle: "retired models appear only when retired is requested explicitly".
  it('honours the lifecycle[] filter', async () => {
    const { client } = await start();
    const retired = await client.models.list({ lifecycle: ['retired'] });
    expect(retired.data.map((model) => model.id).sort()).toEqual(RETIRED);
    expect(retired.data.every((model) => model.lifecycle === 'retired' && model.retires_at !== null && model.deprecated_at !== null)).toBe(true);
    const deprecated = await client.models.list({ lifecycle: ['deprecated'] });
    expect(deprecated.data.map((model) => model.id).sort()).toEqual(DOCUMENTED.filter(([, lifecycle]) => lifecycle === 'deprecated').map(([id]) => id).sort());
    const everything = await client.models.list({ lifecycle: ['active', 'deprecated', 'retired'], limit: 100 });
    expect(everything.data).toHaveLength(DOCUMENTED.length + RETIRED.length);
  });

  it('refuses an unknown lifecycle value', async () => {
    const { client } = await start();
    const error = await errorOf(() => client.models.list({ lifecycle: ['legacy' as 'active'] }));
    expect(error).toBeInstanceOf(Anthropic.BadRequestError);
    expect(error.apiMessage).toBe("lifecycle: Input should be 'active', 'deprecated' or 'retired'");
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

  it.each(DOCUMENTED)('%s: %s, line %s, %i context, %i output, thinking and effort as documented', async (id, lifecycle, line, context, output, thinking, effort) => {
    const { client } = await start();
    const info = await client.models.retrieve(id);
    expect(info).toMatchObject({ type: 'model', id, lifecycle, line, max_input_tokens: context, max_tokens: output });
    expect(lifecycle === 'active' ? info.deprecated_at : typeof info.deprecated_at).toBe(lifecycle === 'active' ? null : 'string');
    const capabilities = info.capabilities!;
    expect(Object.keys(capabilities).sort()).toEqual(CAPABILITY_KEYS);
    const acceptedThinking = (['enabled', 'adaptive', 'disabled', 'between_tools'] as const).filter((type) => capabilities.thinking.types[type].supported);
    expect(acceptedThinking).toEqual(thinking);
    expect(capabilities.thinking.supported).toBe(thinking.includes('enabled') || thinking.includes('adaptive'));
    expect(capabilities.effort.supported).toBe(effort !== null);
    expect(ALL.filter((level) => capabilities.effort[level]?.supported)).toEqual(effort ?? []);
    // build-with-claude/structured-outputs: GA on the 4.5 family and later, Haiku 4.5 included.
    expect(capabilities.structured_outputs.supported).toBe(true);
    expect(capabilities.image_input.supported).toBe(true);
    expect(capabilities.pdf_input.supported).toBe(true);
  });

  it('retrieves a retired model: it stays in the catalogue as the historical record', async () => {
    const { client } = await start();
    const info = await client.models.retrieve('claude-sonnet-4-20250514');
    expect(info).toMatchObject({ lifecycle: 'retired', retires_at: '2026-06-15T00:00:00Z' });
  });

  it('answers an unknown id with 404 not_found_error', async () => {
    const { client } = await start();
    const error = await errorOf(() => client.models.retrieve('claude-nope'));
    expect(error).toBeInstanceOf(Anthropic.NotFoundError);
    expect(error.type).toBe('not_found_error');
  });
});
