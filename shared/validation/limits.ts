/**
 * Hard limits on workflow documents. Imported workflows are untrusted data (PRODUCT.md §10): these
 * bound the work the validator, the canvas and the engine can be made to do by one file.
 */
export const LIMITS = {
  nodes: 500,
  edges: 2000,
  /** Any single string: templates, schema texts, mock responses. */
  stringLength: 200_000,
  /**
   * Any single string of a run input: the base64 length of the largest image the API accepts
   * (5 MB), so inputs can carry images while a longer string is refused before anything runs.
   */
  inputStringLength: 4 * Math.ceil((5 * 1024 * 1024) / 3),
  /** Names, labels, ids, route labels: things shown in one line of UI. */
  nameLength: 200,
  /** Nesting depth of any JSON value, counted from the document root. */
  depth: 64,
  /** Total number of JSON values (objects, arrays, scalars) in one document. */
  values: 200_000,
  images: 20,
  messages: 1000,
  routes: 100,
  /** Regular expressions in branch `matches` conditions. */
  regexLength: 256,
  maxTokens: 1_000_000,
  maxToolRounds: 100,
  retryAttempts: 10,
} as const;
