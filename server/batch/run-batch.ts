import type Anthropic from '@anthropic-ai/sdk';
import { createHash, randomBytes } from 'node:crypto';
import { setMaxListeners } from 'node:events';
import type { Json } from '../../shared/json-schema';
import type { TraceEvent } from '../../shared/trace-events';
import type { Workflow } from '../../shared/workflow-types';
import type { EngineEnvironment } from '../environment';
import { recordRun } from '../runs/record-run';
import type { Store } from '../store/store';
import { BatchCollector } from './batch-collector';
import type { BatchProgress, BatchReport, RowResult } from './batch-report';
import { BatchState } from './batch-state';
import { batchedClaude } from './batched-claude';
import type { RowOutcome } from './row-outcome';
import { runRow } from './run-row';
import { UsageLedger } from './usage-ledger';

export interface RunBatchOptions {
  /** Its client creates, polls and reads the batches; the rest serves every row's run. */
  environment: EngineEnvironment;
  /** Resume file (see BatchState). Without it an interrupted run starts over. */
  statePath?: string;
  /** Wait between `batches.retrieve` polls (default 10 s). */
  pollMs?: number;
  onProgress?: (progress: BatchProgress) => void;
  signal?: AbortSignal;
  /** Nodes of one row running at once (default 4, as in realtime). */
  concurrency?: number;
  /** Abortable wait between polls; injectable for tests. */
  sleep?: (ms: number, signal: AbortSignal) => Promise<void>;
  /** Record every row as a run (trace events, node results, batch-priced totals) in this store. */
  store?: Store;
  /** Run ids are `<prefix>_r<row>` (default: `batch_` + random hex, new for each call). */
  runIdPrefix?: string;
}

const DEFAULT_POLL_MS = 10_000;

/**
 * Runs a workflow over every row through the Message Batches API at half price. Every row is a
 * `runWorkflow` run; its Claude calls are gathered into one batch per layer (see
 * BatchCollector), so a row's calls that depend on each other go in successive batches and tool
 * rounds go in the next layer's batch. Errored rows carry their error; their descendants are skipped.
 */
export async function runBatch(workflow: Workflow, rows: readonly Json[], options: RunBatchOptions): Promise<BatchReport> {
  const prepared = withoutNodeTimeouts(workflow);
  const controller = new AbortController();
  // Every row listens to the run's signal: thousands of listeners are expected, not a leak.
  setMaxListeners(0, controller.signal);
  const onAbort = (): void => controller.abort(options.signal?.reason);
  if (options.signal?.aborted) onAbort();
  options.signal?.addEventListener('abort', onAbort, { once: true });
  const state = BatchState.open(options.statePath, fingerprint(workflow, rows));
  const ledger = new UsageLedger(true, options.environment.prices);
  let rowsDone = 0;
  const collectorOptions: ConstructorParameters<typeof BatchCollector>[0] = {
    claude: options.environment.claude,
    state,
    pollMs: options.pollMs ?? DEFAULT_POLL_MS,
    signal: controller.signal,
    rowsTotal: rows.length,
    rowsDone: () => rowsDone,
  };
  if (options.onProgress) collectorOptions.onProgress = options.onProgress;
  if (options.sleep) collectorOptions.sleep = options.sleep;
  const collector = new BatchCollector(collectorOptions);
  const runIdPrefix = options.runIdPrefix ?? `batch_${randomBytes(4).toString('hex')}`;
  const runIds: (string | undefined)[] = [];

  try {
    const outcomes = await Promise.all(
      rows.map(async (input, row) => {
        const clients = new Map<string, Anthropic>();
        const claudeFor = (nodeId: string): Anthropic => {
          let client = clients.get(nodeId);
          if (!client) {
            client = batchedClaude(collector, row, nodeId, (model, usage, params) => ledger.add(row, model, usage, JSON.stringify(params).includes('"ttl":"1h"') ? '1h' : undefined));
            clients.set(nodeId, client);
          }
          return client;
        };
        const events: TraceEvent[] = [];
        const runId = `${runIdPrefix}_r${row}`;
        const trace = options.store ? { sink: (event: TraceEvent) => events.push(event), totals: () => ({ usage: ledger.row(row).usage, cost_usd: ledger.row(row).cost }) } : undefined;
        let outcome: RowOutcome;
        try {
          outcome = await runRow({ workflow: prepared, input, runId, claudeFor, signal: controller.signal, environment: options.environment, concurrency: options.concurrency, ...(trace ? { trace } : {}) });
        } finally {
          rowsDone += 1;
          collector.rowFinished();
        }
        if (options.store) {
          await recordRun(options.store, { id: runId, workflowId: workflow.id, workflowJson: JSON.stringify(workflow), input, createdAt: options.environment.now() }, replay(events));
          runIds[row] = runId;
        }
        return outcome;
      }),
    );
    const result = report('batch', outcomes, ledger, collector.summaries, controller.signal.aborted);
    runIds.forEach((runId, row) => {
      const rowResult = result.rows[row];
      if (runId && rowResult) rowResult.runId = runId;
    });
    return result;
  } finally {
    options.signal?.removeEventListener('abort', onAbort);
  }
}

export function report(mode: BatchReport['mode'], outcomes: readonly RowOutcome[], ledger: UsageLedger, batches: BatchReport['batches'], interrupted: boolean): BatchReport {
  const rows: RowResult[] = outcomes.map((outcome, row) => {
    const spent = ledger.row(row);
    const result: RowResult = { row, status: outcome.status, skipped: outcome.skipped, usage: spent.usage, cost_usd: spent.cost };
    if (outcome.status === 'completed') result.outputs = outcome.outputs;
    if (outcome.error) result.error = outcome.error;
    return result;
  });
  const totals = ledger.totals();
  return {
    mode,
    rows,
    batches,
    usage: totals.usage,
    cost_usd: totals.cost,
    compare_cost_usd: totals.compare,
    completed: rows.filter((row) => row.status === 'completed').length,
    failed: rows.filter((row) => row.status === 'failed').length,
    interrupted,
  };
}

/** A node's `timeout_ms` bounds one realtime call; in a batch it would cut the wait for the batch. */
function withoutNodeTimeouts(workflow: Workflow): Workflow {
  return {
    ...workflow,
    nodes: workflow.nodes.map((node) => {
      if (!('timeout_ms' in node.config)) return node;
      const { timeout_ms: _ignored, ...config } = node.config;
      return { ...node, config } as typeof node;
    }),
  };
}

async function* replay(events: readonly TraceEvent[]): AsyncIterable<TraceEvent> {
  yield* events;
}

function fingerprint(workflow: Workflow, rows: readonly Json[]): string {
  return createHash('sha256').update(JSON.stringify(workflow)).update('\n').update(JSON.stringify(rows)).digest('hex');
}
