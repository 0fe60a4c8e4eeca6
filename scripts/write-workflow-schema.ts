// Writes shared/workflow.schema.json from the node specs (a test checks the file is current).
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildWorkflowSchema } from '../shared/validation/build-workflow-schema';

writeFileSync(join(import.meta.dirname, '../shared/workflow.schema.json'), `${JSON.stringify(buildWorkflowSchema(), null, 2)}\n`);
