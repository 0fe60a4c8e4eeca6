import type { Options } from 'ajv/dist/2020';
import { compileLinearRegex } from './linear-regex';

type RegExpEngine = NonNullable<NonNullable<Options['code']>['regExp']>;

/**
 * ajv's `code.regExp` hook: JSON Schema `pattern` and `patternProperties` in schemas users write
 * run on Claude's answers and test values, so they get the linear-time engine too. ajv passes
 * "u" as the flag; a pattern RE2 cannot run fails the schema's compile, with the reason.
 */
export const ajvLinearRegExp: RegExpEngine = Object.assign((pattern: string, flags: string) => compileLinearRegex(pattern, flags), { code: 'compileLinearRegex' });
