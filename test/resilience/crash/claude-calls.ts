import type { RunningSimulator } from '../../../server/simulator';

/** How many `POST /v1/messages` the simulator has seen for each node of the run tagged `nonce`. */
export function claudeCallsByNode(simulator: RunningSimulator, nonce: string, nodeIds: readonly string[]): Record<string, number> {
  const counts = Object.fromEntries(nodeIds.map((id) => [id, 0]));
  for (const request of simulator.requests) {
    if (request.method !== 'POST' || request.path !== '/v1/messages') continue;
    const body = JSON.stringify(request.body);
    if (!body.includes(nonce)) continue;
    for (const id of nodeIds) if (body.includes(`${nonce} node=${id}:`)) counts[id] = (counts[id] ?? 0) + 1;
  }
  return counts;
}

/** Total `POST /v1/messages` for the run tagged `nonce`. */
export function claudeCallCount(simulator: RunningSimulator, nonce: string): number {
  return simulator.requests.filter((request) => request.method === 'POST' && request.path === '/v1/messages' && JSON.stringify(request.body).includes(nonce)).length;
}
