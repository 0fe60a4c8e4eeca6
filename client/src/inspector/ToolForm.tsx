import type { ToolConfig, ToolImplementation } from '../../../shared/node-configs';
import { Field } from './Field';
import { JsonField } from './JsonField';
import { McpToolPicker } from './McpToolPicker';
import { configEditor } from './use-config-editor';

const STARTERS: Record<ToolImplementation['kind'], ToolImplementation> = {
  mock: { kind: 'mock', response: { result: 'mock result' } },
  http: { kind: 'http', method: 'GET', url: 'https://example.com/api?q={{args.query}}' },
  mcp: { kind: 'mcp', server: 'my-server', tool: 'tool_name' },
  builtin: { kind: 'builtin', name: 'calculator' },
};

export function ToolForm({ nodeId, config }: { nodeId: string; config: ToolConfig }) {
  const set = configEditor<'tool'>(nodeId, config);
  const kind = config.implementation?.kind ?? 'mock';
  return (
    <div className="form">
      <Field label="Name (what Claude sees)">
        <input value={config.name} data-testid="tool-name" onChange={(event) => set({ name: event.target.value }, 'name')} />
      </Field>
      <Field label="Description">
        <textarea rows={3} value={config.description ?? ''} onChange={(event) => set({ description: event.target.value || undefined }, 'description')} />
      </Field>
      <Field label="Input schema (JSON Schema)">
        <JsonField value={config.input_schema} draftKey={`${nodeId}/input_schema`} testId="tool-input-schema" onChange={(schema) => set({ input_schema: schema as ToolConfig['input_schema'] }, 'input_schema')} />
      </Field>
      <Field label="Implementation">
        <select value={kind} onChange={(event) => set({ implementation: STARTERS[event.target.value as ToolImplementation['kind']] }, 'implementation.kind')}>
          <option value="mock">mock: fixed or keyed responses</option>
          <option value="http">http: call a URL (SSRF-guarded)</option>
          <option value="mcp">mcp: a configured MCP server's tool</option>
          <option value="builtin">builtin: calculator or current time</option>
        </select>
      </Field>
      {config.implementation?.kind === 'mcp' && (
        <McpToolPicker
          server={config.implementation.server}
          tool={config.implementation.tool}
          onServer={(server) => set({ implementation: { kind: 'mcp', server, tool: '' } }, 'implementation')}
          onChoose={(patch) => set(patch, 'mcp-tool')}
        />
      )}
      <Field label="Implementation settings">
        <JsonField value={config.implementation} draftKey={`${nodeId}/implementation`} rows={6} testId="tool-implementation" onChange={(implementation) => set({ implementation: implementation as ToolImplementation }, 'implementation')} />
      </Field>
    </div>
  );
}
