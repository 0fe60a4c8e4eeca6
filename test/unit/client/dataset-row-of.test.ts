import { describe, expect, it } from 'vitest';
import { datasetRowOf } from '../../../client/src/run/dataset-row-of';

describe('datasetRowOf', () => {
  it('reads the job and row of a dataset run', () => {
    expect(datasetRowOf('bj_0f3a9c_r12')).toEqual({ jobId: 'bj_0f3a9c', row: 12 });
    expect(datasetRowOf('batch_beef_r0')).toEqual({ jobId: 'batch_beef', row: 0 });
  });

  it('does not take a run started from the canvas for a dataset row', () => {
    expect(datasetRowOf('run_fa4de9e8684b4a71952972d0')).toBeNull();
    expect(datasetRowOf('run_abc_r1')).toBeNull();
  });
});
