/**
 * Headers a workflow may not set on an outbound request. Framing headers (`Host`,
 * `Content-Length`, `Transfer-Encoding`) and hop-by-hop ones decide where one request ends and the
 * next begins, or which site it is for; letting a tool set them is how a second request gets
 * smuggled onto the same connection. The HTTP client sets the ones a request needs.
 */
const FORBIDDEN_NAMES = new Set(['host', 'content-length', 'transfer-encoding', 'connection', 'keep-alive', 'upgrade', 'te', 'trailer', 'expect']);

/** CR or LF ends a header line on the wire, so either one inside a name or value is an injection. */
const LINE_BREAK = /[\r\n]/;

/** Why `name: value` may not be sent, or undefined when it may. `value` is optional (a template's source or its rendering). */
export function forbiddenRequestHeader(name: string, value?: string): string | undefined {
  const lower = name.trim().toLowerCase();
  if (LINE_BREAK.test(name)) return `header name "${JSON.stringify(name).slice(1, -1)}" contains a line break`;
  if (FORBIDDEN_NAMES.has(lower)) return `"${name}" is a framing or hop-by-hop header; the HTTP client sets it, a workflow may not`;
  if (lower.startsWith('proxy-')) return `"${name}" is a proxy header; a workflow may not set it`;
  if (value !== undefined && LINE_BREAK.test(value)) return `the value of "${name}" contains a line break (CR or LF), which would start a new header or request`;
  return undefined;
}
