import { capabilitiesOf, getNodeSpec } from '../nodes';
import { templateReferences, type TemplateReference } from '../templates';
import type { ToolConfig } from '../node-configs';
import type { WorkflowNode } from '../workflow-types';
import type { CheckContext } from './check-context';
import { templateFields, type TemplateField } from './template-fields';

/** `{{ … }}` that is not a path reference: rendered literally, which is rarely what the author meant. */
const BRACES = /\{\{[^{}]*\}\}/g;

/** Static checks of every template reference against the graph, the inputs schema and tool inputs. */
export function checkTemplates(ctx: CheckContext): void {
  for (const node of ctx.workflow.nodes) {
    for (const field of templateFields(node)) {
      const references = templateReferences(field.source);
      for (const ref of references) checkReference(ctx, node, field, ref);
      const literal = [...field.source.matchAll(BRACES)].filter((match) => !references.some((ref) => ref.start === match.index));
      if (literal.length > 0) {
        ctx.nodeIssue('warning', node, 'template.literal', field.path, `${(literal[0] as RegExpMatchArray)[0]} in ${field.path.join('.')} is not a reference (only dotted paths like {{input.name}} are) and will be sent as literal text.`);
      }
    }
  }
}

function checkReference(ctx: CheckContext, node: WorkflowNode, field: TemplateField, ref: TemplateReference): void {
  const where = field.path.join('.');
  const report = (rule: string, message: string) => ctx.nodeIssue('error', node, rule, field.path, `${ref.raw} in ${where} ${message}`);
  if (ref.root === 'secrets') {
    // The whole secrets object would render every secret into the prompt.
    if (ref.path.length === 0) report('template.secrets_whole', 'would expose every secret; name one, e.g. {{secrets.API_KEY}}.');
    // A route label is shown as is; a route chosen from a secret spells it out label by label.
    else if (capabilitiesOf(node.type).routes) report('template.secret_in_route', 'cannot be used in a routing node: the route it picks is visible, so a secret must never steer it.');
    return;
  }
  if (field.scope === 'tool') {
    if (ref.root !== 'args') {
      report('template.tool_scope', 'cannot be used here: tool request templates see only {{args.*}} (the tool input) and {{secrets.*}}.');
      return;
    }
    if (capabilitiesOf(node.type).isToolProvider) checkArgument(node.config as ToolConfig, ref, report);
    return;
  }
  if (ref.root === 'args') {
    report('template.args_outside_tool', 'uses args, which exist only inside a tool’s http templates.');
    return;
  }
  if (ref.root === 'input') {
    checkInputField(ctx, ref.path[0], report);
    return;
  }
  const target = ctx.nodeById.get(ref.root);
  if (!target) {
    report('template.unknown_node', `refers to "${ref.root}", which is neither a node nor input or secrets.`);
    return;
  }
  if (!ctx.upstreamOf(node.id).has(target.id)) {
    report('template.not_upstream', `refers to node "${target.id}", which is not upstream of "${node.id}"; connect it first so its output exists when "${node.id}" runs.`);
    return;
  }
  const fieldName = ref.path[0];
  if (fieldName === undefined) return;
  if (capabilitiesOf(target.type).isInput) {
    checkInputField(ctx, fieldName, report);
    return;
  }
  const spec = getNodeSpec(target.type);
  if (!spec.openOutput && !spec.outputFields.includes(fieldName)) {
    report('template.unknown_field', `reads "${fieldName}", but ${target.type} node "${target.id}" outputs ${spec.outputFields.join(', ')}.`);
  }
}

function checkInputField(ctx: CheckContext, name: string | undefined, report: (rule: string, message: string) => void): void {
  if (name === undefined || !ctx.inputsUsable) return;
  const properties = ctx.workflow.inputs.properties;
  const known = properties !== null && typeof properties === 'object' ? Object.keys(properties) : [];
  if (!known.includes(name)) {
    report('template.unknown_input', `reads input field "${name}", which the workflow's inputs schema does not define${known.length > 0 ? ` (defined: ${known.join(', ')})` : ''}.`);
  }
}

/** A tool provider's config is a ToolConfig: its templates read the arguments its input_schema defines. */
function checkArgument(config: ToolConfig, ref: TemplateReference, report: (rule: string, message: string) => void): void {
  const name = ref.path[0];
  const properties = config.input_schema.properties;
  if (name === undefined || properties === null || typeof properties !== 'object') return;
  if (!Object.prototype.hasOwnProperty.call(properties, name)) {
    report('template.unknown_arg', `reads tool argument "${name}", which the tool's input_schema does not define.`);
  }
}
