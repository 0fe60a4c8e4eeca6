import type { Json } from '../../../shared/json-schema';
import type { ToolImplementation } from '../../../shared/node-configs';
import { forbiddenRequestHeader } from '../../../shared/forbidden-request-header';
import { httpBodyEncoding, renderJsonTemplate, type HttpBodyEncoding } from '../../../shared/render-http-body';
import { parseTemplate, renderTemplate, resolveTemplateValue, templateReferences } from '../../../shared/templates';
import type { GuardedFetch, GuardedRequestInit, SecretDestination } from '../types';
import { ToolFailure } from './tool-failure';

type HttpImplementation = Extract<ToolImplementation, { kind: 'http' }>;

const DEFAULT_TIMEOUT_MS = 15_000;
const MAX_TIMEOUT_MS = 60_000;
const MAX_RESPONSE_BYTES = 1_000_000;
/** What Claude sees of an error body; enough to explain, not enough to flood the context. */
const ERROR_EXCERPT = 500;

export interface HttpToolDeps {
  fetch: GuardedFetch | undefined;
  secrets: Record<string, string>;
  signal: AbortSignal;
  /** The secrets policy's destination check (engine/types.ts `checkSecretDestination`). */
  checkSecretDestination?: ((destination: SecretDestination, sent: readonly string[]) => void) | undefined;
}

/**
 * Renders the request from `{{args.*}}` (the tool input) and `{{secrets.*}}`, sends it through the
 * injected guarded fetch, and returns the body (parsed when JSON). Non-2xx → is_error.
 * Values substituted into the URL are percent-encoded so tool input cannot change its structure;
 * a JSON body is rendered structurally (shared/render-http-body.ts) for the same reason. Headers
 * the HTTP client must own are refused before anything is sent, even if the validator was skipped.
 */
export async function runHttpTool(implementation: HttpImplementation, input: Json, deps: HttpToolDeps): Promise<Json> {
  if (!deps.fetch) throw new ToolFailure('HTTP tools are not available: the server has no outbound fetch configured');
  const scope = { args: input, secrets: deps.secrets };
  const url = renderChecked(implementation.url, scope, 'url', encodeURIComponent);
  const headers: Record<string, string> = {};
  // Headers that carry a secret are credentials for this origin only: the guarded fetch drops them on a cross-origin redirect.
  const credentialHeaders: string[] = [];
  for (const [name, value] of Object.entries(implementation.headers ?? {})) {
    const rendered = renderChecked(value, scope, `headers.${name}`);
    const reason = forbiddenRequestHeader(name, rendered);
    if (reason) throw new ToolFailure(`headers.${name}: ${reason}`);
    headers[name] = rendered;
    if (templateReferences(value).some((ref) => ref.root === 'secrets')) credentialHeaders.push(name);
  }
  const init: GuardedRequestInit = {
    method: implementation.method,
    headers,
    credentialHeaders,
    signal: deps.signal,
    maxBytes: MAX_RESPONSE_BYTES,
    timeoutMs: Math.min(implementation.timeout_ms ?? DEFAULT_TIMEOUT_MS, MAX_TIMEOUT_MS),
  };
  if (implementation.body !== undefined && implementation.method !== 'GET') {
    const encoding = httpBodyEncoding(implementation.headers, implementation.body);
    init.body = renderBody(implementation.body, scope, encoding);
    if (!Object.keys(headers).some((name) => name.toLowerCase() === 'content-type')) headers['content-type'] = encoding === 'json' || isWholeJsonValue(implementation.body, scope) ? 'application/json' : 'text/plain';
  }
  // A bound secret goes only to its hosts; checked on the rendered request, before it is sent.
  try {
    deps.checkSecretDestination?.({ kind: 'http', url }, [url, ...Object.entries(headers).flat(), typeof init.body === 'string' ? init.body : '']);
  } catch (error) {
    throw new ToolFailure((error as Error).message);
  }
  let response: Response;
  try {
    response = await deps.fetch(url, init);
  } catch (error) {
    if (deps.signal.aborted) throw error;
    throw new ToolFailure(`request to ${new URL(url).origin} failed: ${(error as Error).message}`);
  }
  const text = await response.text();
  if (!response.ok) throw new ToolFailure(`HTTP ${response.status} ${response.statusText}: ${text.slice(0, ERROR_EXCERPT)}`);
  const type = response.headers.get('content-type') ?? '';
  if (type.includes('json')) {
    try {
      return JSON.parse(text) as Json;
    } catch {
      return text;
    }
  }
  return text;
}

/** Renders a tool template, refusing to send a request with a reference that has no value. */
function renderChecked(source: string, scope: Record<string, unknown>, where: string, encode?: (value: string) => string): string {
  return renderTemplate(source, scope, {
    encode,
    onMissing: (ref) => {
      throw new ToolFailure(`${where}: ${ref.raw} has no value (missing tool argument or secret)`);
    },
  });
}

/**
 * A body that is exactly one reference to an object or array (`{{args.payload}}`) is sent as that
 * value's JSON, as it always was: with no text around it there is no structure to inject into.
 */
function isWholeJsonValue(source: string, scope: Record<string, unknown>): boolean {
  const parts = parseTemplate(source.trim());
  if (parts.length !== 1 || parts[0]?.kind !== 'ref') return false;
  const value = resolveTemplateValue(source, scope);
  return value !== null && typeof value === 'object';
}

function renderBody(source: string, scope: Record<string, unknown>, encoding: HttpBodyEncoding): string {
  if (encoding === 'form') return renderChecked(source, scope, 'body', encodeURIComponent);
  if (encoding === 'text') return renderChecked(source, scope, 'body');
  const text = renderJsonTemplate(source, scope, {
    onMissing: (ref) => {
      throw new ToolFailure(`body: ${ref.raw} has no value (missing tool argument or secret)`);
    },
  });
  try {
    JSON.parse(text);
  } catch (error) {
    throw new ToolFailure(`body: the JSON body template does not render to JSON (${(error as Error).message})`);
  }
  return text;
}
