// Binary cross-entropy on probabilities or logits, as PyTorch's
// binary_cross_entropy / binary_cross_entropy_with_logits, plus eps clipping.

import { expNonPositive } from './exp';
import { chunkedSum } from './kernels';
import { fastLog } from './log';
import { sigmoid } from './scalar';
import {
  allWithin,
  checkBase,
  checkBoolean,
  checkEps,
  checkReduction,
  checkSameShape,
  checkValues,
  Problems,
  readOptions,
  toRows,
  type NumericInput,
  type Reduction,
  type Rows,
} from './validate';

export interface BinaryCrossEntropyOptions {
  /** `input` holds logits (apply the sigmoid inside, stably). Default false: probabilities. */
  fromLogits?: boolean;
  /** A rescaling weight per element (or one number for all). */
  weight?: number | ArrayLike<number> | ReadonlyArray<ArrayLike<number>>;
  /** Weight of the positive term (logits only), one number or one per element. */
  posWeight?: number | ArrayLike<number> | ReadonlyArray<ArrayLike<number>>;
  /** Clip probabilities to [eps, 1 - eps] before the log (probabilities only); 0 < eps < 0.5. */
  eps?: number;
  /** 'mean' (default, divides by the element count), 'sum', 'none' (per element). */
  reduction?: Reduction;
  /** Logarithm base (default e). */
  base?: number;
}

/** A loss value and, unless the reduction is 'none' or the value is infinite, its gradient w.r.t. `input`. */
export interface LossResult<G = number[] | number[][]> {
  value: number | number[] | number[][];
  grad?: G;
}

const KNOWN = ['fromLogits', 'weight', 'posWeight', 'eps', 'reduction', 'base'] as const;

/** Reads a per-element option (a number, or an array of the input's shape). */
function perElement(
  value: unknown,
  name: string,
  shape: Rows | undefined,
  problems: Problems,
  nonNegative: boolean,
): ((r: number, i: number) => number) | undefined {
  if (value === undefined) return undefined;
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) problems.add('NON_FINITE', `${name} is ${value}: it must be finite`);
    else if (nonNegative && value < 0) problems.add('OUT_OF_RANGE', `${name} is ${value}: it cannot be negative`);
    return () => value;
  }
  const w = toRows(value, name, problems);
  if (!w || !shape) return undefined;
  if (!checkSameShape(w, name, shape, 'input', problems)) return undefined;
  checkValues(w, name, {}, problems);
  if (nonNegative) {
    for (let r = 0; r < w.rows.length; r++) {
      const row = w.rows[r]!;
      for (let i = 0; i < row.length; i++) {
        const v = row[i] as unknown; // compared only as a number: an array would be converted, recursively
        if (typeof v === 'number' && v < 0) {
          problems.add(
            'OUT_OF_RANGE',
            `${w.twoD ? `${name}[${r}][${i}]` : `${name}[${i}]`} is ${v}: weights cannot be negative`,
          );
          r = w.rows.length;
          break;
        }
      }
    }
  }
  return (r, i) => w.rows[r]![i]!;
}

/**
 * binaryCrossEntropy(target, input, {fromLogits, weight, posWeight, eps, reduction, base}) -> {value, grad?}
 *
 * Per element: -w [y log x + (1 - y) log(1 - x)] for probabilities x, with
 * 0 log 0 = 0 and +Infinity where the math gives it (no clamp at -100);
 * for logits z: w [pw·y·softplus(-z) + (1 - y)·softplus(z)], softplus computed
 * as max(z, 0) + log1p(e^-|z|), so no finite logit overflows or gives NaN.
 *
 * Args:
 *   target: y in [0, 1], same shape as input (N or N × C).
 *   input: probabilities x in [0, 1], or logits z (a -Infinity logit is allowed).
 *   weight: per-element weight; posWeight: positive-class weight (logits only).
 *   eps: clip x to [eps, 1 - eps]; the gradient is 0 where the clip is active.
 *   reduction: 'mean' divides by the element count whatever the weights.
 * Returns {value, grad} with grad = d value / d input (absent for 'none' or an infinite value).
 */
export function binaryCrossEntropy(
  target: NumericInput,
  input: NumericInput,
  given?: BinaryCrossEntropyOptions,
): LossResult {
  const problems = new Problems();
  const options = readOptions(given, KNOWN, 'binaryCrossEntropy', problems) as BinaryCrossEntropyOptions;
  const reduction = checkReduction(options.reduction, problems);
  const lnBase = checkBase(options.base, problems);
  const fromLogits = checkBoolean(options.fromLogits, 'fromLogits', problems);
  const eps = checkEps(options.eps, problems);
  if (options.eps !== undefined && fromLogits)
    problems.add('INVALID_OPTION', 'eps applies to probabilities, not to logits (fromLogits: true)');
  if (options.posWeight !== undefined && !fromLogits)
    problems.add('INVALID_OPTION', 'posWeight applies only with fromLogits: true');
  const ys = toRows(target, 'target', problems);
  const xs = toRows(input, 'input', problems);
  if (ys && xs) checkSameShape(ys, 'target', xs, 'input', problems);
  if (ys && !allWithin(ys, 0, 1)) {
    // the fast scan first; the detailed checks only to name a problem
    checkValues(ys, 'target', {}, problems);
    outOfUnit(ys, 'target', 'binary targets must lie in [0, 1]', problems);
  }
  if (xs) checkValues(xs, 'input', fromLogits ? { allowNegInfinity: true } : { probability: true }, problems);
  const weight = perElement(options.weight, 'weight', xs, problems, true);
  const posWeight = perElement(options.posWeight, 'posWeight', xs, problems, true);
  problems.throwIfAny();

  const P: Prepared = { X: xs!, Y: ys!, fromLogits, eps, weight, posWeight };
  const X = P.X;
  const count = X.rows.length * X.width;
  if (reduction === 'none') {
    const loss = X.rows.map((_, r) => {
      const lr = new Array<number>(X.width);
      for (let i = 0; i < X.width; i++) lr[i] = lossRange(P, r, i, i + 1) / lnBase;
      return lr;
    });
    return { value: X.twoD ? loss : loss[0]! };
  }
  const total = lossSum(P);
  const value = (reduction === 'sum' ? total : total / count) / lnBase;
  if (total === Infinity) return { value };
  const scale = (reduction === 'mean' ? 1 / count : 1) / lnBase;
  return withLazyGrad(value, () => {
    const grad = gradRows(P, scale);
    return X.twoD ? grad : grad[0]!;
  });
}

/** Validated inputs and options of one call. */
interface Prepared {
  X: Rows;
  Y: Rows;
  fromLogits: boolean;
  eps: number | undefined;
  weight: ((r: number, i: number) => number) | undefined;
  posWeight: ((r: number, i: number) => number) | undefined;
}

/**
 * {value, grad} where grad is computed on first read and kept: a caller that
 * only wants the loss (a hover, a lens) does not pay for a gradient as large as
 * the input. The inputs must not change before grad is read.
 */
export function withLazyGrad<G>(value: number, compute: () => G): LossResult<G> {
  let grad: G | undefined;
  return {
    value,
    get grad(): G {
      if (grad === undefined) grad = compute();
      return grad;
    },
  };
}

/** Compensated sum of every element's loss (natural log); +Infinity as soon as one is infinite. */
function lossSum(P: Prepared): number {
  let s = 0,
    c = 0;
  for (let r = 0; r < P.X.rows.length; r++) {
    const v = chunkedSum(P.X.width, (a, b) => lossRange(P, r, a, b));
    if (v === Infinity) return Infinity;
    const t = s + v;
    c += Math.abs(s) >= Math.abs(v) ? s - t + v : v - t + s;
    s = t;
  }
  return s + c;
}

/** Σ loss over row r, elements [start, end) (natural log); +Infinity as soon as one term is. */
function lossRange(P: Prepared, r: number, start: number, end: number): number {
  return P.fromLogits ? logitLossRange(P, r, start, end) : probabilityLossRange(P, r, start, end);
}

/**
 * Logits z, with L = log1p(e^-|z|): softplus(z) = max(z, 0) + L and
 * softplus(-z) = max(-z, 0) + L, so one exp and one log serve both terms (the
 * inlined ones of exp.ts and log.ts); a zero coefficient contributes 0 even
 * where its softplus is infinite (a -Infinity logit).
 */
function logitLossRange(P: Prepared, r: number, start: number, end: number): number {
  const zr = P.X.rows[r]!,
    yr = P.Y.rows[r]!;
  const { weight, posWeight } = P;
  let s = 0,
    c = 0;
  for (let i = start; i < end; i++) {
    const y = yr[i]!,
      z = zr[i]!;
    const a = posWeight ? posWeight(r, i) * y : y,
      b = 1 - y;
    // L = log1p(e), e = exp(-|z|) in (0, 1]: log(u) for u = 1 + e, plus the
    // rounding of u, (e - (u - 1))/u, which log1p would otherwise keep.
    // Branch-free on purpose: signs of z and 0/1 targets are unpredictable, and
    // a mispredicted branch costs more here than the arithmetic.
    const az = Math.abs(z);
    const e = expNonPositive(-az);
    const u = 1 + e;
    const L = fastLog(u) + (e - (u - 1)) / u;
    // max(-z, 0) = |z|/2 - z/2 and max(z, 0) = |z|/2 + z/2, exactly; halved first,
    // since |z| + z overflows for |z| > MAX/2 and 0·Infinity would be NaN.
    const hz = az * 0.5,
      h = z * 0.5;
    let l = z === -Infinity ? (a > 0 ? Infinity : 0) : a * (hz - h + L) + b * (hz + h + L);
    if (weight) {
      const w = weight(r, i);
      l = w === 0 ? 0 : l * w;
    } // a zero weight removes even an infinite term
    if (l === Infinity) return Infinity;
    const t = s + l;
    c += s >= l ? s - t + l : l - t + s; // losses are never negative
    s = t;
  }
  return s + c;
}

/** Probabilities x (clipped to [eps, 1 - eps] when eps is given), 0 log 0 = 0. */
function probabilityLossRange(P: Prepared, r: number, start: number, end: number): number {
  const xr = P.X.rows[r]!,
    yr = P.Y.rows[r]!;
  const { eps, weight } = P;
  let s = 0,
    c = 0;
  for (let i = start; i < end; i++) {
    const y = yr[i]!;
    let x = xr[i]!;
    if (eps !== undefined && (x < eps || x > 1 - eps)) x = x < eps ? eps : 1 - eps;
    const pos = y > 0 ? (x === 0 ? Infinity : -y * Math.log(x)) : 0;
    const neg = y < 1 ? (x === 1 ? Infinity : -(1 - y) * Math.log1p(-x)) : 0;
    let l = pos + neg;
    if (weight) {
      const w = weight(r, i);
      l = w === 0 ? 0 : l * w;
    }
    if (l === Infinity) return Infinity;
    const t = s + l;
    c += s >= l ? s - t + l : l - t + s;
    s = t;
  }
  return s + c;
}

/** d loss / d input per element, times `scale` (the reduction and the base). */
function gradRows(P: Prepared, scale: number): number[][] {
  const { X, Y, fromLogits, eps, weight, posWeight } = P;
  return X.rows.map((xr, r) => {
    const yr = Y.rows[r]!;
    const gr = new Array<number>(X.width);
    for (let i = 0; i < X.width; i++) {
      const y = yr[i]!,
        w = weight ? weight(r, i) : 1;
      if (w === 0) {
        gr[i] = 0;
        continue;
      } // the element is out of the loss, even where its term is infinite
      if (fromLogits) {
        const z = xr[i]!,
          a = (posWeight ? posWeight(r, i) : 1) * y,
          b = 1 - y;
        gr[i] = w * ((b > 0 ? b * sigmoid(z) : 0) - (a > 0 ? a * sigmoid(-z) : 0)) * scale;
      } else {
        const x = xr[i]!;
        const clipped = eps !== undefined && (x < eps || x > 1 - eps);
        gr[i] = clipped ? 0 : probabilityGrad(x, y, w * scale);
      }
    }
    return gr;
  });
}

/**
 * k·d/dx of -[y log x + (1 - y) log(1 - x)] = k·(x - y)/(x(1 - x)): one
 * rounding in x - y where (1 - y)/(1 - x) - y/x would cancel near x = y. At
 * x = 0 or 1 (where the loss is finite only for y = x) the one-sided forms.
 * k is applied before the division when the quotient alone would overflow.
 */
function probabilityGrad(x: number, y: number, k: number): number {
  if (x === 0) return y < 1 ? k * (1 - y) : 0;
  if (x === 1) return y > 0 ? -k * y : 0;
  const num = x - y,
    den = x * (1 - x);
  const g = num / den;
  return Number.isFinite(g) ? g * k : (num * k) / den;
}

function outOfUnit(shape: Rows, name: string, why: string, problems: Problems): void {
  for (let r = 0; r < shape.rows.length; r++) {
    const row = shape.rows[r]!;
    for (let i = 0; i < row.length; i++) {
      const v = row[i] as unknown; // compared only as a number: an array would be converted, recursively
      if (typeof v === 'number' && (v < 0 || v > 1)) {
        problems.add('OUT_OF_RANGE', `${shape.twoD ? `${name}[${r}][${i}]` : `${name}[${i}]`} is ${v}: ${why}`);
        return;
      }
    }
  }
}
