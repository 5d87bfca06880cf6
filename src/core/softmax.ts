// log-sum-exp, softmax and log-softmax, stable for any finite logits and for
// -Infinity (masked) entries.

import { CoreError } from './errors';
import { expNonPositive } from './exp';
import { chunkedSum, CHUNK } from './kernels';
import { checkValues, Problems, toRows, type Matrix, type NumericInput, type Rows, type Vector } from './validate';

/**
 * The pieces of a stable log-sum-exp of one row: the max m, and the sum s of
 * exp(x - m) over every element except the (first) argmax, so that
 * logSumExp = m + log1p(s) keeps full accuracy when one logit dominates.
 */
export interface RowLse {
  max: number;
  argmax: number;
  rest: number;
  lse: number;
}

export function rowLogSumExp(row: ArrayLike<number>): RowLse {
  let max = -Infinity,
    argmax = -1;
  const n = row.length;
  for (let i = 0; i < n; i++)
    if (row[i]! > max) {
      max = row[i]!;
      argmax = i;
    }
  if (argmax < 0) return { max: -Infinity, argmax: -1, rest: 0, lse: -Infinity };
  const rest = n > CHUNK ? longExpSum(row, max, argmax) : expSumAround(row, max, argmax, 0, n);
  return { max, argmax, rest, lse: max + Math.log1p(rest) };
}

/**
 * Σ exp(x_i - max) over [start, end) without the argmax, compensated: blocks of
 * eight terms added plainly (positive terms: at most 3.5 ulp of the block) and
 * the block sums with Neumaier's correction, so that the error does not grow
 * with the length (plain += loses ~n/2 ulp on long rows) at a fraction of the
 * cost of compensating every term. One loop with one exp, so V8 inlines it.
 */
function expSumAround(row: ArrayLike<number>, max: number, argmax: number, start: number, end: number): number {
  let s = 0,
    c = 0,
    b = 0,
    k = 0;
  for (let i = start; i < end; i++) {
    if (i === argmax) continue;
    b += expNonPositive(row[i]! - max);
    if (++k === 8) {
      const t = s + b;
      c += s >= b ? s - t + b : b - t + s;
      s = t;
      b = 0;
      k = 0;
    }
  }
  return s + (c + b);
}

/** expSumAround over a long row, in chunks (kernels.ts). Apart, so that the closure does not box rowLogSumExp's max. */
function longExpSum(row: ArrayLike<number>, max: number, argmax: number): number {
  return chunkedSum(row.length, (a, b) => expSumAround(row, max, argmax, a, b));
}

/** softmax of one row into `out` (which may be a new array); the row must have a finite entry. */
export function rowSoftmax(row: ArrayLike<number>, l: RowLse, out: number[] | Float64Array): void {
  const denom = 1 + l.rest;
  for (let i = 0; i < row.length; i++) out[i] = i === l.argmax ? 1 / denom : Math.exp(row[i]! - l.max) / denom;
}

/** log-softmax of one row into `out`. */
export function rowLogSoftmax(row: ArrayLike<number>, l: RowLse, out: number[] | Float64Array): void {
  const lr = Math.log1p(l.rest);
  for (let i = 0; i < row.length; i++) out[i] = row[i]! - l.max - lr;
}

function readLogits(x: NumericInput): Rows {
  const problems = new Problems();
  const shape = toRows(x, 'x', problems);
  if (shape) checkValues(shape, 'x', { allowNegInfinity: true }, problems);
  problems.throwIfAny();
  return shape!;
}

/**
 * logSumExp(x) -> number | number[]
 *
 * log Σ exp(x_i), computed as max + log1p(Σ exp(x_i - max)) so it neither
 * overflows nor loses the small terms. -Infinity entries are masked out; a row
 * that is all -Infinity gives -Infinity.
 *
 * Args:
 *   x: logits, 1-D (C) or 2-D (N × C, one result per row).
 * Returns: a number for 1-D input, an array of N numbers for 2-D.
 */
export function logSumExp(x: Vector): number;
export function logSumExp(x: Matrix): number[];
export function logSumExp(x: NumericInput): number | number[];
export function logSumExp(x: NumericInput): number | number[] {
  const shape = readLogits(x);
  const out = shape.rows.map((row) => rowLogSumExp(row).lse);
  return shape.twoD ? out : out[0]!;
}

function allMasked(shape: Rows, r: number, fn: string): never {
  const where = shape.twoD ? `x row ${r}` : 'x';
  throw new CoreError('NON_FINITE', `${where} is all -Infinity: ${fn} of fully masked logits is undefined`);
}

/**
 * softmax(x) -> number[] | number[][]
 *
 * exp(x_i - logSumExp(x)) along the last dimension; -Infinity logits get
 * probability 0. Shift-invariant; the result sums to 1.
 *
 * Args:
 *   x: logits, 1-D (C) or 2-D (N × C, softmax of each row).
 * Throws NON_FINITE for NaN, +Infinity, or a row that is all -Infinity.
 */
export function softmax(x: Vector): number[];
export function softmax(x: Matrix): number[][];
export function softmax(x: NumericInput): number[] | number[][];
export function softmax(x: NumericInput): number[] | number[][] {
  const shape = readLogits(x);
  const out = shape.rows.map((row, r) => {
    const l = rowLogSumExp(row);
    if (l.argmax < 0) allMasked(shape, r, 'softmax');
    const o = new Array<number>(row.length);
    rowSoftmax(row, l, o);
    return o;
  });
  return shape.twoD ? out : out[0]!;
}

/**
 * logSoftmax(x) -> number[] | number[][]
 *
 * x_i - logSumExp(x) along the last dimension (-Infinity stays -Infinity).
 *
 * Args:
 *   x: logits, 1-D (C) or 2-D (N × C).
 * Throws NON_FINITE for NaN, +Infinity, or a row that is all -Infinity.
 */
export function logSoftmax(x: Vector): number[];
export function logSoftmax(x: Matrix): number[][];
export function logSoftmax(x: NumericInput): number[] | number[][];
export function logSoftmax(x: NumericInput): number[] | number[][] {
  const shape = readLogits(x);
  const out = shape.rows.map((row, r) => {
    const l = rowLogSumExp(row);
    if (l.argmax < 0) allMasked(shape, r, 'logSoftmax');
    const o = new Array<number>(row.length);
    rowLogSoftmax(row, l, o);
    return o;
  });
  return shape.twoD ? out : out[0]!;
}
