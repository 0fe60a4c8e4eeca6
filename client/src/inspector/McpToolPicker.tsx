import { useEffect, useState } from 'react';
import type { ToolConfig } from '../../../shared/node-configs';
import type { McpServerInfo, McpToolInfo } from '../api/api-types';
import { listMcpServers, listMcpTools } from '../mcp-actions';
import { Field } from './Field';

type Loaded<T> = { state: 'loading' } | { state: 'ready'; items: T[] } | { state: 'error'; message: string };

interface McpToolPickerProps {
  server: string;
  tool: string;
  /** Fills the node from the chosen tool: its server, name, description and input schema. */
  onChoose(patch: Pick<ToolConfig, 'description' | 'input_schema' | 'implementation'>): void;
  onServer(server: string): void;
}

/**
 * For an `mcp` tool node: the servers configured on this Trellis server (GET /api/mcp/servers)
 * and the chosen server's tools; picking a tool copies what Claude needs to call it.
 */
export function McpToolPicker({ server, tool, onChoose, onServer }: McpToolPickerProps) {
  const [servers, setServers] = useState<Loaded<McpServerInfo>>({ state: 'loading' });
  const [tools, setTools] = useState<Loaded<McpToolInfo>>({ state: 'loading' });
  const known = servers.state === 'ready' && servers.items.some((candidate) => candidate.name === server);

  useEffect(() => {
    let live = true;
    void listMcpServers().then((answer) => live && setServers('servers' in answer ? { state: 'ready', items: answer.servers } : { state: 'error', message: answer.error }));
    return () => {
      live = false;
    };
  }, []);

  useEffect(() => {
    if (!known) return;
    let live = true;
    setTools({ state: 'loading' });
    void listMcpTools(server).then((answer) => live && setTools('tools' in answer ? { state: 'ready', items: answer.tools } : { state: 'error', message: answer.error }));
    return () => {
      live = false;
    };
  }, [server, known]);

  if (servers.state === 'loading') return <p className="panel__empty">Loading MCP servers…</p>;
  if (servers.state === 'error') return <div className="field-error">Could not list MCP servers: {servers.message}</div>;
  if (servers.items.length === 0) {
    return (
      <p className="panel__empty" data-testid="mcp-no-servers">
        No MCP servers are configured on this server (set <code>TRELLIS_MCP_CONFIG</code>, see docs/mcp.md).
      </p>
    );
  }
  return (
    <div className="form" data-testid="mcp-picker">
      <Field label="MCP server">
        <select value={known ? server : ''} data-testid="mcp-server-select" onChange={(event) => onServer(event.target.value)}>
          {!known && <option value="">{server ? `"${server}" is not configured` : 'choose a server'}</option>}
          {servers.items.map((candidate) => (
            <option key={candidate.name} value={candidate.name}>
              {candidate.name} ({candidate.transport})
            </option>
          ))}
        </select>
      </Field>
      {known && tools.state === 'loading' && <p className="panel__empty">Asking {server} for its tools…</p>}
      {known && tools.state === 'error' && <div className="field-error">{tools.message}</div>}
      {known && tools.state === 'ready' && (
        <ul className="mcp-tools" data-testid="mcp-tools">
          {tools.items.map((candidate) => (
            <li key={candidate.name}>
              <button
                type="button"
                className={`mcp-tools__item ${candidate.name === tool ? 'mcp-tools__item--current' : ''}`}
                data-testid={`mcp-tool-${candidate.name}`}
                onClick={() =>
                  onChoose({
                    description: candidate.description,
                    input_schema: candidate.input_schema as ToolConfig['input_schema'],
                    implementation: { kind: 'mcp', server, tool: candidate.name },
                  })
                }
              >
                <code>{candidate.name}</code>
                {candidate.description && <span className="mcp-tools__description">{candidate.description}</span>}
              </button>
            </li>
          ))}
          {tools.items.length === 0 && <li className="panel__empty">{server} lists no tools.</li>}
        </ul>
      )}
    </div>
  );
}
