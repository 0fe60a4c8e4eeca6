import { forbiddenRequestHeader } from '../forbidden-request-header';
import type { ToolConfig } from '../node-configs';
import { httpBodyEncoding, jsonTemplateProblem } from '../render-http-body';
import type { ConfigIssue } from './node-spec';

/**
 * What the schema cannot say about an http tool: headers the client must own (framing,
 * hop-by-hop, line breaks), and a JSON body template that can never render to JSON. The runtime
 * refuses the same things (server/engine/tools/http-tool.ts), for workflows that skipped this check.
 */
export function httpToolIssues(config: ToolConfig): ConfigIssue[] {
  const implementation = config.implementation;
  if (implementation.kind !== 'http') return [];
  const issues: ConfigIssue[] = [];
  for (const [name, value] of Object.entries(implementation.headers ?? {})) {
    const reason = forbiddenRequestHeader(name, value);
    if (reason) issues.push({ severity: 'error', rule: 'http.forbidden_header', path: ['implementation', 'headers', name], message: `http tool "${config.name}": ${reason}.` });
  }
  const body = implementation.body;
  if (body !== undefined && body !== null && httpBodyEncoding(implementation.headers, body) === 'json') {
    const problem = jsonTemplateProblem(body);
    if (problem) {
      issues.push({ severity: 'error', rule: 'http.body_not_json', path: ['implementation', 'body'], message: `http tool "${config.name}": the body is sent as JSON but its template is not JSON (${problem}). Quote placeholders that are strings ("{{args.q}}"); leave bare ones for numbers, booleans and objects.` });
    }
  }
  return issues;
}
