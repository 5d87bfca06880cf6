// The one place the webview calls the compute core (the same core the host
// uses), and the subset of its results the views read.
import { analyze, softmax } from '../../src/core/index';

export interface PairAnalysis {
  entropy: number;
  crossEntropy: number;
  kl: number;
  warnings: string[];
}

/** softmax of a logit vector, by the core. */
export function softmaxOf(logits: number[]): number[] {
  return Array.from(softmax(logits));
}

/** H(p), H(p, q) and KL(p‖q) in nats of one target row p and probability row q, by the core. */
export function analyzeRow(target: number[], probabilities: number[]): PairAnalysis {
  const a = analyze(target, probabilities) as unknown as {
    entropy: number; crossEntropy: number; klPQ: number; warnings?: unknown[];
  };
  return {
    entropy: a.entropy,
    crossEntropy: a.crossEntropy,
    kl: a.klPQ,
    warnings: Array.isArray(a.warnings) ? a.warnings.map((w) => (typeof w === 'string' ? w : String((w as { message?: unknown }).message ?? w))) : [],
  };
}
