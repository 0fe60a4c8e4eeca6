import { describe, expect, it } from 'vitest';
import { createClaude } from '../../../server/claude';
import { MODEL, useSimulator } from './helpers';

describe('createClaude', () => {
  const start = useSimulator();

  it('starts the in-process simulator when no key is set', async () => {
    const claude = await createClaude({ env: {} });
    try {
      expect(claude.mode).toBe('simulator');
      expect(claude.baseURL).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
      const message = await claude.client.messages.create({ model: MODEL, max_tokens: 50, messages: [{ role: 'user', content: 'Hello' }] });
      expect(message.type).toBe('message');
      expect(claude.simulator?.requests).toHaveLength(1);
      expect(claude.simulator?.requests[0]?.headers.authorization).toBe('[redacted]');
    } finally {
      await claude.close();
    }
  });

  it('uses ANTHROPIC_API_KEY and ANTHROPIC_BASE_URL when a key is set', async () => {
    const keys: string[] = [];
    const { sim: upstream } = await start({ acceptKey: (key) => (keys.push(key), key === 'sk-ant-real-key') });
    const claude = await createClaude({ env: { ANTHROPIC_API_KEY: 'sk-ant-real-key', ANTHROPIC_BASE_URL: upstream.url }, maxRetries: 0 });
    expect(claude.mode).toBe('anthropic');
    expect(claude.baseURL).toBe(upstream.url);
    expect(claude.simulator).toBeUndefined();
    const message = await claude.client.messages.create({ model: MODEL, max_tokens: 50, messages: [{ role: 'user', content: 'Hello' }] });
    expect(message.type).toBe('message');
    expect(keys).toEqual(['sk-ant-real-key']);
    expect(JSON.stringify(upstream.requests)).not.toContain('sk-ant-real-key');
  });

  it('sends the configured key, which a strict upstream rejects when wrong', async () => {
    const { sim: upstream } = await start({ acceptKey: (key) => key === 'expected' });
    const claude = await createClaude({ env: { ANTHROPIC_API_KEY: 'wrong', ANTHROPIC_BASE_URL: upstream.url }, maxRetries: 0 });
    await expect(claude.client.messages.create({ model: MODEL, max_tokens: 50, messages: [{ role: 'user', content: 'Hello' }] })).rejects.toMatchObject({ status: 401, type: 'authentication_error' });
  });
});
