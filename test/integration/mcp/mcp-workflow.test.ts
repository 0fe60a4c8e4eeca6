import Anthropic from '@anthropic-ai/sdk';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { TraceEvent } from '../../../shared/trace-events';
import type { Workflow } from '../../../shared/workflow-types';
import { runWorkflow } from '../../../server/engine/run-workflow';
import { createMcpCaller, findUnknownMcpServers, type McpClients } from '../../../server/mcp';
import { startSimulator } from '../../../server/simulator';
import { mcpToolWorkflow } from '../../helpers/mcp-tool-workflow';
import { echoServerConfig, readCalls } from './mcp-fixture';

type Simulator = Awaited<ReturnType<typeof startSimulator>>;
let sim: Simulator;
let claude: Anthropic;
let mcp: McpClients;
const { server, log } = echoServerConfig();

beforeAll(async () => {
  sim = await startSimulator({ port: 0 });
  claude = new Anthropic({ apiKey: 'sk-test', baseURL: sim.url, maxRetries: 0 });
  mcp = createMcpCaller({ servers: { fixture: server } });
});
afterAll(async () => {
  await mcp.close();
  await sim.close();
});
beforeEach(() => sim.reset());


async function run(workflow: Workflow): Promise<TraceEvent[]> {
  const events: TraceEvent[] = [];
  for await (const event of runWorkflow(workflow, { phrase: 'hello trellis' }, { claude, runId: 'run_mcp', mcp })) events.push(event);
  return events;
}

function messagesSent(): { role: string; content: unknown }[][] {
  return sim.requests.filter((r) => r.method === 'POST' && r.path === '/v1/messages').map((r) => (r.body as { messages: { role: string; content: unknown }[] }).messages);
}

describe('an mcp tool node inside a workflow, on the simulator', () => {
  it('Claude calls the tool, the MCP server receives it, and the answer uses its result', async () => {
    const before = readCalls(log).length;
    // auto: the simulated model calls the tool the prompt names, then answers from its result.
    const events = await run(mcpToolWorkflow('fixture', 'echo', { type: 'auto' }));
    const end = events.at(-1);
    expect(end?.type, JSON.stringify(end?.data)).toBe('run.completed');

    const received = readCalls(log).slice(before);
    expect(received.length).toBeGreaterThanOrEqual(1);
    const call = events.find((event) => event.type === 'node.tool_call');
    const result = events.find((event) => event.type === 'node.tool_result');
    expect(call?.type === 'node.tool_call' && call.data.toolNodeId).toBe('shout');
    expect(received[0]?.args).toEqual(call?.type === 'node.tool_call' ? call.data.input : undefined);
    const echoed = `echo: ${String(received[0]?.args.text)}`;
    expect(result?.data).toMatchObject({ toolNodeId: 'shout', is_error: false, output: echoed });

    // The next request carried the MCP output back as the tool_result, and the answer quotes it.
    const secondTurn = messagesSent()[1]?.at(-1);
    expect(JSON.stringify(secondTurn?.content)).toContain(JSON.stringify(echoed).slice(1, -1));
    const outputs = end?.type === 'run.completed' ? end.data.outputs : {};
    expect(String(outputs.out)).toContain(echoed);
  });

  it('tool_choice forcing the tool: the MCP server gets the forced call and its output goes back as the tool_result', async () => {
    const before = readCalls(log).length;
    const events = await run(mcpToolWorkflow('fixture', 'echo', { type: 'tool', name: 'shout' }));
    const first = sim.requests.find((r) => r.method === 'POST' && r.path === '/v1/messages')?.body as { tool_choice?: unknown };
    expect(first.tool_choice).toEqual({ type: 'tool', name: 'shout' });
    const received = readCalls(log).slice(before);
    expect(received[0]?.tool).toBe('echo');
    const result = events.find((event) => event.type === 'node.tool_result');
    expect(result?.data).toMatchObject({ toolNodeId: 'shout', is_error: false, output: `echo: ${String(received[0]?.args.text)}` });
    const secondTurn = messagesSent()[1]?.at(-1)?.content as { type: string; content?: unknown; is_error?: boolean }[];
    expect(secondTurn[0]).toMatchObject({ type: 'tool_result', content: `echo: ${String(received[0]?.args.text)}` });
    expect(secondTurn[0]?.is_error).toBeUndefined();
  });

  it('an MCP tool error reaches Claude as is_error and the run still completes', async () => {
    const events = await run(mcpToolWorkflow('fixture', 'fail', { type: 'auto' }));
    const result = events.find((event) => event.type === 'node.tool_result');
    expect(result?.data).toMatchObject({ toolNodeId: 'shout', is_error: true });
    expect(String(result?.type === 'node.tool_result' ? result.data.output : '')).toMatch(/^refused: /);
    const secondTurn = messagesSent()[1]?.at(-1)?.content as { type: string; is_error?: boolean }[];
    expect(secondTurn[0]).toMatchObject({ type: 'tool_result', is_error: true });
    const end = events.at(-1);
    expect(end?.type).toBe('run.completed');
    expect(String(end?.type === 'run.completed' ? end.data.outputs.out : '')).toMatch(/reported an error: "refused: /);
  });

  it('a workflow naming an unconfigured server is caught before the run and fails clearly during one', async () => {
    const workflow = mcpToolWorkflow('weather', 'echo', { type: 'auto' });
    expect(findUnknownMcpServers(workflow, mcp.servers())).toEqual([
      { nodeId: 'shout', path: '/nodes/2/config/implementation/server', rule: 'mcp-server-unknown', message: 'MCP server "weather" is not configured on this server (configured: fixture)' },
    ]);
    const events = await run(workflow);
    const result = events.find((event) => event.type === 'node.tool_result');
    expect(result?.data).toMatchObject({ is_error: true, output: 'MCP server "weather" is not configured (configured: fixture)' });
  });
});
