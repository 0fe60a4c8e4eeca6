import Anthropic from '@anthropic-ai/sdk';
import { describe, expect, it } from 'vitest';
import { errorOf, useSimulator } from './helpers';

type Params = Record<string, unknown>;
const ask = (model: string, extra: Params = {}): Params => ({ model, max_tokens: 4000, messages: [{ role: 'user', content: 'Hello' }], ...extra });
const LOOKUP = { name: 'lookup', input_schema: { type: 'object', properties: {} } };
// The API's wording for forced tool_choice on Opus 5.5 as quoted in public bug reports.
const FORCED_REFUSED = 'tool_choice: type "tool" and "any" are not supported for this model.';
const ENABLED_REFUSED = '"thinking.type.enabled" is not supported for this model. Use "thinking.type.adaptive" and "output_config.effort" to control thinking behavior.';

/** [docs page, rule, body, exact API message] — every case is a 400 invalid_request_error. */
const REFUSED: [string, string, Params, string][] = [
  // --- thinking types ---
  ['build-with-claude/thinking-troubleshooting', 'enabled on Claude 4.7 and later (Opus 4.8)', ask('claude-opus-4-8', { thinking: { type: 'enabled', budget_tokens: 2048 } }), ENABLED_REFUSED],
  ['models/sonnet-5-5/whats-new-sonnet-5-5', 'enabled on Sonnet 5.5', ask('claude-sonnet-5-5', { thinking: { type: 'enabled', budget_tokens: 2048 } }), ENABLED_REFUSED],
  ['models/haiku-5-5/migration-guide', 'enabled on Haiku 5.5', ask('claude-haiku-5-5', { thinking: { type: 'enabled', budget_tokens: 2048 } }), ENABLED_REFUSED],
  ['models/sonnet-5-5/whats-new-sonnet-5-5 ("the message tells you to use between_tools")', 'disabled on Sonnet 5.5', ask('claude-sonnet-5-5', { thinking: { type: 'disabled' } }), '"thinking.type.disabled" is not supported for this model. Use "thinking.type.between_tools" to turn off up-front thinking.'],
  ['models/opus-5-5/whats-new-opus-5-5 ("Thinking can\'t be disabled")', 'disabled on Opus 5.5', ask('claude-opus-5-5', { thinking: { type: 'disabled' } }), '"thinking.type.disabled" is not supported for this model. Thinking is always on; use "output_config.effort" to control thinking behavior.'],
  ['models/opus-5-5/whats-new-opus-5-5 (also on Fable 5.1)', 'disabled on Fable 5.1', ask('claude-fable-5-1', { thinking: { type: 'disabled' } }), '"thinking.type.disabled" is not supported for this model. Thinking is always on; use "output_config.effort" to control thinking behavior.'],
  ['build-with-claude/thinking-troubleshooting ("extended thinking is the only thinking mode" on 4.5)', 'adaptive on Haiku 4.5', ask('claude-haiku-4-5', { thinking: { type: 'adaptive' } }), '"thinking.type.adaptive" is not supported for this model. Use "thinking.type.enabled" with "budget_tokens".'],
  ['models/sonnet-5-5/whats-new-sonnet-5-5 (between_tools is new on Sonnet 5.5)', 'between_tools on Opus 4.8', ask('claude-opus-4-8', { thinking: { type: 'between_tools' } }), '"thinking.type.between_tools" is not supported for this model.'],
  // --- effort ---
  ['models/opus-5/overview ("thinking can be disabled only at effort high or below")', 'disabled at xhigh on Opus 5', ask('claude-opus-5', { thinking: { type: 'disabled' }, output_config: { effort: 'xhigh' } }), "output_config.effort 'xhigh' is not supported when thinking is disabled on this model. Use effort 'high' or below, or enable thinking."],
  ['models/haiku-5-5/whats-new-haiku-5-5 (disabled only at effort high or lower)', 'disabled at max on Haiku 5.5', ask('claude-haiku-5-5', { thinking: { type: 'disabled' }, output_config: { effort: 'max' } }), "output_config.effort 'max' is not supported when thinking is disabled on this model. Use effort 'high' or below, or enable thinking."],
  ['models/sonnet-5-5/whats-new-sonnet-5-5 ("At xhigh or max effort, requests using between_tools return a 400")', 'between_tools at xhigh on Sonnet 5.5', ask('claude-sonnet-5-5', { thinking: { type: 'between_tools' }, output_config: { effort: 'xhigh' } }), "output_config.effort 'xhigh' is not supported with thinking type between_tools on this model. Use effort 'high' or below, or use adaptive thinking."],
  ['models/overview (Haiku 4.5: effort "Not supported")', 'effort on Haiku 4.5', ask('claude-haiku-4-5', { output_config: { effort: 'low' } }), 'This model does not support the effort parameter.'],
  ['build-with-claude/effort (xhigh arrived with Opus 4.7)', 'xhigh on Sonnet 4.6', ask('claude-sonnet-4-6', { output_config: { effort: 'xhigh' } }), "output_config.effort: 'xhigh' is not supported for claude-sonnet-4-6. Supported levels: low, medium, high, max"],
  ['build-with-claude/effort (Opus 4.5 predates max)', 'max on Opus 4.5', ask('claude-opus-4-5', { output_config: { effort: 'max' } }), "output_config.effort: 'max' is not supported for claude-opus-4-5. Supported levels: low, medium, high"],
  // --- forced tool use ---
  ['models/opus-5-5/whats-new-opus-5-5 ("Forced tool use returns an error")', 'tool_choice any on Opus 5.5', ask('claude-opus-5-5', { tools: [LOOKUP], tool_choice: { type: 'any' } }), FORCED_REFUSED],
  ['models/sonnet-5-5/whats-new-sonnet-5-5 ("Forced tool use returns an error")', 'tool_choice tool on Sonnet 5.5', ask('claude-sonnet-5-5', { tools: [LOOKUP], tool_choice: { type: 'tool', name: 'lookup' } }), FORCED_REFUSED],
  ['models/opus-5-5/whats-new-opus-5-5 (also applies on Fable 5.1)', 'tool_choice any on Fable 5.1 even with thinking omitted', ask('claude-fable-5-1', { tools: [LOOKUP], tool_choice: { type: 'any' } }), FORCED_REFUSED],
  ['build-with-claude/extended-thinking (only auto and none with thinking)', 'tool_choice any with adaptive thinking on Sonnet 4.6', ask('claude-sonnet-4-6', { tools: [LOOKUP], tool_choice: { type: 'any' }, thinking: { type: 'adaptive' } }), 'tool_choice: Thinking may not be enabled when tool_choice forces tool use.'],
  ['build-with-claude/extended-thinking + models/haiku-5-5 (thinks by default)', 'tool_choice any on Haiku 5.5 with thinking omitted', ask('claude-haiku-5-5', { tools: [LOOKUP], tool_choice: { type: 'any' } }), 'tool_choice: Thinking may not be enabled when tool_choice forces tool use.'],
  // --- sampling ---
  ['api/versioning (2026-10-21 removed temperature, top_p, top_k)', 'temperature on Haiku 4.5 under 2026-10-21', ask('claude-haiku-4-5', { temperature: 1 }), 'temperature: Extra inputs are not permitted'],
  ['api/versioning', 'top_k on Sonnet 4.6 under 2026-10-21', ask('claude-sonnet-4-6', { top_k: 5 }), 'top_k: Extra inputs are not permitted'],
];

/** [docs page, rule, body]: requests the docs say are fine. */
const ACCEPTED: [string, string, Params][] = [
  ['build-with-claude/thinking-troubleshooting (enabled deprecated but still works on 4.6)', 'enabled with budget 1024 < max_tokens on Sonnet 4.6', ask('claude-sonnet-4-6', { thinking: { type: 'enabled', budget_tokens: 1024 } })],
  ['build-with-claude/extended-thinking', 'enabled on Haiku 4.5', ask('claude-haiku-4-5', { thinking: { type: 'enabled', budget_tokens: 2048 } })],
  ['models/opus-5/overview', 'disabled at high on Opus 5', ask('claude-opus-5', { thinking: { type: 'disabled' }, output_config: { effort: 'high' } })],
  ['models/opus-5/overview', 'disabled at the default effort on Opus 5', ask('claude-opus-5', { thinking: { type: 'disabled' } })],
  ['models/haiku-5-5/whats-new-haiku-5-5', 'disabled at high on Haiku 5.5', ask('claude-haiku-5-5', { thinking: { type: 'disabled' }, output_config: { effort: 'high' } })],
  ['models/sonnet-5-5/whats-new-sonnet-5-5', 'between_tools at high on Sonnet 5.5', ask('claude-sonnet-5-5', { thinking: { type: 'between_tools' }, output_config: { effort: 'high' } })],
  ['build-with-claude/effort', 'xhigh on Opus 4.7', ask('claude-opus-4-7', { output_config: { effort: 'xhigh' } })],
  ['build-with-claude/effort', 'max on Sonnet 4.6', ask('claude-sonnet-4-6', { output_config: { effort: 'max' } })],
  ['models/opus-5-5/whats-new-opus-5-5', 'tool_choice auto and none on Opus 5.5', ask('claude-opus-5-5', { tools: [LOOKUP], tool_choice: { type: 'none' } })],
  ['build-with-claude/extended-thinking', 'tool_choice any without thinking on Sonnet 4.6', ask('claude-sonnet-4-6', { tools: [LOOKUP], tool_choice: { type: 'any' } })],
  ['models/haiku-5-5/migration-guide (no tool_choice change)', 'tool_choice any with thinking disabled on Haiku 5.5', ask('claude-haiku-5-5', { tools: [LOOKUP], tool_choice: { type: 'any' }, thinking: { type: 'disabled' } })],
  ['about-claude/model-deprecations ("still functional")', 'a deprecated model (Sonnet 4.5)', ask('claude-sonnet-4-5')],
];

describe('per-model thinking, effort, tool_choice and sampling rules', () => {
  const start = useSimulator();

  it.each(REFUSED)('%s: %s → 400', async (_page, _rule, body, message) => {
    const { client } = await start();
    const error = await errorOf(() => client.messages.create(body as unknown as Anthropic.MessageCreateParamsNonStreaming));
    expect(error).toBeInstanceOf(Anthropic.BadRequestError);
    expect(error.status).toBe(400);
    expect(error.type).toBe('invalid_request_error');
    expect(error.apiMessage).toBe(message);
  });

  it.each(REFUSED.filter(([, rule]) => !rule.includes('under 2026-10-21')))('count_tokens applies the same rule: %s: %s', async (_page, _rule, body, message) => {
    const { client } = await start();
    const { max_tokens: _unused, ...params } = body;
    const error = await errorOf(() => client.messages.countTokens(params as unknown as Anthropic.MessageCountTokensParams));
    // count_tokens has no max_tokens, so effort rules that depend on it still apply; the message is the same.
    expect(error.status).toBe(400);
    expect(error.apiMessage).toBe(message);
  });

  it.each(ACCEPTED)('%s: %s → 200', async (_page, _rule, body) => {
    const { client } = await start();
    const message = await client.messages.create(body as unknown as Anthropic.MessageCreateParamsNonStreaming);
    expect(message.type).toBe('message');
  });

  // about-claude/model-deprecations: "Requests to retired models will fail."
  // The message is the API's for an unknown id, as public reports quote it after Sonnet 4 retired.
  it('refuses a retired model with 404 not_found_error', async () => {
    const { client } = await start();
    const error = await errorOf(() => client.messages.create(ask('claude-sonnet-4-20250514') as unknown as Anthropic.MessageCreateParamsNonStreaming));
    expect(error).toBeInstanceOf(Anthropic.NotFoundError);
    expect(error.type).toBe('not_found_error');
    expect(error.apiMessage).toBe('model: claude-sonnet-4-20250514');
    const counted = await errorOf(() => client.messages.countTokens({ model: 'claude-opus-4-20250514', messages: [{ role: 'user', content: 'Hi' }] }));
    expect(counted.status).toBe(404);
  });

  // preserved-thinking/fix-bound-to-a-different-conversation: block_binding needs its beta header.
  it('refuses thinking.block_binding without the thinking-binding-controls beta header', async () => {
    const { client } = await start();
    const body = ask('claude-sonnet-5-5', { thinking: { type: 'adaptive', block_binding: { prefix_mismatch_behavior: 'drop_block' } } });
    const error = await errorOf(() => client.messages.create(body as unknown as Anthropic.MessageCreateParamsNonStreaming));
    expect(error.status).toBe(400);
    expect(error.apiMessage).toBe('thinking.block_binding: thinking.block_binding requires the beta header anthropic-beta: thinking-binding-controls-2026-08-01');
  });
});
