/**
 * RFC 4180 CSV: comma-separated fields, CRLF or LF record breaks, fields in double quotes may hold
 * commas, line breaks and doubled quotes (`""`). A leading UTF-8 BOM is ignored, and so are blank
 * lines (a quoted empty field `""` is a record, not a blank line). Anything else malformed (a quote inside an unquoted field, an unterminated quote)
 * throws an error naming the line and column.
 */
export function parseCsv(text: string): string[][] {
  const source = text.startsWith('\uFEFF') ? text.slice(1) : text;
  const records: string[][] = [];
  let record: string[] = [];
  let field = '';
  let index = 0;
  let line = 1;
  let lineStart = 0;
  let quoted = false;
  const where = (at: number): string => `line ${line}, column ${at - lineStart + 1}`;

  while (index < source.length) {
    const char = source[index];
    if (char === '"' && field === '' && !fieldStartedUnquoted(source, index)) {
      const opening = where(index);
      quoted = true;
      index += 1;
      for (;;) {
        if (index >= source.length) throw new Error(`CSV ${opening}: unterminated quoted field`);
        const inner = source[index] as string;
        if (inner === '"') {
          if (source[index + 1] === '"') {
            field += '"';
            index += 2;
            continue;
          }
          index += 1;
          break;
        }
        if (inner === '\n') {
          line += 1;
          lineStart = index + 1;
        }
        field += inner;
        index += 1;
      }
      const after = source[index];
      if (after !== undefined && after !== ',' && after !== '\n' && after !== '\r') throw new Error(`CSV ${where(index)}: unexpected character after a closing quote (a field with quotes must be quoted whole)`);
      continue;
    }
    if (char === ',') {
      record.push(field);
      field = '';
      index += 1;
      continue;
    }
    if (char === '\r' || char === '\n') {
      if (record.length > 0 || field !== '' || quoted) {
        record.push(field);
        records.push(record);
      }
      quoted = false;
      record = [];
      field = '';
      index += char === '\r' && source[index + 1] === '\n' ? 2 : 1;
      line += 1;
      lineStart = index;
      continue;
    }
    if (char === '"') throw new Error(`CSV ${where(index)}: a quote inside an unquoted field (quote the whole field and double the quote)`);
    field += char;
    index += 1;
  }
  // A final record without a trailing line break.
  if (field !== '' || record.length > 0 || quoted) {
    record.push(field);
    records.push(record);
  }
  return records;
}

/** A quote opens a quoted field only at the very start of the field. */
function fieldStartedUnquoted(source: string, index: number): boolean {
  const previous = source[index - 1];
  return index > 0 && previous !== ',' && previous !== '\n' && previous !== '\r';
}
