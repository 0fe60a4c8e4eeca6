import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../../../server/config';

describe('loadConfig', () => {
  it('defaults to 127.0.0.1:5170 and .trellis/trellis.db under the working directory', () => {
    const config = loadConfig({}, [], '/srv/app');
    expect(config).toMatchObject({ host: '127.0.0.1', port: 5170, dbPath: '/srv/app/.trellis/trellis.db', durable: false, heartbeatMs: 15_000, bodyLimitBytes: 5 * 1024 * 1024 });
  });

  it('lets flags override the environment', () => {
    const config = loadConfig({ TRELLIS_PORT: '6000', TRELLIS_HOST: '0.0.0.0', TRELLIS_DB: 'env.db' }, ['--port', '0', '--db=/tmp/x.db', '--durable'], '/srv');
    expect(config).toMatchObject({ port: 0, host: '0.0.0.0', dbPath: '/tmp/x.db', durable: true });
  });

  it('names the setting in its errors', () => {
    expect(() => loadConfig({ TRELLIS_PORT: '70000' })).toThrow(/--port \/ TRELLIS_PORT must be an integer from 0 to 65535, got "70000"/);
    expect(() => loadConfig({}, ['--verbose'])).toThrow(ConfigError);
    expect(() => loadConfig({}, ['--db'])).toThrow(/--db needs a value/);
  });
});
