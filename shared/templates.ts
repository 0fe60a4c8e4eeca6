/**
 * `{{path}}` templates (PRODUCT.md §3). Path lookup only: a reference is a dotted path of
 * identifiers and array indexes (`{{extract.json.items.0.title}}`), never an expression.
 * Anything inside braces that is not a valid path stays literal text, so hostile input such as
 * `{{constructor.constructor('x')()}}` renders verbatim and is never evaluated.
 */

export interface TemplateReference {
  /** First path segment: `input`, `secrets`, `args` or an upstream node id. */
  root: string;
  /** Remaining segments after the root. */
  path: string[];
  /** The reference as written, braces included. */
  raw: string;
  /** Offset of `raw` in the template source. */
  start: number;
}

export type TemplatePart = { kind: 'text'; text: string } | { kind: 'ref'; ref: TemplateReference };

const REFERENCE = /\{\{\s*([A-Za-z_][A-Za-z0-9_-]*(?:\.(?:[A-Za-z_][A-Za-z0-9_-]*|[0-9]+))*)\s*\}\}/g;
/** Keys that would walk into an object's prototype chain; lookups through them resolve to nothing. */
const FORBIDDEN_SEGMENTS = new Set(['__proto__', 'constructor', 'prototype']);

export function parseTemplate(source: string): TemplatePart[] {
  const parts: TemplatePart[] = [];
  let last = 0;
  for (const match of source.matchAll(REFERENCE)) {
    const start = match.index;
    if (start > last) parts.push({ kind: 'text', text: source.slice(last, start) });
    const [root, ...path] = (match[1] as string).split('.');
    parts.push({ kind: 'ref', ref: { root: root as string, path, raw: match[0], start } });
    last = start + match[0].length;
  }
  if (last < source.length) parts.push({ kind: 'text', text: source.slice(last) });
  return parts;
}

export function templateReferences(source: string): TemplateReference[] {
  return parseTemplate(source).flatMap((part) => (part.kind === 'ref' ? [part.ref] : []));
}

/** Walks own properties only. Returns undefined for a missing path. */
export function lookupPath(scope: unknown, segments: readonly string[]): unknown {
  let current = scope;
  for (const segment of segments) {
    if (FORBIDDEN_SEGMENTS.has(segment)) return undefined;
    if (current === null || typeof current !== 'object') return undefined;
    if (!Object.prototype.hasOwnProperty.call(current, segment)) return undefined;
    current = (current as Record<string, unknown>)[segment];
  }
  return current;
}

export function resolveReference(scope: Record<string, unknown>, ref: TemplateReference): unknown {
  return lookupPath(scope, [ref.root, ...ref.path]);
}

export function formatValue(value: unknown): string {
  if (value === undefined || value === null) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'object') return JSON.stringify(value, null, 2);
  return String(value);
}

export interface RenderOptions {
  /** Called for each reference that resolves to undefined; rendering continues with ''. */
  onMissing?: (ref: TemplateReference) => void;
  /** Applied to each rendered value (not to the literal text), e.g. encodeURIComponent for URLs. */
  encode?: (value: string) => string;
}

export function renderTemplate(source: string, scope: Record<string, unknown>, options: RenderOptions = {}): string {
  let out = '';
  for (const part of parseTemplate(source)) {
    if (part.kind === 'text') {
      out += part.text;
      continue;
    }
    const value = resolveReference(scope, part.ref);
    if (value === undefined) options.onMissing?.(part.ref);
    const text = formatValue(value);
    out += options.encode ? options.encode(text) : text;
  }
  return out;
}

/**
 * A template that is exactly one reference yields the referenced value itself (an object stays
 * an object); anything else renders to a string.
 */
export function resolveTemplateValue(source: string, scope: Record<string, unknown>, options: RenderOptions = {}): unknown {
  const parts = parseTemplate(source.trim());
  if (parts.length === 1 && parts[0]?.kind === 'ref') {
    const value = resolveReference(scope, parts[0].ref);
    if (value === undefined) options.onMissing?.(parts[0].ref);
    return value;
  }
  return renderTemplate(source, scope, options);
}
