// Flux.jl losses (src/losses/functions.jl): classes along the first dimension,
// so each of our rows is one sample (a column in Julia); ϵ = eps(Float32) ≈ 1.19e-7
// added inside the log; `agg = mean` over samples (binarycrossentropy: elements).
import { DTYPE_EPS } from './dtype';
import { Arithmetic, checkRange, logSumExp, readTable, sameShape, short, total, type Table } from './numerics';
import type { ReadOptions } from './options';
import type { Loss } from './pytorch';

function agg(ar: Arithmetic, losses: number[], o: ReadOptions): number | number[] {
  if (o.reduction === 'none') return losses.map((l) => ar.r(l));
  const s = total(losses);
  return ar.r(o.reduction === 'sum' ? s : s / losses.length);
}

function epsilon(ar: Arithmetic, o: ReadOptions): number {
  if (ar.exact) return 0;
  return ar.r(o.eps === 'auto' || o.eps === undefined ? DTYPE_EPS[ar.dtype] : o.eps);
}

function pair(prediction: unknown, target: unknown, logits: boolean): { q: Table; y: Table } {
  const q = readTable(prediction, 'ŷ', logits),
    y = readTable(target, 'y');
  sameShape(q, 'ŷ', y, 'y');
  if (!logits) checkRange(q, 'ŷ', 0, 1, 'probabilities');
  return { q, y };
}

/** −Σ xlogy(y, ŷ + ϵ) per sample. */
function crossTerms(ar: Arithmetic, q: Table, y: Table, eps: number): number[] {
  let added = false;
  const out = q.rows.map(
    (row, n) =>
      -total(
        row.map((v, c) => {
          const yv = ar.r(y.rows[n]![c]!);
          if (yv === 0) return 0;
          const qv = ar.r(v),
            a = ar.r(qv + eps);
          if (a !== qv) added = true;
          return yv * ar.r(Math.log(a));
        }),
      ),
  );
  if (added) ar.note(`ϵ = ${short(eps)} added inside the log`);
  return out;
}

export const crossentropy: Loss = (ar, prediction, target, o) => {
  const { q, y } = pair(prediction, target, false);
  return agg(ar, crossTerms(ar, q, y, epsilon(ar, o)), o);
};

export const logitcrossentropy: Loss = (ar, prediction, target, o) => {
  const { q, y } = pair(prediction, target, true);
  const losses = q.rows.map((row, n) => {
    const zr = row.map((v) => ar.r(v));
    const lse = logSumExp(zr);
    // y .* logsoftmax(ŷ): a zero label times a −∞ logit is NaN in Julia too.
    return -total(y.rows[n]!.map((p, c) => (p === 0 && ar.exact ? 0 : ar.r(p) * ar.r(zr[c]! - lse))));
  });
  return agg(ar, losses, o);
};

export const kldivergence: Loss = (ar, prediction, target, o) => {
  const { q, y } = pair(prediction, target, false);
  checkRange(y, 'y', 0, 1, 'probabilities');
  const cross = crossTerms(ar, q, y, epsilon(ar, o));
  // entropy = agg(Σ xlogx(y)); the result is agg(entropy) + agg(cross-entropy), equal to agg of their sum.
  const losses = y.rows.map(
    (row, n) => total(row.map((v) => (v === 0 ? 0 : ar.r(v) * ar.r(Math.log(ar.r(v)))))) + cross[n]!,
  );
  return agg(ar, losses, o);
};

export const binarycrossentropy: Loss = (ar, prediction, target, o) => {
  const { q, y } = pair(prediction, target, false);
  checkRange(y, 'y', 0, 1, 'binary targets');
  const eps = epsilon(ar, o);
  let added = false;
  const losses: number[] = [];
  q.rows.forEach((row, n) =>
    row.forEach((v, c) => {
      const qv = ar.r(v),
        yv = ar.r(y.rows[n]![c]!);
      const a = ar.r(qv + eps),
        b = ar.r(ar.r(1 - qv) + eps);
      if ((yv !== 0 && a !== qv) || (yv !== 1 && b !== ar.r(1 - qv))) added = true;
      losses.push(-(yv === 0 ? 0 : yv * ar.r(Math.log(a))) - (yv === 1 ? 0 : ar.r(1 - yv) * ar.r(Math.log(b))));
    }),
  );
  if (added) ar.note(`ϵ = ${short(eps)} added inside the log`);
  return agg(ar, losses, o);
};
