import type { ThinkingSummary } from '../../../shared/trace-events';

/**
 * What the trace says about thinking whose text did not come back, instead of an empty box. Models
 * that think by default return thinking blocks with empty text unless `display` asks for it, and
 * redacted blocks never carry text: the thinking still happened and was billed as output.
 */
export function thinkingNotice(summary: ThinkingSummary | undefined, shownText: string): string | undefined {
  if (!summary?.hidden || summary.blocks === 0) return undefined;
  const blocks = `${summary.blocks} thinking block${summary.blocks === 1 ? '' : 's'}`;
  const why = summary.display === 'omitted' ? 'display is "omitted"' : 'some blocks were redacted';
  const fix = summary.display === 'omitted' ? ' Set Display to "summarized" on the node to see it.' : '';
  const partly = shownText === '' ? 'came back without text' : 'came back partly without text';
  return `Claude thought (${blocks}), but the thinking ${partly} because ${why}; it is still billed as output.${fix}`;
}
