import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createReplayFetch, loadCassette, parseReplayFlags, saveCassette, type Cassette } from '../../../server/replay';

const dir = mkdtempSync(join(tmpdir(), 'trellis-cassette-file-'));

const cassette: Cassette = {
  format: 'trellis.cassette',
  version: 1,
  exchanges: [
    {
      request: { method: 'POST', path: '/v1/messages/count_tokens', headers: { 'anthropic-version': '2026-10-21' }, body: { model: 'claude-haiku-4-5', messages: [{ role: 'user', content: 'hi' }] } },
      response: { status: 200, headers: { 'content-type': 'application/json', 'request-id': 'req_1' }, body: '{"input_tokens":3}' },
    },
  ],
};

describe('cassette files', () => {
  it('save is stable: sorted body keys, fixed envelope order, and a byte-identical round trip', async () => {
    const path = join(dir, 'stable.json');
    await saveCassette(path, cassette);
    const first = readFileSync(path, 'utf8');
    expect(first.indexOf('"format"')).toBeLessThan(first.indexOf('"exchanges"'));
    expect(first.indexOf('"messages"')).toBeLessThan(first.indexOf('"model"'));
    await saveCassette(path, await loadCassette(path));
    expect(readFileSync(path, 'utf8')).toBe(first);
  });

  it('load names the path and rule of what is wrong', async () => {
    const path = join(dir, 'bad.json');
    writeFileSync(path, JSON.stringify({ ...cassette, exchanges: [{ ...cassette.exchanges[0], response: { status: 'ok', headers: {}, body: '' } }] }));
    await expect(loadCassette(path)).rejects.toThrow(/bad\.json: not a Trellis cassette: \/exchanges\/0\/response\/status must be integer \[type\]/);
    writeFileSync(path, JSON.stringify({ ...cassette, version: 2 }));
    await expect(loadCassette(path)).rejects.toThrow(/\/version must be equal to constant \(1\) \[const\]/);
    writeFileSync(path, '{ nope');
    await expect(loadCassette(path)).rejects.toThrow(/is not valid JSON/);
  });

  it('replay matches bodies whatever their key order and never needs a real host', async () => {
    const replay = createReplayFetch(cassette);
    const response = await replay('http://cassette.invalid/v1/messages/count_tokens', {
      method: 'POST',
      headers: { 'anthropic-version': '2026-10-21', 'x-api-key': 'whatever' },
      body: JSON.stringify({ messages: [{ content: 'hi', role: 'user' }], model: 'claude-haiku-4-5' }),
    });
    expect(response.status).toBe(200);
    expect(response.headers.get('request-id')).toBe('req_1');
    expect(await response.json()).toEqual({ input_tokens: 3 });
  });

  it('parseReplayFlags takes the cassette flags out and leaves the rest', () => {
    expect(parseReplayFlags(['wf.json', '--replay', 'c.json', '--json'])).toEqual({ replay: 'c.json', rest: ['wf.json', '--json'] });
    expect(parseReplayFlags(['--record=out.json', 'wf.json'])).toEqual({ record: 'out.json', rest: ['wf.json'] });
    expect(() => parseReplayFlags(['--record', 'a.json', '--replay', 'b.json'])).toThrow(/either --record or --replay/);
    expect(() => parseReplayFlags(['wf.json', '--replay'])).toThrow(/--replay needs a cassette file path/);
  });
});
