// log-sum-exp, softmax and log-softmax, stable for any finite logits and for
// -Infinity (masked) entries.

import { CoreError } from './errors';
import { expNonPositive } from './exp';
import { checkValues, Problems, toRows, type Matrix, type NumericInput, type Rows, type Vector } from './validate';

/**
 * The pieces of a stable log-sum-exp of one row: the max m, and the sum s of
 * exp(x - m) over every element except the (first) argmax, so that
 * logSumExp = m + log1p(s) keeps full accuracy when one logit dominates.
 */
export interface RowLse { max: number; argmax: number; rest: number; lse: number }

export function rowLogSumExp(row: ArrayLike<number>): RowLse {
  let max = -Infinity, argmax = -1;
  for (let i = 0; i < row.length; i++) if (row[i]! > max) { max = row[i]!; argmax = i; }
  if (argmax < 0) return { max: -Infinity, argmax: -1, rest: 0, lse: -Infinity };
  let rest = 0;
  for (let i = 0; i < row.length; i++) if (i !== argmax) rest += expNonPositive(row[i]! - max);
  return { max, argmax, rest, lse: max + Math.log1p(rest) };
}

/** softmax of one row into `out` (which may be a new array); the row must have a finite entry. */
export function rowSoftmax(row: ArrayLike<number>, l: RowLse, out: number[] | Float64Array): void {
  const denom = 1 + l.rest;
  for (let i = 0; i < row.length; i++) out[i] = i === l.argmax ? 1 / denom : Math.exp(row[i]! - l.max) / denom;
}

/** log-softmax of one row into `out`. */
export function rowLogSoftmax(row: ArrayLike<number>, l: RowLse, out: number[] | Float64Array): void {
  const lr = Math.log1p(l.rest);
  for (let i = 0; i < row.length; i++) out[i] = (row[i]! - l.max) - lr;
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
