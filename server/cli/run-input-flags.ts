import { UsageError } from './usage-error';

/** Where a command's run input comes from: at most one of these is set. */
export interface RunInputFlags {
  input?: string;
  inputFile?: string;
  sample?: string;
}

const FIELDS: Record<string, keyof RunInputFlags> = { '--input': 'input', '--input-file': 'inputFile', '--sample': 'sample' };

/** Takes `--input`, `--input-file` or `--sample` into `flags`; false when `arg` is another flag. */
export function takeRunInputFlag(flags: RunInputFlags, arg: string, value: () => string): boolean {
  const field = FIELDS[arg];
  if (field === undefined) return false;
  flags[field] = value();
  return true;
}

/** Rejects a command line that names more than one input source. */
export function checkSingleRunInput(flags: RunInputFlags): void {
  const sources = [flags.input, flags.inputFile, flags.sample].filter((source) => source !== undefined);
  if (sources.length > 1) throw new UsageError('use only one of --input, --input-file and --sample');
}
