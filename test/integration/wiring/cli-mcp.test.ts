import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { writeEchoMcpConfig } from './helpers/echo-mcp-config';
import { mcpToolWorkflow } from '../../helpers/mcp-tool-workflow';
import { runTrellis } from '../../helpers/run-trellis';

describe('trellis run with MCP servers from TRELLIS_MCP_CONFIG', { timeout: 60_000 }, () => {
  it('runs an mcp tool node through the configured server', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'trellis-wiring-cli-mcp-'));
    const callLog = join(dir, 'calls.jsonl');
    const { file } = writeEchoMcpConfig(dir, callLog);
    const workflow = join(dir, 'mcp-echo.json');
    writeFileSync(workflow, JSON.stringify(mcpToolWorkflow('echo')));

    const result = await runTrellis(['run', workflow, '--sample', 'hello'], { TRELLIS_MCP_CONFIG: file });
    expect(result.code, result.stderr).toBe(0);
    expect(result.stderr).toMatch(/ask\s+← echo: .*hello trellis/);
    expect((JSON.parse(result.stdout) as { out: string }).out).toContain('echo: ');
    expect(readFileSync(callLog, 'utf8')).toContain('"tool":"echo"');
  });

  it('refuses a workflow naming a server that is not configured, before running (exit 2)', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'trellis-wiring-cli-mcp-'));
    const workflow = join(dir, 'mcp-weather.json');
    writeFileSync(workflow, JSON.stringify(mcpToolWorkflow('weather')));

    const result = await runTrellis(['run', workflow, '--sample', 'hello']);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(`${workflow}: 1 error`);
    expect(result.stderr).toContain('/nodes/2/config/implementation/server [mcp-server-unknown] (node shout): MCP server "weather" is not configured on this server (none configured; set TRELLIS_MCP_CONFIG)');
    expect(result.stderr).not.toContain('▶ run');
  });
});
