// Pairs found at a binary loss (binary_cross_entropy(_with_logits), BCELoss,
// sigmoid_cross_entropy_with_logits, binary_crossentropy): each element is its
// own two-class problem, y against σ(z) or q. Each element becomes a row
// (y, 1 − y) against (z, 0) read as logits — softmax of (z, 0) is
// (σ(z), 1 − σ(z)) — or (q, 1 − q), so the core's batch mean is the mean BCE,
// the same figures the code lens shows for that pair.
import { analyze, isCoreError, type AnalyzeOptions } from '../../core';
import type { Values } from '../../parse/types';
import { linesOf } from './arrayRef';
import { inUserWords, type PairComputation, type PairInput } from './computeFigures';
import { isMatrix } from '../../core/elements';

function flat(values: Values): number[] {
  return isMatrix(values) ? (values as number[][]).flat() : values as number[];
}

export function computeBinary(input: PairInput, eps: number | undefined): PairComputation {
  const t = input.target, q = input.prediction;
  const y = flat(t.array.values), s = flat(q.array.values);
  const tn = t.ref.name ?? 'p', qn = q.ref.name ?? 'q';
  if (y.length !== s.length) {
    return { ok: false, code: 'LENGTH_MISMATCH', error: `${tn} has ${y.length} values, ${qn} has ${s.length}: a binary loss needs one target per prediction (${tn} is on ${linesOf(t.ref)}, ${qn} on ${linesOf(q.ref)})` };
  }
  const bad = y.findIndex((v) => !(v >= 0 && v <= 1));
  if (bad >= 0) return { ok: false, code: 'OUT_OF_RANGE', error: `${tn}[${bad}] is ${y[bad]}: a binary target lies in [0, 1] (${tn} is on ${linesOf(t.ref)})` };
  const logits = q.array.role === 'logits' || s.some((v) => !(v >= 0 && v <= 1));
  const options: AnalyzeOptions = { prediction: logits ? 'logits' : 'probabilities' };
  if (eps !== undefined) options.eps = eps;
  try {
    const analysis = analyze(y.map((v) => [v, 1 - v]), s.map((v) => (logits ? [v, 0] : [v, 1 - v])), options);
    return { ok: true, analysis, normalised: false };
  } catch (e) {
    if (!isCoreError(e)) throw e;
    return { ok: false, code: e.code, error: inUserWords(e.message, input) };
  }
}
