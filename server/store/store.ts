import type { Database } from 'better-sqlite3';
import type { TraceEvent } from '../../shared/trace-events';
import { EventTable } from './event-table';
import { MetaTable } from './meta-table';
import { NodeResultTable } from './node-result-table';
import { RunTable } from './run-table';
import { WorkflowTable } from './workflow-table';

/**
 * The SQLite store. Tables are reached through typed, prepared-once accessors; anything that must
 * change several tables atomically is a method here.
 */
export class Store {
  readonly workflows: WorkflowTable;
  readonly runs: RunTable;
  readonly nodeResults: NodeResultTable;
  readonly events: EventTable;
  readonly meta: MetaTable;
  private readonly commitBatch: (events: readonly TraceEvent[]) => void;

  constructor(
    readonly db: Database,
    readonly path: string,
  ) {
    this.workflows = new WorkflowTable(db);
    this.runs = new RunTable(db);
    this.nodeResults = new NodeResultTable(db);
    this.events = new EventTable(db);
    this.meta = new MetaTable(db);
    this.commitBatch = db.transaction((events: readonly TraceEvent[]) => {
      for (const event of events) {
        this.events.insert(event);
        this.applyEffect(event);
      }
    });
  }

  /**
   * Appends events and their effects (node results, run status) in one transaction: a node's
   * `node.completed` result is never visible without the events before it, and vice versa.
   */
  commitEvents(events: readonly TraceEvent[]): void {
    if (events.length > 0) this.commitBatch(events);
  }

  close(): void {
    if (this.db.open) this.db.close();
  }

  private applyEffect(event: TraceEvent): void {
    switch (event.type) {
      case 'node.started':
        return this.nodeResults.started(event.runId, event.nodeId, event.data.nodeType, event.data.attempt, event.ts);
      case 'node.completed':
        return this.nodeResults.completed(event.runId, event.nodeId, event.data, event.ts);
      case 'node.failed':
        return this.nodeResults.failed(event.runId, event.nodeId, event.data.error, event.data.duration_ms, event.ts);
      case 'node.skipped':
        return this.nodeResults.skipped(event.runId, event.nodeId, event.data.reason, event.ts);
      case 'run.completed':
        return this.runs.finish(event.runId, { status: 'completed', totals: event.data, outputs: event.data.outputs, endedAt: event.ts });
      case 'run.failed':
        return this.runs.finish(event.runId, { status: 'failed', totals: event.data, error: event.data.error, endedAt: event.ts });
      case 'run.canceled':
        return this.runs.finish(event.runId, { status: 'canceled', totals: event.data, error: { type: 'canceled', message: event.data.reason }, endedAt: event.ts });
      case 'run.interrupted':
        return this.runs.interrupt(event.runId, event.data.reason, event.ts);
      default:
        return;
    }
  }
}
