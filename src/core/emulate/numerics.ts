// What every emulated loss shares: the arguments read as rows, arithmetic in
// the framework's dtype (or exactly, for the value it is compared with), and
// the notes that say which of the framework's rules changed the number.
import { CoreError } from '../errors';
import { roundTo, type Dtype } from './dtype';

/** The arithmetic a loss runs in: the framework's (rounded to `dtype`, clips on) or exact (float64, no clip). */
export class Arithmetic {
  readonly notes = new Set<string>();
  constructor(
    readonly dtype: Dtype,
    /** Exact: no rounding, no clip, clamp or eps; the value the emulation is compared with. */
    readonly exact: boolean,
  ) {}
  /** x in the dtype (exactly: x). */
  r(x: number): number {
    return this.exact ? x : roundTo(this.dtype, x);
  }
  /** Record why the framework's number differs (ignored in the exact run). */
  note(why: string): void {
    if (!this.exact) this.notes.add(why);
  }
}

/** An argument as rows (1-D is one row); `oneD` remembers which. */
export interface Table {
  rows: number[][];
  oneD: boolean;
}

const MAX_VALUES = 1 << 22;

/** Reads a 1-D or 2-D array of numbers; NaN, +∞ and (unless `negInf`) −∞ are refused, naming the element. */
export function readTable(x: unknown, name: string, negInf = false): Table {
  if (!isArrayLike(x)) throw new CoreError('LENGTH_MISMATCH', `${name} is not an array of numbers`);
  if (x.length === 0) throw new CoreError('EMPTY', `${name} is empty: there is nothing to compute`);
  if (x.length > MAX_VALUES) throw new CoreError('OUT_OF_RANGE', `${name} has ${x.length} values, above ${MAX_VALUES}`);
  const first = x[0];
  const oneD = !isArrayLike(first);
  const raw: ArrayLike<unknown>[] = oneD ? [x] : (Array.from(x) as ArrayLike<unknown>[]);
  let total = 0;
  const rows = raw.map((row: unknown, i) => {
    if (!isArrayLike(row)) throw new CoreError('LENGTH_MISMATCH', `${name} mixes rows and numbers (row ${i})`);
    if (row.length === 0) throw new CoreError('EMPTY', `${name} row ${i} is empty`);
    if (row.length !== raw[0]!.length)
      throw new CoreError('LENGTH_MISMATCH', `${name} row ${i} has ${row.length} values, row 0 has ${raw[0]!.length}`);
    total += row.length;
    if (total > MAX_VALUES) throw new CoreError('OUT_OF_RANGE', `${name} has more than ${MAX_VALUES} values`);
    const out: number[] = [];
    for (let j = 0; j < row.length; j++) {
      const v = row[j];
      const where = oneD ? `${name}[${j}]` : `${name}[${i}][${j}]`;
      if (typeof v !== 'number') throw new CoreError('NON_FINITE', `${where} is not a number`);
      if (Number.isNaN(v) || v === Infinity || (v === -Infinity && !negInf))
        throw new CoreError('NON_FINITE', `${where} is ${v}: values must be finite`);
      out.push(v);
    }
    return out;
  });
  return { rows, oneD };
}

function isArrayLike(x: unknown): x is ArrayLike<unknown> {
  return (
    x !== null &&
    typeof x === 'object' &&
    typeof (x as { length?: unknown }).length === 'number' &&
    Number.isInteger((x as { length: number }).length) &&
    (x as { length: number }).length >= 0
  );
}

/** Both arguments with the same shape. */
export function sameShape(a: Table, an: string, b: Table, bn: string): void {
  if (a.rows.length !== b.rows.length || a.rows[0]!.length !== b.rows[0]!.length)
    throw new CoreError(
      'LENGTH_MISMATCH',
      `${an} is ${shapeText(a)} and ${bn} is ${shapeText(b)}: they must have the same shape`,
    );
}

export function shapeText(t: Table): string {
  return t.oneD ? `${t.rows[0]!.length} values` : `${t.rows.length} × ${t.rows[0]!.length}`;
}

/** Every value in [lo, hi] (probabilities, binary targets). */
export function checkRange(t: Table, name: string, lo: number, hi: number, what: string): void {
  t.rows.forEach((row, i) =>
    row.forEach((v, j) => {
      if (!(v >= lo && v <= hi)) {
        const where = t.oneD ? `${name}[${j}]` : `${name}[${i}][${j}]`;
        throw new CoreError(v < 0 ? 'NEGATIVE' : 'OUT_OF_RANGE', `${where} is ${v}: ${what} must be in [${lo}, ${hi}]`);
      }
    }),
  );
}

/** Class indices, one per row of a prediction with `rows` rows and `classes` classes; `ignore` may also appear. */
export function readIndices(x: unknown, name: string, rows: number, classes: number, ignore?: number): number[] {
  const t = typeof x === 'number' ? { rows: [[x]], oneD: true } : readTable(x, name);
  if (!t.oneD) throw new CoreError('LENGTH_MISMATCH', `${name} must be 1-D class indices, not ${shapeText(t)}`);
  const v = t.rows[0]!;
  if (v.length !== rows)
    throw new CoreError('LENGTH_MISMATCH', `${name} has ${v.length} class indices for ${rows} rows of the prediction`);
  v.forEach((k, i) => {
    if (!(Number.isInteger(k) && ((k >= 0 && k < classes) || k === ignore)))
      throw new CoreError(
        'OUT_OF_RANGE',
        `${name}[${i}] is ${k}: a class index must be an integer in [0, ${classes})${ignore === undefined ? '' : ` or ignore_index (${ignore})`}`,
      );
  });
  return v;
}

/** Whether a target reads as class indices: 1-D whole numbers, one per prediction row (and not the prediction's shape). */
export function looksLikeIndices(target: unknown, prediction: Table): boolean {
  if (typeof target === 'number') return true;
  if (!isArrayLike(target) || target.length === 0 || isArrayLike(target[0])) return false;
  const n = prediction.rows.length;
  if (target.length !== n || (prediction.oneD && target.length === prediction.rows[0]!.length)) return false;
  return Array.from(target).every((v) => typeof v === 'number' && Number.isInteger(v));
}

/** log Σ e^z of a row, stable, masked −∞ entries ignored (−∞ when all are). */
export function logSumExp(row: readonly number[]): number {
  let m = -Infinity;
  for (const z of row) if (z > m) m = z;
  if (m === -Infinity) return -Infinity;
  let s = 0;
  for (const z of row) s += Math.exp(z - m);
  return m + Math.log(s);
}

/** softplus(z) = log(1 + e^z), exact in doubles for every z. */
export function softplus(z: number): number {
  return Math.max(z, 0) + Math.log1p(Math.exp(-Math.abs(z)));
}

/** y·log(x) with 0·log(anything) = 0 (SciPy's, PyTorch's and Julia's xlogy). */
export function xlogy(y: number, x: number): number {
  return y === 0 ? 0 : y * Math.log(x);
}

/** Sum of numbers, compensated (Neumaier): the exact run's sums must not add error of their own. */
export function total(values: readonly number[]): number {
  let s = 0,
    c = 0;
  for (const v of values) if (!Number.isFinite(v)) return values.reduce((a, b) => a + b, 0);
  for (const v of values) {
    const t = s + v;
    if (Math.abs(s) >= Math.abs(v)) c += s - t + v;
    else c += v - t + s;
    s = t;
  }
  return s + c;
}

export function mean(values: readonly number[]): number {
  return total(values) / values.length;
}

/** A number rounded to 3 significant digits for a note ("1e-7"). */
export function short(x: number): string {
  return Number(x.toPrecision(3)).toString();
}
