/**
 * Terminal escape sequences (CSI `ESC [ … final`, OSC `ESC ] … BEL|ESC \`, other `ESC x`), the C1
 * controls that some terminals also honour as CSI/OSC introducers, the remaining C0 controls except
 * tab and newline, DEL, and the Unicode bidirectional overrides. A workflow, a model or an MCP
 * server controls much of what Trellis prints; none of it may move the cursor, retitle the window,
 * rewrite earlier lines, smuggle a hyperlink or reorder what the reader sees.
 */
// eslint-disable-next-line no-control-regex
const SEQUENCES = /\u001b\[[0-?]*[ -/]*[@-~]|\u001b\][^\u0007\u001b]*(?:\u0007|\u001b\\)?|\u001b[PX^_][^\u001b]*(?:\u001b\\)?|\u001b[ -~]?|[\u0080-\u009f]|[\u0000-\u0008\u000b-\u001f\u007f]|[\u202a-\u202e\u2066-\u2069]/g;

export function stripControlCharacters(text: string): string {
  return text.replace(SEQUENCES, '');
}
