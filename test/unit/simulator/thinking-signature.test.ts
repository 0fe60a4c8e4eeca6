import { describe, expect, it } from 'vitest';
import { signThinking, verifyThinking } from '../../../server/simulator/thinking-signature';

describe('thinking signatures', () => {
  it('verify the exact text they were made for, and nothing else', () => {
    const signature = signThinking('Let me think step by step.');
    expect(Buffer.from(signature, 'base64')).toHaveLength(32);
    expect(verifyThinking('Let me think step by step.', signature)).toBe(true);
    expect(verifyThinking('Let me think step by step!', signature)).toBe(false);
    expect(verifyThinking('Let me think step by step.', `${signature.slice(0, -2)}A=`)).toBe(false);
    expect(verifyThinking('', signThinking(''))).toBe(true);
  });
});
