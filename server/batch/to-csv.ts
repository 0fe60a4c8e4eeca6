/** One RFC 4180 record: fields holding a comma, quote or line break are quoted, quotes doubled. */
export function toCsvRecord(fields: readonly string[]): string {
  return fields.map((field) => (/[",\r\n]/.test(field) ? `"${field.replaceAll('"', '""')}"` : field)).join(',');
}
