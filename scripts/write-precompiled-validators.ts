// Writes shared/validation/generated/*.js (run by `npm run build` and `npm start`; a test checks they are current).
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { precompiledValidators } from './precompiled-validators';

for (const [path, source] of precompiledValidators()) {
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, source);
}
