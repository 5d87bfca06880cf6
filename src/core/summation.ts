// Compensated summation, so the rounding error of a sum does not grow with its length.

import { CoreError } from './errors';
import { show } from './show';
import { MAX_ELEMENTS } from './validate';

/**
 * Neumaier's improved Kahan–Babuška accumulator. `add` is inlined by V8 in hot
 * loops; read `value` at the end.
 */
export class NeumaierSum {
  private s = 0;
  private c = 0;
  add(x: number): void {
    const t = this.s + x;
    if (Math.abs(this.s) >= Math.abs(x)) this.c += this.s - t + x;
    else this.c += x - t + this.s;
    this.s = t;
  }
  get value(): number {
    return this.s + this.c;
  }
}

/**
 * sum(values) -> number
 *
 * Neumaier-compensated sum of a 1-D array (error ~1 ulp of the result plus
 * ~eps times the largest cancellation, independent of the length). A sum that
 * contains +Infinity and -Infinity is NaN, as in plain summation. A length
 * that is not an array's, or above MAX_ELEMENTS, is refused before the loop.
 */
export function sum(values: ArrayLike<number>): number {
  const n = values.length;
  if (!(Number.isInteger(n) && n >= 0 && n <= MAX_ELEMENTS)) {
    throw new CoreError(
      n > MAX_ELEMENTS ? 'OUT_OF_RANGE' : 'INVALID_OPTION',
      `sum of ${show(n)} values: not an array of at most ${MAX_ELEMENTS}`,
    );
  }
  let s = 0,
    c = 0;
  for (let i = 0; i < values.length; i++) {
    const x = values[i]!;
    const t = s + x;
    if (Math.abs(s) >= Math.abs(x)) c += s - t + x;
    else c += x - t + s;
    s = t;
  }
  // Infinite sums: the compensation term is NaN (inf - inf); the sum itself is right.
  return Number.isFinite(s) ? s + c : s;
}
