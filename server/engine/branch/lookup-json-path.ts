import type { Json } from '../../../shared/json-schema';
import { lookupPath } from '../../../shared/templates';
import { NodeError } from '../node-error';

/**
 * A small JSONPath subset: `$.a.b[0].c`, `a.b.0.c` or `$` itself. Member names and indexes only;
 * no filters or wildcards (nothing is ever evaluated). Returns undefined for a missing path.
 */
export function lookupJsonPath(value: Json, path: string, where: string): Json | undefined {
  const trimmed = path.trim();
  if (!/^(\$|\$?(\.?[A-Za-z_][\w-]*|\[\d+\]|\.\d+)*)$/.test(trimmed)) {
    throw NodeError.config(`${where}.json_path: "${path}" is not a supported path (use $.field.sub[0] or field.sub.0)`);
  }
  const segments = trimmed
    .replace(/^\$/, '')
    .replace(/\[(\d+)\]/g, '.$1')
    .split('.')
    .filter((segment) => segment !== '');
  return lookupPath(value, segments) as Json | undefined;
}
