// What a found pair means for the loss it was found at, decided in one place
// for the automatic features and the commands: the loss (from the finder's
// table, src/parse/callSignatures.ts), whether it is binary, how the core reads
// the prediction, how a binary pair becomes the two-class rows the core
// analyses, and when an array was not read whole.
import type { AnalyzeOptions } from '../../../core';
import { plainValues, rowsOf } from '../../../core/elements';
import { lossSignature, type LossSignature } from '../../../parse/callSignatures';
import type { AnyValues, FoundArray, FoundPair, Role } from '../../../parse/types';

/** The finder's signature of the loss a pair was found at; undefined for pairs found by name or position. */
export function pairLoss(pair: FoundPair): LossSignature | undefined {
  return pair.signature ?? (pair.callee === undefined ? undefined : lossSignature(pair.callee));
}

/**
 * A binary problem: a binary (per-element, sigmoid) loss — BCE, BCEWithLogits,
 * sigmoid cross-entropy, binary_crossentropy — or, with no known call, 0/1
 * labels beside per-sample P(class 1), as the finder judged.
 */
export function isBinaryPair(pair: FoundPair): boolean {
  return pair.binary ?? pairLoss(pair)?.binary === true;
}

/** How the core reads a pair's prediction, from the finder's role (call sites know better than values). */
export function predictionReading(role: Role): NonNullable<AnalyzeOptions['prediction']> {
  // Whole numbers in the prediction's place are counts (votes), not labels: probabilities once normalised.
  if (role === 'class-indices' || role === 'counts') return 'probabilities';
  return role === 'logits' || role === 'log-probabilities' || role === 'probabilities' ? role : 'auto';
}

/**
 * A binary loss as the core's categorical one: element i becomes the row
 * (y, 1 − y) against (z, 0) read as logits — softmax of (z, 0) is (σ(z), 1 − σ(z))
 * — or (q, 1 − q), so the core's batch mean is the mean binary cross-entropy.
 * Values outside [0, 1] in the prediction are logits whatever the role says.
 */
export type BinaryRows =
  | { ok: true; target: number[][]; prediction: number[][]; reads: 'logits' | 'probabilities' }
  | { ok: false; problem: 'length'; targetLength: number; predictionLength: number }
  | { ok: false; problem: 'target-range'; index: number; value: number };

export function binaryRows(target: AnyValues, prediction: AnyValues, predictionRole: Role): BinaryRows {
  const y = rowsOf(plainValues(target)).flat(),
    q = rowsOf(plainValues(prediction)).flat();
  if (y.length !== q.length)
    return { ok: false, problem: 'length', targetLength: y.length, predictionLength: q.length };
  const bad = y.findIndex((v) => !(v >= 0 && v <= 1));
  if (bad >= 0) return { ok: false, problem: 'target-range', index: bad, value: y[bad]! };
  const logits = predictionRole === 'logits' || q.some((v) => !(v >= 0 && v <= 1));
  return {
    ok: true,
    target: y.map((v) => [v, 1 - v]),
    prediction: q.map((v) => (logits ? [v, 0] : [v, 1 - v])),
    reads: logits ? 'logits' : 'probabilities',
  };
}

/**
 * What the finder says when it stopped reading an array at its maxElements cap
 * ("only the first N of M values were read (maxElements)"), or undefined: figures
 * of the first part would look right and be wrong, so such an array is refused.
 */
export function cappedIssue(a: Pick<FoundArray<AnyValues>, 'issueDetails'>): string | undefined {
  return a.issueDetails?.find((i) => i.kind === 'capped')?.message.replace(/^capped:\s*/, '');
}
