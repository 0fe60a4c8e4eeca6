import type { IssueFix } from '../../../shared/validation/workflow-issue';
import { appStore } from '../store/use-app-store';

/** The one-click fix of an issue: one undoable edit, or a notice when the document moved on since the issue was found. */
export function applyIssueFix(fix: IssueFix): void {
  const result = appStore.getState().applyFix(fix);
  if (!result.ok) appStore.getState().notify('error', `"${fix.label}" no longer applies: ${result.reason}`);
  else appStore.getState().notify('info', `${fix.label}: done (Ctrl/Cmd+Z undoes it).`);
}
