/**
 * Terminal escape sequences (CSI `ESC [ … final`, OSC `ESC ] … BEL|ESC \`, other `ESC x`), the C1
 * controls that some terminals also honour as CSI/OSC introducers, the remaining C0 controls except
 * tab and newline (carriage return too: it lets a line overwrite itself), DEL, and the Unicode
 * bidirectional overrides. A string command with no terminator loses only its introducer, so an
 * unfinished sequence cannot swallow the rest of a line. A workflow, a model or an MCP
 * server controls much of what Trellis prints; none of it may move the cursor, retitle the window,
 * rewrite earlier lines, smuggle a hyperlink or reorder what the reader sees.
 */
// eslint-disable-next-line no-control-regex
const SEQUENCES = /\u001b\[[0-?]*[ -/]*[@-~]|\u001b\][^\u0007\u001b]*(?:\u0007|\u001b\\)|\u001b[PX^_][^\u001b]*\u001b\\|\u001b[ -~]?|\u009b[0-?]*[ -/]*[@-~]|[\u009d\u0090\u0098\u009e\u009f][^\u0007\u001b\u009c]*(?:\u0007|\u001b\\|\u009c)|[\u0080-\u009f]|[\u0000-\u0008\u000b-\u001f\u007f]|[\u202a-\u202e\u2066-\u2069]/g;

export function stripControlCharacters(text: string): string {
  // CRLF ends a line (CSV output); only a bare CR can overwrite what was printed.
  return text.replace(SEQUENCES, (match: string, offset: number) => (match === '\r' && text[offset + 1] === '\n' ? match : ''));
}
