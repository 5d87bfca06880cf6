// Row kernels of the divergences: tight loops over one distribution (or a pair),
// with the fast logarithm and Neumaier-compensated sums. Inputs are assumed
// valid (checked by the callers); they never allocate.
//
// Long rows are cut into chunks of CHUNK elements, each summed by its own call.
// Why: V8 compiles a single call's long loop "on stack replacement", and that
// code keeps the running sums boxed (one heap number per element, 2-3x slower);
// short calls get the regular optimised code. The chunk sums are themselves
// added with compensation, so the accuracy is unchanged (if anything better).
// Long typed rows take the SIMD kernels (simd.ts) when they can run: the same
// terms bit for bit, summed in two lanes.

import { phiOverR2, psiOverD2 } from './divergenceTerms';
import { fastLog } from './log';
import { simdCrossEntropy, simdEntropy, simdEntropyFilled, simdKl, type RowFill } from './simd';

/** Within this of 1, p/q is "near": the series of divergenceTerms.ts is used. */
export const NEAR = 0.0078125; // 2^-7

/**
 * Σ (p - q) over the near terms of the KL sum being computed (divergenceTerms.ts):
 * each difference is exact, and they are added with Neumaier compensation apart
 * from the non-negative q·φ terms, so that their cancellation (to 0 when
 * Σp = Σq) cannot swamp the O((p - q)^2) result. Each chunk sums its own and
 * adds them here.
 */
let diffSum = 0,
  diffComp = 0;

/** Starts a new Σ (p - q). */
export function resetNearDiff(): void {
  diffSum = 0;
  diffComp = 0;
}

/** Adds a chunk's Σ (p - q), given as a sum and its compensation. */
export function addNearDiff(s: number, c: number): void {
  const t = diffSum + s;
  diffComp += (Math.abs(diffSum) >= Math.abs(s) ? diffSum - t + s : s - t + diffSum) + c;
  diffSum = t;
}

/** The Σ (p - q) of the near terms since resetNearDiff. */
export function nearDiff(): number {
  return diffSum + diffComp;
}

/** p log(p/q) of a pair that is not near (p, q > 0): the logs apart when p/q over- or underflows. */
export function relEntrFar(p: number, q: number): number {
  const t = p / q;
  if (t === Infinity || t === 0) return p * (fastLog(p) - fastLog(q));
  return p * fastLog(t);
}

/** Elements per kernel call (see above). */
export const CHUNK = 1024;

/** Compensation of the pairwise additions in the innermost running chunkedSum. */
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
  carry += Math.abs(l) >= Math.abs(r) ? l - t + r : r - t + l;
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
  const outer = carry; // a chunk's kernel may itself sum a long row (log-sum-exp in a loss)
  carry = 0;
  const s = pairwise(0, n, fn);
  const total = s === Infinity ? s : s + carry;
  carry = outer;
  return total;
}

function entropyRange(p: ArrayLike<number>, start: number, end: number): number {
  let s = 0,
    c = 0;
  for (let i = start; i < end; i++) {
    const x = p[i]!;
    if (x > 0) {
      const v = -x * fastLog(x);
      const t = s + v;
      c += s >= v ? s - t + v : v - t + s; // both non-negative: compare without abs
      s = t;
    }
  }
  return s + c;
}

function crossEntropyRange(p: ArrayLike<number>, q: ArrayLike<number>, start: number, end: number): number {
  let s = 0,
    c = 0;
  for (let i = start; i < end; i++) {
    const x = p[i]!;
    if (x > 0) {
      const y = q[i]!;
      if (y === 0) return Infinity;
      const v = -x * fastLog(y);
      const t = s + v;
      c += Math.abs(s) >= Math.abs(v) ? s - t + v : v - t + s; // -log q < 0 when q > 1 under normalize
      s = t;
    }
  }
  return s + c;
}

/** Σ over [start, end) of the far terms p log(p/q) and the near terms q·φ(r) (their p - q go to nearDiff). */
function klRange(p: ArrayLike<number>, q: ArrayLike<number>, start: number, end: number): number {
  let s = 0,
    c = 0,
    ds = 0,
    dc = 0;
  for (let i = start; i < end; i++) {
    const x = p[i]!;
    if (x > 0) {
      const y = q[i]!;
      if (y === 0) return Infinity;
      // The common case written inline: a call would pass its result as a heap number.
      const ratio = x / y;
      let v: number;
      if (ratio < 1 + NEAR && ratio > 1 - NEAR) {
        // q·φ(r) (divergenceTerms.ts), D = p - q exact; D into the Σ (p - q) of this chunk.
        const D = x - y,
          r = D / y;
        v = D * r * phiOverR2(r);
        const u = ds + D;
        dc += Math.abs(ds) >= Math.abs(D) ? ds - u + D : D - u + ds;
        ds = u;
      } else v = ratio === Infinity || ratio === 0 ? relEntrFar(x, y) : x * fastLog(ratio);
      const t = s + v;
      c += Math.abs(s) >= Math.abs(v) ? s - t + v : v - t + s;
      s = t;
    }
  }
  addNearDiff(ds, dc);
  return s + c;
}

/** fastLog(2): (y + y)/y for every y below 2^1023 (above it y + y overflows). */
const FAST_LN2 = fastLog(2);
const TWO_1023 = 2 ** 1023;

/** Σ over [start, end) of m2·ψ(d) = p log(2p/m2) + q log(2q/m2), m2 = p + q: non-negative terms. */
function jsRange(p: ArrayLike<number>, q: ArrayLike<number>, start: number, end: number): number {
  let s = 0,
    c = 0;
  for (let i = start; i < end; i++) {
    const x = p[i]!,
      y = q[i]!;
    let v: number;
    // One side 0 (the other classes of a one-hot row): the far term's ratio is exactly 2.
    if (x === 0 && y > 0 && y < TWO_1023) v = y * FAST_LN2;
    else if (y === 0 && x > 0 && x < TWO_1023) v = x * FAST_LN2;
    else {
      const m2 = x + y;
      if (m2 === 0) continue;
      const D = x - y;
      const d = D / m2;
      if (d < NEAR && d > -NEAR)
        v = D * d * psiOverD2(d); // m2·ψ(d) = D·d·(ψ(d)/d²)
      else v = (x > 0 ? x * fastLog((x + x) / m2) : 0) + (y > 0 ? y * fastLog((y + y) / m2) : 0);
    }
    if (!(v > 0)) continue; // ψ ≥ 0: a rounding below 0 of a far term adds nothing
    const t = s + v;
    c += s >= v ? s - t + v : v - t + s;
    s = t;
  }
  return s + c;
}

/** -Σ p log p over one row (0 log 0 = 0). */
export function entropyRow(p: ArrayLike<number>): number {
  const simd = simdEntropy(p);
  if (simd) return simd.value;
  return chunkedSum(p.length, (a, b) => entropyRange(p, a, b));
}

/**
 * entropyRow of the row of n values that `fill` writes, taken by the SIMD
 * kernels chunk by chunk (bit for bit the same); undefined where they cannot
 * take it: the caller then makes the row and calls entropyRow.
 */
export function entropyRowFilled(n: number, fill: RowFill): number | undefined {
  return simdEntropyFilled(n, fill)?.value;
}

/** -Σ p log q over one row; +Infinity where p > 0 and q = 0. */
export function crossEntropyRow(p: ArrayLike<number>, q: ArrayLike<number>): number {
  const simd = simdCrossEntropy(p, q);
  if (simd) return simd.infinite ? Infinity : simd.value;
  return chunkedSum(p.length, (a, b) => crossEntropyRange(p, q, a, b));
}

/**
 * Σ p log(p/q) over one row; +Infinity where p > 0 and q = 0. As
 * Σ_far p log(p/q) + Σ_near q·φ(r) + Σ_near (p - q) (divergenceTerms.ts), so
 * that nearly identical rows keep every digit.
 */
export function klRow(p: ArrayLike<number>, q: ArrayLike<number>): number {
  const simd = simdKl(p, q);
  if (simd) {
    if (simd.infinite) return Infinity;
    const kl = simd.value + simd.nearDiff;
    return kl > 0 ? kl : 0;
  }
  resetNearDiff();
  const s = chunkedSum(p.length, (a, b) => klRange(p, q, a, b));
  if (s === Infinity) return s;
  const kl = s + nearDiff();
  return kl > 0 ? kl : 0; // KL is never negative; rounding must not make it so
}

/** ½ Σ (p + q)·ψ((p - q)/(p + q)) over one row: JS divergence, from non-negative terms. */
export function jsRow(p: ArrayLike<number>, q: ArrayLike<number>): number {
  return 0.5 * chunkedSum(p.length, (a, b) => jsRange(p, q, a, b));
}
