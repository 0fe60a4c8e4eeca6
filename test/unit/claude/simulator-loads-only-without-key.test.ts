import { describe, expect, it, vi } from 'vitest';
import { createClaude } from '../../../server/claude';

// Loading the simulator module at all fails this file: with a key it must never be imported.
vi.mock('../../../server/simulator', () => {
  throw new Error('the simulator module was loaded');
});

describe('createClaude', () => {
  it('with ANTHROPIC_API_KEY builds the API client without loading the simulator', async () => {
    const connection = await createClaude({ env: { ANTHROPIC_API_KEY: 'sk-ant-lazy', ANTHROPIC_BASE_URL: 'http://claude.invalid' }, rateLimit: false });
    expect(connection.mode).toBe('anthropic');
    expect(connection.simulator).toBeUndefined();
    await connection.close();
  });

  it('without a key loads it (so the mock above is really in the way)', async () => {
    await expect(createClaude({ env: {}, rateLimit: false })).rejects.toThrow(/error when mocking a module|simulator module was loaded/);
  });
});
