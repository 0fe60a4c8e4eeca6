import { createHash } from 'node:crypto';

const MAX_LENGTH = 64;

/**
 * `r<rowIndex>-<nodeId>`, the batch request id (must match ^[a-zA-Z0-9_-]{1,64}$). Node ids are
 * already in that alphabet; when the whole id would pass 64 characters the node id is shortened
 * and an 8-character hash of it appended, so ids stay unique and stable across resumes.
 */
export function customIdFor(row: number, nodeId: string): string {
  const full = `r${row}-${nodeId}`;
  if (full.length <= MAX_LENGTH) return full;
  const hash = createHash('sha256').update(nodeId).digest('hex').slice(0, 8);
  const prefix = `r${row}-`;
  return `${prefix}${nodeId.slice(0, MAX_LENGTH - prefix.length - 9)}_${hash}`;
}
