import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createClaude, type ClaudeConnection } from '../../../server/claude';
import { startSimulator, type RunningSimulator } from '../../../server/simulator';
import { rawHttp } from '../../helpers/raw-http';

const VERSION = { 'anthropic-version': '2023-06-01' };

// The simulator holds stored batch results and answers on a loopback port: a DNS-rebinding page
// must not read them (Host check), and when embedded, no other local program may use it (key).
describe('simulator Host check', () => {
  let simulator: RunningSimulator;
  beforeAll(async () => {
    simulator = await startSimulator({});
  });
  afterAll(async () => {
    await simulator?.close();
  });

  it.each([
    ['a rebinding name with the right port', (port: number) => `evil.example:${port}`],
    ['a loopback name with another port', (port: number) => `localhost:${port + 1}`],
    ['no port (80)', () => '127.0.0.1'],
    ['a foreign IP literal', (port: number) => `203.0.113.5:${port}`],
  ])('answers 403 to %s and logs no body', async (_label, host) => {
    const response = await rawHttp(`${simulator.url}/v1/messages/batches`, { headers: { ...VERSION, 'x-api-key': 'sk-test', host: host(simulator.port) } });
    expect(response.status).toBe(403);
    expect(JSON.parse(response.body)).toMatchObject({ type: 'error', error: { type: 'permission_error' } });
    expect(response.body).not.toContain('"data"');
  });

  it.each(['127.0.0.1', 'localhost'])('answers a %s Host with its own port, with any non-empty key (tests and standalone use)', async (name) => {
    const response = await rawHttp(`${simulator.url}/v1/models`, { headers: { ...VERSION, 'x-api-key': 'sk-test', host: `${name}:${simulator.port}` } });
    expect(response.status).toBe(200);
  });
});

describe('embedded simulator key', () => {
  let connection: ClaudeConnection;
  beforeAll(async () => {
    connection = await createClaude({ env: {}, rateLimit: false, maxRetries: 0 });
  });
  afterAll(async () => {
    await connection?.close();
  });

  it('its own in-process client is accepted', async () => {
    expect(connection.mode).toBe('simulator');
    const page = await connection.client.models.list();
    expect(page.data.length).toBeGreaterThan(0);
  });

  it.each(['sk-test', 'sk-trellis-simulator', 'sk-trellis-sim-guess'])('any other key (%s) is refused with 401', async (key) => {
    const response = await rawHttp(`${connection.baseURL}/v1/models`, { headers: { ...VERSION, 'x-api-key': key } });
    expect(response.status).toBe(401);
  });

  it('each process start makes a new key', async () => {
    const second = await createClaude({ env: {}, rateLimit: false, maxRetries: 0 });
    try {
      const firstKey = connection.client.apiKey;
      expect(second.client.apiKey).not.toBe(firstKey);
      const response = await rawHttp(`${second.baseURL}/v1/models`, { headers: { ...VERSION, 'x-api-key': firstKey ?? '' } });
      expect(response.status).toBe(401);
    } finally {
      await second.close();
    }
  });
});

describe('standalone `trellis simulator --key`', () => {
  const trellis = fileURLToPath(new URL('../../../bin/trellis.mjs', import.meta.url));

  it('accepts only the given key and never prints it', async () => {
    const key = 'sentinel-standalone-key';
    const child = spawn(process.execPath, [trellis, 'simulator', '--port', '0', '--latency', '0,0', '--key', key], { stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    try {
      const url = await new Promise<string>((resolve, reject) => {
        child.stdout.on('data', (chunk: Buffer) => {
          output += chunk.toString();
          const match = /listening on (http:\/\/127\.0\.0\.1:\d+)/.exec(output);
          if (match?.[1] && output.includes('baseURL')) resolve(match[1]);
        });
        child.once('exit', (code) => reject(new Error(`exited early with ${String(code)}: ${output}`)));
      });
      expect((await rawHttp(`${url}/v1/models`, { headers: { ...VERSION, 'x-api-key': 'k' } })).status).toBe(401);
      expect((await rawHttp(`${url}/v1/models`, { headers: { ...VERSION, 'x-api-key': key } })).status).toBe(200);
      expect(output).not.toContain(key);
    } finally {
      child.kill('SIGINT');
      await once(child, 'exit');
    }
  });
});
