import { matchesRequest, type MatchTarget } from './matches-request';
import type { Fault, FaultOptions } from './types';

/** Injected faults, each answering `times` matching requests (default: `POST /v1/messages` once). */
export class FaultQueue {
  private faults: { fault: Fault; remaining: number; options: FaultOptions }[] = [];

  add(fault: Fault, options: FaultOptions = {}): void {
    this.faults.push({ fault, remaining: options.times ?? 1, options });
  }

  clear(): void {
    this.faults = [];
  }

  take(target: MatchTarget): Fault | undefined {
    const entry = this.faults.find(({ remaining, options }) => remaining > 0 && matchesRequest({ path: '/v1/messages', ...options.match }, target));
    if (!entry) return undefined;
    entry.remaining--;
    this.faults = this.faults.filter(({ remaining }) => remaining > 0);
    return entry.fault;
  }
}
