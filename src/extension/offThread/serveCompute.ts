// What the compute worker does with one request, shared by the Node worker
// thread (computeWorker.ts) and the browser's Web Worker (webComputeWorker.ts).
import { liveOutcome, portable } from '../live/liveOutcome';
import type { ComputeRequest, ComputeResponse } from './protocol';

export function answerCompute(request: ComputeRequest): ComputeResponse {
  try {
    return { id: request.id, outcome: portable(liveOutcome(request.job)) };
  } catch (e) {
    return { id: request.id, error: e instanceof Error ? (e.stack ?? e.message) : String(e) };
  }
}
