import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runHttpTool } from '../../../server/engine/tools/http-tool';
import { createGuardedFetch } from '../../../server/net/guarded-fetch';
import type { Json } from '../../../shared/json-schema';
import { validateWorkflow } from '../../../shared/validate-workflow';
import { startRecordingServer, type RecordingServer } from './recording-server';
import { httpToolWorkflow } from './ssrf-workflows';

// Tool input is Claude's, and Claude reads untrusted text: a JSON body must parse to the object
// the workflow author wrote, with each substituted value in its own slot, whatever the value holds.
describe('http tool JSON bodies are built structurally', () => {
  let api: RecordingServer;
  const fetch = createGuardedFetch({ allowPrivate: true });
  beforeAll(async () => {
    api = await startRecordingServer();
  });
  afterAll(async () => {
    await api?.close();
  });

  async function sentBody(body: string, args: Json, headers?: Record<string, string>, secrets: Record<string, string> = {}): Promise<{ text: string; contentType: string | undefined }> {
    const before = api.requests.length;
    await runHttpTool({ kind: 'http', method: 'POST', url: `${api.url}/search`, body, ...(headers ? { headers } : {}) }, args, { fetch, secrets, signal: new AbortController().signal });
    const request = api.requests[before];
    expect(api.requests.length).toBe(before + 1);
    return { text: request?.body ?? '', contentType: request?.headers['content-type'] };
  }

  it.each([
    ['a quote that closes the string and adds a field', 'tea","admin":true,"x":"'],
    ['a backslash before the quote', 'tea\\","admin":true,"x":"\\'],
    ['a newline and control characters', 'tea\n\u0000\u001f","admin":true'],
    ['a template-looking value', '{{secrets.KEY}}'],
    ['unicode line separators', 'tea\u2028\u2029'],
  ])('%s inside a quoted placeholder stays one string', async (_label, query) => {
    const { text, contentType } = await sentBody('{"query":"{{args.q}}","admin":false}', { q: query });
    expect(JSON.parse(text)).toEqual({ query, admin: false });
    expect(contentType).toBe('application/json');
  });

  it('a bare placeholder becomes the value as a JSON literal: strings quoted, numbers and objects kept', async () => {
    const template = '{"n": {{args.n}}, "s": {{args.s}}, "o": {{args.o}}, "flag": {{args.flag}}}';
    const { text } = await sentBody(template, { n: 3, s: '1, "admin": true', o: { a: ['x'] }, flag: false });
    expect(JSON.parse(text)).toEqual({ n: 3, s: '1, "admin": true', o: { a: ['x'] }, flag: false });
  });

  it('a secret with quotes is escaped like any other value', async () => {
    const { text } = await sentBody('{"key":"{{secrets.API}}"}', {}, undefined, { API: 'k"},"admin":true,"z":{"' });
    expect(JSON.parse(text)).toEqual({ key: 'k"},"admin":true,"z":{"' });
  });

  it('an explicit JSON content type gets JSON encoding even for a body that does not start with a brace', async () => {
    const { text } = await sentBody('  "{{args.q}}"', { q: 'a"b' }, { 'Content-Type': 'application/vnd.api+json' });
    expect(JSON.parse(text)).toBe('a"b');
  });

  it('an old-style template renders exactly as before for harmless values (no migration needed)', async () => {
    const template = '{\n  "query": "{{args.q}}",\n  "limit": 5\n}';
    const { text } = await sentBody(template, { q: 'green tea' });
    expect(text).toBe('{\n  "query": "green tea",\n  "limit": 5\n}');
  });

  it('a body that is one reference keeps its old meaning: an object is sent as its JSON, a string as text', async () => {
    const object = await sentBody('{{args.payload}}', { payload: { query: 'tea', limit: 2 } });
    expect(JSON.parse(object.text)).toEqual({ query: 'tea', limit: 2 });
    expect(object.contentType).toBe('application/json');
    const text = await sentBody('{{args.payload}}', { payload: 'just "text"' });
    expect(text).toEqual({ text: 'just "text"', contentType: 'text/plain' });
  });

  it('a form body percent-encodes values, so & and = cannot add a field', async () => {
    const { text } = await sentBody('query={{args.q}}&admin=false', { q: 'tea&admin=true' }, { 'Content-Type': 'application/x-www-form-urlencoded' });
    expect(Object.fromEntries(new URLSearchParams(text))).toEqual({ query: 'tea&admin=true', admin: 'false' });
  });

  it('the validator refuses a JSON body template that can never be JSON, naming the tool node', () => {
    const workflow = httpToolWorkflow(`${api.url}/search`);
    const tool = workflow.nodes.find((node) => node.id === 'fetch_page') as { config: { implementation: Record<string, unknown> } };
    tool.config.implementation = { kind: 'http', method: 'POST', url: `${api.url}/search`, body: '{"query": "x", }' };
    const issue = validateWorkflow(workflow).errors.find((error) => error.rule === 'http.body_not_json');
    expect(issue?.nodeId).toBe('fetch_page');
    tool.config.implementation.body = '{"query": "x", "n": {{secrets.N}} }';
    expect(validateWorkflow(workflow).errors.filter((error) => error.rule === 'http.body_not_json')).toEqual([]);
  });
});
