import type { Workflow } from '../../../shared/workflow-types';

const base = { format: 'trellis.workflow' as const, version: 1, inputs: { type: 'object' }, defaults: { model: 'claude-haiku-4-5', max_tokens: 1024 } };

/** A prompt node with one http tool whose URL is fixed by the workflow author (the untrusted part). */
export function httpToolWorkflow(url: string): Workflow {
  return {
    ...base,
    id: 'ssrf-tool',
    name: 'SSRF through an http tool',
    nodes: [
      { id: 'input', type: 'input', position: { x: 0, y: 0 }, config: {} },
      { id: 'fetch_page', type: 'tool', position: { x: 0, y: 200 }, config: { name: 'fetch_page', description: 'Fetch the page.', input_schema: { type: 'object', properties: {} }, implementation: { kind: 'http', method: 'GET', url, timeout_ms: 3000 } } },
      { id: 'ask', type: 'prompt', position: { x: 200, y: 0 }, config: { messages: [{ role: 'user', content: 'Use fetch_page and summarise it.' }] } },
      { id: 'result', type: 'output', position: { x: 400, y: 0 }, config: { value: '{{ask.text}}' } },
    ],
    edges: [
      { id: 'e1', source: 'input', target: 'ask' },
      { id: 'e2', source: 'fetch_page', target: 'ask', targetHandle: 'tools' },
      { id: 'e3', source: 'ask', target: 'result' },
    ],
  };
}

/** A vision node whose only image is `image`. */
export function visionWorkflow(image: Record<string, unknown>): Workflow {
  return {
    ...base,
    id: 'vision-probe',
    name: 'Vision probe',
    nodes: [
      { id: 'input', type: 'input', position: { x: 0, y: 0 }, config: {} },
      { id: 'look', type: 'vision', position: { x: 200, y: 0 }, config: { messages: [{ role: 'user', content: 'Describe the image.' }], images: [image as never] } },
      { id: 'result', type: 'output', position: { x: 400, y: 0 }, config: { value: '{{look.text}}' } },
    ],
    edges: [
      { id: 'e1', source: 'input', target: 'look' },
      { id: 'e2', source: 'look', target: 'result' },
    ],
  };
}
