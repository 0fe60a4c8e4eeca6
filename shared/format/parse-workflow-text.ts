import type { WorkflowIssue } from '../validation/workflow-issue';

export type ParseOutcome = { ok: true; value: unknown } | { ok: false; issue: WorkflowIssue };

/** JSON.parse with the error turned into an issue that gives line and column. */
export function parseWorkflowText(text: string): ParseOutcome {
  try {
    return { ok: true, value: JSON.parse(text) as unknown };
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    const offset = Number(/position (\d+)/.exec(reason)?.[1] ?? (text.trim() === '' ? 0 : text.length));
    const before = text.slice(0, offset);
    const line = before.split('\n').length;
    const column = offset - before.lastIndexOf('\n');
    const detail = reason.replace(/\s*in JSON at position \d+.*$/, '').replace(/^JSON\.parse: /, '');
    return { ok: false, issue: { severity: 'error', path: '', rule: 'json.parse', message: `Invalid JSON at line ${line}, column ${column} (offset ${offset}): ${detail}.` } };
  }
}
