import type { WorkflowNode } from '../workflow-types';

/** One node's share of `POST /api/workflows/estimate` (docs/estimate.md). */
export interface NodeEstimate {
  nodeId: string;
  nodeType: WorkflowNode['type'];
  model: string;
  /** Input tokens of the node's first call when every upstream answer is as long as its max_tokens. */
  input_tokens: number;
  /** The same call when every upstream answer is one token long. */
  input_tokens_min: number;
  max_output_tokens: number;
  /** Input (short upstream answers) + one output token; null when the model's price is unknown. */
  cost_min_usd: number | null;
  /** Input (longest upstream answers) + max_tokens output; cache writes at their premium; null when the price is unknown. */
  cost_max_usd: number | null;
  /** The model's max_input_tokens; null for a model the catalogue does not know. */
  context_window: number | null;
  /** Behind a branch route: it may not run at all, so the total minimum leaves it out. */
  conditional: boolean;
  warnings: string[];
  /** Set when the node's request could not be built or counted; its costs are then 0. */
  error?: string;
}

/** The cost preview of one run, as the estimator computes it (the CLI prints this). */
export interface WorkflowEstimate {
  nodes: NodeEstimate[];
  /** A cost is null ("price unknown") when any counted node's is. */
  total: { input_tokens: number; cost_min_usd: number | null; cost_max_usd: number | null };
}

/** What `POST /api/workflows/estimate` answers: the estimate and what it was asked for. */
export interface EstimateResponse extends WorkflowEstimate {
  workflowId: string;
  batch: boolean;
}
