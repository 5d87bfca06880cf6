// The one place the webview calls the compute core — the same core the host
// uses — so the numbers in the view match the hovers and lenses exactly.
import { crossEntropy, entropy, klDivergence, softmax } from '../../src/core/index';

export interface PairAnalysis {
  entropy: number;
  crossEntropy: number;
  kl: number;
}

/** softmax of a logit vector, by the core. */
export function softmaxOf(logits: number[]): number[] {
  return softmax(logits);
}

/** H(p), H(p, q) and KL(p‖q) in nats of one target row p and probability row q, by the core. */
export function analyzeRow(target: number[], probabilities: number[]): PairAnalysis {
  return {
    entropy: entropy(target),
    crossEntropy: crossEntropy(target, probabilities),
    kl: klDivergence(target, probabilities),
  };
}

/** H(p_r, q_r) of every row of a batch, by the core (one call, no reduction). */
export function rowCrossEntropies(targets: number[][], probabilities: number[][]): number[] {
  const out = crossEntropy(targets, probabilities, { reduction: 'none' });
  return Array.isArray(out) ? out : [out];
}
