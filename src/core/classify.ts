// Tells what kind of array a list of numbers most likely is, so the editor can
// pair a target with a prediction and warn about misuse. Never throws.

export type ArrayKind =
  | 'one-hot' | 'class-indices' | 'probabilities' | 'log-probabilities'
  | 'logits' | 'counts' | 'unknown';

export interface Classification {
  kind: ArrayKind;
  /** One short human sentence saying why. */
  reason: string;
  /** For 2-D input: the number of rows judged (absent for 1-D). */
  rows?: number;
}

/** How far a sum may be from 1 and still count as a distribution (as in SCHEMA.md). */
const SUM_TOLERANCE = 1e-6;

function isRowList(values: unknown): values is ReadonlyArray<ArrayLike<number>> {
  if (!Array.isArray(values) || values.length === 0) return false;
  return values.every((v) => v !== null && typeof v === 'object' && typeof (v as ArrayLike<number>).length === 'number');
}

/**
 * classify(values) -> Classification
 *
 * Judges whether `values` are a one-hot vector, class indices, probabilities,
 * log-probabilities, logits or unnormalised counts, with a one-sentence reason.
 *
 * Args:
 *   values: a 1-D array (number[] or typed array), or 2-D as an array of rows.
 *     Each row of a 2-D input is judged; the batch gets one kind.
 *
 * Returns 'unknown' (with the reason) for empty, ragged, NaN or +Infinity input;
 * never throws.
 */
export function classify(values: ArrayLike<number> | ReadonlyArray<ArrayLike<number>>): Classification {
  try {
    if (values === null || values === undefined || typeof (values as ArrayLike<unknown>).length !== 'number') {
      return { kind: 'unknown', reason: 'this is not an array of numbers' };
    }
    if (isRowList(values)) return classifyRows(values);
    return classifyVector(values as ArrayLike<number>, '');
  } catch {
    return { kind: 'unknown', reason: 'the values could not be read as numbers' };
  }
}

function classifyRows(rows: ReadonlyArray<ArrayLike<number>>): Classification {
  const width = rows[0]!.length;
  for (let r = 1; r < rows.length; r++) {
    if (rows[r]!.length !== width) {
      return { kind: 'unknown', reason: `row ${r} has ${rows[r]!.length} values, row 0 has ${width}`, rows: rows.length };
    }
  }
  if (width === 0) return { kind: 'unknown', reason: 'the rows are empty', rows: rows.length };
  const kinds: ArrayKind[] = [];
  for (let r = 0; r < rows.length; r++) {
    const c = classifyVector(rows[r]!, `row ${r}: `, true);
    if (c.kind === 'unknown') return { kind: 'unknown', reason: c.reason, rows: rows.length };
    kinds.push(c.kind);
  }
  const has = (k: ArrayKind) => kinds.includes(k);
  const only = (...ks: ArrayKind[]) => kinds.every((k) => ks.includes(k));
  const n = rows.length;
  const rowsWord = n === 1 ? 'the row' : `all ${n} rows`;
  if (only('one-hot')) return { kind: 'one-hot', reason: `${rowsWord} have a single 1 and 0 elsewhere`, rows: n };
  if (only('one-hot', 'probabilities')) {
    return { kind: 'probabilities', reason: `every value is in [0, 1] and each row sums to 1`, rows: n };
  }
  if (only('log-probabilities')) {
    return { kind: 'log-probabilities', reason: `every value is ≤ 0 and the exponentials of each row sum to 1`, rows: n };
  }
  if (only('logits', 'log-probabilities')) {
    return { kind: 'logits', reason: `some rows have negative values and do not sum to 1, as raw scores do`, rows: n };
  }
  if (only('counts', 'one-hot', 'probabilities')) {
    return { kind: 'counts', reason: `every value is ≥ 0 but ${has('counts') ? 'some rows do not sum to 1' : 'the rows differ'}`, rows: n };
  }
  const first = kinds[0]!;
  const other = kinds.findIndex((k) => k !== first);
  return { kind: 'unknown', reason: `row 0 looks like ${first} but row ${other} looks like ${kinds[other]}`, rows: n };
}

function classifyVector(v: ArrayLike<number>, where: string, inBatch = false): Classification {
  const n = v.length;
  if (n === 0) return { kind: 'unknown', reason: `${where}the array is empty` };
  let min = Infinity, max = -Infinity, sum = 0, allIntegers = true, ones = 0, zeros = 0, negInf = 0;
  for (let i = 0; i < n; i++) {
    const x = v[i];
    if (typeof x !== 'number' || Number.isNaN(x)) return { kind: 'unknown', reason: `${where}value [${i}] is not a number` };
    if (x === Infinity) return { kind: 'unknown', reason: `${where}value [${i}] is +Infinity` };
    if (x === -Infinity) { negInf++; min = -Infinity; allIntegers = false; continue; }
    if (x < min) min = x;
    if (x > max) max = x;
    sum += x;
    if (!Number.isInteger(x)) allIntegers = false;
    if (x === 1) ones++;
    else if (x === 0) zeros++;
  }
  if (negInf === n) return { kind: 'unknown', reason: `${where}every value is -Infinity` };
  if (negInf > 0) {
    // Only logits (masked) or log-probabilities (log 0) hold -Infinity.
    return logSumExpNearZero(v)
      ? { kind: 'log-probabilities', reason: `${where}the values are ≤ 0 (some -Infinity) and their exponentials sum to 1` }
      : { kind: 'logits', reason: `${where}some values are -Infinity (masked) and the rest are raw scores` };
  }
  if (ones === 1 && zeros === n - 1 && n > 1) {
    return { kind: 'one-hot', reason: `${where}there is a single 1 and every other value is 0` };
  }
  if (min >= 0) {
    const sumsToOne = Math.abs(sum - 1) <= SUM_TOLERANCE;
    if (max <= 1 && sumsToOne) return { kind: 'probabilities', reason: `${where}every value is in [0, 1] and the values sum to 1` };
    if (allIntegers && !inBatch) {
      return { kind: 'class-indices', reason: `${where}every value is a non-negative integer, as class labels are` };
    }
    return {
      kind: 'counts',
      reason: `${where}every value is ≥ 0 but they sum to ${formatSum(sum)}, not 1, so they look like unnormalised counts or weights`,
    };
  }
  if (max <= 0 && logSumExpNearZero(v)) {
    return { kind: 'log-probabilities', reason: `${where}every value is ≤ 0 and their exponentials sum to 1` };
  }
  return { kind: 'logits', reason: `${where}some values are negative and they are not log-probabilities, so they look like raw scores` };
}

function logSumExpNearZero(v: ArrayLike<number>): boolean {
  let m = -Infinity;
  for (let i = 0; i < v.length; i++) if (v[i]! > m) m = v[i]!;
  if (m === -Infinity || m > 0) return false;
  let s = 0;
  for (let i = 0; i < v.length; i++) s += Math.exp(v[i]! - m);
  return Math.abs(m + Math.log(s)) <= SUM_TOLERANCE;
}

function formatSum(s: number): string {
  return Number.isInteger(s) ? String(s) : String(Number(s.toPrecision(6)));
}
