// optax losses (optax/losses/_classification.py): one loss per example, in the
// arrays' dtype (float32 under JAX's default). softmax_cross_entropy multiplies
// labels by log_softmax, so a −∞ logit under a zero label gives NaN;
// safe_softmax_cross_entropy drops those terms.
import { Arithmetic, logSumExp, readIndices, readTable, sameShape, softplus, total } from './numerics';
import type { ReadOptions } from './options';
import type { Loss } from './pytorch';

function perExample(ar: Arithmetic, losses: number[], o: ReadOptions): number | number[] {
  const each = losses.map((l) => ar.r(l));
  return o.reduction === 'none' ? each : ar.r(total(each) / each.length);
}

function softmaxCe(safe: boolean): Loss {
  return (ar, prediction, target, o) => {
    const z = readTable(prediction, 'logits', true),
      y = readTable(target, 'labels');
    sameShape(z, 'logits', y, 'labels');
    const losses = z.rows.map((row, n) => {
      const zr = row.map((v) => ar.r(v));
      const lse = logSumExp(zr);
      return -total(
        y.rows[n]!.map((p, c) => {
          const lp = ar.r(zr[c]! - lse);
          if (p === 0 && (safe || ar.exact)) return 0;
          if (p === 0 && lp === -Infinity)
            ar.note('a −∞ logit under a zero label gives NaN (safe_softmax_cross_entropy does not)');
          return ar.r(p) * lp;
        }),
      );
    });
    return perExample(ar, losses, o);
  };
}

export const softmaxCrossEntropy = softmaxCe(false);
export const safeSoftmaxCrossEntropy = softmaxCe(true);

export const softmaxCrossEntropyWithIntegerLabels: Loss = (ar, prediction, target, o) => {
  const z = readTable(prediction, 'logits', true);
  const t = readIndices(target, 'labels', z.rows.length, z.rows[0]!.length);
  const losses = z.rows.map((row, n) => {
    const zr = row.map((v) => ar.r(v));
    return logSumExp(zr) - zr[t[n]!]!;
  });
  return perExample(ar, losses, o);
};

export const sigmoidBinaryCrossEntropy: Loss = (ar, prediction, target, o) => {
  const z = readTable(prediction, 'logits'),
    y = readTable(target, 'labels');
  sameShape(z, 'logits', y, 'labels');
  const losses: number[] = [];
  z.rows.forEach((row, n) =>
    row.forEach((v, c) => {
      const zv = ar.r(v),
        yv = ar.r(y.rows[n]![c]!);
      // −y·log_sigmoid(z) − (1 − y)·log_sigmoid(−z)
      losses.push(yv * ar.r(softplus(-zv)) + (1 - yv) * ar.r(softplus(zv)));
    }),
  );
  return perExample(ar, losses, o);
};
