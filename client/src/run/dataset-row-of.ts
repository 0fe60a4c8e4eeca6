/**
 * The dataset row a stored run came from, read from its id: a dataset job records row `n` as run
 * `<jobId>_r<n>` (server/batch/record-realtime-rows.ts, run-batch.ts), job ids being `bj_<hex>`
 * (or `batch_<hex>` from the CLI). A run started from the canvas is `run_<hex>` and never matches.
 */
export function datasetRowOf(runId: string): { jobId: string; row: number } | null {
  const match = /^((?:bj|batch)_[0-9a-f]+)_r(\d+)$/.exec(runId);
  if (!match) return null;
  const [, jobId = '', row = ''] = match;
  return { jobId, row: Number(row) };
}
