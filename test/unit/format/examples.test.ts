import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadWorkflow, stringifyWorkflow } from '../../../shared/format';
import { validateWorkflow } from '../../../shared/validate-workflow';

const WORKFLOWS = join(import.meta.dirname, '../../../workflows');
const files = readdirSync(WORKFLOWS).filter((file) => file.endsWith('.json'));

describe('example workflows', () => {
  it('ship one example per seed feature', () => {
    expect(files.sort()).toEqual(
      ['apple-pricing', 'code-review', 'job-posting-extraction', 'multi-turn-chat', 'screenshot-accessibility', 'support-triage', 'weather-agent'].map((id) => `${id}.json`),
    );
  });

  it.each(files)('%s validates without errors or warnings, has samples and is stably serialised', (file) => {
    const text = readFileSync(join(WORKFLOWS, file), 'utf8');
    const result = loadWorkflow(text);
    expect(result.errors).toEqual([]);
    expect(result.warnings).toEqual([]);
    const workflow = result.workflow;
    if (!workflow) throw new Error('no workflow');
    expect(`${workflow.id}.json`).toBe(file);
    expect(workflow.samples?.length).toBeGreaterThan(0);
    expect(stringifyWorkflow(workflow)).toBe(text);
  });

  it.each(files)('%s lays nodes out left to right along its edges', (file) => {
    const workflow = validateWorkflow(JSON.parse(readFileSync(join(WORKFLOWS, file), 'utf8'))).workflow;
    if (!workflow) throw new Error('invalid');
    const x = new Map(workflow.nodes.map((node) => [node.id, node.position.x]));
    for (const edge of workflow.edges) {
      if (edge.targetHandle === 'tools') continue;
      expect(x.get(edge.source), `${edge.id}`).toBeLessThan(x.get(edge.target) as number);
    }
  });

  it('the screenshot example references a real PNG of the documented size', () => {
    const workflow = JSON.parse(readFileSync(join(WORKFLOWS, 'screenshot-accessibility.json'), 'utf8'));
    const image = workflow.nodes.find((node: { type: string }) => node.type === 'vision').config.images[0];
    expect(image).toEqual({ source: 'file', path: 'assets/login-form.png' });
    const png = readFileSync(join(WORKFLOWS, image.path));
    expect(png.subarray(0, 8)).toEqual(Buffer.from([137, 80, 78, 71, 13, 10, 26, 10]));
    expect([png.readUInt32BE(16), png.readUInt32BE(20)]).toEqual([320, 200]);
  });

  it('seed features are present where the examples promise them', () => {
    const load = (id: string) => JSON.parse(readFileSync(join(WORKFLOWS, `${id}.json`), 'utf8'));
    const configs = (id: string, type: string) => load(id).nodes.filter((node: { type: string }) => node.type === type).map((node: { config: unknown }) => node.config);
    expect(configs('code-review', 'prompt')[0].system.cache).toBe(true);
    expect(configs('multi-turn-chat', 'prompt').map((c: { continue_from?: string }) => c.continue_from)).toEqual([undefined, 'explain', 'analogy']);
    const tool = configs('weather-agent', 'tool')[0];
    expect(tool.implementation.responses.map((r: { when: { city: string } }) => r.when.city)).toEqual(['Paris', 'London', 'Tokyo']);
    expect(configs('weather-agent', 'prompt')[0].tool_choice).toEqual({ type: 'auto' });
    // Adaptive with summarized display: accepted by every current model, and the thinking is shown.
    expect(configs('apple-pricing', 'thinking')[0].thinking).toEqual({ type: 'adaptive', display: 'summarized' });
    expect(load('apple-pricing').samples[0].input.puzzle).toMatch(/apple and an orange cost \$1\.10/);
    expect(Object.keys(configs('job-posting-extraction', 'prompt')[0].schema.properties)).toEqual(['title', 'company', 'location', 'salary', 'skills']);
    expect(configs('support-triage', 'branch').map((c: { mode: string }) => c.mode)).toEqual(['match', 'claude']);
  });
});
