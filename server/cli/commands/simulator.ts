import { startSimulator } from '../../simulator';
import type { LatencyModel } from '../../simulator';

const USAGE = 'Usage: trellis simulator [--port 5180] [--host 127.0.0.1] [--script FILE] [--latency FIRST_TOKEN_MS,TOKENS_PER_SEC] [--key KEY]\n';

// A realistic pace so streaming is visible when a person watches; `--latency 0,0` turns it off.
const DEMO_LATENCY: LatencyModel = { firstTokenMs: 400, tokensPerSecond: 60 };

interface SimulatorArgs {
  port: number;
  host: string;
  script?: string;
  latency: LatencyModel;
  /** When given, the only API key accepted; otherwise any non-empty key (a local test double). */
  key?: string;
}

/** `trellis simulator`: runs the offline Claude API server until SIGINT/SIGTERM. */
export async function main(args: string[]): Promise<number> {
  let parsed: SimulatorArgs;
  try {
    parsed = parseArgs(args);
  } catch (error) {
    process.stderr.write(`trellis simulator: ${(error as Error).message}\n${USAGE}`);
    return 2;
  }
  const simulator = await startSimulator({ port: parsed.port, host: parsed.host, script: parsed.script, latency: parsed.latency, key: parsed.key });
  // The key itself is never printed: the person who chose it knows it, and terminals get logged.
  const keyHint = parsed.key === undefined ? "'any-non-empty-key'" : 'process.env.SIMULATOR_KEY /* the --key you gave; no other key is accepted */';
  process.stdout.write(
    `Claude simulator (offline) listening on ${simulator.url}\n` +
      `Point the SDK at it: new Anthropic({ apiKey: ${keyHint}, baseURL: '${simulator.url}' })\n`,
  );
  await new Promise<void>((resolve) => {
    const stop = () => {
      process.off('SIGINT', stop);
      process.off('SIGTERM', stop);
      resolve();
    };
    process.on('SIGINT', stop);
    process.on('SIGTERM', stop);
  });
  await simulator.close();
  process.stdout.write('Claude simulator stopped\n');
  return 0;
}

function parseArgs(args: string[]): SimulatorArgs {
  const result: SimulatorArgs = { port: 5180, host: '127.0.0.1', latency: DEMO_LATENCY };
  for (let i = 0; i < args.length; i++) {
    const flag = args[i];
    const value = args[i + 1];
    if (flag === '--help' || flag === '-h') throw new Error('help requested');
    if (value === undefined || value.startsWith('--')) throw new Error(`${flag ?? ''}: a value is required`);
    i++;
    switch (flag) {
      case '--port': {
        const port = Number(value);
        if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`--port: "${value}" is not a port number (0-65535)`);
        result.port = port;
        break;
      }
      case '--host':
        result.host = value;
        break;
      case '--key':
        result.key = value;
        break;
      case '--script':
        result.script = value;
        break;
      case '--latency': {
        const match = value.match(/^(\d+(?:\.\d+)?),(\d+(?:\.\d+)?)$/);
        if (!match) throw new Error(`--latency: "${value}" must be FIRST_TOKEN_MS,TOKENS_PER_SEC, e.g. 400,60`);
        result.latency = { firstTokenMs: Number(match[1]), tokensPerSecond: Number(match[2]) };
        break;
      }
      default:
        throw new Error(`unknown option ${flag}`);
    }
  }
  return result;
}
