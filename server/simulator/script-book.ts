import { readFileSync } from 'node:fs';
import { linearRegexProblem } from '../../shared/regex/linear-regex';
import { isObject } from './is-object';
import { matchesRequest, type MatchTarget } from './matches-request';
import type { ScriptRule } from './types';

const STOP_REASONS = ['end_turn', 'max_tokens', 'stop_sequence', 'tool_use', 'pause_turn', 'refusal', 'model_context_window_exceeded'];

/** Scripted rules, checked in order before the default generator; a rule with `times` is used up. */
export class ScriptBook {
  private rules: { rule: ScriptRule; remaining: number }[] = [];

  replace(rules: ScriptRule[]): void {
    this.rules = rules.map((rule, index) => {
      validateRule(rule, `script[${index}]`);
      return { rule, remaining: rule.times ?? Infinity };
    });
  }

  take(target: MatchTarget): ScriptRule | undefined {
    const entry = this.rules.find(({ rule, remaining }) => remaining > 0 && matchesRequest({ path: '/v1/messages', ...rule.match }, target));
    if (!entry) return undefined;
    entry.remaining--;
    return entry.rule;
  }
}

/** Loads rules from a JSON file holding an array of rules. */
export function loadScriptFile(file: string): ScriptRule[] {
  let parsed: unknown;
  try {
    parsed = JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    throw new Error(`simulator script ${file}: ${error instanceof Error ? error.message : String(error)}`);
  }
  if (!Array.isArray(parsed)) throw new Error(`simulator script ${file}: expected a JSON array of rules`);
  return parsed as ScriptRule[];
}

function validateRule(rule: unknown, path: string): void {
  if (!isObject(rule)) throw new Error(`${path}: a rule must be an object with "respond"`);
  if (!isObject(rule.respond)) throw new Error(`${path}.respond: required object`);
  if (rule.match !== undefined && !isObject(rule.match)) throw new Error(`${path}.match: must be an object`);
  if (rule.times !== undefined && (typeof rule.times !== 'number' || !Number.isInteger(rule.times) || rule.times < 1)) {
    throw new Error(`${path}.times: must be a positive integer`);
  }
  const { content, status, error, stop_reason: stopReason, stop_details: stopDetails } = rule.respond;
  if (stopReason !== undefined && !STOP_REASONS.includes(stopReason as string)) throw new Error(`${path}.respond.stop_reason: must be one of ${STOP_REASONS.join(', ')}`);
  if (stopDetails !== undefined && stopDetails !== null && !(isObject(stopDetails) && stopDetails.type === 'refusal')) {
    throw new Error(`${path}.respond.stop_details: must be null or {type: "refusal", category, explanation}`);
  }
  if (content !== undefined && !Array.isArray(content)) throw new Error(`${path}.respond.content: must be an array of content blocks`);
  if (status !== undefined && (typeof status !== 'number' || status < 200 || status > 599)) throw new Error(`${path}.respond.status: must be an HTTP status`);
  if (error !== undefined && !(isObject(error) && typeof error.type === 'string' && typeof error.message === 'string')) {
    throw new Error(`${path}.respond.error: must be {type, message}`);
  }
  const lastUser = isObject(rule.match) ? rule.match.lastUserText : undefined;
  if (isObject(lastUser)) {
    const problem = linearRegexProblem(String(lastUser.regex), typeof lastUser.flags === 'string' ? lastUser.flags : '');
    if (problem !== undefined) throw new Error(`${path}.match.lastUserText.regex: ${problem}`);
  }
}
