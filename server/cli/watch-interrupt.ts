export interface InterruptWatch {
  /** Aborted on the first Ctrl-C. */
  signal: AbortSignal;
  interrupted(): boolean;
  /** Stops listening for Ctrl-C. */
  stop(): void;
}

/**
 * The first Ctrl-C says `trellis: interrupted, <doing>` and aborts `signal` so the work can wind
 * down cleanly; a second one quits at once with 130.
 */
export function watchInterrupt(doing: string): InterruptWatch {
  const controller = new AbortController();
  let interrupted = false;
  const onSigint = (): void => {
    if (interrupted) process.exit(130);
    interrupted = true;
    process.stderr.write(`\ntrellis: interrupted, ${doing} (Ctrl-C again to quit now)\n`);
    controller.abort();
  };
  process.on('SIGINT', onSigint);
  return { signal: controller.signal, interrupted: () => interrupted, stop: () => process.off('SIGINT', onSigint) };
}
