import { describe, expect, it } from 'vitest';
import type { Workflow } from '../../../shared/workflow-types';
import { httpJson } from '../../helpers/http-json';
import { onePromptWorkflow } from '../../helpers/one-prompt-workflow';
import { runToTerminal } from '../../helpers/run-to-terminal';
import { useAppOnSimulator } from '../../helpers/use-app-on-simulator';

const ATTACKS = ["{{constructor.constructor('return process')()}}", '{{__proto__}}', '{{input.__proto__.x}}', '{{input.constructor.name}}', '{{input.toString}}', "{{input['__proto__']}}"];

/** What would show if a template had been evaluated or walked into a prototype. */
const LEAKS = /\bpid\b|\bargv\b|ANTHROPIC|\[object|function|native code|Object\b/;

function outputWorkflow(value: string): Workflow {
  return {
    format: 'trellis.workflow',
    version: 1,
    id: 'injection',
    name: 'Injection',
    inputs: { type: 'object', properties: { x: { type: 'string' }, topic: { type: 'string' } } },
    nodes: [
      { id: 'input', type: 'input', position: { x: 0, y: 0 }, config: {} },
      { id: 'result', type: 'output', position: { x: 200, y: 0 }, config: { value } },
    ],
    edges: [{ id: 'e1', source: 'input', target: 'result' }],
  };
}

/** Templates are path lookups only (PRODUCT.md §3): nothing in a workflow or an input is ever evaluated. */
describe('template injection', () => {
  const running = useAppOnSimulator();

  it.each(ATTACKS)('a run input holding %s is passed on as literal text, never rendered again', async (attack) => {
    const { terminal } = await runToTerminal(running.app.url, { workflow: outputWorkflow('{{input.topic}}'), input: { topic: attack } });
    expect(terminal.type).toBe('run.completed');
    if (terminal.type === 'run.completed') expect(terminal.data.outputs.result).toBe(attack);

    const before = running.simulator.requests.length;
    const prompted = await runToTerminal(running.app.url, { workflow: onePromptWorkflow('Tell me about {{input.topic}}'), input: { topic: attack } });
    expect(prompted.terminal.type).toBe('run.completed');
    const sent = JSON.stringify(running.simulator.requests.slice(before).map((request) => request.body));
    expect(sent).toContain(JSON.stringify(`Tell me about ${attack}`).slice(1, -1));
  });

  it.each(ATTACKS)('a workflow template %s is refused (400, nothing stored) or renders literal/empty, never evaluated', async (attack) => {
    const before = running.app.rowCounts();
    const started = await httpJson<{ runId: string }>(`${running.app.url}/api/runs`, { body: { workflow: outputWorkflow(`before ${attack} after`), input: { x: 'safe' } } });
    if (started.status === 400) {
      expect(running.app.rowCounts()).toEqual(before);
      return;
    }
    expect(started.status).toBe(202);
    const { terminal } = await runToTerminal(running.app.url, { workflow: outputWorkflow(`before ${attack} after`), input: { x: 'safe' } });
    if (terminal.type === 'run.completed') {
      const output = String(terminal.data.outputs.result);
      expect([`before ${attack} after`, 'before  after']).toContain(output);
      expect(output).not.toMatch(LEAKS);
    } else {
      expect(JSON.stringify(terminal.data)).not.toMatch(/\bpid\b|\bargv\b|ANTHROPIC/);
    }
    expect(({} as Record<string, unknown>).x).toBeUndefined();
  });
});
