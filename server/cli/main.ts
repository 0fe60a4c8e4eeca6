import { guardCliOutput } from './guard-cli-output';

/**
 * `trellis <command>`: each command lives in commands/<name>.ts and exports
 * `main(args: string[]): Promise<number>` returning the exit code. Loaded lazily so
 * `trellis validate` never pays for starting a simulator.
 */
const COMMANDS: Record<string, () => Promise<{ main(args: string[]): Promise<number> }>> = {
  run: () => import('./commands/run'),
  validate: () => import('./commands/validate'),
  serve: () => import('./commands/serve'),
  simulator: () => import('./commands/simulator'),
  test: () => import('./commands/test'),
  estimate: () => import('./commands/estimate'),
  batch: () => import('./commands/batch'),
};

const USAGE = `Usage: trellis <command> [options]

Commands:
  run <workflow.json> [--input JSON | --input-file F | --sample NAME] [--json] [--concurrency N] [--files-root DIR] [--db PATH] [--record F | --replay F]
  validate [--files-root DIR] <workflow.json>...
  serve [--port 5170] [--host 127.0.0.1] [--db PATH] [--durable]
  simulator [--port 5180] [--script FILE] [--latency …]
  estimate <workflow.json> [--input JSON | --input-file F | --sample NAME] [--batch] [--json] [--files-root DIR]
  batch <workflow.json> --dataset rows.jsonl|rows.csv [--out results.jsonl|.csv] [--realtime] [--concurrency N] [--state FILE] [--files-root DIR]
  test <workflow.json> --cases CASES.jsonl [--replay CASSETTE | --record CASSETTE] [--junit OUT.xml] [--json] [--files-root DIR]

Every command runs workflows the way the server does: {{secrets.NAME}} reads only the variables
listed in TRELLIS_SECRETS; vision file images come from --files-root, else TRELLIS_FILES_ROOT,
else the workflow file's folder; MCP servers from TRELLIS_MCP_CONFIG.
`;

async function cli(argv: string[]): Promise<number> {
  const [name, ...rest] = argv;
  if (!name || name === '--help' || name === '-h' || name === 'help') {
    process.stdout.write(USAGE);
    return name ? 0 : 2;
  }
  const load = COMMANDS[name];
  if (!load) {
    process.stderr.write(`trellis: unknown command "${name}"\n\n${USAGE}`);
    return 2;
  }
  const command = await load();
  return command.main(rest);
}

guardCliOutput();
cli(process.argv.slice(2)).then(
  (code) => {
    // Long-lived commands (serve, simulator) resolve only when they stop.
    process.exitCode = code;
  },
  (error: unknown) => {
    process.stderr.write(`trellis: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exitCode = 1;
  },
);
