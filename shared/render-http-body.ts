import { formatValue, parseTemplate, resolveReference, type RenderOptions } from './templates';

/**
 * How an http tool's body template is turned into bytes. The encoding is chosen from the
 * template's source (the `Content-Type` header as written, else the body's shape), never from a
 * rendered value, so tool input cannot switch JSON encoding off.
 *  - `json`: substituted values become JSON, never pasted text (see renderJsonTemplate).
 *  - `form`: `application/x-www-form-urlencoded`; values are percent-encoded, so `&admin=1` stays data.
 *  - `text`: anything else; values are pasted as written (there is no structure to break).
 */
export type HttpBodyEncoding = 'json' | 'form' | 'text';

export function httpBodyEncoding(headers: Record<string, string> | undefined, body: string): HttpBodyEncoding {
  const contentType = Object.entries(headers ?? {}).find(([name]) => name.toLowerCase() === 'content-type')?.[1];
  // `{{args.payload}}` starts with a brace too, but it is a reference, not JSON text.
  if (contentType === undefined) return /^\s*(\[|\{(?!\{))/.test(body) ? 'json' : 'text';
  const type = contentType.toLowerCase();
  if (type.includes('json')) return 'json';
  if (type.includes('application/x-www-form-urlencoded')) return 'form';
  return 'text';
}

/**
 * Renders a JSON body template structurally. The template is read as JSON text: a reference inside
 * a string literal (`"{{args.q}}"`) is inserted JSON-escaped, so `tea","admin":true` stays one
 * string; a reference outside any string (`{"n": {{args.n}}}`) becomes the value's JSON literal
 * (a number stays a number, an object an object, a string a quoted string). Old workflows, written
 * as JSON text with quoted placeholders, therefore need no migration and render the same for
 * harmless values. A missing value renders as `""` inside a string and `null` outside, which is
 * also how the validator checks a template's shape without any values.
 * The caller must still JSON.parse the result: a template that is not JSON stays not JSON.
 */
export function renderJsonTemplate(source: string, scope: Record<string, unknown>, options: Pick<RenderOptions, 'onMissing'> = {}): string {
  let out = '';
  let inString = false;
  let escaped = false;
  for (const part of parseTemplate(source)) {
    if (part.kind === 'text') {
      for (const char of part.text) {
        if (escaped) escaped = false;
        else if (inString && char === '\\') escaped = true;
        else if (char === '"') inString = !inString;
      }
      out += part.text;
      continue;
    }
    const value = resolveReference(scope, part.ref);
    if (value === undefined) options.onMissing?.(part.ref);
    if (inString) out += JSON.stringify(formatValue(value)).slice(1, -1);
    else out += JSON.stringify(value ?? null) ?? 'null';
  }
  return out;
}

/** Why a JSON body template can never produce JSON, or undefined when its shape is sound. */
export function jsonTemplateProblem(source: string): string | undefined {
  try {
    JSON.parse(renderJsonTemplate(source, {}));
    return undefined;
  } catch (error) {
    return (error as Error).message;
  }
}
