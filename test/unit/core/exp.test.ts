// The inlined exp of the log-sum-exp against Math.exp, and the softplus form of
// binary cross-entropy built on it.
import { describe, expect, it } from 'vitest';
import { binaryCrossEntropy } from '../../../src/core';
import { expNonPositive } from '../../../src/core/exp';

const f = new Float64Array(1);
const b = new BigInt64Array(f.buffer);
function ulps(a: number, c: number): number {
  if (a === c) return 0;
  f[0] = a;
  const x = b[0]!;
  f[0] = c;
  const y = b[0]!;
  return Number(x > y ? x - y : y - x);
}
function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

describe('expNonPositive', () => {
  it('is within 2 ulp of Math.exp over [-708, 0] and near 0', () => {
    const r = rng(7);
    let w = 0;
    for (let i = 0; i < 1e6; i++) {
      const x = i % 2 ? -r() * 708 : -r() * 1e-3;
      w = Math.max(w, ulps(expNonPositive(x), Math.exp(x)));
    }
    expect(w).toBeLessThanOrEqual(2);
  });
  it('gives exactly 1 at 0, 0 at -Infinity and below the underflow, and tiny values as Math.exp does', () => {
    expect(expNonPositive(0)).toBe(1);
    expect(expNonPositive(-0)).toBe(1);
    expect(expNonPositive(-Infinity)).toBe(0);
    expect(expNonPositive(-800)).toBe(0);
    expect(expNonPositive(-700) / Math.exp(-700)).toBeCloseTo(1, 14);
  });
});

describe('binary cross-entropy from logits on the fast exp and log', () => {
  it('matches y·softplus(-z) + (1 - y)·softplus(z) computed with Math.log1p, from tiny to huge logits', () => {
    const r = rng(8);
    const z: number[] = [],
      y: number[] = [];
    for (let i = 0; i < 2000; i++) {
      z.push((r() - 0.5) * 10 ** (r() * 8 - 4));
      y.push(r());
    }
    z.push(1e300, -1e300, 40, -40, 0);
    y.push(0.5, 0.5, 1, 0, 0.3);
    const res = binaryCrossEntropy(y, z, { fromLogits: true, reduction: 'none' }).value as number[];
    const sp = (t: number) => Math.max(t, 0) + Math.log1p(Math.exp(-Math.abs(t)));
    res.forEach((v, i) => {
      const want = y[i]! * sp(-z[i]!) + (1 - y[i]!) * sp(z[i]!);
      expect(Math.abs(v - want)).toBeLessThanOrEqual(4 * Number.EPSILON * Math.abs(want));
    });
  });
});
