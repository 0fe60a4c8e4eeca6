import { UsageError } from './usage-error';

/** Reads the value that follows the current flag. */
export interface FlagValues {
  value(): string;
  /** The value as an integer from `min` to `max`, or a usage error naming the flag. */
  integer(min: number, max: number): number;
}

export interface ReadCommandArgsOptions {
  /** Refuse a value that looks like the next flag (`--cases --json`). */
  valuesNeverStartWithDashes?: boolean;
}

/**
 * Walks a `trellis <command> <workflow.json> [flags]` command line: each flag goes to `takeFlag`
 * (false means unknown), the one positional argument is the workflow file, which is returned.
 * Problems throw a UsageError.
 */
export function readCommandArgs(args: readonly string[], takeFlag: (flag: string, values: FlagValues) => boolean, options: ReadCommandArgsOptions = {}): string {
  let file: string | undefined;
  for (let index = 0; index < args.length; index += 1) {
    const arg = args[index] as string;
    const value = (): string => {
      const next = args[index + 1];
      if (next === undefined || (options.valuesNeverStartWithDashes && next.startsWith('--'))) throw new UsageError(`${arg} needs a value`);
      index += 1;
      return next;
    };
    const integer = (min: number, max: number): number => {
      const n = Number(value());
      if (!Number.isInteger(n) || n < min || n > max) throw new UsageError(`${arg} must be an integer from ${min} to ${max}`);
      return n;
    };
    if (takeFlag(arg, { value, integer })) continue;
    if (arg.startsWith('-')) throw new UsageError(`unknown option ${arg}`);
    if (file) throw new UsageError(`one workflow file at a time (got ${file} and ${arg})`);
    file = arg;
  }
  if (!file) throw new UsageError('missing <workflow.json>');
  return file;
}
