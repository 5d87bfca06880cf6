// PyTorch 1.13–2.x losses as aten computes them (aten/src/ATen/native/Loss.cpp,
// LossNLL.cpp): log clamped at −100 in binary_cross_entropy, the weighted mean
// of cross_entropy / nll_loss, label smoothing ε/K, ignore_index, pos_weight.
import { CoreError } from '../errors';
import {
  Arithmetic,
  checkRange,
  logSumExp,
  looksLikeIndices,
  readIndices,
  readTable,
  sameShape,
  total,
  type Table,
} from './numerics';
import type { ReadOptions } from './options';

export type Loss = (ar: Arithmetic, prediction: unknown, target: unknown, o: ReadOptions) => number | number[];

/** Rows of the prediction rounded to the dtype. */
function rounded(ar: Arithmetic, t: Table): number[][] {
  return t.rows.map((row) => row.map((v) => ar.r(v)));
}

function logSoftmaxRow(ar: Arithmetic, row: number[]): number[] {
  const lse = logSumExp(row);
  return row.map((z) => ar.r(z - lse));
}

function classWeights(o: ReadOptions, classes: number): number[] | undefined {
  if (o.weight === undefined) return undefined;
  const w = Array.from(o.weight);
  if (w.length !== classes)
    throw new CoreError('LENGTH_MISMATCH', `weight has ${w.length} values for ${classes} classes`);
  return w;
}

/** reduction of per-row losses: mean divides by `denominator` (the row count, or the kept weights). */
function reduce(ar: Arithmetic, losses: number[], reduction: string, denominator: number): number | number[] {
  if (reduction === 'none') return losses.map((l) => ar.r(l));
  const s = total(losses);
  return ar.r(reduction === 'sum' ? s : s / denominator);
}

/** nll_loss over log-probability rows with class-index targets: the path cross_entropy with indices takes too. */
function nll(ar: Arithmetic, logp: number[][], target: number[], o: ReadOptions, smoothing: number): number | number[] {
  const classes = logp[0]!.length;
  const w = classWeights(o, classes);
  const ignore = o.ignoreIndex ?? -100;
  const nllTerms: number[] = [],
    smoothTerms: number[] = [];
  let kept = 0,
    keptRows = 0;
  target.forEach((t, n) => {
    if (t === ignore) {
      nllTerms.push(0);
      smoothTerms.push(0);
      return;
    }
    const wt = w ? w[t]! : 1;
    kept += wt;
    keptRows++;
    nllTerms.push(-wt * logp[n]![t]!);
    if (smoothing > 0) smoothTerms.push(-total(logp[n]!.map((l, c) => (w ? w[c]! : 1) * l)));
  });
  if (keptRows > 0 && keptRows < target.length)
    ar.note(`${target.length - keptRows} of ${target.length} rows ignored (ignore_index ${ignore})`);
  if (o.reduction === 'mean' && keptRows === 0) ar.note(`every target is ignore_index (${ignore}): the mean is 0/0`);
  if (o.reduction === 'none') {
    return nllTerms.map((l, n) =>
      ar.r((1 - smoothing) * l + (smoothing > 0 ? (smoothing / classes) * smoothTerms[n]! : 0)),
    );
  }
  const main = o.reduction === 'sum' ? total(nllTerms) : total(nllTerms) / kept;
  if (smoothing === 0) return ar.r(main);
  // aten: the smooth part's mean divides by the kept weights when weighted, by the kept rows otherwise.
  const smooth = o.reduction === 'sum' ? total(smoothTerms) : total(smoothTerms) / (w ? kept : keptRows);
  return ar.r((1 - smoothing) * main + (smoothing / classes) * smooth);
}

export const crossEntropy: Loss = (ar, prediction, target, o) => {
  const z = readTable(prediction, 'input', true);
  const logp = rounded(ar, z).map((row) => logSoftmaxRow(ar, row));
  const eps = o.labelSmoothing ?? 0;
  const classes = logp[0]!.length;
  if (looksLikeIndices(target, z)) {
    const t = readIndices(target, 'target', logp.length, classes, o.ignoreIndex ?? -100);
    return nll(ar, logp, t, o, eps);
  }
  const y = readTable(target, 'target');
  sameShape(z, 'input', y, 'target');
  checkRange(y, 'target', 0, 1, 'probabilities');
  const w = classWeights(o, classes);
  const losses = y.rows.map(
    (row, n) =>
      -total(
        row.map((p, c) => {
          const ps = ar.r(p) * (1 - eps) + eps / classes;
          return ps === 0 ? 0 : (w ? w[c]! : 1) * ps * logp[n]![c]!;
        }),
      ),
  );
  return reduce(ar, losses, o.reduction, losses.length);
};

export const nllLoss: Loss = (ar, prediction, target, o) => {
  const x = readTable(prediction, 'input', true);
  const t = readIndices(target, 'target', x.rows.length, x.rows[0]!.length, o.ignoreIndex ?? -100);
  return nll(ar, rounded(ar, x), t, o, 0);
};

/** One weight per element: `weight` of the same shape, one per column, or one number. */
function elementWeight(
  w: ArrayLike<number> | number | undefined,
  n: number,
  c: number,
  columns: number,
  size: number,
): number {
  if (w === undefined) return 1;
  if (typeof w === 'number') return w;
  if (w.length === columns) return w[c]!;
  if (w.length === size) return w[n * columns + c]!;
  if (w.length === 1) return w[0]!;
  throw new CoreError('LENGTH_MISMATCH', `a weight of ${w.length} values does not broadcast to ${size} elements`);
}

export const binaryCrossEntropy: Loss = (ar, prediction, target, o) => {
  const x = readTable(prediction, 'input'),
    y = readTable(target, 'target');
  sameShape(x, 'input', y, 'target');
  checkRange(x, 'input', 0, 1, 'probabilities (binary_cross_entropy takes probabilities)');
  checkRange(y, 'target', 0, 1, 'binary targets');
  const columns = x.rows[0]!.length,
    size = columns * x.rows.length;
  const log = (v: number, coefficient: number): number => {
    if (coefficient === 0) return 0;
    const l = ar.r(Math.log(v));
    if (!ar.exact && l < -100) {
      ar.note('log clamped at −100');
      return -100;
    }
    return l;
  };
  const losses: number[] = [];
  x.rows.forEach((row, n) =>
    row.forEach((v, c) => {
      const xv = ar.r(v),
        yv = ar.r(y.rows[n]![c]!);
      const w = elementWeight(o.weight, n, c, columns, size);
      losses.push(-w * (yv * log(xv, yv) + (1 - yv) * log(ar.r(1 - xv), 1 - yv)));
    }),
  );
  return reduce(ar, losses, o.reduction, losses.length);
};

export const binaryCrossEntropyWithLogits: Loss = (ar, prediction, target, o) => {
  const z = readTable(prediction, 'input'),
    y = readTable(target, 'target');
  sameShape(z, 'input', y, 'target');
  const columns = z.rows[0]!.length,
    size = columns * z.rows.length;
  const losses: number[] = [];
  z.rows.forEach((row, n) =>
    row.forEach((v, c) => {
      const zv = ar.r(v),
        yv = ar.r(y.rows[n]![c]!);
      const pw = elementWeight(o.posWeight, 0, c, columns, columns);
      // aten: (1 − y)·z + (1 + (pw − 1)·y)·(log(e^−m + e^(−z−m)) + m), m = max(−z, 0), each step in the dtype.
      const m = Math.max(-zv, 0);
      const softplusNeg = ar.exact
        ? Math.log1p(Math.exp(-Math.abs(zv))) + m
        : ar.r(ar.r(Math.log(ar.r(ar.r(Math.exp(-m)) + ar.r(Math.exp(-zv - m))))) + m);
      const w = elementWeight(o.weight, n, c, columns, size);
      losses.push(w * ((1 - yv) * zv + (1 + (pw - 1) * yv) * softplusNeg));
    }),
  );
  return reduce(ar, losses, o.reduction, losses.length);
};

export const klDiv: Loss = (ar, prediction, target, o) => {
  const x = readTable(prediction, 'input', true),
    t = readTable(target, 'target', o.logTarget === true);
  sameShape(x, 'input', t, 'target');
  if (!o.logTarget) checkRange(t, 'target', 0, 1, 'probabilities (pass logTarget for log-probabilities)');
  const terms: number[] = [];
  x.rows.forEach((row, n) =>
    row.forEach((v, c) => {
      const xv = ar.r(v),
        tv = ar.r(t.rows[n]![c]!);
      // xlogy(t, t) − t·x: a zero target contributes 0 (NaN against a −∞ input, as aten).
      terms.push(o.logTarget ? Math.exp(tv) * (tv - xv) : (tv === 0 ? 0 : tv * Math.log(tv)) - tv * xv);
    }),
  );
  if (o.reduction === 'none') return terms.map((v) => ar.r(v));
  const s = total(terms);
  if (o.reduction === 'sum') return ar.r(s);
  if (o.reduction === 'batchmean') return ar.r(s / (x.oneD ? x.rows[0]!.length : x.rows.length));
  return ar.r(s / terms.length);
};
