import { describe, expect, it } from 'vitest';
import { SecretDestinationError, SecretsConfigError, SecretsPolicy } from '../../../server/environment';

const env = { WEATHER_KEY: 'wk-0123456789', OTHER: 'ot-0123456789', MCP_TOKEN: 'mt-0123456789' };
const policy = SecretsPolicy.fromEnv(env, ['WEATHER_KEY@api.weather.example|backup.weather.example:8443', 'OTHER', 'MCP_TOKEN@mcp:search']);
const http = (url: string) => ({ kind: 'http' as const, url });

describe('secret → destination binding', () => {
  it('lets a bound secret go to its hosts (any port unless one is given) and refuses every other', () => {
    expect(() => policy.assertAllowedDestination(http('https://api.weather.example/v1?k=wk-0123456789'), ['https://api.weather.example/v1?k=wk-0123456789'])).not.toThrow();
    expect(() => policy.assertAllowedDestination(http('https://API.Weather.Example.:444/'), ['wk-0123456789'])).not.toThrow();
    expect(() => policy.assertAllowedDestination(http('https://backup.weather.example:8443/'), ['wk-0123456789'])).not.toThrow();
    expect(() => policy.assertAllowedDestination(http('https://backup.weather.example/'), ['wk-0123456789'])).toThrow(SecretDestinationError);
    expect(() => policy.assertAllowedDestination(http('https://api.weather.example.evil.example/'), ['wk-0123456789'])).toThrow(/secret WEATHER_KEY may only be sent to api\.weather\.example, backup\.weather\.example:8443, not to api\.weather\.example\.evil\.example/);
  });

  it('finds the secret in any form it can travel in, and never names its value', () => {
    for (const form of [encodeURIComponent('wk-0123456789'), Buffer.from('user:wk-0123456789').toString('base64'), 'WK-0123456789']) {
      let message = '';
      try {
        policy.assertAllowedDestination(http('https://elsewhere.example/'), [`Authorization: Basic ${form}`]);
      } catch (error) {
        message = (error as Error).message;
      }
      expect(message, form).toMatch(/WEATHER_KEY/);
      expect(message).not.toContain('0123456789');
    }
  });

  it('lets an unbound secret go anywhere, and binds MCP arguments to the named server', () => {
    expect(() => policy.assertAllowedDestination(http('https://anywhere.example/'), ['ot-0123456789'])).not.toThrow();
    expect(() => policy.assertAllowedDestination({ kind: 'mcp', server: 'search' }, ['{"q":"mt-0123456789"}'])).not.toThrow();
    expect(() => policy.assertAllowedDestination({ kind: 'mcp', server: 'files' }, ['{"q":"mt-0123456789"}'])).toThrow(/not to MCP server "files"/);
    expect(() => policy.assertAllowedDestination({ kind: 'mcp', server: 'files' }, ['{"q":"wk-0123456789"}'])).toThrow(/WEATHER_KEY/);
  });

  it('refuses Trellis\'s own credentials on the way to anywhere', () => {
    const withKey = SecretsPolicy.fromEnv({ ...env, ANTHROPIC_API_KEY: 'sk-ant-0123456789' }, ['OTHER']);
    expect(() => withKey.assertAllowedDestination(http('https://api.anthropic.com/'), ['x-api-key: SK-ANT-0123456789'])).toThrow(/carried one of Trellis's own credentials/);
    expect(() => withKey.assertAllowedDestination(http('https://anywhere.example/'), ['ot-0123456789'])).not.toThrow();
  });

  it('refuses a malformed binding at start-up', () => {
    expect(() => SecretsPolicy.fromEnv(env, ['WEATHER_KEY@'])).toThrow(SecretsConfigError);
    expect(() => SecretsPolicy.fromEnv(env, ['WEATHER_KEY@host/path'])).toThrow(/not a host or host:port/);
    expect(() => SecretsPolicy.fromEnv(env, ['ANTHROPIC_API_KEY@api.anthropic.com'])).toThrow(/never readable/);
  });
});
