import { renderTemplate, resolveTemplateValue, type TemplateReference } from '../../shared/templates';
import { NodeError } from './node-error';

/**
 * Template rendering for runners: a reference that resolves to nothing fails the node with an
 * error naming the reference and where it was written, instead of silently rendering ''.
 */
export function renderStrict(source: string, scope: Record<string, unknown>, where: string): string {
  const missing: TemplateReference[] = [];
  const text = renderTemplate(source, scope, { onMissing: (ref) => missing.push(ref) });
  throwIfMissing(missing, where);
  return text;
}

export function resolveStrict(source: string, scope: Record<string, unknown>, where: string): unknown {
  const missing: TemplateReference[] = [];
  const value = resolveTemplateValue(source, scope, { onMissing: (ref) => missing.push(ref) });
  throwIfMissing(missing, where);
  return value;
}

function throwIfMissing(missing: TemplateReference[], where: string): void {
  if (missing.length === 0) return;
  const names = missing.map((ref) => ref.raw).join(', ');
  throw new NodeError({
    type: 'template_error',
    message: `${where}: ${missing.length === 1 ? 'reference' : 'references'} ${names} resolved to nothing (no such field in the upstream output, input or secrets)`,
  });
}
