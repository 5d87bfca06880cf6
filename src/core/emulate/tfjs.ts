// TF.js tf.losses (tfjs-core/src/ops/losses): float32 throughout, logLoss adds
// epsilon (1e-7) inside both logs, and the default reduction
// SUM_BY_NONZERO_WEIGHTS divides the sum by the count of non-zero weights
// (by the element count without weights).
import { CoreError } from '../errors';
import { Arithmetic, checkRange, logSumExp, readTable, sameShape, short, total } from './numerics';
import type { ReadOptions } from './options';
import type { Loss } from './pytorch';

/** computeWeightedLoss: losses (per element or per row) weighted and reduced. */
function weighted(ar: Arithmetic, losses: number[], o: ReadOptions): number | number[] {
  const w = o.weights;
  const weightOf = (i: number): number => {
    if (w === undefined) return 1;
    if (typeof w === 'number') return w;
    if (w.length === 1) return w[0]!;
    if (w.length === losses.length) return w[i]!;
    throw new CoreError('LENGTH_MISMATCH', `weights has ${w.length} values for ${losses.length} losses`);
  };
  const terms = losses.map((l, i) => ar.r(l * weightOf(i)));
  switch (o.reduction) {
    case 'NONE':
      return terms;
    case 'SUM':
      return ar.r(total(terms));
    case 'MEAN':
      return ar.r(total(terms) / (w === undefined ? terms.length : total(losses.map((_, i) => weightOf(i)))));
    default: {
      const nonZero = w === undefined ? terms.length : losses.filter((_, i) => weightOf(i) !== 0).length;
      if (nonZero === 0) ar.note('every weight is 0: the mean is 0/0');
      return ar.r(total(terms) / nonZero);
    }
  }
}

export const logLoss: Loss = (ar, prediction, target, o) => {
  const q = readTable(prediction, 'predictions'),
    y = readTable(target, 'labels');
  sameShape(y, 'labels', q, 'predictions');
  checkRange(q, 'predictions', 0, 1, 'probabilities');
  const eps = ar.exact ? 0 : ar.r(o.epsilon ?? 1e-7);
  let added = false;
  const losses: number[] = [];
  q.rows.forEach((row, n) =>
    row.forEach((v, c) => {
      const qv = ar.r(v),
        yv = ar.r(y.rows[n]![c]!);
      const a = ar.r(qv + eps),
        b = ar.r(ar.r(1 - qv) + eps);
      if (eps > 0 && ((yv !== 0 && a !== qv) || (yv !== 1 && b !== ar.r(1 - qv)))) added = true;
      // l1 − l2 = −y·log(q + ε) − (1 − y)·log(1 − q + ε), products as written: with epsilon 0,
      // 0·log 0 is NaN in TF.js (the exact value takes the limit 0).
      const l1 = ar.exact && yv === 0 ? 0 : -yv * ar.r(Math.log(a));
      const l2 = ar.exact && yv === 1 ? 0 : ar.r(1 - yv) * ar.r(Math.log(b));
      if (!ar.exact && (Number.isNaN(l1) || Number.isNaN(l2))) ar.note('0·log 0 is NaN (epsilon 0)');
      losses.push(ar.r(l1 - l2));
    }),
  );
  if (added) ar.note(`epsilon ${short(o.epsilon ?? 1e-7)} added inside the log`);
  return weighted(ar, losses, o);
};

export const softmaxCrossEntropy: Loss = (ar, prediction, target, o) => {
  const z = readTable(prediction, 'logits', true),
    y = readTable(target, 'onehotLabels');
  sameShape(y, 'onehotLabels', z, 'logits');
  const ls = o.labelSmoothing ?? 0;
  const classes = z.rows[0]!.length;
  const losses = z.rows.map((row, n) => {
    const zr = row.map((v) => ar.r(v));
    const lse = logSumExp(zr);
    return -total(
      y.rows[n]!.map((p, c) => {
        const ps = ar.r(ar.r(p) * (1 - ls) + ls / classes);
        return ps === 0 ? 0 : ps * ar.r(zr[c]! - lse);
      }),
    );
  });
  return weighted(ar, losses, o);
};

export const sigmoidCrossEntropy: Loss = (ar, prediction, target, o) => {
  const z = readTable(prediction, 'logits'),
    y = readTable(target, 'multiClassLabels');
  sameShape(y, 'multiClassLabels', z, 'logits');
  const ls = o.labelSmoothing ?? 0;
  const losses: number[] = [];
  z.rows.forEach((row, n) =>
    row.forEach((v, c) => {
      const zv = ar.r(v),
        yv = ar.r(ar.r(y.rows[n]![c]!) * (1 - ls) + 0.5 * ls);
      // relu(z) − z·y + log1p(e^−|z|)
      losses.push(ar.r(Math.max(zv, 0) - ar.r(zv * yv) + ar.r(Math.log1p(ar.r(Math.exp(-Math.abs(zv)))))));
    }),
  );
  return weighted(ar, losses, o);
};
