import { createHmac, timingSafeEqual } from 'node:crypto';

// A fixed secret on purpose: a conversation recorded against one simulator process (a resumed run,
// a restarted server) must still verify on the next one. It protects nothing but byte-identity.
const SECRET = 'trellis-simulator-thinking-signature-v1';

/** base64(HMAC-SHA256(secret, thinking text)): lets the simulator detect a modified thinking block. */
export function signThinking(thinking: string): string {
  return createHmac('sha256', SECRET).update(thinking, 'utf8').digest('base64');
}

export function verifyThinking(thinking: string, signature: string): boolean {
  const expected = Buffer.from(signThinking(thinking), 'utf8');
  const given = Buffer.from(signature, 'utf8');
  return expected.length === given.length && timingSafeEqual(expected, given);
}
