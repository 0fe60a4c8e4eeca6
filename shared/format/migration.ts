/**
 * Upgrades a document from one format version to the next. Receives a structural copy it may
 * change freely, returns the upgraded document (with `version` set to the next version).
 * Throws an Error with a readable message when the old document cannot be upgraded.
 */
export type Migration = (document: Record<string, unknown>) => Record<string, unknown>;
