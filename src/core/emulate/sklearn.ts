// scikit-learn's log_loss (sklearn/metrics/_classification.py). From 1.5 on:
// clip at the dtype's machine epsilon, no renormalisation (a UserWarning when a
// row does not sum to 1 within √eps). 1.2–1.4: clip at `eps` ('auto': the
// dtype's epsilon) and renormalise each row. Labels are the column indices.
import { CoreError } from '../errors';
import { DTYPE_EPS } from './dtype';
import { checkRange, readIndices, readTable, short, total } from './numerics';
import { minor } from './options';
import type { Loss } from './pytorch';

export const logLoss: Loss = (ar, prediction, target, o) => {
  const q = readTable(prediction, 'y_pred');
  checkRange(q, 'y_pred', 0, 1, 'probabilities');
  // A 1-D y_pred is P(class 1) of a binary problem: (1 − q, q).
  const binary = q.oneD;
  const samples = binary ? q.rows[0]!.length : q.rows.length;
  const classes = binary ? 2 : q.rows[0]!.length;
  const t = readIndices(target, 'y_true', samples, classes);
  const modern = minor(o.version ?? '1.5') >= 5;
  const eps = o.eps === 'auto' || o.eps === undefined ? DTYPE_EPS[ar.dtype] : o.eps;
  const lo = ar.r(eps),
    hi = ar.r(1 - lo);
  const clip = (v: number): number => {
    if (ar.exact) return v;
    const c = Math.min(Math.max(v, lo), hi);
    return c;
  };
  const rows: number[][] = binary ? q.rows[0]!.map((v) => [v, v]) : q.rows;
  const losses = rows.map((row, n) => {
    const k = t[n]!;
    let raw: number[];
    if (binary) {
      const v = ar.r(row[1]!);
      // ≥ 1.5 builds (1 − q, q) and then clips; before, q was clipped first.
      raw = modern ? [ar.r(1 - v), v] : [ar.r(1 - clip(v)), v];
    } else {
      raw = row.map((v) => ar.r(v));
      const s = total(raw);
      if (modern && !ar.exact && Math.abs(s - 1) > Math.sqrt(DTYPE_EPS[ar.dtype]))
        ar.note(`warns that rows do not sum to 1 (row ${n} sums to ${short(s)}); not renormalised`);
    }
    // Before 1.5 a 1-D q was clipped before (1 − q, q) was built: 1 − q is not clipped again.
    let r = binary && !modern ? [raw[0]!, clip(raw[1]!)] : raw.map(clip);
    if (r[k] !== raw[k]) ar.note(`clipped to [ε, 1 − ε], ε = ${short(eps)}`);
    if (!modern && !ar.exact) {
      // NumPy's own sum (left to right for short rows), not a compensated one: its rounding is part of the result.
      const s = ar.r(r.reduce((a, b) => ar.r(a + b), 0));
      if (Math.abs(s - 1) > 2 ** -40) ar.note('rows renormalised to sum to 1');
      r = r.map((v) => ar.r(v / s));
    }
    return -Math.log(r[k]!);
  });
  let weights: number[] | undefined;
  if (o.sampleWeight !== undefined) {
    weights = Array.from(o.sampleWeight);
    if (weights.length !== samples)
      throw new CoreError('LENGTH_MISMATCH', `sample_weight has ${weights.length} values for ${samples} samples`);
  }
  const weighted = losses.map((l, n) => (weights ? weights[n]! * l : l));
  if (o.reduction === 'sum') return ar.r(total(weighted));
  return ar.r(total(weighted) / (weights ? total(weights) : samples));
};
