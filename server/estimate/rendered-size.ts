import { formatValue, parseTemplate, resolveReference } from '../../shared/templates';

/**
 * How many characters the templates in `config` render to with `scope`, computed without
 * rendering them: a prompt quoting a 5 MB upstream answer a thousand times costs a thousand
 * lookups here, not 5 GB. Each distinct value is formatted once (by identity).
 */
export function renderedSize(config: unknown, scope: Record<string, unknown>): number {
  const sizes = new Map<unknown, number>();
  const sizeOf = (value: unknown): number => {
    if (typeof value === 'string') return value.length;
    if (value === null || typeof value !== 'object') return formatValue(value).length;
    let size = sizes.get(value);
    if (size === undefined) {
      size = formatValue(value).length;
      sizes.set(value, size);
    }
    return size;
  };
  let total = 0;
  const visit = (value: unknown): void => {
    if (typeof value === 'string') {
      for (const part of parseTemplate(value)) total += part.kind === 'text' ? part.text.length : sizeOf(resolveReference(scope, part.ref));
    } else if (Array.isArray(value)) value.forEach(visit);
    else if (value !== null && typeof value === 'object') Object.values(value).forEach(visit);
  };
  visit(config);
  return total;
}
