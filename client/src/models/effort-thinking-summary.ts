import type { EffortLevel } from '../../../shared/claude-models';
import type { ThinkingSetting } from '../../../shared/node-configs';

/** The one-line chip a node view shows for its effort and thinking settings; null when neither is set. */
export function effortThinkingSummary(config: { effort?: EffortLevel; thinking?: ThinkingSetting }): string | null {
  const parts: string[] = [];
  if (config.effort) parts.push(`effort ${config.effort}`);
  const thinking = config.thinking;
  if (thinking) {
    const mode = thinking.type === 'enabled' ? `${thinking.budget_tokens} tokens` : thinking.type === 'between_tools' ? 'between tools' : thinking.type === 'disabled' ? 'off' : 'adaptive';
    const display = 'display' in thinking && thinking.display === 'omitted' ? ', hidden' : '';
    parts.push(`thinking ${mode}${display}`);
  }
  return parts.length === 0 ? null : parts.join(' · ');
}
