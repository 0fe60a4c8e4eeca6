import { DEFAULT_MODEL } from '../../../shared/claude-models';

/** The model a Claude node calls: its own, else the workflow default, else the current Sonnet. */
export function effectiveModel(config: { model?: string }, defaults: { model?: string } | undefined): string {
  return config.model ?? defaults?.model ?? DEFAULT_MODEL;
}
