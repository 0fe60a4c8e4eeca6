import type { ToolResultBlockParam, ToolUseBlock } from '@anthropic-ai/sdk/resources/messages/messages';
import type { Json } from '../../shared/json-schema';
import type { WorkflowNodeOf } from '../../shared/workflow-types';
import type { NodeContext } from './node-runner';
import { runToolImplementation } from './tools/run-tool-implementation';

/**
 * Runs the tool node Claude asked for and returns the `tool_result` block for the next user turn.
 * Any tool failure becomes `is_error: true` with the message as content, so Claude can react;
 * only a run abort propagates.
 */
export async function runToolCall(ctx: NodeContext, tools: readonly WorkflowNodeOf<'tool'>[], use: ToolUseBlock, round: number): Promise<ToolResultBlockParam> {
  const tool = tools.find((candidate) => candidate.config.name === use.name);
  const input = (use.input ?? {}) as Json;
  const toolNodeId = tool?.id ?? use.name;
  ctx.emitter.emit({ type: 'node.tool_call', nodeId: ctx.node.id, data: { toolNodeId, toolUseId: use.id, name: use.name, input, round } });
  const startedAt = ctx.deps.now();
  let output: Json;
  let isError = false;
  try {
    if (!tool) throw new Error(`no tool named "${use.name}" is attached to this node`);
    output = await runToolImplementation(tool.config, input, ctx.deps, ctx.signal);
  } catch (error) {
    if (ctx.signal.aborted) throw error;
    isError = true;
    output = error instanceof Error ? error.message : String(error);
  }
  const duration = ctx.deps.now() - startedAt;
  ctx.meter.addToolTime(duration);
  ctx.emitter.emit({ type: 'node.tool_result', nodeId: ctx.node.id, data: { toolNodeId, toolUseId: use.id, output, is_error: isError, duration_ms: duration } });
  const content = typeof output === 'string' ? output : JSON.stringify(output);
  const block: ToolResultBlockParam = { type: 'tool_result', tool_use_id: use.id, content: content === '' ? '(empty)' : content };
  if (isError) block.is_error = true;
  return block;
}
