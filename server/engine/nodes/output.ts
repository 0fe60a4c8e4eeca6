import type { Json } from '../../../shared/json-schema';
import type { NodeRunner } from '../node-runner';
import { resolveStrict } from '../render-strict';

/**
 * Renders `value`: a single-reference template keeps the referenced value's shape (an object
 * stays an object); a mapping renders each entry the same way.
 */
export const outputRunner: NodeRunner<'output'> = {
  type: 'output',
  run: async (ctx) => {
    const { value } = ctx.node.config;
    if (typeof value === 'string') return { output: toJson(resolveStrict(value, ctx.scope, `${ctx.node.id}.config.value`)) };
    const output: { [key: string]: Json } = {};
    for (const [key, template] of Object.entries(value)) output[key] = toJson(resolveStrict(template, ctx.scope, `${ctx.node.id}.config.value.${key}`));
    return { output };
  },
};

function toJson(value: unknown): Json {
  return value === undefined ? null : (value as Json);
}
