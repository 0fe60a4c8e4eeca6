import type { PromptConfig, ToolConfig } from '../node-configs';
import { capabilitiesOf } from '../nodes';
import type { CheckContext } from './check-context';
import { jsonPointer } from './json-pointer';

/** `inputs`, structured-output schemas and tool input schemas must be usable JSON Schemas; samples must satisfy `inputs`. */
export function checkEmbeddedSchemas(ctx: CheckContext): void {
  const { workflow } = ctx;
  const { schemaProblem, valueProblems } = ctx.schemas;
  const inputsProblem = schemaProblem(workflow.inputs);
  if (inputsProblem) ctx.documentIssue('error', 'inputs.invalid_schema', '/inputs', `The inputs schema is not a valid JSON Schema: ${inputsProblem}.`);
  else if (workflow.inputs.type !== 'object') ctx.documentIssue('error', 'inputs.invalid_schema', '/inputs/type', 'The inputs schema must describe an object ("type": "object"): a run input is a set of named fields.');
  ctx.inputsUsable = inputsProblem === null && workflow.inputs.type === 'object';

  const sampleNames = new Set<string>();
  workflow.samples?.forEach((sample, index) => {
    if (sampleNames.has(sample.name)) ctx.documentIssue('error', 'sample.duplicate_name', jsonPointer('samples', index, 'name'), `Sample "${sample.name}" is defined twice.`);
    sampleNames.add(sample.name);
    if (inputsProblem) return;
    // null: this checker cannot tell (the browser, for a keyword it does not interpret); the server's check decides.
    for (const problem of valueProblems(workflow.inputs, sample.input) ?? []) {
      ctx.documentIssue('error', 'sample.invalid', `${jsonPointer('samples', index, 'input')}${problem.path}`, `Sample "${sample.name}" does not match the inputs schema: ${problem.message}.`);
    }
  });

  for (const node of workflow.nodes) {
    const capabilities = capabilitiesOf(node.type);
    if (capabilities.isToolProvider) {
      const inputSchema = (node.config as ToolConfig).input_schema;
      const problem = schemaProblem(inputSchema);
      if (problem) ctx.nodeIssue('error', node, 'tool.input_schema', ['config', 'input_schema'], `input_schema is not a valid JSON Schema: ${problem}.`);
      else if (inputSchema.type !== 'object') ctx.nodeIssue('error', node, 'tool.input_schema', ['config', 'input_schema', 'type'], 'input_schema must have "type": "object" (the Messages API requires it).');
    }
    const outputSchema = capabilities.hasConversation ? (node.config as PromptConfig).schema : undefined;
    if (outputSchema) {
      const problem = schemaProblem(outputSchema);
      if (problem) ctx.nodeIssue('error', node, 'output.invalid_schema', ['config', 'schema'], `schema is not a valid JSON Schema: ${problem}.`);
    }
  }
}
