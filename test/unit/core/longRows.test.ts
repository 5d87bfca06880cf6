// Rows longer than one kernel chunk (kernels.ts cuts long loops into calls):
// the chunked sums keep their accuracy, and the fast validation scan still
// names the bad element wherever it is.
import { describe, expect, it } from 'vitest';
import { crossEntropy, entropy, jsDivergence, klDivergence } from '../../../src/core';
import { CHUNK } from '../../../src/core/kernels';

const n = 10 * CHUNK + 17; // several chunks and a short last one

describe('rows longer than a chunk', () => {
  it('entropy of a uniform distribution is log n, to a few ulp', () => {
    const p = new Float64Array(n).fill(1 / n);
    expect(Math.abs(entropy(p) - Math.log(n))).toBeLessThan(4 * Number.EPSILON * Math.log(n));
    expect(entropy(Array.from(p), { base: 2 })).toBeCloseTo(Math.log2(n), 13);
  });

  it('H(p, q) = H(p) + KL(p‖q), and KL matches a plain Math.log sum, over many chunks', () => {
    const p = new Float64Array(n),
      q = new Float64Array(n);
    let sp = 0,
      sq = 0;
    for (let i = 0; i < n; i++) {
      sp += p[i] = 1 + Math.sin(i);
      sq += q[i] = 2 + Math.cos(i * 0.37);
    }
    for (let i = 0; i < n; i++) {
      p[i]! /= sp;
      q[i]! /= sq;
    }
    let kl = 0;
    for (let i = 0; i < n; i++) if (p[i]! > 0) kl += p[i]! * Math.log(p[i]! / q[i]!);
    expect(klDivergence(p, q)).toBeCloseTo(kl, 12);
    expect(crossEntropy(p, q)).toBeCloseTo(entropy(p) + klDivergence(p, q), 12);
    expect(jsDivergence(p, q)).toBeLessThanOrEqual(Math.LN2);
    expect(klDivergence(p, p)).toBe(0);
  });

  it('q = 0 where p > 0 in a late chunk gives Infinity', () => {
    const p = new Float64Array(n).fill(1 / n);
    const q = p.slice();
    q[n - 3] = 0;
    q[0]! += 1 / n;
    expect(klDivergence(p, q)).toBe(Infinity);
    expect(crossEntropy(p, q)).toBe(Infinity);
  });

  it('names a bad element far into a long typed or plain row', () => {
    const p = new Float64Array(n).fill(1 / n);
    p[7 * CHUNK + 5] = -0.25;
    expect(() => entropy(p)).toThrow(`p[${7 * CHUNK + 5}] is -0.25: probabilities cannot be negative`);
    const plain: unknown[] = Array.from(new Float64Array(n).fill(1 / n));
    plain[3 * CHUNK + 1] = '0.5';
    expect(() => entropy(plain as number[])).toThrow(`p[${3 * CHUNK + 1}] is "0.5": not a number`);
    const unnormalised = new Float64Array(n).fill(1.5 / n);
    expect(() => entropy(unnormalised)).toThrow(/p sums to 1\.4999\d+, not 1/);
  });

  it('the one-pass path for 1-D input gives exactly what the row kernels give', () => {
    const p = new Float64Array(n),
      q = new Float64Array(n);
    let sp = 0,
      sq = 0;
    for (let i = 0; i < n; i++) {
      sp += p[i] = 1 + Math.sin(i * 0.7);
      sq += q[i] = 1.5 + Math.cos(i * 0.11);
    }
    for (let i = 0; i < n; i++) {
      p[i]! /= sp;
      q[i]! /= sq;
    }
    q[6]! += q[5]! - p[5]!;
    q[5] = p[5]!; // one term through rel_entr's p ≈ q form, sum kept
    // A one-row batch with reduction 'sum' takes the validated row-kernel path.
    expect(entropy(p)).toBe(entropy([p], { reduction: 'sum' }));
    expect(crossEntropy(p, q)).toBe(crossEntropy([p], [q], { reduction: 'sum' }));
    expect(klDivergence(p, q)).toBe(klDivergence([p], [q], { reduction: 'sum' }));
    expect(klDivergence(p, q, { base: 2 })).toBe(klDivergence([p], [q], { reduction: 'sum', base: 2 }));
    expect(entropy(Array.from(p))).toBe(entropy(p));
  });

  it('the one-pass path still checks every element after an infinite term', () => {
    const p = new Float64Array(n).fill(1 / n);
    const q = p.slice();
    q[3] = 0;
    q[4]! += 1 / n;
    q[9 * CHUNK] = 1.5;
    expect(() => klDivergence(p, q)).toThrow(`q[${9 * CHUNK}] is 1.5: probabilities cannot exceed 1`);
  });
});
