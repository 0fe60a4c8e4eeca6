import Anthropic from '@anthropic-ai/sdk';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { loadWorkflow } from '../../../shared/format';
import type { TraceEvent } from '../../../shared/trace-events';
import type { Workflow } from '../../../shared/workflow-types';
import { runWorkflow } from '../../../server/engine/run-workflow';
import { startSimulator } from '../../../server/simulator';

type Simulator = Awaited<ReturnType<typeof startSimulator>>;
let sim: Simulator;
let claude: Anthropic;

beforeAll(async () => {
  sim = await startSimulator({ port: 0 });
  claude = new Anthropic({ apiKey: 'sk-test', baseURL: sim.url, maxRetries: 2 });
});
afterAll(() => sim.close());
beforeEach(() => sim.reset());

const WORKFLOWS = join(import.meta.dirname, '../../../workflows');
const examples = readdirSync(WORKFLOWS).filter((file) => file.endsWith('.json')).sort();

function load(file: string): Workflow {
  const result = loadWorkflow(readFileSync(join(WORKFLOWS, file), 'utf8'));
  if (!result.workflow) throw new Error(`${file}: ${JSON.stringify(result.errors)}`);
  return result.workflow;
}

async function run(workflow: Workflow, input: unknown, extra: Partial<Parameters<typeof runWorkflow>[2]> = {}): Promise<TraceEvent[]> {
  const events: TraceEvent[] = [];
  for await (const event of runWorkflow(workflow, input as never, { claude, runId: 'run_sim', filesRoot: WORKFLOWS, ...extra })) events.push(event);
  return events;
}

const messagePosts = () => sim.requests.filter((r) => r.method === 'POST' && r.path === '/v1/messages');

describe('every example workflow runs on the simulator', () => {
  it('there are seven examples', () => {
    expect(examples.length).toBeGreaterThanOrEqual(7);
  });

  it.each(examples)('%s completes with its first sample', async (file) => {
    const workflow = load(file);
    const sample = workflow.samples?.[0];
    expect(sample, `${file} has a sample`).toBeDefined();
    const events = await run(workflow, sample?.input ?? {});
    const end = events.at(-1);
    expect(end?.type, JSON.stringify(end?.data)).toBe('run.completed');
    expect(events.map((e) => e.seq)).toEqual(events.map((_, i) => i + 1));
    if (end?.type !== 'run.completed') return;
    const outputIds = workflow.nodes.filter((n) => n.type === 'output').map((n) => n.id);
    const produced = Object.keys(end.data.outputs);
    expect(produced.length).toBeGreaterThan(0);
    for (const id of produced) {
      expect(outputIds).toContain(id);
      expect(JSON.stringify(end.data.outputs[id])).not.toMatch(/^("")?$/);
    }
    // Every node either completed or was skipped with a reason; tool nodes ran inside loops.
    const settled = new Set(events.filter((e) => e.type === 'node.completed' || e.type === 'node.skipped').map((e) => e.nodeId));
    for (const node of workflow.nodes) if (node.type !== 'tool') expect(settled.has(node.id), `${node.id} settled`).toBe(true);
    const claudeNodes = events.filter((e): e is Extract<TraceEvent, { type: 'node.completed' }> => e.type === 'node.completed' && e.data.usage !== undefined);
    for (const completed of claudeNodes) expect(completed.data.usage?.output_tokens).toBeGreaterThan(0);
    expect(messagePosts().length).toBeGreaterThanOrEqual(claudeNodes.length);
    if (claudeNodes.length > 0) expect(end.data.cost_usd).toBeGreaterThan(0);
  });
});

