import type { ToolChoiceConfig } from '../../shared/node-configs';
import type { Workflow } from '../../shared/workflow-types';

/**
 *   input ──▶ ask ──▶ out
 *              ▲ tools
 *          shout (mcp: <server>/<tool>)
 * The default forced tool_choice makes Claude call the tool once, then answer from its result.
 * The fixture's `fail` tool takes a `reason`; its other tools take `text`.
 */
export function mcpToolWorkflow(server: string, tool = 'echo', toolChoice: ToolChoiceConfig = { type: 'tool', name: 'shout' }): Workflow {
  const argument = tool === 'fail' ? 'reason' : 'text';
  return {
    format: 'trellis.workflow',
    version: 1,
    id: 'mcp-echo',
    name: 'MCP echo',
    inputs: { type: 'object', properties: { phrase: { type: 'string' } }, required: ['phrase'] },
    samples: [{ name: 'hello', input: { phrase: 'hello trellis' } }],
    defaults: { model: 'claude-sonnet-4-6', max_tokens: 400 },
    nodes: [
      { id: 'input', type: 'input', position: { x: 0, y: 0 }, config: {} },
      { id: 'ask', type: 'prompt', position: { x: 200, y: 0 }, config: { messages: [{ role: 'user', content: 'Repeat this phrase with the shout tool: {{input.phrase}}' }], tool_choice: toolChoice, max_tool_rounds: 3 } },
      {
        id: 'shout',
        type: 'tool',
        position: { x: 200, y: 160 },
        config: {
          name: 'shout',
          description: 'Repeats a phrase.',
          input_schema: { type: 'object', properties: { [argument]: { type: 'string' } }, required: [argument] },
          implementation: { kind: 'mcp', server, tool },
        },
      },
      { id: 'out', type: 'output', position: { x: 400, y: 0 }, config: { value: '{{ask.text}}' } },
    ],
    edges: [
      { id: 'e1', source: 'input', target: 'ask' },
      { id: 'e2', source: 'shout', target: 'ask', targetHandle: 'tools' },
      { id: 'e3', source: 'ask', target: 'out' },
    ],
  };
}
