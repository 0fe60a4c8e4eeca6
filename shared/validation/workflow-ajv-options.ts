import type { Options } from 'ajv/dist/2020';

/**
 * ajv settings of the whole-file workflow schema, shared by the build-time generator
 * (scripts/precompiled-validators.ts) and the run-time compile (compile-workflow-schema.ts) used
 * only when node types beyond the built-ins are registered, so both produce the same errors.
 * strictRequired is off because discriminated unions name their tag in `required` next to a
 * `oneOf` that defines it; every other strict check (types, tuples, unknown keywords) is on.
 * `verbose` keeps `parentSchema` on errors: the messages list a union's alternatives from it.
 */
export const WORKFLOW_AJV_OPTIONS = { strict: true, strictRequired: false, allErrors: true, discriminator: true, verbose: true } as const satisfies Options;

/** ajv settings for schemas users write into workflows (lenient: `format`, draft-style keywords; formats not enforced). */
export const USER_SCHEMA_AJV_OPTIONS = { strict: false, allErrors: true, validateFormats: false, logger: false } as const satisfies Options;

/** The meta-schema user schemas are checked against. */
export const USER_SCHEMA_DIALECT = 'https://json-schema.org/draft/2020-12/schema';
