import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { classifyAddress } from '../../../server/net/classify-address';
import { createGuardedFetch } from '../../../server/net/guarded-fetch';
import { startRecordingServer, type RecordingServer } from './recording-server';

/**
 * Every way of writing an IPv4 address inside IPv6 must be judged by that IPv4 address. Each row:
 * the form as an attacker writes it in a URL, and what it must be classified as.
 */
const FORMS: [string, RegExp][] = [
  ['::ffff:127.0.0.1', /loopback \(IPv4-mapped\)/],
  ['::ffff:7f00:1', /loopback \(IPv4-mapped\)/],
  ['0:0:0:0:0:ffff:127.0.0.1', /loopback \(IPv4-mapped\)/],
  ['0000:0000:0000:0000:0000:FFFF:7F00:0001', /loopback \(IPv4-mapped\)/],
  ['::ffff:0:127.0.0.1', /loopback \(IPv4-translated\)/],
  ['::ffff:0:7f00:1', /loopback \(IPv4-translated\)/],
  ['::127.0.0.1', /loopback \(IPv4-compatible\)/],
  ['::7f00:1', /loopback \(IPv4-compatible\)/],
  ['64:ff9b::7f00:1', /loopback \(NAT64\)/],
  ['64:ff9b::127.0.0.1', /loopback \(NAT64\)/],
  ['64:ff9b:1::a00:1', /local-use NAT64/],
  ['2002:7f00:1::', /loopback \(6to4\)/],
  ['2001:0:4136:e378:8000:63bf:80ff:fffe', /loopback \(Teredo\)/],
  ['::ffff:169.254.169.254', /link-local.*IPv4-mapped/],
  ['::ffff:a9fe:a9fe', /link-local.*IPv4-mapped/],
  ['64:ff9b::a9fe:a9fe', /link-local.*NAT64/],
  ['::ffff:10.0.0.1', /private \(IPv4-mapped\)/],
  ['::ffff:0:192.168.1.1', /private \(IPv4-translated\)/],
  ['::ffff:0.0.0.0', /unspecified.*IPv4-mapped/],
  ['::1', /^loopback$/],
  ['::', /^unspecified$/],
];

describe('IPv4 carried in IPv6', () => {
  it.each(FORMS)('classifies %s by its IPv4 address', (form, expected) => {
    expect(classifyAddress(form)).toMatch(expected);
    // What the URL parser hands the guard is the canonical form, which must classify the same.
    const canonical = new URL(`http://[${form}]/`).hostname.slice(1, -1);
    expect(classifyAddress(canonical)).toMatch(expected);
  });

  it.each(['::ffff:8.8.8.8', '::ffff:0:8.8.8.8', '64:ff9b::808:808', '2606:4700:4700::1111'])('leaves the public %s public', (form) => {
    expect(classifyAddress(form)).toBeUndefined();
  });

  describe('through the guarded fetch', () => {
    let loopback: RecordingServer;
    const fetch = createGuardedFetch();
    beforeAll(async () => {
      loopback = await startRecordingServer();
    });
    afterAll(async () => {
      await loopback?.close();
    });

    it.each(FORMS.map(([form]) => form))('refuses http://[%s]:port/ before connecting', async (form) => {
      const error = await fetch(`http://[${form}]:${loopback.port}/`).then(
        () => undefined,
        (failure: unknown) => failure as { type?: string },
      );
      expect(error?.type).toBe('ssrf_blocked');
      expect(loopback.requests).toHaveLength(0);
    });
  });
});
