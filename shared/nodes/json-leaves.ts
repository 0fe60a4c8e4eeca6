import type { JSONSchemaType } from 'ajv/dist/2020';
import type { Json, JsonSchema } from '../json-schema';
import { LIMITS } from '../validation/limits';

/**
 * Schema leaves for values the workflow schema deliberately does not constrain. `Json` is recursive,
 * which JSONSchemaType cannot express, so these are typed by assertion; the depth, size and
 * forbidden-key checks that run before ajv still cover them.
 */
export const ANY_JSON = {} as JSONSchemaType<Json>;

/** The same, for an optional property (JSONSchemaType wants `nullable` there; `{}` already admits null). */
export const OPTIONAL_JSON = {} as JSONSchemaType<Json> & { nullable: true };

/** A JSON Schema embedded in the workflow; its own validity is checked semantically (meta-schema). */
export const EMBEDDED_SCHEMA: JSONSchemaType<JsonSchema> = { type: 'object', required: [] };

export const TEMPLATE = { type: 'string', maxLength: LIMITS.stringLength } as const;
export const NAME = { type: 'string', minLength: 1, maxLength: LIMITS.nameLength } as const;
