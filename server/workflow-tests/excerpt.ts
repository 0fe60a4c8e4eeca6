/** A value on one line, cut to `max` characters with an ellipsis: strings quoted, absent as "(missing)". */
export function excerpt(value: unknown, max: number): string {
  const text = value === undefined ? '(missing)' : JSON.stringify(value);
  const flat = text.replace(/\s+/g, ' ');
  return flat.length > max ? `${flat.slice(0, max - 1)}…` : flat;
}
