// Pairs found at a binary loss (binary_cross_entropy(_with_logits), BCELoss,
// sigmoid_cross_entropy_with_logits, binary_crossentropy): each element is its
// own two-class problem, expanded into rows by the features' binaryRows, so the
// figures are the ones the code lens shows for that pair; errors say where.
import { analyze, isCoreError, type AnalyzeOptions } from '../../core';
import { MAX_VALUES } from '../../protocol/visualizer';
import { binaryRows } from '../features/model';
import { MAX_TABLE_ROWS } from './breakdownMarkdown';
import { linesOf } from './arrayRef';
import { inUserWords, type PairComputation, type PairInput } from './computeFigures';

export function computeBinary(input: PairInput, eps: number | undefined): PairComputation {
  const t = input.target,
    q = input.prediction;
  const tn = t.ref.name ?? 'p',
    qn = q.ref.name ?? 'q';
  const rows = binaryRows(t.array.values, q.array.values, q.array.role);
  if (!rows.ok && rows.problem === 'length') {
    return {
      ok: false,
      code: 'LENGTH_MISMATCH',
      error: `${tn} has ${rows.targetLength} values, ${qn} has ${rows.predictionLength}: a binary loss needs one target per prediction (${tn} is on ${linesOf(t.ref)}, ${qn} on ${linesOf(q.ref)})`,
    };
  }
  if (!rows.ok)
    return {
      ok: false,
      code: 'OUT_OF_RANGE',
      error: `${tn}[${rows.index}] is ${rows.value}: a binary target lies in [0, 1] (${tn} is on ${linesOf(t.ref)})`,
    };
  const options: AnalyzeOptions = { prediction: rows.reads };
  if (eps !== undefined) options.eps = eps;
  // Every term while the visualizer can draw the pair (its rows come from them); beyond, what the breakdown shows.
  if (2 * rows.target.length > MAX_VALUES) {
    options.maxTerms = MAX_TABLE_ROWS;
    options.maxRows = MAX_TABLE_ROWS;
  }
  try {
    return { ok: true, analysis: analyze(rows.target, rows.prediction, options), normalised: false };
  } catch (e) {
    if (!isCoreError(e)) throw e;
    return { ok: false, code: e.code, error: inUserWords(e.message, input) };
  }
}
