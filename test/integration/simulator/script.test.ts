import Anthropic from '@anthropic-ai/sdk';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { errorOf, MODEL, useSimulator } from './helpers';

const ask = (content: string) => ({ model: MODEL, max_tokens: 200, messages: [{ role: 'user' as const, content }] });

describe('scripting', () => {
  const start = useSimulator();

  it('answers matching requests from a script file before the default generator', async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'sim-script-')), 'script.json');
    writeFileSync(
      file,
      JSON.stringify([
        { match: { lastUserText: 'capital of France' }, respond: { content: [{ type: 'text', text: 'Paris.' }] } },
        { match: { lastUserText: { regex: '^delete', flags: 'i' } }, respond: { status: 403, error: { type: 'permission_error', message: 'Not allowed' } } },
        { match: { toolName: 'search' }, respond: { content: [{ type: 'tool_use', name: 'search', input: { q: 'scripted' } }] }, times: 1 },
      ]),
    );
    const { client } = await start({ script: file });
    const scripted = await client.messages.create(ask('What is the capital of France?'));
    expect(scripted.content).toEqual([{ type: 'text', text: 'Paris.', citations: null }]);
    expect(scripted.stop_reason).toBe('end_turn');
    const streamed = await client.messages.stream(ask('capital of France, again')).finalMessage();
    expect(streamed.content[0]).toMatchObject({ text: 'Paris.' });

    const denied = await errorOf(() => client.messages.create(ask('Delete everything')));
    expect(denied).toBeInstanceOf(Anthropic.PermissionDeniedError);
    expect(denied.apiMessage).toBe('Not allowed');

    const tools: Anthropic.Tool[] = [{ name: 'search', input_schema: { type: 'object', properties: { q: { type: 'string' } } } }];
    const call = await client.messages.create({ ...ask('hello'), tools });
    expect(call.stop_reason).toBe('tool_use');
    expect(call.content[0]).toMatchObject({ type: 'tool_use', name: 'search', input: { q: 'scripted' }, caller: { type: 'direct' } });
    // `times: 1` is used up: the next request falls through to the generator.
    const generated = await client.messages.create({ ...ask('hello'), tools });
    expect(generated.content.some((block) => block.type === 'tool_use')).toBe(false);
  });

  it('replaces rules at runtime and still validates scripted requests', async () => {
    const { sim, client } = await start();
    sim.script([{ respond: { content: [{ type: 'text', text: 'Always this.' }], usage: { output_tokens: 42 } } }]);
    const message = await client.messages.create(ask('anything'));
    expect(message.content[0]).toMatchObject({ text: 'Always this.' });
    expect(message.usage.output_tokens).toBe(42);
    expect(await errorOf(() => client.messages.create({ ...ask('x'), messages: [] }))).toBeInstanceOf(Anthropic.BadRequestError);
  });

  it('rejects a malformed script with the path of the bad rule', async () => {
    const { sim } = await start();
    expect(() => sim.script([{ respond: { status: 99 } }])).toThrow('script[0].respond.status: must be an HTTP status');
  });
});
