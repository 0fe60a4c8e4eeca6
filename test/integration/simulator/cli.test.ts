import Anthropic from '@anthropic-ai/sdk';
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { MODEL } from './helpers';

const TRELLIS = fileURLToPath(new URL('../../../bin/trellis.mjs', import.meta.url));

describe('trellis simulator', () => {
  it('prints its URL, serves the API, and exits 0 on SIGINT', async () => {
    const child = spawn(process.execPath, [TRELLIS, 'simulator', '--port', '0', '--latency', '0,0'], { stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    const url = await new Promise<string>((resolve, reject) => {
      child.stdout.on('data', (chunk: Buffer) => {
        output += chunk.toString();
        const match = output.match(/listening on (http:\/\/127\.0\.0\.1:\d+)/);
        if (match?.[1]) resolve(match[1]);
      });
      child.once('exit', (code) => reject(new Error(`exited early with ${code}: ${output}`)));
    });
    const client = new Anthropic({ apiKey: 'k', baseURL: url, maxRetries: 0 });
    const message = await client.messages.create({ model: MODEL, max_tokens: 50, messages: [{ role: 'user', content: 'Hello from the CLI test' }] });
    expect((message.content[0] as Anthropic.TextBlock).text).toContain('Hello from the CLI test');
    child.kill('SIGINT');
    const [code] = await once(child, 'exit');
    expect(code).toBe(0);
    expect(output).toContain('Claude simulator stopped');
  });

  it('rejects a malformed --latency with exit code 2 and the usage', async () => {
    const child = spawn(process.execPath, [TRELLIS, 'simulator', '--latency', 'fast'], { stdio: ['ignore', 'pipe', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const [code] = await once(child, 'exit');
    expect(code).toBe(2);
    expect(stderr).toContain('--latency: "fast" must be FIRST_TOKEN_MS,TOKENS_PER_SEC');
  });
});
