import type { ThinkingDisplay, ThinkingType } from '../../../shared/claude-models';
import type { ThinkingSetting } from '../../../shared/node-configs';

const MIN_BUDGET = 1024;
const USUAL_BUDGET = 2048;

/**
 * The `thinking` setting after the user picks `type` ('' = the model's default: no setting).
 * `display` carries over between the types that take it; a budget carries over, or starts at 2048
 * (kept below max_tokens where it can be; the validator names a budget that does not fit).
 */
export function thinkingSettingFor(type: ThinkingType | '', previous: ThinkingSetting | undefined, maxTokens: number): ThinkingSetting | undefined {
  const display: { display?: ThinkingDisplay } = previous && 'display' in previous && previous.display !== undefined ? { display: previous.display } : {};
  switch (type) {
    case '':
      return undefined;
    case 'adaptive':
      return { type, ...display };
    case 'enabled': {
      const budget = previous?.type === 'enabled' ? previous.budget_tokens : Math.max(MIN_BUDGET, Math.min(USUAL_BUDGET, maxTokens - 1));
      return { type, budget_tokens: budget, ...display };
    }
    default:
      return { type };
  }
}

/** The setting with `display` changed ('' = the model's default); only adaptive and enabled take one. */
export function withDisplay(thinking: ThinkingSetting, display: ThinkingDisplay | ''): ThinkingSetting {
  if (thinking.type !== 'adaptive' && thinking.type !== 'enabled') return thinking;
  const { display: _previous, ...rest } = thinking;
  return display === '' ? rest : { ...rest, display };
}
