import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadWorkflow, stringifyWorkflow } from '../../shared/format';
import type { Store } from './store';

const SEEDED_KEY = 'examples_seeded_at';

/**
 * Copies the example workflows into a new database, once: a user who deletes an example does not
 * see it come back on the next start. Files that do not validate are reported and skipped.
 * Returns the ids seeded now.
 */
export function seedWorkflows(store: Store, folder: string, log: (line: string) => void, now: () => number = Date.now): string[] {
  if (store.meta.get(SEEDED_KEY) !== undefined) return [];
  let files: string[];
  try {
    files = readdirSync(folder).filter((name) => name.endsWith('.json')).sort();
  } catch {
    log(`No example workflows seeded: cannot read ${folder}.`);
    return [];
  }
  const seeded: string[] = [];
  store.db.transaction(() => {
    for (const file of files) {
      const result = loadWorkflow(readFileSync(join(folder, file), 'utf8'));
      if (!result.valid || !result.workflow) {
        log(`Skipped example ${file}: ${result.errors[0]?.message ?? 'invalid'}`);
        continue;
      }
      const { workflow } = result;
      if (store.workflows.insert({ id: workflow.id, name: workflow.name, json: stringifyWorkflow(workflow) }, now())) seeded.push(workflow.id);
    }
    store.meta.set(SEEDED_KEY, String(now()));
  })();
  return seeded;
}
