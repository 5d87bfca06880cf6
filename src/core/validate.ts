// Input checking shared by every core function. Problems are collected (not
// thrown one by one) so that the code earliest in test/fixtures/SCHEMA.md's list wins, and
// each message names the array, the element and the row.

import { CoreError, ERROR_CODES, type ErrorCode } from './errors';
import { chunkedSum } from './kernels';
import { elementAt } from './elements';
import { show } from './show';
import { SUM_TOLERANCE } from './tolerance';

/** A 1-D array of numbers: number[] or a typed array (read in place, never copied). */
export type Vector = ArrayLike<number>;
/** A 2-D array given as its rows. */
export type Matrix = ReadonlyArray<ArrayLike<number>>;
export type NumericInput = Vector | Matrix;
export type Reduction = 'mean' | 'sum' | 'none';

/** An input seen as rows: a 1-D input is one row. */
export interface Rows {
  rows: ArrayLike<number>[];
  twoD: boolean;
  width: number;
}

export class Problems {
  private readonly found: { code: ErrorCode; message: string }[] = [];
  add(code: ErrorCode, message: string): void {
    this.found.push({ code, message });
  }
  get any(): boolean {
    return this.found.length > 0;
  }
  /** Throws the problem whose code comes first in test/fixtures/SCHEMA.md's list, if any. */
  throwIfAny(): void {
    if (!this.found.length) return;
    let best = this.found[0]!;
    for (const p of this.found) if (ERROR_CODES.indexOf(p.code) < ERROR_CODES.indexOf(best.code)) best = p;
    throw new CoreError(best.code, best.message);
  }
}

function isArrayLike(x: unknown): x is ArrayLike<unknown> {
  return x !== null && typeof x === 'object' && typeof (x as ArrayLike<unknown>).length === 'number';
}

/**
 * Most elements one input may have (2^27, 1 GiB of doubles). Checked on the
 * `length`s before any loop, so that an array-like claiming 10^15 elements (or a
 * sparse array of 2^32 - 1) is refused at once instead of iterated.
 */
export const MAX_ELEMENTS = 2 ** 27;

/** Why `length` cannot be an input's length, or '' when it can. */
function badLength(length: number): string {
  if (!Number.isInteger(length) || length < 0) return `has length ${show(length)}: not an array`;
  if (length > MAX_ELEMENTS) return `has ${length} elements: more than the ${MAX_ELEMENTS} the core accepts`;
  return '';
}

/** BigInt64Array / BigUint64Array: numbers the core cannot use as they are. */
function isBigIntArray(x: unknown): boolean {
  return (
    (typeof BigInt64Array !== 'undefined' && x instanceof BigInt64Array) ||
    (typeof BigUint64Array !== 'undefined' && x instanceof BigUint64Array)
  );
}

/** Throws at once (not collected) when an input is too large or not numbers at all: nothing else may read it. */
function refuse(code: 'OUT_OF_RANGE' | 'INVALID_OPTION' | 'NON_FINITE', message: string): never {
  throw new CoreError(code, message);
}

/** Where an element is, for messages: q[3] or q[1][3]. */
export function at(name: string, shape: Rows, row: number, index: number): string {
  return shape.twoD ? `${name}[${row}][${index}]` : `${name}[${index}]`;
}

/** Reads an input as rows, reporting EMPTY / LENGTH_MISMATCH (ragged, mixed) problems. */
export function toRows(x: unknown, name: string, problems: Problems): Rows | undefined {
  if (!isArrayLike(x)) {
    problems.add('INVALID_OPTION', `${name} is missing or is not an array`);
    return undefined;
  }
  const why = badLength(x.length);
  if (why) refuse(x.length > MAX_ELEMENTS ? 'OUT_OF_RANGE' : 'INVALID_OPTION', `${name} ${why}`);
  if (isBigIntArray(x))
    refuse(
      'NON_FINITE',
      `${name} is a ${show(x).slice(2)} of BigInts: values must be numbers (Float64Array.from(${name}, Number))`,
    );
  if (x.length === 0) {
    problems.add('EMPTY', `${name} is empty: there is nothing to compute`);
    return undefined;
  }
  if (!isArrayLike(elementAt(x, 0))) {
    // A typed array holds only numbers; a plain array may mix in rows.
    const plain = Array.isArray(x);
    for (let i = 0, n = ArrayBuffer.isView(x) ? 0 : x.length; i < n; i++) {
      // Indexing a plain array directly: `at` per element costs more than the rest of the scan.
      if (isArrayLike(plain ? (x as unknown[])[i] : elementAt(x, i))) {
        problems.add('LENGTH_MISMATCH', `${name}[${i}] is a row but ${name}[0] is a number: mixed 1-D and 2-D`);
        return undefined;
      }
    }
    return { rows: [x as Vector], twoD: false, width: x.length };
  }
  const rows = x as ReadonlyArray<unknown>;
  const width = (rows[0] as ArrayLike<unknown>).length;
  const whyRow = badLength(width);
  if (whyRow) refuse(width > MAX_ELEMENTS ? 'OUT_OF_RANGE' : 'INVALID_OPTION', `${name}[0] ${whyRow}`);
  if (rows.length * width > MAX_ELEMENTS) {
    refuse(
      'OUT_OF_RANGE',
      `${name} has ${rows.length} rows of ${width}: more than the ${MAX_ELEMENTS} elements the core accepts`,
    );
  }
  for (let r = 0; r < rows.length; r++) {
    const row = rows[r];
    if (!isArrayLike(row)) {
      problems.add('LENGTH_MISMATCH', `${name}[${r}] is not a row but ${name}[0] is: mixed 1-D and 2-D`);
      return undefined;
    }
    if (isBigIntArray(row))
      refuse('NON_FINITE', `${name}[${r}] is a ${show(row).slice(2)} of BigInts: values must be numbers`);
    if (r === 0) continue;
    if (row.length !== width) {
      problems.add('LENGTH_MISMATCH', `${name} row ${r} has ${row.length} values, row 0 has ${width}`);
      return undefined;
    }
  }
  if (width === 0) {
    problems.add('EMPTY', `${name} has empty rows: there is nothing to compute`);
    return undefined;
  }
  return { rows: rows as ArrayLike<number>[], twoD: true, width };
}

export interface ValueRules {
  /** Probabilities: no negatives, and above 1 is OUT_OF_RANGE unless `allowAboveOne`. */
  probability?: boolean;
  /** With `normalize: true` the values are divided by their sum, so any size is fine. */
  allowAboveOne?: boolean;
  /** Each row must sum to 1 (within 1e-6) — probability rows without `normalize`. */
  normalized?: boolean;
  /** -Infinity is allowed (a masked logit). */
  allowNegInfinity?: boolean;
}

/**
 * Checks every element: NON_FINITE, NEGATIVE, OUT_OF_RANGE (above 1), NOT_NORMALIZED.
 * Only the first element with each problem is named (plus a count), to keep messages short.
 */
export function checkValues(shape: Rows, name: string, rules: ValueRules, problems: Problems): void {
  if (allValid(shape, rules)) return;
  let nonFinite = -1,
    negative = -1,
    above = -1;
  let nonFiniteCount = 0,
    negativeCount = 0,
    aboveCount = 0;
  let where = '',
    whereNeg = '',
    whereAbove = '';
  let badNumber: unknown,
    badNeg = 0,
    badAbove = 0;
  let unnormalizedRow = -1,
    unnormalizedSum = 0,
    unnormalizedCount = 0;
  let nested = -1,
    whereNested = '';
  for (let r = 0; r < shape.rows.length; r++) {
    const row = shape.rows[r]!;
    let s = 0;
    let rowFinite = true;
    for (let i = 0; i < row.length; i++) {
      const v = row[i] as unknown;
      if (typeof v === 'object' && v !== null && nested < 0) {
        nested = r;
        whereNested = at(name, shape, r, i);
      }
      if (typeof v !== 'number' || v !== v || v === Infinity || (v === -Infinity && !rules.allowNegInfinity)) {
        nonFiniteCount++;
        rowFinite = false;
        if (nonFinite < 0) {
          nonFinite = i;
          where = at(name, shape, r, i);
          badNumber = v;
        }
        continue;
      }
      if (rules.probability) {
        if (v < 0) {
          negativeCount++;
          if (negative < 0) {
            negative = i;
            whereNeg = at(name, shape, r, i);
            badNeg = v;
          }
        } else if (v > 1 && !rules.allowAboveOne) {
          aboveCount++;
          if (above < 0) {
            above = i;
            whereAbove = at(name, shape, r, i);
            badAbove = v;
          }
        }
      }
      s += v;
    }
    if (rules.normalized && rowFinite && Math.abs(s - 1) > SUM_TOLERANCE) {
      unnormalizedCount++;
      if (unnormalizedRow < 0) {
        unnormalizedRow = r;
        unnormalizedSum = s;
      }
    }
  }
  const more = (n: number) => (n > 1 ? ` (and ${n - 1} more)` : '');
  if (nested >= 0)
    problems.add('LENGTH_MISMATCH', `${whereNested} is an array or object: inputs are 1-D or 2-D (N × C), not deeper`);
  if (nonFinite >= 0) {
    const shown = show(badNumber);
    const why =
      typeof badNumber !== 'number'
        ? 'not a number'
        : badNumber === -Infinity
          ? '-Infinity is only allowed as a masked logit'
          : 'values must be finite';
    problems.add('NON_FINITE', `${where} is ${shown}: ${why}${more(nonFiniteCount)}`);
  }
  if (negative >= 0)
    problems.add('NEGATIVE', `${whereNeg} is ${badNeg}: probabilities cannot be negative${more(negativeCount)}`);
  if (above >= 0)
    problems.add('OUT_OF_RANGE', `${whereAbove} is ${badAbove}: probabilities cannot exceed 1${more(aboveCount)}`);
  if (unnormalizedRow >= 0) {
    const which = shape.twoD ? `${name} row ${unnormalizedRow}` : name;
    problems.add(
      'NOT_NORMALIZED',
      `${which} sums to ${unnormalizedSum}, not 1 (pass normalize: true to divide by the sum)${more(unnormalizedCount)}`,
    );
  }
}

const MAX = Number.MAX_VALUE;

/** Σ row[start..end), or NaN as soon as an element is not a number in [lo, hi]. Typed arrays skip the typeof test. */
function scanTyped(row: ArrayLike<number>, start: number, end: number, lo: number, hi: number): number {
  let s = 0;
  for (let i = start; i < end; i++) {
    const v = row[i]!;
    if (!(v >= lo && v <= hi)) return NaN;
    s += v;
  }
  return s;
}
function scanPlain(row: ArrayLike<number>, start: number, end: number, lo: number, hi: number): number {
  let s = 0;
  for (let i = start; i < end; i++) {
    const v = row[i] as unknown;
    if (typeof v !== 'number' || !(v >= lo && v <= hi)) return NaN;
    s += v;
  }
  return s;
}

/**
 * The fast path of checkValues: true when every element obeys the rules and
 * every row sum is within tolerance. Only when it says false does the full
 * check run, to name the problems.
 */
function allValid(shape: Rows, rules: ValueRules): boolean {
  const lo = rules.probability ? 0 : rules.allowNegInfinity ? -Infinity : -MAX;
  const hi = rules.probability && !rules.allowAboveOne ? 1 : MAX;
  return allWithin(shape, lo, hi, rules.normalized === true);
}

/**
 * allWithin(shape, lo, hi, normalized) -> boolean
 *
 * True when every element is a number in [lo, hi] (and, if `normalized`, each
 * row sums to 1 within SUM_TOLERANCE). A fast scan for the valid case, in
 * chunks (see kernels.ts); callers run their detailed checks only when it says false.
 */
export function allWithin(shape: Rows, lo: number, hi: number, normalized = false): boolean {
  for (let r = 0; r < shape.rows.length; r++) {
    const row = shape.rows[r]!;
    const s = ArrayBuffer.isView(row)
      ? chunkedSum(row.length, (a, b) => scanTyped(row, a, b, lo, hi))
      : chunkedSum(row.length, (a, b) => scanPlain(row, a, b, lo, hi));
    if (s !== s) return false;
    if (normalized && Math.abs(s - 1) > SUM_TOLERANCE) return false;
  }
  return true;
}

/** Both inputs must have the same shape. */
export function checkSameShape(a: Rows, an: string, b: Rows, bn: string, problems: Problems): boolean {
  if (a.twoD !== b.twoD || a.rows.length !== b.rows.length) {
    const da = a.twoD ? `${a.rows.length} rows` : '1-D';
    const db = b.twoD ? `${b.rows.length} rows` : '1-D';
    problems.add('LENGTH_MISMATCH', `${an} is ${da} but ${bn} is ${db}`);
    return false;
  }
  if (a.width !== b.width) {
    problems.add('LENGTH_MISMATCH', `${an} has ${a.width} values${a.twoD ? ' per row' : ''}, ${bn} has ${b.width}`);
    return false;
  }
  return true;
}

/** Options as read: own properties only, on an object without a prototype. */
export type OptionRecord = Readonly<Record<string, unknown>>;

/**
 * readOptions(options, known, fn, problems) -> OptionRecord
 *
 * The options of a call as a prototype-less copy of their own enumerable
 * properties, so that nothing inherited (`{"__proto__": {...}}` from
 * JSON.parse, a polluted Object.prototype) is ever read. Not an object (null, an
 * array, a number) and unknown names are INVALID_OPTION; undefined values are
 * as if absent.
 */
export function readOptions(options: unknown, known: readonly string[], fn: string, problems: Problems): OptionRecord {
  const out = Object.create(null) as Record<string, unknown>;
  if (options === undefined) return out;
  if (options === null || typeof options !== 'object' || Array.isArray(options)) {
    problems.add(
      'INVALID_OPTION',
      `the options of ${fn} are ${show(options)}: expected an object such as { reduction: 'sum' }`,
    );
    return out;
  }
  for (const key of Object.keys(options)) {
    const value = (options as Record<string, unknown>)[key];
    if (value === undefined) continue;
    if (!known.includes(key))
      problems.add('INVALID_OPTION', `${fn} has no option ${show(key)} (options: ${known.join(', ')})`);
    else out[key] = value;
  }
  return out;
}

export function checkReduction(reduction: unknown, problems: Problems): Reduction {
  if (reduction === undefined) return 'mean';
  if (reduction === 'mean' || reduction === 'sum' || reduction === 'none') return reduction;
  problems.add('INVALID_OPTION', `reduction is ${show(reduction)}: use "mean", "sum" or "none"`);
  return 'mean';
}

/** Returns ln(base) (1 for nats). */
export function checkBase(base: unknown, problems: Problems): number {
  if (base === undefined) return 1;
  if (typeof base !== 'number' || !Number.isFinite(base) || base <= 0 || base === 1) {
    problems.add('INVALID_OPTION', `base is ${show(base)}: a logarithm base must be a finite number > 0 and ≠ 1`);
    return 1;
  }
  return Math.log(base);
}

export function checkBoolean(value: unknown, name: string, problems: Problems): boolean {
  if (value === undefined) return false;
  if (typeof value !== 'boolean') {
    problems.add('INVALID_OPTION', `${name} is ${show(value)}: expected true or false`);
    return false;
  }
  return value;
}

/** An eps for clipping probabilities must lie in (0, 0.5). */
export function checkEps(eps: unknown, problems: Problems): number | undefined {
  if (eps === undefined) return undefined;
  if (typeof eps !== 'number' || Number.isNaN(eps)) {
    problems.add('INVALID_OPTION', `eps is ${show(eps)}: expected a number in (0, 0.5)`);
    return undefined;
  }
  if (!(eps > 0 && eps < 0.5)) {
    problems.add('OUT_OF_RANGE', `eps is ${eps}: it must lie in (0, 0.5)`);
    return undefined;
  }
  return eps;
}
