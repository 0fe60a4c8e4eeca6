import type { Workflow } from '../../../shared/workflow-types';

/**
 * A code-review workflow whose system prompt (the team's review guide) is long enough to be cached
 * by Sonnet 4.6 (min_cache_tokens 1024): about 1,500 tokens, marked `cache: true`.
 */
export const REVIEW_GUIDE = Array.from(
  { length: 300 },
  (_, index) => `Rule ${index + 1}: check every changed function for clear names, error handling and tests before approving.`,
).join('\n');

export function codeReviewWorkflow(): Workflow {
  return {
    format: 'trellis.workflow',
    version: 1,
    id: 'code-review',
    name: 'Code review',
    inputs: { type: 'object', properties: { diff: { type: 'string' } }, required: ['diff'] },
    samples: [{ name: 'small', input: { diff: 'function add(a, b) { return a - b; }' } }],
    defaults: { model: 'claude-sonnet-4-6', max_tokens: 400 },
    nodes: [
      { id: 'input', type: 'input', position: { x: 0, y: 0 }, config: {} },
      {
        id: 'review',
        type: 'prompt',
        position: { x: 200, y: 0 },
        config: { system: { text: `You review code for our team.\n${REVIEW_GUIDE}`, cache: true }, messages: [{ role: 'user', content: 'Review this diff:\n{{input.diff}}' }] },
      },
      {
        id: 'summary',
        type: 'prompt',
        position: { x: 400, y: 0 },
        config: { max_tokens: 200, messages: [{ role: 'user', content: 'Summarise this review in one line:\n{{review.text}}' }] },
      },
      { id: 'result', type: 'output', position: { x: 600, y: 0 }, config: { value: { review: '{{review.text}}', summary: '{{summary.text}}' } } },
    ],
    edges: [
      { id: 'e1', source: 'input', target: 'review' },
      { id: 'e2', source: 'review', target: 'summary' },
      { id: 'e3', source: 'summary', target: 'result' },
    ],
  };
}
