import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createMcpCaller, UnknownMcpServerError, type McpClients } from '../../../server/mcp';
import { echoServerConfig, readCalls } from './mcp-fixture';

const { server, log } = echoServerConfig({ timeout_ms: 30_000 });
const quick = echoServerConfig({ timeout_ms: 300 });
let mcp: McpClients;

beforeAll(() => {
  mcp = createMcpCaller({ servers: { fixture: server, quick: quick.server } });
});
afterAll(() => mcp.close());

const signal = () => new AbortController().signal;

describe('createMcpCaller over stdio', () => {
  it('lists the server tools with their descriptions and input schemas', async () => {
    const tools = await mcp.listTools('fixture');
    expect(tools.map((tool) => tool.name).sort()).toEqual(['add', 'echo', 'fail', 'hang']);
    const echo = tools.find((tool) => tool.name === 'echo');
    expect(echo?.description).toBe('Repeats the text back.');
    expect(echo?.input_schema).toMatchObject({ type: 'object', properties: { text: { type: 'string' } }, required: ['text'] });
  });

  it('calls a tool on the real server process and reuses one connection for later calls', async () => {
    expect(await mcp.callTool('fixture', 'echo', { text: 'first' }, signal())).toEqual({ output: 'echo: first', is_error: false });
    expect(await mcp.callTool('fixture', 'echo', { text: 'second' }, signal())).toEqual({ output: 'echo: second', is_error: false });
    const calls = readCalls(log).filter((call) => call.tool === 'echo');
    expect(calls.map((call) => call.args)).toEqual([{ text: 'first' }, { text: 'second' }]);
    expect(new Set(calls.map((call) => call.pid)).size).toBe(1);
  });

  it('returns structured content as the output', async () => {
    expect(await mcp.callTool('fixture', 'add', { a: 2, b: 3 }, signal())).toEqual({ output: { sum: 5 }, is_error: false });
  });

  it('maps a tool error to is_error with the tool text', async () => {
    expect(await mcp.callTool('fixture', 'fail', { reason: 'no access' }, signal())).toEqual({ output: 'refused: no access', is_error: true });
  });

  it('an unknown tool and bad arguments are tool errors Claude can read', async () => {
    const unknown = await mcp.callTool('fixture', 'nope', {}, signal());
    expect(unknown.is_error).toBe(true);
    expect(unknown.output).toMatch(/nope.*not found/i);
    const badArgs = await mcp.callTool('fixture', 'add', { a: 'two' }, signal());
    expect(badArgs.is_error).toBe(true);
    expect(await mcp.callTool('fixture', 'echo', ['not', 'an', 'object'], signal())).toMatchObject({ is_error: true, output: expect.stringContaining('needs an object of arguments') });
  });

  it('an unknown server throws a clear error naming the configured ones', async () => {
    await expect(mcp.callTool('weather', 'forecast', {}, signal())).rejects.toThrow(UnknownMcpServerError);
    await expect(mcp.listTools('weather')).rejects.toThrow('MCP server "weather" is not configured (configured: fixture, quick)');
  });

  it('a call that outlives the server timeout_ms becomes a tool error', async () => {
    const result = await mcp.callTool('quick', 'hang', {}, signal());
    expect(result.is_error).toBe(true);
    expect(String(result.output)).toMatch(/timed out/i);
  });

  it('aborting the signal rejects the call once the server has it', async () => {
    const controller = new AbortController();
    const before = readCalls(log).filter((call) => call.tool === 'hang').length;
    const call = mcp.callTool('fixture', 'hang', {}, controller.signal);
    // Abort only once the server has logged the call, so the abort reaches an in-flight request.
    await expect.poll(() => readCalls(log).filter((entry) => entry.tool === 'hang').length).toBe(before + 1);
    controller.abort(new Error('run canceled'));
    await expect(call).rejects.toThrow('run canceled');
    expect(await mcp.callTool('fixture', 'echo', { text: 'still alive' }, signal())).toEqual({ output: 'echo: still alive', is_error: false });
  });

  it('a server that cannot start fails with its stderr in the message', async () => {
    const broken = createMcpCaller({ servers: { broken: { command: process.execPath, args: ['-e', 'process.stderr.write("boom: missing config\\n"); process.exit(3)'] } } });
    try {
      await expect(broken.callTool('broken', 'echo', {}, signal())).rejects.toThrow(/MCP server "broken" .*could not be reached[\s\S]*boom: missing config/);
    } finally {
      await broken.close();
    }
  });
});
