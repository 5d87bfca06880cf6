// Categorical cross-entropy over a batch (N × C), as PyTorch's cross_entropy:
// class-index or probability targets, probabilities or logits, class weights,
// ignoreIndex and label smoothing; plus eps clipping for probability inputs.

import { withLazyGrad, type LossResult } from './binaryCrossEntropy';
import { chunkedSum } from './kernels';
import { rowLogSumExp, rowSoftmax } from './softmax';
import { show } from './show';
import { sum } from './summation';
import {
  checkBase,
  checkBoolean,
  checkEps,
  checkReduction,
  checkSameShape,
  checkValues,
  Problems,
  readOptions,
  toRows,
  type Matrix,
  type Reduction,
  type Rows,
  type Vector,
} from './validate';

export interface CategoricalCrossEntropyOptions {
  /** `input` holds logits (log-softmax inside). Default false: probability rows. */
  fromLogits?: boolean;
  /** One weight per class (C values ≥ 0). */
  weight?: ArrayLike<number>;
  /** A class-index target equal to this is ignored (loss 0, gradient 0). Default -100. */
  ignoreIndex?: number;
  /** α in [0, 1]: the target becomes (1 - α)·t + α/C. */
  labelSmoothing?: number;
  /** Clip probability inputs to [eps, 1 - eps] before the log (probabilities only). */
  eps?: number;
  /** 'mean' (default), 'sum' or 'none' (one loss per row). */
  reduction?: Reduction;
  /** Logarithm base (default e). */
  base?: number;
}

const KNOWN = ['fromLogits', 'weight', 'ignoreIndex', 'labelSmoothing', 'eps', 'reduction', 'base'] as const;

/**
 * categoricalCrossEntropy(target, input, {fromLogits, weight, ignoreIndex, labelSmoothing, eps, reduction, base}) -> {value, grad?}
 *
 * Loss of row i: -Σ_c w_c t_ic log p_ic, with t the (smoothed) target and
 * p = softmax(input_i) when fromLogits, else input_i itself (a distribution).
 *
 * Args:
 *   target: N class indices (integers in [0, C), or ignoreIndex) or N × C probability rows.
 *   input: N × C logits or probability rows (a 1-D input is LENGTH_MISMATCH: give one row as [[…]]).
 *   weight: C class weights. ignoreIndex: default -100 (class-index targets only).
 *   labelSmoothing: α in [0, 1]. eps: clip probabilities to [eps, 1 - eps].
 *   reduction: 'mean' divides by Σ weight[target_i] over kept rows (indices) or by N (probability
 *     targets); 'sum'; 'none' (N values; ignored rows 0).
 * Returns {value, grad} with grad (N × C) = d value / d input; absent for 'none' or an infinite value.
 */
export function categoricalCrossEntropy(
  target: Vector | Matrix,
  input: Matrix,
  given?: CategoricalCrossEntropyOptions,
): LossResult<number[][]> {
  const problems = new Problems();
  const options = readOptions(given, KNOWN, 'categoricalCrossEntropy', problems) as CategoricalCrossEntropyOptions;
  const reduction = checkReduction(options.reduction, problems);
  const lnBase = checkBase(options.base, problems);
  const fromLogits = checkBoolean(options.fromLogits, 'fromLogits', problems);
  const eps = checkEps(options.eps, problems);
  if (options.eps !== undefined && fromLogits)
    problems.add('INVALID_OPTION', 'eps applies to probabilities, not to logits (fromLogits: true)');
  const alpha = options.labelSmoothing ?? 0;
  if (typeof alpha !== 'number' || Number.isNaN(alpha))
    problems.add('INVALID_OPTION', `labelSmoothing is ${show(alpha)}: expected a number in [0, 1]`);
  else if (!(alpha >= 0 && alpha <= 1))
    problems.add('OUT_OF_RANGE', `labelSmoothing is ${alpha}: it must lie in [0, 1]`);
  const ignoreIndex = options.ignoreIndex ?? -100;
  if (typeof ignoreIndex !== 'number' || !Number.isInteger(ignoreIndex)) {
    problems.add('INVALID_OPTION', `ignoreIndex is ${show(ignoreIndex)}: expected an integer`);
  }

  const xs = toRows(input, 'input', problems);
  if (xs && !xs.twoD)
    problems.add('LENGTH_MISMATCH', `input is 1-D: categoricalCrossEntropy needs N × C rows (wrap one row as [[…]])`);
  const ts = toRows(target, 'target', problems);
  const indices = !!ts && !ts.twoD;
  if (ts && xs && xs.twoD) {
    if (indices) {
      if (ts.width !== xs.rows.length)
        problems.add('LENGTH_MISMATCH', `target has ${ts.width} class indices, input has ${xs.rows.length} rows`);
    } else checkSameShape(ts, 'target', xs, 'input', problems);
  }
  if (ts && !indices && options.ignoreIndex !== undefined) {
    problems.add('INVALID_OPTION', 'ignoreIndex applies to class-index targets, not to probability rows');
  }
  if (xs) {
    checkValues(
      xs,
      'input',
      fromLogits ? { allowNegInfinity: true } : { probability: true, normalized: true },
      problems,
    );
    if (fromLogits) {
      xs.rows.forEach((row, r) => {
        let masked = true;
        for (let i = 0; i < row.length; i++)
          if (row[i] !== -Infinity) {
            masked = false;
            break;
          }
        if (masked) problems.add('NON_FINITE', `input row ${r} is all -Infinity: every class is masked`);
      });
    }
  }
  const C = xs ? xs.width : 0;
  if (ts) {
    checkValues(ts, 'target', indices ? {} : { probability: true, normalized: true }, problems);
    if (indices && xs) {
      const row = ts.rows[0]!;
      for (let i = 0; i < row.length; i++) {
        const k = row[i]!;
        if (Number.isFinite(k) && k !== ignoreIndex && !(Number.isInteger(k) && k >= 0 && k < C)) {
          problems.add(
            'OUT_OF_RANGE',
            `target[${i}] is ${k}: a class index must be an integer in [0, ${C})${k === ignoreIndex ? '' : ` or ignoreIndex (${ignoreIndex})`}`,
          );
          break;
        }
      }
    }
  }
  let weight: ArrayLike<number> | undefined;
  if (options.weight !== undefined) {
    const ws = toRows(options.weight, 'weight', problems);
    if (ws) {
      if (ws.twoD || (xs && ws.width !== C))
        problems.add(
          'LENGTH_MISMATCH',
          `weight has ${ws.twoD ? 'rows' : `${ws.width} values`}: it needs one per class (${C})`,
        );
      else {
        checkValues(ws, 'weight', {}, problems);
        const w = ws.rows[0]!;
        for (let c = 0; c < w.length; c++) {
          const v = w[c] as unknown;
          if (typeof v === 'number' && v < 0) {
            problems.add('OUT_OF_RANGE', `weight[${c}] is ${v}: weights cannot be negative`);
            break;
          }
        }
        weight = w;
      }
    }
  }
  if (ts && indices) {
    const row = ts.rows[0]!;
    let all = true;
    for (let i = 0; i < row.length; i++)
      if (row[i] !== ignoreIndex) {
        all = false;
        break;
      }
    if (all) problems.add('EMPTY', `every target is ignoreIndex (${ignoreIndex}): no row is left to compute a loss`);
    else if (weight && reduction === 'mean' && !problems.any) keptWeightsPositive(row, weight, ignoreIndex, problems);
  }
  problems.throwIfAny();

  const P: Prepared = { X: xs!, T: ts!, indices, C, alpha: alpha as number, ignoreIndex, weight, fromLogits, eps };
  const N = P.X.rows.length;
  const losses = new Array<number>(N).fill(0);
  const t = new Float64Array(C);
  // Rows in short calls (see kernels.ts); the sum returned is the 'mean' divisor.
  const denom = chunkedSum(N, (a, b) => rowsLoss(P, a, b, t, lnBase, losses));
  const infinite = losses.includes(Infinity);
  if (reduction === 'none') return { value: losses };
  const total = infinite ? Infinity : sum(losses);
  const div = reduction === 'mean' ? (indices ? denom : N) : 1;
  const value = total / div;
  if (infinite) return { value };
  return withLazyGrad(value, () => gradRows(P, 1 / (div * lnBase)));
}

/** 'mean' divides by Σ weight[target_i] over the kept rows: 0 would make the loss 0/0. */
function keptWeightsPositive(
  targets: ArrayLike<number>,
  weight: ArrayLike<number>,
  ignoreIndex: number,
  problems: Problems,
): void {
  for (let i = 0; i < targets.length; i++) if (targets[i] !== ignoreIndex && weight[targets[i]!]! > 0) return;
  problems.add(
    'OUT_OF_RANGE',
    "the class weights of the kept targets sum to 0: reduction 'mean' divides by that sum (give one a weight > 0, or use 'sum')",
  );
}

/** Writes the losses of rows [start, end) into `losses` (ignored rows stay 0); returns their Σ of divisor weights. */
function rowsLoss(P: Prepared, start: number, end: number, t: Float64Array, lnBase: number, losses: number[]): number {
  let denom = 0;
  for (let r = start; r < end; r++) {
    const wr = targetRow(P, r, t);
    if (wr < 0) continue; // ignored
    denom += wr;
    losses[r] = rowLoss(P, r, t) / lnBase;
  }
  return denom;
}

/** Validated inputs and options of one call. */
interface Prepared {
  X: Rows;
  T: Rows;
  indices: boolean;
  C: number;
  alpha: number;
  ignoreIndex: number;
  weight: ArrayLike<number> | undefined;
  fromLogits: boolean;
  eps: number | undefined;
}

/**
 * Writes row r's (smoothed) target into t and returns what the row adds to the
 * 'mean' divisor (its class weight for index targets, 1 for probability rows),
 * or -1 for an ignored row. For an unsmoothed index target t is left untouched:
 * rowLoss reads the index directly.
 */
function targetRow(P: Prepared, r: number, t: Float64Array): number {
  const { C, alpha: a } = P;
  if (P.indices) {
    const k = P.T.rows[0]![r]!;
    if (k === P.ignoreIndex) return -1;
    if (a !== 0) {
      t.fill(a / C);
      t[k]! += 1 - a;
    }
    return P.weight ? P.weight[k]! : 1;
  }
  const tr = P.T.rows[r]!;
  for (let c = 0; c < C; c++) t[c] = (1 - a) * tr[c]! + a / C;
  return 1;
}

/** log p of class c of row r: log-softmax of the logits, or the log of the (clipped) probability. */
function logProb(P: Prepared, xr: ArrayLike<number>, c: number, max: number, lr: number): number {
  if (P.fromLogits) return xr[c]! - max - lr;
  let v = xr[c]!;
  if (P.eps !== undefined) v = v < P.eps ? P.eps : v > 1 - P.eps ? 1 - P.eps : v;
  return Math.log(v);
}

/** -Σ_c w_c t_c log p_c of row r (natural log), compensated; one class only for an unsmoothed index target. */
function rowLoss(P: Prepared, r: number, t: Float64Array): number {
  const xr = P.X.rows[r]!;
  const { C, weight } = P;
  let max = 0,
    lr = 0;
  if (P.fromLogits) {
    const l = rowLogSumExp(xr);
    max = l.max;
    lr = Math.log1p(l.rest);
  }
  if (P.indices && P.alpha === 0) {
    const k = P.T.rows[0]![r]!;
    const wt = weight ? weight[k]! : 1;
    return wt === 0 ? 0 : -wt * logProb(P, xr, k, max, lr);
  }
  let s = 0,
    comp = 0;
  for (let c = 0; c < C; c++) {
    const wt = (weight ? weight[c]! : 1) * t[c]!;
    if (wt === 0) continue;
    const v = -wt * logProb(P, xr, c, max, lr);
    if (v === Infinity) return Infinity;
    const u = s + v;
    comp += Math.abs(s) >= Math.abs(v) ? s - u + v : v - u + s;
    s = u;
  }
  return s + comp;
}

/** d loss / d input (N × C) times `scale`: p·Σ wt − wt for logits, −wt/p for probabilities (0 where clipped). */
function gradRows(P: Prepared, scale: number): number[][] {
  const { X, C, weight, eps } = P;
  const t = new Float64Array(C);
  const p = new Float64Array(C);
  return X.rows.map((xr, r) => {
    const g = new Array<number>(C).fill(0);
    if (targetRow(P, r, t) < 0) return g;
    const oneHot = P.indices && P.alpha === 0;
    if (P.fromLogits && oneHot) {
      // One class k with weight w: g = w·p − w·[c = k], and at the argmax a
      // p_a − 1 = −rest/(1 + rest) exactly (so only the target's entry needs care).
      const k = P.T.rows[0]![r]!;
      const w = (weight ? weight[k]! : 1) * scale;
      const l = rowLogSumExp(xr);
      rowSoftmax(xr, l, p);
      for (let c = 0; c < C; c++) g[c] = p[c]! * w;
      g[k] = k === l.argmax ? (-l.rest / (1 + l.rest)) * w : (p[k]! - 1) * w;
      return g;
    }
    if (oneHot) {
      t.fill(0);
      t[P.T.rows[0]![r]!] = 1;
    }
    if (P.fromLogits) {
      const l = rowLogSumExp(xr);
      rowSoftmax(xr, l, p);
      // tw = Σ w t, and the part of it off the argmax a: there p_a = 1/(1 + rest), so
      // p_a·tw - w_a t_a = (off - w_a t_a·rest)/(1 + rest), without the cancellation of p_a - 1.
      let tw = 0,
        off = 0;
      for (let c = 0; c < C; c++) {
        const wt = (weight ? weight[c]! : 1) * t[c]!;
        tw += wt;
        if (c !== l.argmax) off += wt;
      }
      for (let c = 0; c < C; c++) g[c] = (p[c]! * tw - (weight ? weight[c]! : 1) * t[c]!) * scale;
      const wa = (weight ? weight[l.argmax]! : 1) * t[l.argmax]!;
      g[l.argmax] = ((off - wa * l.rest) / (1 + l.rest)) * scale;
    } else {
      for (let c = 0; c < C; c++) {
        const wt = (weight ? weight[c]! : 1) * t[c]!;
        if (wt === 0) continue;
        const xv = xr[c]!;
        const clipped = eps !== undefined && (xv < eps || xv > 1 - eps);
        const v = eps !== undefined ? (xv < eps ? eps : xv > 1 - eps ? 1 - eps : xv) : xv;
        const q = -wt / v; // below ~1e-308 this overflows where q·scale need not: scale first then
        g[c] = clipped ? 0 : Number.isFinite(q) ? q * scale : -(wt * scale) / v;
      }
    }
    return g;
  });
}
