// The job shapes are HTTP answers, so they live in shared/api where the client reads them too.
export type { BatchJobDetail, BatchJobMode, BatchJobStatus, BatchJobSummary } from '../../shared/api/batch-job';
