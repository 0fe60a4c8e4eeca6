/** The latest progress of a dataset run (batch mode: the layer's batch and its request counts). */
export interface BatchProgress {
  phase: 'submitted' | 'polling' | 'ended' | 'row';
  layer?: number;
  batchId?: string;
  requests?: number;
  processing?: number;
  succeeded?: number;
  errored?: number;
  rowsDone: number;
  rowsTotal: number;
}
