/** `outputs.answer.items[0].title` → `['outputs', 'answer', 'items', '0', 'title']`; undefined when malformed. */
export function splitPath(path: string): string[] | undefined {
  if (path.length === 0 || path.length > 500) return undefined;
  const segments: string[] = [];
  for (const part of path.split('.')) {
    const match = /^([^[\]]+)((?:\[\d+\])*)$/.exec(part);
    if (!match) return undefined;
    segments.push(match[1] as string);
    for (const index of (match[2] as string).matchAll(/\[(\d+)\]/g)) segments.push(index[1] as string);
  }
  return segments;
}
