import { createHmac, timingSafeEqual } from 'node:crypto';

// A fixed secret on purpose: a conversation recorded against one simulator process (a resumed run,
// a restarted server) must still verify on the next one. It protects nothing but integrity.
const SECRET = 'trellis-simulator-thinking-signature-v2';
const MAGIC = Buffer.from('TSIM2', 'latin1');
const MAC_BYTES = 32;

/** What a thinking block is bound to: the model that wrote it and the digest of its conversation prefix. */
export interface ThinkingBinding {
  model: string;
  /** `ConversationPrefix.digest()` of everything before the block. */
  prefix: string;
}

/** A signature that verified against its text: who wrote the block, and whether its prefix still matches. */
export interface VerifiedSignature {
  model: string;
  matchesPrefix(prefix: string): boolean;
}

/**
 * base64(magic | model | HMAC(text) | HMAC(model, prefix, text)). The first MAC detects an edited
 * block on every model (byte identity, extended-thinking docs); the second binds it to the model
 * and conversation for the preserved-thinking prefix check; the readable model id lets a model
 * drop blocks written by a model it cannot read.
 */
export function signThinking(thinking: string, binding: ThinkingBinding): string {
  const model = Buffer.from(binding.model, 'utf8');
  return Buffer.concat([MAGIC, Buffer.from([model.length]), model, textMac(thinking), prefixMac(thinking, binding)]).toString('base64');
}

/** undefined when the signature is malformed or was not made for exactly this text. */
export function verifyThinking(thinking: string, signature: string): VerifiedSignature | undefined {
  const bytes = Buffer.from(signature, 'base64');
  if (bytes.length < MAGIC.length + 1 || !bytes.subarray(0, MAGIC.length).equals(MAGIC)) return undefined;
  const modelLength = bytes[MAGIC.length]!;
  const modelEnd = MAGIC.length + 1 + modelLength;
  if (bytes.length !== modelEnd + 2 * MAC_BYTES || bytes.toString('base64') !== signature) return undefined;
  const model = bytes.toString('utf8', MAGIC.length + 1, modelEnd);
  if (!timingSafeEqual(bytes.subarray(modelEnd, modelEnd + MAC_BYTES), textMac(thinking))) return undefined;
  const boundMac = bytes.subarray(modelEnd + MAC_BYTES);
  return { model, matchesPrefix: (prefix) => timingSafeEqual(boundMac, prefixMac(thinking, { model, prefix })) };
}

function textMac(thinking: string): Buffer {
  return createHmac('sha256', SECRET).update('text\0').update(thinking, 'utf8').digest();
}

function prefixMac(thinking: string, binding: ThinkingBinding): Buffer {
  return createHmac('sha256', SECRET).update(`bound\0${binding.model}\0${binding.prefix}\0`).update(thinking, 'utf8').digest();
}
