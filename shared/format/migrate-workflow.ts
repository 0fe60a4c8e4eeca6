import { CURRENT_FORMAT_VERSION, WORKFLOW_FORMAT } from '../workflow-types';
import type { WorkflowIssue } from '../validation/workflow-issue';
import type { Migration } from './migration';
import { MIGRATIONS } from './migrations';

export interface MigrationOutcome {
  /** The upgraded document, or the original when there was nothing to do or it could not be upgraded. */
  document: unknown;
  issues: WorkflowIssue[];
  /** The version the document was written in, when readable. */
  fromVersion?: number;
}

/**
 * Brings a parsed document up to the current format version by running every migration from its
 * version on. The input is never mutated. Documents without a recognisable format/version are
 * passed through untouched for the validator to describe.
 */
export function migrateWorkflow(document: unknown, migrations: readonly Migration[] = MIGRATIONS, currentVersion: number = CURRENT_FORMAT_VERSION): MigrationOutcome {
  if (document === null || typeof document !== 'object' || Array.isArray(document)) return { document, issues: [] };
  const record = document as Record<string, unknown>;
  const version = record.version;
  if (record.format !== WORKFLOW_FORMAT || typeof version !== 'number' || !Number.isInteger(version) || version === currentVersion) {
    return { document, issues: [] };
  }
  if (version > currentVersion) {
    return { document, fromVersion: version, issues: [issue('error', 'format.version_unsupported', `This workflow was written in format version ${version}; this Trellis reads up to version ${currentVersion}. Update Trellis to open it.`)] };
  }
  if (version < 0) {
    return { document, fromVersion: version, issues: [issue('error', 'format.version_unsupported', `Format version ${version} does not exist.`)] };
  }
  let current: Record<string, unknown> = structuredClone(record);
  for (let from = version; from < currentVersion; from += 1) {
    const migrate = migrations[from];
    if (!migrate) return { document, fromVersion: version, issues: [issue('error', 'format.migration', `No migration from format version ${from} to ${from + 1} is registered.`)] };
    try {
      current = { ...migrate(current), version: from + 1 };
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      return { document, fromVersion: version, issues: [issue('error', 'format.migration', `Upgrading from format version ${from} to ${from + 1} failed: ${reason}.`)] };
    }
  }
  const upgraded = issue('warning', 'format.migrated', `Upgraded from format version ${version} to ${currentVersion}; saving writes version ${currentVersion}.`);
  return { document: current, fromVersion: version, issues: [upgraded] };
}

function issue(severity: WorkflowIssue['severity'], rule: string, message: string): WorkflowIssue {
  return { severity, path: '/version', rule, message };
}
