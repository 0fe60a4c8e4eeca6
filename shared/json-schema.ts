/** A JSON Schema document as found in workflow files (node `inputs`, tool `input_schema`, output schemas). */
export type JsonSchema = { [key: string]: unknown };

/** Any JSON value. Workflow files, node outputs and trace payloads are plain JSON only. */
export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
