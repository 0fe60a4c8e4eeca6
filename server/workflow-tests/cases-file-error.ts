export interface CasesIssue {
  /** 1-based line in the cases file; 0 for the file as a whole. */
  line: number;
  /** JSON pointer inside that line's object. */
  path: string;
  message: string;
}

/** A cases file that cannot be run as written (exit code 2). */
export class CasesFileError extends Error {
  constructor(
    readonly source: string,
    readonly issues: CasesIssue[],
  ) {
    super(`${source}: ${issues.length} ${issues.length === 1 ? 'problem' : 'problems'}\n${issues.map((issue) => `  ${source}:${issue.line}${issue.path ? ` ${issue.path}` : ''}: ${issue.message}`).join('\n')}`);
    this.name = 'CasesFileError';
  }
}
