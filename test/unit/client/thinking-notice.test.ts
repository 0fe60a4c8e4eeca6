import { describe, expect, it } from 'vitest';
import { thinkingNotice } from '../../../client/src/run/thinking-notice';
import { applyTraceEvent } from '../../../client/src/store/apply-trace-event';
import { IDLE_RUN } from '../../../client/src/store/run-state';

describe('thinking shown honestly (issue 11 item 7)', () => {
  it('says the thinking came back without text, why, and how to see it, instead of an empty box', () => {
    expect(thinkingNotice({ blocks: 2, hidden: true, display: 'omitted' }, '')).toBe(
      'Claude thought (2 thinking blocks), but the thinking came back without text because display is "omitted"; it is still billed as output. Set Display to "summarized" on the node to see it.',
    );
  });

  it('names redacted blocks when display returned text', () => {
    expect(thinkingNotice({ blocks: 1, hidden: true, display: 'summarized' }, 'first block text')).toMatch(/1 thinking block\), but the thinking came back partly without text because some blocks were redacted/);
  });

  it('says nothing when the thinking was shown, or there was none', () => {
    expect(thinkingNotice({ blocks: 3, hidden: false, display: 'summarized' }, 'text')).toBeUndefined();
    expect(thinkingNotice(undefined, '')).toBeUndefined();
  });

  it('the run slice keeps the engine summary and notes of a completed node', () => {
    const event = {
      seq: 1,
      ts: 1,
      runId: 'run_1',
      nodeId: 'solve',
      type: 'node.completed',
      data: { output: { text: 'ok' }, stop_reason: 'end_turn', duration_ms: 5, thinking: { blocks: 1, hidden: true, display: 'omitted' }, notes: ['dropped 1 thinking block(s)'] },
    } as unknown as Parameters<typeof applyTraceEvent>[1];
    const node = applyTraceEvent(IDLE_RUN, event).nodes.solve;
    expect(node?.thinkingSummary).toEqual({ blocks: 1, hidden: true, display: 'omitted' });
    expect(node?.notes).toEqual(['dropped 1 thinking block(s)']);
  });
});
