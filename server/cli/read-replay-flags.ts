import { parseReplayFlags, type ReplayFlags } from '../replay';
import { UsageError } from './usage-error';

/** Takes `--record`/`--replay` off the command line; a bad pair is a usage error. */
export function readReplayFlags(args: readonly string[]): ReplayFlags {
  try {
    return parseReplayFlags(args);
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
}
