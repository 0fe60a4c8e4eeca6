import type { JSONSchemaType } from 'ajv/dist/2020';
import type { BranchCondition, BranchConfig, BranchRoute } from '../node-configs';
import { linearRegexProblem } from '../regex/linear-regex';
import { LIMITS } from '../validation/limits';
import type { ConfigIssue, ConfigTemplate, NodeSpec } from './node-spec';
import { IN_HANDLE } from './node-spec';
import { NAME, OPTIONAL_JSON, TEMPLATE } from './json-leaves';
import { EFFORT, THINKING_SETTING } from './prompt-properties';

const condition: JSONSchemaType<BranchCondition> = {
  type: 'object',
  oneOf: [
    { type: 'object', additionalProperties: false, required: ['equals'], properties: { equals: { type: 'string', maxLength: LIMITS.stringLength } } },
    { type: 'object', additionalProperties: false, required: ['contains'], properties: { contains: { type: 'string', maxLength: LIMITS.stringLength } } },
    { type: 'object', additionalProperties: false, required: ['matches'], properties: { matches: { type: 'string', minLength: 1, maxLength: LIMITS.regexLength } } },
    {
      type: 'object',
      additionalProperties: false,
      required: ['json_path', 'op'],
      properties: {
        json_path: { type: 'string', minLength: 1, maxLength: LIMITS.nameLength },
        op: { type: 'string', enum: ['eq', 'ne', 'gt', 'gte', 'lt', 'lte', 'exists'] },
        value: OPTIONAL_JSON,
      },
    },
  ],
};

const route: JSONSchemaType<BranchRoute> = {
  type: 'object',
  additionalProperties: false,
  required: ['label'],
  properties: {
    label: { type: 'string', pattern: '^[A-Za-z0-9_-]{1,64}$' },
    when: { ...condition, nullable: true },
    description: { type: 'string', maxLength: 10_000, nullable: true },
  },
};

export const branchNode: NodeSpec<'branch'> = {
  type: 'branch',
  label: 'Branch',
  description: 'Routes the flow: match the value against conditions, or let Claude pick a route label. Routes not taken are skipped.',
  configSchema: {
    type: 'object',
    additionalProperties: false,
    required: ['on', 'routes'],
    properties: {
      mode: { type: 'string', enum: ['match', 'claude'], nullable: true },
      on: { ...TEMPLATE, minLength: 1 },
      routes: { type: 'array', minItems: 1, maxItems: LIMITS.routes, items: route },
      default: { ...NAME, nullable: true },
      model: { ...NAME, nullable: true },
      max_tokens: { type: 'integer', minimum: 1, maximum: LIMITS.maxTokens, nullable: true },
      instruction: { ...TEMPLATE, nullable: true },
      effort: EFFORT,
      thinking: { ...THINKING_SETTING, nullable: true },
    },
  },
  defaults: {
    mode: 'match',
    on: '{{input}}',
    routes: [
      { label: 'yes', when: { contains: 'yes' } },
      { label: 'no', when: { contains: 'no' } },
    ],
    default: 'no',
  },
  ports: { inputs: [IN_HANDLE], outputs: [] },
  outputFields: ['route'],
  capabilities: {
    routes: (config) => config.routes.map((route) => route.label),
    callsClaude: (config) => config.mode === 'claude',
  },
  templates: (config) => {
    const fields: ConfigTemplate[] = [{ path: ['on'], source: config.on, scope: 'run' }];
    if (config.instruction !== undefined) fields.push({ path: ['instruction'], source: config.instruction, scope: 'run' });
    return fields;
  },
  configIssues: routeIssues,
};

function routeIssues(config: BranchConfig): ConfigIssue[] {
  const issues: ConfigIssue[] = [];
  const mode = config.mode ?? 'match';
  const labels = new Set<string>();
  config.routes.forEach((route, index) => {
    if (labels.has(route.label)) issues.push({ severity: 'error', rule: 'branch.duplicate_route', path: ['routes', index, 'label'], message: `route "${route.label}" is defined twice.` });
    labels.add(route.label);
    if (mode === 'match' && route.when === undefined && route.label !== config.default) {
      issues.push({ severity: 'warning', rule: 'branch.missing_condition', path: ['routes', index], message: `route "${route.label}" has no "when" condition and is not the default, so match mode can never take it.` });
    }
    if (route.when && 'matches' in route.when) {
      const problem = linearRegexProblem(route.when.matches, 'u');
      if (problem !== undefined) {
        issues.push({ severity: 'error', rule: 'branch.bad_regex', path: ['routes', index, 'when', 'matches'], message: `route "${route.label}": ${problem}.` });
      }
    }
  });
  if (config.default !== undefined && !labels.has(config.default)) {
    issues.push({ severity: 'error', rule: 'branch.unknown_default', path: ['default'], message: `default "${config.default}" is not one of the routes (${[...labels].join(', ')}).` });
  }
  return issues;
}
