import type { Workflow } from '../../../../shared/workflow-types';

/**
 * input → classify → reply → result. The classify turn is the ticket alone, so an empty ticket is
 * an empty turn the engine refuses, and a huge one a prompt the API rejects.
 */
export function triageWorkflow(id = 'triage'): Workflow {
  return {
    format: 'trellis.workflow',
    version: 1,
    id,
    name: 'Support triage',
    inputs: { type: 'object', properties: { ticket: { type: 'string' } }, required: ['ticket'] },
    samples: [{ name: 'refund', input: { ticket: 'I was charged twice for my plan, please refund one payment.' } }],
    defaults: { model: 'claude-haiku-4-5', max_tokens: 120 },
    nodes: [
      { id: 'input', type: 'input', position: { x: 0, y: 0 }, config: {} },
      { id: 'classify', type: 'prompt', position: { x: 200, y: 0 }, config: { on_max_tokens: 'warn', system: { text: 'Classify the support ticket as billing, bug or other. Answer with the class only.' }, messages: [{ role: 'user', content: '{{input.ticket}}' }] } },
      { id: 'reply', type: 'prompt', position: { x: 400, y: 0 }, config: { max_tokens: 200, on_max_tokens: 'warn', messages: [{ role: 'user', content: 'Ticket: {{input.ticket}}\nClass: {{classify.text}}\nDraft a short, friendly reply.' }] } },
      { id: 'result', type: 'output', position: { x: 600, y: 0 }, config: { value: { class: '{{classify.text}}', reply: '{{reply.text}}' } } },
    ],
    edges: [
      { id: 'e1', source: 'input', target: 'classify' },
      { id: 'e2', source: 'classify', target: 'reply' },
      { id: 'e3', source: 'reply', target: 'result' },
    ],
  };
}

const TOPICS = ['my invoice is wrong', 'the app crashes on start', 'how do I export data', 'I was charged twice', 'login fails after update'];

export function ticket(index: number): string {
  return `Ticket ${index}: ${TOPICS[index % TOPICS.length]}. Customer ${(index * 7919) % 1000} is waiting.`;
}
