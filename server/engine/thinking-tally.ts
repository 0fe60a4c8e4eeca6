import type { ContentBlock } from '@anthropic-ai/sdk/resources/messages/messages';
import type { ThinkingSummary } from '../../shared/trace-events';
import type { ThinkingPlan } from './models/claude-settings';

/**
 * Counts a node's thinking over its calls, so the output and the trace say "thinking hidden"
 * instead of showing an empty string as if nothing was thought.
 */
export class ThinkingTally {
  private blocks = 0;
  private hiddenBlocks = 0;
  private readonly texts: string[] = [];

  constructor(private readonly plan: ThinkingPlan) {}

  add(content: readonly ContentBlock[]): void {
    for (const block of content) {
      if (block.type === 'redacted_thinking') {
        this.blocks += 1;
        this.hiddenBlocks += 1;
      } else if (block.type === 'thinking') {
        this.blocks += 1;
        // display "omitted" returns the block (and its signature) with empty text.
        if (block.thinking === '') this.hiddenBlocks += 1;
        else this.texts.push(block.thinking);
      }
    }
  }

  get text(): string {
    return this.texts.join('\n\n');
  }

  get hidden(): boolean {
    return this.hiddenBlocks > 0;
  }

  summary(): ThinkingSummary | undefined {
    if (this.blocks === 0) return undefined;
    const summary: ThinkingSummary = { blocks: this.blocks, hidden: this.hidden };
    if (this.plan.display) summary.display = this.plan.display;
    return summary;
  }
}
