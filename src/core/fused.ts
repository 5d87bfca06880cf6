// One-pass fast paths for the most common calls — entropy, cross-entropy and
// KL of one 1-D distribution (pair) in nats or one base — that check the input
// and compute the result in the same pass over memory, instead of a validation
// pass and then the kernel: for long arrays the time is mostly reading memory.
// Each returns undefined whenever anything is unusual (an invalid or unnormalised
// element, an option other than base/reduction, 2-D input); the caller then takes
// the full path, which names the problem. Results are bit-identical to the full
// path's kernels (same operations in the same order). Long typed arrays take the
// SIMD kernels (simd.ts), which check and compute in one pass as well.

import { phiOverR2 } from './divergenceTerms';
import { addNearDiff, chunkedSum, NEAR, nearDiff, relEntrFar, resetNearDiff } from './kernels';
import { fastLog } from './log';
import { simdCrossEntropy, simdEntropy, simdKl } from './simd';
import { SUM_TOLERANCE } from './tolerance';
import { MAX_ELEMENTS } from './validate';

/** Running sums of p and q over the chunks, for the sum-to-1 check. */
let massP = 0,
  massQ = 0;
/** A term was +Infinity (p > 0 where q = 0); the pass goes on to check the rest. */
let infinite = false;

/** ln(base) when the options are only a valid base and/or reduction (and normalize: false); else undefined. */
function simpleLnBase(options: object | undefined): number | undefined {
  if (options === undefined) return 1;
  if (options === null || typeof options !== 'object' || Array.isArray(options)) return undefined;
  let lnBase = 1;
  for (const [key, value] of Object.entries(options)) {
    // own properties only
    if (value === undefined) continue;
    if (key === 'base') {
      if (typeof value !== 'number' || !Number.isFinite(value) || value <= 0 || value === 1) return undefined;
      lnBase = Math.log(value);
    } else if (key === 'reduction') {
      if (value !== 'mean' && value !== 'sum' && value !== 'none') return undefined;
    } else if (!(key === 'normalize' && value === false)) return undefined;
  }
  return lnBase;
}

/**
 * A non-empty 1-D array within the element cap whose first element is a number
 * (later rows or strings fail the scan; a length beyond the cap is refused by the full path).
 */
function isFlat(x: unknown): x is ArrayLike<number> {
  if (x === null || typeof x !== 'object') return false;
  const n = (x as ArrayLike<unknown>).length;
  return (
    typeof n === 'number' &&
    n > 0 &&
    n <= MAX_ELEMENTS &&
    Number.isInteger(n) &&
    typeof (x as ArrayLike<unknown>)[0] === 'number'
  );
}

function entropyRange(p: ArrayLike<number>, start: number, end: number): number {
  let s = 0,
    c = 0,
    m = 0;
  for (let i = start; i < end; i++) {
    const x = p[i] as unknown;
    if (typeof x !== 'number' || !(x >= 0 && x <= 1)) return NaN;
    m += x;
    if (x > 0) {
      const v = -x * fastLog(x);
      const t = s + v;
      c += s >= v ? s - t + v : v - t + s;
      s = t;
    }
  }
  massP += m;
  return s + c;
}

/** The KL terms of [start, end) as kernels.ts's klRange, and the checks and sums. */
function klRange(p: ArrayLike<number>, q: ArrayLike<number>, start: number, end: number): number {
  let s = 0,
    c = 0,
    mp = 0,
    mq = 0,
    ds = 0,
    dc = 0;
  for (let i = start; i < end; i++) {
    const x = p[i] as unknown,
      y = q[i] as unknown;
    if (typeof x !== 'number' || !(x >= 0 && x <= 1) || typeof y !== 'number' || !(y >= 0 && y <= 1)) return NaN;
    mp += x;
    mq += y;
    if (x > 0) {
      if (y === 0) {
        infinite = true;
        continue;
      }
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
  massP += mp;
  massQ += mq;
  addNearDiff(ds, dc);
  return s + c;
}

/** The cross-entropy terms -p log q of [start, end), and the checks and sums. */
function crossEntropyRange(p: ArrayLike<number>, q: ArrayLike<number>, start: number, end: number): number {
  let s = 0,
    c = 0,
    mp = 0,
    mq = 0;
  for (let i = start; i < end; i++) {
    const x = p[i] as unknown,
      y = q[i] as unknown;
    if (typeof x !== 'number' || !(x >= 0 && x <= 1) || typeof y !== 'number' || !(y >= 0 && y <= 1)) return NaN;
    mp += x;
    mq += y;
    if (x > 0) {
      if (y === 0) {
        infinite = true;
        continue;
      }
      const v = -x * fastLog(y);
      const t = s + v;
      c += Math.abs(s) >= Math.abs(v) ? s - t + v : v - t + s;
      s = t;
    }
  }
  massP += mp;
  massQ += mq;
  return s + c;
}

/** entropy(p, options) in one pass, or undefined (take the full path). */
export function fusedEntropy(p: unknown, options: object | undefined): number | undefined {
  const lnBase = simpleLnBase(options);
  if (lnBase === undefined || !isFlat(p)) return undefined;
  const simd = simdEntropy(p);
  let h: number;
  if (simd) {
    if (Math.abs(simd.massP - 1) > SUM_TOLERANCE) return undefined;
    h = simd.value;
  } else {
    massP = 0;
    h = chunkedSum(p.length, (a, b) => entropyRange(p, a, b));
    if (h !== h || Math.abs(massP - 1) > SUM_TOLERANCE) return undefined;
  }
  return lnBase === 1 ? h : h / lnBase;
}

/** crossEntropy (kl false) or klDivergence (kl true) of a 1-D pair in one pass, or undefined. */
export function fusedPair(p: unknown, q: unknown, options: object | undefined, kl: boolean): number | undefined {
  const lnBase = simpleLnBase(options);
  if (lnBase === undefined || !isFlat(p) || !isFlat(q) || p.length !== q.length) return undefined;
  const simd = kl ? simdKl(p, q) : simdCrossEntropy(p, q);
  if (simd) {
    if (Math.abs(simd.massP - 1) > SUM_TOLERANCE || Math.abs(simd.massQ - 1) > SUM_TOLERANCE) return undefined;
    if (simd.infinite) return lnBase === 1 ? Infinity : Infinity / lnBase;
    const k = kl ? simd.value + simd.nearDiff : simd.value;
    const r = kl && !(k > 0) ? 0 : k;
    return lnBase === 1 ? r : r / lnBase;
  }
  massP = 0;
  massQ = 0;
  infinite = false;
  resetNearDiff();
  const v = kl
    ? chunkedSum(p.length, (a, b) => klRange(p, q, a, b))
    : chunkedSum(p.length, (a, b) => crossEntropyRange(p, q, a, b));
  if (v !== v || Math.abs(massP - 1) > SUM_TOLERANCE || Math.abs(massQ - 1) > SUM_TOLERANCE) return undefined;
  if (infinite) return lnBase === 1 ? Infinity : Infinity / lnBase; // -Infinity for a base below 1, as the 2-D path
  const k = kl ? v + nearDiff() : v;
  const r = kl && !(k > 0) ? 0 : k; // KL is never negative; rounding must not make it so
  return lnBase === 1 ? r : r / lnBase;
}
