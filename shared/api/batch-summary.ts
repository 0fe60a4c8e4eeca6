/** One Message Batch a dataset run submitted (or resumed). */
export interface BatchSummary {
  id: string;
  /** 1 for the first batch submitted by this run of the dataset, and so on. */
  layer: number;
  requests: number;
  succeeded: number;
  errored: number;
  /** Found in the state file (an earlier, interrupted attempt) instead of being submitted now. */
  resumed: boolean;
}
