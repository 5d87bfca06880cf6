import { isIdentChar } from './numbers';
import { skipSpaces } from './lookBack';
// The ways people spell infinity and NaN inside array literals, per language.
// They are read as values (so the array is still found) and then reported in
// the array's issues, never silently dropped.

const NAMES: ReadonlyMap<string, number> = new Map<string, number>([
  // Python / NumPy / PyTorch / JAX / TensorFlow
  ['inf', Infinity],
  ['nan', NaN],
  ['math.inf', Infinity],
  ['math.nan', NaN],
  ['np.inf', Infinity],
  ['np.nan', NaN],
  ['np.Inf', Infinity],
  ['np.NaN', NaN],
  ['np.NAN', NaN],
  ['np.Infinity', Infinity],
  ['numpy.inf', Infinity],
  ['numpy.nan', NaN],
  ['torch.inf', Infinity],
  ['torch.nan', NaN],
  ['jnp.inf', Infinity],
  ['jnp.nan', NaN],
  ['tf.inf', Infinity],
  ['np.PINF', Infinity],
  ['np.NINF', -Infinity],
  // JavaScript / JSON5 / Python's json module
  ['Infinity', Infinity],
  ['NaN', NaN],
  ['Number.POSITIVE_INFINITY', Infinity],
  ['Number.NEGATIVE_INFINITY', -Infinity],
  ['Number.NaN', NaN],
  // R, Julia, MATLAB
  ['Inf', Infinity],
  ['NA', NaN],
  ['NA_real_', NaN],
  ['Inf32', Infinity],
  ['NaN32', NaN],
  ['Inf64', Infinity],
  ['NaN64', NaN],
  // C, C++, Java, C#, Rust
  ['INFINITY', Infinity],
  ['NAN', NaN],
  ['HUGE_VAL', Infinity],
  ['Double.POSITIVE_INFINITY', Infinity],
  ['Double.NEGATIVE_INFINITY', -Infinity],
  ['Double.NaN', NaN],
  ['Float.POSITIVE_INFINITY', Infinity],
  ['Float.NEGATIVE_INFINITY', -Infinity],
  ['Float.NaN', NaN],
  ['double.PositiveInfinity', Infinity],
  ['double.NegativeInfinity', -Infinity],
  ['double.NaN', NaN],
  ['float.PositiveInfinity', Infinity],
  ['float.NegativeInfinity', -Infinity],
  ['float.NaN', NaN],
  ['f64::INFINITY', Infinity],
  ['f64::NEG_INFINITY', -Infinity],
  ['f64::NAN', NaN],
  ['f32::INFINITY', Infinity],
  ['f32::NEG_INFINITY', -Infinity],
  ['f32::NAN', NaN],
  ['std::f64::INFINITY', Infinity],
  ['std::f64::NEG_INFINITY', -Infinity],
  ['std::f64::NAN', NaN],
  ['std::f32::INFINITY', Infinity],
  ['std::f32::NEG_INFINITY', -Infinity],
  ['std::f32::NAN', NaN],
]);

/** The value of a non-finite spelling such as `np.inf`, or undefined if the name is not one. */
export function nonFiniteName(name: string): number | undefined {
  return NAMES.get(name);
}

/** Longest name in the table: identifiers longer than this are not looked up. */
export const MAX_NON_FINITE_NAME = 30;

/**
 * Python's `float('inf')`, `float("-inf")`, `float('nan')`, `float('infinity')`
 * at `i` (the `f` of `float`). Returns the index after `)` and leaves the value
 * in `out.value`, or -1. Reads at most a few dozen characters.
 */
export function readFloatCall(s: string, i: number, n: number, out: { value: number }): number {
  if (!s.startsWith('float', i)) return -1;
  let j = i + 5;
  j = skipBlanks(s, j, n);
  if (j >= n || s.charCodeAt(j) !== 40 /* ( */) return -1;
  j = skipBlanks(s, j + 1, n);
  const quote = j < n ? s.charCodeAt(j) : 0;
  if (quote !== 39 && quote !== 34) return -1;
  let close = j + 1;
  const limit = Math.min(n, j + 14);
  while (close < limit && s.charCodeAt(close) !== quote) close++;
  if (close >= limit) return -1;
  const word = s
    .slice(j + 1, close)
    .trim()
    .toLowerCase();
  let value: number;
  if (word === 'inf' || word === '+inf' || word === 'infinity' || word === '+infinity') value = Infinity;
  else if (word === '-inf' || word === '-infinity') value = -Infinity;
  else if (word === 'nan' || word === '+nan' || word === '-nan') value = NaN;
  else return -1;
  j = skipBlanks(s, close + 1, n);
  if (j >= n || s.charCodeAt(j) !== 41 /* ) */) return -1;
  out.value = value;
  return j + 1;
}

function skipBlanks(s: string, j: number, n: number): number {
  const limit = Math.min(n, j + 8);
  while (j < limit) {
    const c = s.charCodeAt(j);
    if (c !== 32 && c !== 9) break;
    j++;
  }
  return j;
}

/** C++ `<double>::infinity()`, `<float>::quiet_NaN()`, `::signaling_NaN()` after `std::numeric_limits` (at `j`). */
export function readNumericLimits(s: string, j: number, n: number, out: { value: number }): number {
  if (s.charCodeAt(j) !== 60 /* < */) return -1;
  let close = j + 1;
  const limit = Math.min(n, j + 24);
  while (close < limit && s.charCodeAt(close) !== 62 /* > */) close++;
  if (close >= limit) return -1;
  let k = close + 1;
  if (!s.startsWith('::', k)) return -1;
  k += 2;
  const start = k;
  while (k < n && isIdentChar(s.charCodeAt(k))) k++;
  const member = s.slice(start, k);
  k = skipSpaces(s, k, n);
  if (!s.startsWith('()', k)) return -1;
  if (member === 'infinity') out.value = Infinity;
  else if (member === 'quiet_NaN' || member === 'signaling_NaN') out.value = NaN;
  else return -1;
  return k + 2;
}
