// What the compute worker does with one request, shared by the Node worker
// thread (computeWorker.ts) and the browser's Web Worker (webComputeWorker.ts).
import { liveOutcome, portable, type LiveOutcomeJob } from '../live/liveOutcome';
import type { ComputeRequest, ComputeResponse } from './protocol';

export function answerCompute(request: ComputeRequest): ComputeResponse {
  try {
    return { id: request.id, outcome: portable(liveOutcome(request.job)) };
  } catch (e) {
    return { id: request.id, error: e instanceof Error ? (e.stack ?? e.message) : String(e) };
  }
}

/** Values of each warm-up job: a few milliseconds of work, enough loop turns for the engine to compile the hot loops. */
export const WARM_UP_ELEMENTS = 2 ** 12;

/**
 * Runs an entropy and a cross-entropy on made-up values as the worker starts
 * (it starts when a probe announces a large value, while the data moves), so
 * the first real job does not pay for cold code: in a fresh worker thread the
 * first entropy of 10^6 values took 32–35 ms and the next 11–17 ms; after
 * this warm-up (26 ms cold), the first took 13–17 ms. Nothing is posted or
 * counted. Returns the figures, which the tests check.
 */
export function warmUp(): { entropy: number; crossEntropy: number } {
  const n = WARM_UP_ELEMENTS;
  const uniform = new Float64Array(n).fill(1 / n);
  const oneHot = new Float64Array(n);
  oneHot[0] = 1;
  const value = (expression: string, data: Float64Array, start: number) => ({
    expression,
    at: { text: expression, start, end: start + expression.length },
    value: { dtype: 'f8' as const, shape: [n], data },
  });
  const job = (kind: LiveOutcomeJob['kind'], values: LiveOutcomeJob['values']): LiveOutcomeJob => ({
    kind,
    values,
    settings: { unit: 'nats', eps: undefined },
    placement: { uri: 'entropy-lens:warm-up', positions: [] },
  });
  const entropy = portable(liveOutcome(job('entropy', [value('p', uniform, 0)]))).result;
  const pair = portable(liveOutcome(job('crossEntropy', [value('t', oneHot, 0), value('q', uniform, 3)]))).result;
  return {
    entropy: entropy.ok && entropy.kind === 'entropy' ? entropy.entropy : NaN,
    crossEntropy: pair.ok && pair.kind !== 'entropy' ? pair.crossEntropy : NaN,
  };
}
