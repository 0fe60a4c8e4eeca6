/**
 * `<id>-2`, `<id>-3`, … : the first one not taken, within the workflow-id length limit. Used when
 * an import, a duplicate or a rename would otherwise overwrite a stored workflow.
 */
export function freeWorkflowId(id: string, taken: ReadonlySet<string>): string {
  if (!taken.has(id)) return id;
  const base = id.replace(/-\d+$/, '').slice(0, 60);
  for (let n = 2; ; n += 1) {
    const candidate = `${base}-${n}`;
    if (!taken.has(candidate)) return candidate;
  }
}
