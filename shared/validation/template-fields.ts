import { templatesOf, type ConfigTemplate } from '../nodes';
import type { WorkflowNode } from '../workflow-types';

export interface TemplateField extends ConfigTemplate {
  /** Path of the template string relative to the node (`config`, …). */
  path: (string | number)[];
}

/** Every string in a node's config that is rendered as a template, as its type declares them. */
export function templateFields(node: WorkflowNode): TemplateField[] {
  return templatesOf(node).map((field) => ({ ...field, path: ['config', ...field.path] }));
}
