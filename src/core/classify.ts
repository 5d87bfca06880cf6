// Tells what kind of array a list of numbers most likely is, so the editor can
// pair a target with a prediction and warn about misuse. Never throws.
//
// Speed and memory: the finder calls this once per array found, so a document
// of 10^5 small arrays calls it 10^5 times and a 10^6-value list once. The
// per-value passes (`scanPlain`/`scanOther`, `expSumPlain`/`expSumOther`) are
// small functions of their own that only compare and add, so TurboFan keeps
// every value an unboxed double: reading a holey double array (the finder's
// long lists) and then calling Number.isNaN / Number.isInteger on the value made
// V8 box each one (16 B of garbage per value), and one function reading number[]
// and typed arrays alike saw too many element kinds and boxed them too. So plain
// arrays and typed arrays each have their own copy of the loop (same text), and
// the loops' results go through a scratch Float64Array, not a new object. The
// reason sentence is built only for the case that was found.

import { SUM_TOLERANCE } from './tolerance';
import { MAX_ELEMENTS } from './validate';

export type ArrayKind =
  'one-hot' | 'class-indices' | 'probabilities' | 'log-probabilities' | 'logits' | 'counts' | 'unknown';

export interface Classification {
  kind: ArrayKind;
  /** One short human sentence saying why. */
  reason: string;
  /** For 2-D input: the number of rows judged (absent for 1-D). */
  rows?: number;
}

/** Every element an array-like (holes skipped, as every() does); read with .at() so 1-D lists keep their element kind (see elements.ts). */
function isRowList(values: unknown): values is ReadonlyArray<ArrayLike<number>> {
  if (!Array.isArray(values) || values.length === 0) return false;
  for (let i = 0; i < values.length; i++) {
    const v: unknown = values.at(i);
    if (v === undefined && !(i in values)) continue; // as every() does: holes are skipped
    if (v === null || typeof v !== 'object' || typeof (v as ArrayLike<number>).length !== 'number') return false;
  }
  return true;
}

/** Every length a valid array length and the elements (rows included) at most MAX_ELEMENTS, checked before any scan. */
function withinCap(values: ArrayLike<unknown>): boolean {
  const n = values.length;
  if (!Number.isInteger(n) || n < 0 || n > MAX_ELEMENTS) return false;
  if (!Array.isArray(values)) return true;
  // Only a list of rows is read row by row (see isRowList: its first element
  // that is not a hole is a row); a flat list is read at its own length.
  let i0 = 0;
  while (i0 < n && !(i0 in values)) i0++;
  const first: unknown = values.at(i0);
  if (first === null || typeof first !== 'object') return true;
  let total = 0;
  for (let i = 0; i < n; i++) {
    const v: unknown = values.at(i);
    if (v === null || typeof v !== 'object') continue;
    const m = (v as ArrayLike<unknown>).length;
    if (typeof m !== 'number') continue;
    if (!Number.isInteger(m) || m < 0 || (total += m) > MAX_ELEMENTS) return false;
  }
  return true;
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
  return judge(values, false);
}

/**
 * classifyCapitalised(values) -> Classification
 *
 * The same as classify(values), with the reason starting with a capital letter
 * (a sentence on its own, as the finder shows it) and built without a copy.
 */
export function classifyCapitalised(values: ArrayLike<number> | ReadonlyArray<ArrayLike<number>>): Classification {
  return judge(values, true);
}

function judge(values: ArrayLike<number> | ReadonlyArray<ArrayLike<number>>, capital: boolean): Classification {
  try {
    if (values === null || values === undefined || typeof (values as ArrayLike<unknown>).length !== 'number') {
      return {
        kind: 'unknown',
        reason: capital ? 'This is not an array of numbers' : 'this is not an array of numbers',
      };
    }
    if (!withinCap(values)) {
      return {
        kind: 'unknown',
        reason: capital ? 'This is too large, or not an array' : 'this is too large, or not an array',
      };
    }
    if (isRowList(values)) return classifyRows(values, capital);
    const v = values as ArrayLike<number>;
    const c = vectorCase(v, false);
    return { kind: KIND_OF[c]!, reason: reasonOf(c, capital ? '' : undefined) };
  } catch {
    return {
      kind: 'unknown',
      reason: capital ? 'The values could not be read as numbers' : 'the values could not be read as numbers',
    };
  }
}

// --- One vector: which case it is --------------------------------------------------------------

/** The cases a vector can be, one per reason sentence. */
const enum Case {
  Empty,
  NotNumber,
  PlusInfinity,
  AllNegInfinity,
  LogProbabilitiesNegInf,
  LogitsNegInf,
  OneHot,
  Probabilities,
  ClassIndices,
  Counts,
  LogProbabilities,
  Logits,
}

const KIND_OF: readonly ArrayKind[] = [
  'unknown',
  'unknown',
  'unknown',
  'unknown',
  'log-probabilities',
  'logits',
  'one-hot',
  'probabilities',
  'class-indices',
  'counts',
  'log-probabilities',
  'logits',
];

/** What the last scan found: [min, max, sum, allIntegers (1/0), ones, zeros, negInf, exp sum]. */
const stats = new Float64Array(8);
const MIN = 0,
  MAX = 1,
  SUM = 2,
  ALL_INTEGERS = 3,
  ONES = 4,
  ZEROS = 5,
  NEG_INF = 6;
/** Index of the value that made the last vector unknown (NaN, +Infinity, not a number). */
let badIndex = -1;

function vectorCase(v: ArrayLike<number>, inBatch: boolean): Case {
  const n = v.length;
  if (n === 0) return Case.Empty;
  badIndex = Array.isArray(v) ? scanPlain(v as readonly number[]) : scanOther(v);
  if (badIndex >= 0) return v[badIndex] === Infinity ? Case.PlusInfinity : Case.NotNumber;
  const min = stats[MIN]!,
    max = stats[MAX]!,
    sum = stats[SUM]!,
    negInf = stats[NEG_INF]!;
  if (negInf === n) return Case.AllNegInfinity;
  if (negInf > 0) {
    // Only logits (masked) or log-probabilities (log 0) hold -Infinity.
    return logSumExpNearZero(v, max) ? Case.LogProbabilitiesNegInf : Case.LogitsNegInf;
  }
  if (stats[ONES] === 1 && stats[ZEROS] === n - 1 && n > 1) return Case.OneHot;
  if (min >= 0) {
    const sumsToOne = Math.abs(sum - 1) <= SUM_TOLERANCE;
    if (max <= 1 && sumsToOne) return Case.Probabilities;
    if (stats[ALL_INTEGERS] === 1 && !inBatch) return Case.ClassIndices;
    return Case.Counts;
  }
  if (max <= 0 && logSumExpNearZero(v, max)) return Case.LogProbabilities;
  return Case.Logits;
}

/**
 * One pass over a plain array: fills `stats` and returns -1, or returns the
 * index of the first value that is not a number, NaN or +Infinity. The same
 * loop as scanRange, scanOther's (each has its own type feedback: see the top
 * of the file); plain arrays are literals, short enough for one call.
 */
function scanPlain(v: readonly number[]): number {
  const n = v.length;
  let min = Infinity,
    max = -Infinity,
    sum = 0,
    allIntegers = 1,
    ones = 0,
    zeros = 0,
    negInf = 0;
  for (let i = 0; i < n; i++) {
    const x = v[i]!;
    if (typeof x !== 'number') return i;
    if (x > -Infinity && x < Infinity) {
      if (x < min) min = x;
      if (x > max) max = x;
      sum += x;
      if (allIntegers === 1 && Math.floor(x) !== x) allIntegers = 0;
      if (x === 1) ones++;
      else if (x === 0) zeros++;
    } else if (x === -Infinity) {
      negInf++;
      allIntegers = 0;
    } else {
      return i; // NaN or +Infinity
    }
  }
  stats[MIN] = negInf > 0 ? -Infinity : min;
  stats[MAX] = max;
  stats[SUM] = sum;
  stats[ALL_INTEGERS] = allIntegers;
  stats[ONES] = ones;
  stats[ZEROS] = zeros;
  stats[NEG_INF] = negInf;
  return -1;
}

/**
 * Elements per call of scanRange: a loop over 10^7 elements in one call runs
 * in V8's on-stack-replaced code, about twice as slow (kernels.ts).
 */
const SCAN_CHUNK = 4096;

/** scanPlain for typed arrays and other array-likes (own feedback), in chunks: the same stats in the same order. */
function scanOther(v: ArrayLike<number>): number {
  const n = v.length;
  stats[MIN] = Infinity;
  stats[MAX] = -Infinity;
  stats[SUM] = 0;
  stats[ALL_INTEGERS] = 1;
  stats[ONES] = 0;
  stats[ZEROS] = 0;
  stats[NEG_INF] = 0;
  for (let a = 0; a < n; a += SCAN_CHUNK) {
    const bad = scanRange(v, a, a + SCAN_CHUNK < n ? a + SCAN_CHUNK : n);
    if (bad >= 0) return bad;
  }
  if (stats[NEG_INF]! > 0) stats[MIN] = -Infinity;
  return -1;
}

/** The loop of scanPlain over [start, end), carrying the stats from and to `stats`. */
function scanRange(v: ArrayLike<number>, start: number, end: number): number {
  let min = stats[MIN]!,
    max = stats[MAX]!,
    sum = stats[SUM]!,
    allIntegers = stats[ALL_INTEGERS]!,
    ones = stats[ONES]!,
    zeros = stats[ZEROS]!,
    negInf = stats[NEG_INF]!;
  for (let i = start; i < end; i++) {
    const x = v[i]!;
    if (typeof x !== 'number') return i;
    if (x > -Infinity && x < Infinity) {
      if (x < min) min = x;
      if (x > max) max = x;
      sum += x;
      if (allIntegers === 1 && Math.floor(x) !== x) allIntegers = 0;
      if (x === 1) ones++;
      else if (x === 0) zeros++;
    } else if (x === -Infinity) {
      negInf++;
      allIntegers = 0;
    } else {
      return i; // NaN or +Infinity
    }
  }
  stats[MIN] = min;
  stats[MAX] = max;
  stats[SUM] = sum;
  stats[ALL_INTEGERS] = allIntegers;
  stats[ONES] = ones;
  stats[ZEROS] = zeros;
  stats[NEG_INF] = negInf;
  return -1;
}

/** Is log Σ exp(v) within the tolerance of 0? `max` is the largest value (not -Infinity). */
function logSumExpNearZero(v: ArrayLike<number>, max: number): boolean {
  if (max === -Infinity || max > 0) return false;
  const s = Array.isArray(v) ? expSumPlain(v as readonly number[], max) : expSumOther(v, max);
  return Math.abs(max + Math.log(s)) <= SUM_TOLERANCE;
}

function expSumPlain(v: readonly number[], m: number): number {
  let s = 0;
  for (let i = 0; i < v.length; i++) s += Math.exp(v[i]! - m);
  return s;
}

function expSumOther(v: ArrayLike<number>, m: number): number {
  let s = 0;
  for (let i = 0; i < v.length; i++) s += Math.exp(v[i]! - m);
  return s;
}

/**
 * Gives the loops type feedback for every branch and the element kinds the
 * finder makes (packed and holey, doubles and small integers; Float64Array and
 * Float32Array), so that their first optimisation, often made part-way through
 * a first long list, already covers NaN, ±Infinity and the end of the loop and
 * is not thrown away on the next list (the list after it would be read
 * unoptimised, boxing every value). V8 keeps feedback only from a function's
 * ninth call or so (lazy feedback allocation), hence the rounds.
 */
function prime(): void {
  const holeyDoubles = new Array<number>(3);
  holeyDoubles[0] = 0.5;
  holeyDoubles[1] = -Infinity;
  holeyDoubles[2] = 0;
  const holeySmis = new Array<number>(2);
  holeySmis[0] = 1;
  holeySmis[1] = 0;
  const plain = [[0.5, -Infinity, 1, 0, 2], [0.5, NaN], [Infinity], [1, 0, 2], holeyDoubles, holeySmis];
  const typed = [
    new Float64Array([0.5, -Infinity, 1, 0, NaN]),
    new Float64Array([Infinity]),
    new Float32Array([0.5, -Infinity, 1, 0]),
  ];
  for (let round = 0; round < 12; round++) {
    for (const v of plain) {
      scanPlain(v);
      expSumPlain(v, 0);
    }
    for (const v of typed) {
      scanOther(v);
      expSumOther(v, 0);
    }
  }
}
prime();

// --- Reasons -----------------------------------------------------------------------------------

/** The fixed reason of each case ('' where the sentence holds a figure). */
const FIXED: readonly string[] = [
  'the array is empty',
  '',
  '',
  'every value is -Infinity',
  'the values are ≤ 0 (some -Infinity) and their exponentials sum to 1',
  'some values are -Infinity (masked) and the rest are raw scores',
  'there is a single 1 and every other value is 0',
  'every value is in [0, 1] and the values sum to 1',
  'every value is a non-negative integer, as class labels are',
  '',
  'every value is ≤ 0 and their exponentials sum to 1',
  'some values are negative and they are not log-probabilities, so they look like raw scores',
];
const FIXED_CAPITAL: readonly string[] = FIXED.map(capitalise);

/** The counts sentence by sum, for 1-D arrays (no prefix). */
const countsLower = new Map<number, string>();
const countsCapital = new Map<number, string>();

/**
 * The reason for case `c` of the vector just judged by vectorCase, after `where`
 * (`row 3: `). `where` undefined: no prefix; '' : no prefix and a capital first letter.
 */
function reasonOf(c: Case, where: string | undefined): string {
  const capital = where === '';
  const fixed = capital ? FIXED_CAPITAL[c]! : FIXED[c]!;
  if (fixed.length > 0) return where ? where + fixed : fixed;
  if (c === Case.NotNumber) return `${where ?? ''}${capital ? 'V' : 'v'}alue [${badIndex}] is not a number`;
  if (c === Case.PlusInfinity) return `${where ?? ''}${capital ? 'V' : 'v'}alue [${badIndex}] is +Infinity`;
  // Counts: the sentence holds the sum. Rounded distributions share a few sums
  // (0.9999, 1.0001, …), so the sentences are kept by sum and shared.
  const sum = stats[SUM]!;
  const cache = capital ? countsCapital : countsLower;
  const known = where ? undefined : cache.get(sum);
  if (known !== undefined) return known;
  const text = `${capital ? 'E' : 'e'}very value is ≥ 0 but they sum to ${formatSum(sum)}, not 1, so they look like unnormalised counts or weights`;
  if (where) return where + text;
  if (cache.size < 1024) cache.set(sum, text);
  return text;
}

// --- Rows --------------------------------------------------------------------------------------

const BIT: Readonly<Record<ArrayKind, number>> = {
  'one-hot': 1,
  'class-indices': 2,
  probabilities: 4,
  'log-probabilities': 8,
  logits: 16,
  counts: 32,
  unknown: 64,
};

function classifyRows(rows: ReadonlyArray<ArrayLike<number>>, capital: boolean): Classification {
  const n = rows.length;
  const width = rows[0]!.length;
  for (let r = 1; r < n; r++) {
    if (rows[r]!.length !== width) {
      return {
        kind: 'unknown',
        reason: cap(`row ${r} has ${rows[r]!.length} values, row 0 has ${width}`, capital),
        rows: n,
      };
    }
  }
  if (width === 0) return { kind: 'unknown', reason: capital ? 'The rows are empty' : 'the rows are empty', rows: n };
  let seen = 0;
  let first: ArrayKind = 'unknown';
  let other = -1;
  let otherKind: ArrayKind = 'unknown';
  for (let r = 0; r < n; r++) {
    const row = rows[r]!;
    const c = vectorCase(row, true);
    const kind = KIND_OF[c]!;
    if (kind === 'unknown') return { kind: 'unknown', reason: cap(reasonOf(c, `row ${r}: `), capital), rows: n };
    seen |= BIT[kind];
    if (r === 0) first = kind;
    else if (other < 0 && kind !== first) {
      other = r;
      otherKind = kind;
    }
  }
  const only = (mask: number): boolean => (seen & ~mask) === 0;
  const rowsWord = n === 1 ? 'the row' : `all ${n} rows`;
  let kind: ArrayKind;
  let reason: string;
  if (only(BIT['one-hot'])) {
    kind = 'one-hot';
    reason = `${rowsWord} have a single 1 and 0 elsewhere`;
  } else if (only(BIT['one-hot'] | BIT.probabilities)) {
    kind = 'probabilities';
    reason = 'every value is in [0, 1] and each row sums to 1';
  } else if (only(BIT['log-probabilities'])) {
    kind = 'log-probabilities';
    reason = 'every value is ≤ 0 and the exponentials of each row sum to 1';
  } else if (only(BIT.logits | BIT['log-probabilities'])) {
    kind = 'logits';
    reason = 'some rows have negative values and do not sum to 1, as raw scores do';
  } else if (only(BIT.counts | BIT['one-hot'] | BIT.probabilities)) {
    kind = 'counts';
    reason = `every value is ≥ 0 but ${(seen & BIT.counts) !== 0 ? 'some rows do not sum to 1' : 'the rows differ'}`;
  } else {
    kind = 'unknown';
    reason = `row 0 looks like ${first} but row ${other} looks like ${otherKind}`;
  }
  return { kind, reason: cap(reason, capital), rows: n };
}

function cap(t: string, capital: boolean): string {
  return capital ? capitalise(t) : t;
}

function capitalise(t: string): string {
  return t.length > 0 ? t[0]!.toUpperCase() + t.slice(1) : t;
}

function formatSum(s: number): string {
  return Number.isInteger(s) ? String(s) : String(Number(s.toPrecision(6)));
}
