// Row kernels of the divergences: tight loops over one distribution (or a pair),
// with the fast logarithm and Neumaier-compensated sums. Inputs are assumed
// valid (checked by the callers); they never allocate.
//
// Long rows are cut into chunks of CHUNK elements, each summed by its own call.
// Why: V8 compiles a single call's long loop "on stack replacement", and that
// code keeps the running sums boxed (one heap number per element, 2-3x slower);
// short calls get the regular optimised code. The chunk sums are themselves
// added with compensation, so the accuracy is unchanged (if anything better).

import { fastLog, log1pSmall } from './log';

/** Below this |r| the log1p polynomial is used directly on r = (p - q)/q. */
const NEAR = 0.0078125; // 2^-7

/**
 * p log(p/q) for p > 0, q > 0, accurate also when p ≈ q: there p - q is exact
 * (Sterbenz) and log1p((p - q)/q) keeps the digits that log(p/q) would lose.
 * The ratio is tried first so that the common case costs one division.
 */
export function relEntr(p: number, q: number): number {
  const t = p / q;
  if (t < 1 + NEAR && t > 1 - NEAR) return p * log1pSmall((p - q) / q);
  // p/q overflowing or underflowing: take the logs apart.
  if (t === Infinity || t === 0) return p * (fastLog(p) - fastLog(q));
  return p * fastLog(t);
}

/** Elements per kernel call (see above). */
export const CHUNK = 1024;

/** Compensation of the pairwise additions in chunkedSum (kernels never re-enter it). */
let carry = 0;

function pairwise(start: number, end: number, fn: (start: number, end: number) => number): number {
  if (end - start <= CHUNK) return fn(start, end);
  const half = ((end - start) / (2 * CHUNK)) | 0; // split on a chunk boundary
  const mid = start + (half > 0 ? half : 1) * CHUNK;
  const l = pairwise(start, mid, fn);
  if (l === Infinity) return l;
  const r = pairwise(mid, end, fn);
  if (r === Infinity) return r;
  const t = l + r;
  carry += Math.abs(l) >= Math.abs(r) ? (l - t) + r : (r - t) + l;
  return t;
}

/**
 * chunkedSum(n, fn) -> number
 *
 * Σ fn(start, end) over chunks of [0, n) of CHUNK elements, added pairwise with
 * Neumaier compensation; +Infinity as soon as a chunk gives it. Recursion, not
 * a loop: a long loop would itself be compiled on stack replacement, with the
 * chunk kernels inlined into it, and the sums boxed again.
 */
export function chunkedSum(n: number, fn: (start: number, end: number) => number): number {
  if (n <= CHUNK) return fn(0, n);
  carry = 0;
  const s = pairwise(0, n, fn);
  return s === Infinity ? s : s + carry;
}

function entropyRange(p: ArrayLike<number>, start: number, end: number): number {
  let s = 0, c = 0;
  for (let i = start; i < end; i++) {
    const x = p[i]!;
    if (x > 0) {
      const v = -x * fastLog(x);
      const t = s + v;
      c += s >= v ? (s - t) + v : (v - t) + s; // both non-negative: compare without abs
      s = t;
    }
  }
  return s + c;
}

function crossEntropyRange(p: ArrayLike<number>, q: ArrayLike<number>, start: number, end: number): number {
  let s = 0, c = 0;
  for (let i = start; i < end; i++) {
    const x = p[i]!;
    if (x > 0) {
      const y = q[i]!;
      if (y === 0) return Infinity;
      const v = -x * fastLog(y);
      const t = s + v;
      c += Math.abs(s) >= Math.abs(v) ? (s - t) + v : (v - t) + s; // -log q < 0 when q > 1 under normalize
      s = t;
    }
  }
  return s + c;
}

function klRange(p: ArrayLike<number>, q: ArrayLike<number>, start: number, end: number): number {
  let s = 0, c = 0;
  for (let i = start; i < end; i++) {
    const x = p[i]!;
    if (x > 0) {
      const y = q[i]!;
      if (y === 0) return Infinity;
      // relEntr's common case written inline: a call would pass its result as a
      // heap number. Near p = q, or when p/q over- or underflows, call it.
      const ratio = x / y;
      const v = (ratio < 1 + NEAR && ratio > 1 - NEAR) || ratio === Infinity || ratio === 0 ? relEntr(x, y) : x * fastLog(ratio);
      const t = s + v;
      c += Math.abs(s) >= Math.abs(v) ? (s - t) + v : (v - t) + s;
      s = t;
    }
  }
  return s + c;
}

function jsRange(p: ArrayLike<number>, q: ArrayLike<number>, start: number, end: number): number {
  let s = 0, c = 0;
  for (let i = start; i < end; i++) {
    const x = p[i]!, y = q[i]!;
    const m2 = x + y;
    if (m2 === 0) continue;
    const d = (x - y) / m2;
    let v: number;
    if (d < NEAR && d > -NEAR) v = x * log1pSmall(d) + y * log1pSmall(-d);
    else v = (x > 0 ? x * fastLog((x + x) / m2) : 0) + (y > 0 ? y * fastLog((y + y) / m2) : 0);
    const t = s + v;
    c += Math.abs(s) >= Math.abs(v) ? (s - t) + v : (v - t) + s;
    s = t;
  }
  return s + c;
}

/** -Σ p log p over one row (0 log 0 = 0). */
export function entropyRow(p: ArrayLike<number>): number {
  return chunkedSum(p.length, (a, b) => entropyRange(p, a, b));
}

/** -Σ p log q over one row; +Infinity where p > 0 and q = 0. */
export function crossEntropyRow(p: ArrayLike<number>, q: ArrayLike<number>): number {
  return chunkedSum(p.length, (a, b) => crossEntropyRange(p, q, a, b));
}

/** Σ p log(p/q) over one row; +Infinity where p > 0 and q = 0. Terms may be negative. */
export function klRow(p: ArrayLike<number>, q: ArrayLike<number>): number {
  const kl = chunkedSum(p.length, (a, b) => klRange(p, q, a, b));
  return kl > 0 ? kl : 0; // KL is never negative; rounding must not make it so
}

/**
 * ½ Σ [p log(2p/(p+q)) + q log(2q/(p+q))] over one row. With d = (p-q)/(p+q)
 * the terms are p log1p(d) + q log1p(-d), accurate when p ≈ q.
 */
export function jsRow(p: ArrayLike<number>, q: ArrayLike<number>): number {
  const js = 0.5 * chunkedSum(p.length, (a, b) => jsRange(p, q, a, b));
  return js > 0 ? js : 0;
}
