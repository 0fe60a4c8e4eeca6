/** A bad command line: the command prints the message followed by its usage text and exits 2. */
export class UsageError extends Error {}
