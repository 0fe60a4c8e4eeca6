import { UsageError } from './usage-error';

/**
 * The front door of `trellis <command>`: `--help`/`-h` prints the usage (exit 0); a UsageError from
 * `parse` prints the message and the usage on stderr (exit 2). Either way the exit code comes
 * back instead of the parsed arguments.
 */
export function parseCommandLine<T>(command: string, usage: string, args: readonly string[], parse: (args: readonly string[]) => T): T | number {
  if (args.includes('--help') || args.includes('-h')) {
    process.stdout.write(`${usage}\n`);
    return 0;
  }
  try {
    return parse(args);
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    process.stderr.write(`trellis ${command}: ${error.message}\n\n${usage}\n`);
    return 2;
  }
}
