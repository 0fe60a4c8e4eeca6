export interface ReplayFlags {
  record?: string;
  replay?: string;
  /** The arguments with `--record F` / `--replay F` taken out, for the command's own parser. */
  rest: string[];
}

/** Takes `--record FILE` and `--replay FILE` (also `--record=FILE`) out of a command's arguments. */
export function parseReplayFlags(args: readonly string[]): ReplayFlags {
  const flags: ReplayFlags = { rest: [] };
  for (let index = 0; index < args.length; index += 1) {
    const arg = args[index] as string;
    const [name, inline] = arg.startsWith('--') && arg.includes('=') ? [arg.slice(0, arg.indexOf('=')), arg.slice(arg.indexOf('=') + 1)] : [arg, undefined];
    if (name !== '--record' && name !== '--replay') {
      flags.rest.push(arg);
      continue;
    }
    const value = inline ?? args[++index];
    if (value === undefined || value === '' || (inline === undefined && value.startsWith('--'))) throw new Error(`${name} needs a cassette file path`);
    const key = name === '--record' ? 'record' : 'replay';
    if (flags[key] !== undefined) throw new Error(`${name} given twice`);
    flags[key] = value;
  }
  if (flags.record !== undefined && flags.replay !== undefined) throw new Error('use either --record or --replay, not both');
  return flags;
}
