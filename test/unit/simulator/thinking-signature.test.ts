import { describe, expect, it } from 'vitest';
import { signThinking, verifyThinking } from '../../../server/simulator/thinking-signature';

const BINDING = { model: 'claude-sonnet-5-5', prefix: 'a'.repeat(64) };

describe('thinking signatures', () => {
  it('verify the exact text they were made for, and nothing else', () => {
    const signature = signThinking('Let me think step by step.', BINDING);
    expect(verifyThinking('Let me think step by step.', signature)).toBeDefined();
    expect(verifyThinking('Let me think step by step!', signature)).toBeUndefined();
    expect(verifyThinking('Let me think step by step.', `${signature.slice(0, -4)}AAA=`)).toBeUndefined();
    expect(verifyThinking('Let me think step by step.', 'not a signature')).toBeUndefined();
    expect(verifyThinking('', signThinking('', BINDING))).toBeDefined();
  });

  // build-with-claude/preserved-thinking: a block is tied to the model that wrote it and to its prefix.
  it('carry the model that wrote the block and check the prefix it was bound to', () => {
    const verified = verifyThinking('Plan.', signThinking('Plan.', BINDING))!;
    expect(verified.model).toBe('claude-sonnet-5-5');
    expect(verified.matchesPrefix(BINDING.prefix)).toBe(true);
    expect(verified.matchesPrefix('b'.repeat(64))).toBe(false);
  });

  it('do not let the model id be swapped while keeping the text MAC', () => {
    const signature = Buffer.from(signThinking('Plan.', BINDING), 'base64');
    const forged = Buffer.from(signature);
    forged.write('claude-opus-5-5  ', 6, 'utf8');
    const verified = verifyThinking('Plan.', forged.toString('base64'));
    expect(verified?.matchesPrefix(BINDING.prefix) ?? false).toBe(false);
  });
});
