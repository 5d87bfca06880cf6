// Keras 3 losses as its TensorFlow backend computes them (keras/src/losses/losses.py,
// keras/src/backend/tensorflow/nn.py): probabilities clipped to [ε, 1 − ε] with
// ε = 1e-7 (keras.config.epsilon()), categorical rows renormalised, binary label
// smoothing toward 0.5, reduction `sum_over_batch_size` (the mean over samples).
import { CoreError } from '../errors';
import {
  Arithmetic,
  checkRange,
  logSumExp,
  readIndices,
  readTable,
  sameShape,
  short,
  total,
  type Table,
} from './numerics';
import type { Loss } from './pytorch';

export const KERAS_EPSILON = 1e-7;

function reduce(ar: Arithmetic, perSample: number[], reduction: string): number | number[] {
  if (reduction === 'none') return perSample.map((l) => ar.r(l));
  const s = total(perSample);
  return ar.r(reduction === 'sum' ? s : s / perSample.length);
}

/** clip(q, ε, hi), noting when it changed a value that counts. */
function clip(ar: Arithmetic, q: number, hi: number, counts: boolean): number {
  if (ar.exact) return q;
  const lo = ar.r(KERAS_EPSILON);
  const c = q < lo ? lo : q > hi ? hi : q;
  if (c !== q && counts) ar.note(`clipped to [${short(KERAS_EPSILON)}, 1 − ${short(KERAS_EPSILON)}]`);
  return c;
}

function readPair(prediction: unknown, target: unknown, fromLogits: boolean): { q: Table; y: Table } {
  const q = readTable(prediction, 'y_pred', fromLogits),
    y = readTable(target, 'y_true');
  sameShape(y, 'y_true', q, 'y_pred');
  if (!fromLogits) checkRange(q, 'y_pred', 0, 1, 'probabilities (pass fromLogits for logits)');
  return { q, y };
}

export const categoricalCrossentropy: Loss = (ar, prediction, target, o) => {
  const { q, y } = readPair(prediction, target, o.fromLogits === true);
  const eps = o.labelSmoothing ?? 0;
  const classes = q.rows[0]!.length;
  const hi = ar.r(1 - ar.r(KERAS_EPSILON));
  const losses = q.rows.map((row, n) => {
    const yr = y.rows[n]!.map((v) => ar.r(ar.r(v) * (1 - eps) + eps / classes));
    const qr = row.map((v) => ar.r(v));
    if (o.fromLogits) {
      const lse = logSumExp(qr);
      return -total(yr.map((p, c) => (p === 0 ? 0 : p * ar.r(qr[c]! - lse))));
    }
    // The exact value takes the prediction as given: renormalising is Keras's rule.
    const s = ar.exact ? 1 : ar.r(total(qr));
    if (s === 0) throw new CoreError('OUT_OF_RANGE', `y_pred row ${n} sums to 0: it cannot be renormalised`);
    if (!ar.exact && Math.abs(s - 1) > 2 ** -20) ar.note('rows renormalised to sum to 1');
    return -total(yr.map((p, c) => (p === 0 ? 0 : p * ar.r(Math.log(clip(ar, ar.r(qr[c]! / s), hi, true))))));
  });
  return reduce(ar, losses, o.reduction);
};

export const sparseCategoricalCrossentropy: Loss = (ar, prediction, target, o) => {
  const q = readTable(prediction, 'y_pred', o.fromLogits === true);
  if (!o.fromLogits) checkRange(q, 'y_pred', 0, 1, 'probabilities (pass fromLogits for logits)');
  const t = readIndices(target, 'y_true', q.rows.length, q.rows[0]!.length);
  const hi = ar.r(1 - ar.r(KERAS_EPSILON));
  const losses = q.rows.map((row, n) => {
    const k = t[n]!;
    // From probabilities the TF backend clips, takes the log and runs the sparse softmax
    // cross-entropy on it: −log q_k + log Σ q, a renormalisation after the clip.
    const z = o.fromLogits
      ? row.map((v) => ar.r(v))
      : row.map((v, c) => ar.r(Math.log(clip(ar, ar.r(v), hi, c === k))));
    if (!o.fromLogits && !ar.exact && Math.abs(total(row) - 1) > 2 ** -20) ar.note('rows renormalised to sum to 1');
    return ar.exact && !o.fromLogits ? -z[k]! : logSumExp(z) - z[k]!;
  });
  return reduce(ar, losses, o.reduction);
};

export const binaryCrossentropy: Loss = (ar, prediction, target, o) => {
  const { q, y } = readPair(prediction, target, o.fromLogits === true);
  checkRange(y, 'y_true', 0, 1, 'binary targets');
  const eps = o.labelSmoothing ?? 0;
  const hi = ar.r(1 - ar.r(KERAS_EPSILON));
  // Mean over the last axis per sample, then the reduction over samples.
  const losses = q.rows.map((row, n) => {
    const terms = row.map((v, c) => {
      const yv = ar.r(ar.r(y.rows[n]![c]!) * (1 - eps) + 0.5 * eps);
      const qv = ar.r(v);
      if (o.fromLogits) return ar.r(Math.max(qv, 0) - qv * yv + Math.log1p(Math.exp(-Math.abs(qv))));
      const qc = clip(ar, qv, hi, true);
      const a = yv === 0 ? 0 : yv * ar.r(Math.log(qc));
      const b = yv === 1 ? 0 : (1 - yv) * ar.r(Math.log(ar.r(1 - qc)));
      return -(a + b);
    });
    return total(terms) / terms.length;
  });
  return reduce(ar, losses, o.reduction);
};

export const klDivergence: Loss = (ar, prediction, target, o) => {
  const { q, y } = readPair(prediction, target, false);
  checkRange(y, 'y_true', 0, 1, 'probabilities');
  const losses = q.rows.map((row, n) =>
    total(
      row.map((v, c) => {
        const yv = clip(ar, ar.r(y.rows[n]![c]!), 1, true);
        const qv = clip(ar, ar.r(v), 1, true);
        return yv === 0 ? 0 : yv * ar.r(Math.log(ar.r(yv / qv)));
      }),
    ),
  );
  return reduce(ar, losses, o.reduction);
};
