// Property-based tests (fast-check) of the identities the core must satisfy.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  binaryCrossEntropy,
  categoricalCrossEntropy,
  crossEntropy,
  entropy,
  jsDivergence,
  klDivergence,
  logSumExp,
  softmax,
} from '../../../src/core';

const near = (a: number, b: number, tol = 1e-10) => Math.abs(a - b) <= tol * Math.max(1, Math.abs(a), Math.abs(b));

/** A distribution of C classes (entries bounded away from 0 so that q has no zeros). */
const dist = (C: number, min = 1e-3) =>
  // (with min = 0 every weight may be 0: there is no distribution to make then)
  fc
    .array(fc.double({ min, max: 1, noNaN: true }), { minLength: C, maxLength: C })
    .filter((w) => w.some((x) => x > 0))
    .map((w) => {
      const s = w.reduce((a, b) => a + b, 0);
      return w.map((x) => x / s);
    });
const pair = fc.integer({ min: 2, max: 12 }).chain((C) => fc.tuple(dist(C), dist(C)));
const logits = (C: number) => fc.array(fc.double({ min: -20, max: 20, noNaN: true }), { minLength: C, maxLength: C });

describe('properties', () => {
  it('KL(p‖q) ≥ 0, and = 0 for p = q', () => {
    fc.assert(
      fc.property(pair, ([p, q]) => {
        expect(klDivergence(p, q)).toBeGreaterThanOrEqual(0);
        expect(klDivergence(p, p)).toBe(0);
      }),
    );
  });
  it('KL(p‖q) > 0 when p and q differ clearly', () => {
    fc.assert(
      fc.property(pair, ([p, q]) => {
        fc.pre(p.some((x, i) => Math.abs(x - q[i]!) > 1e-3));
        expect(klDivergence(p, q)).toBeGreaterThan(0);
      }),
    );
  });
  it('H(p, q) = H(p) + KL(p‖q)', () => {
    fc.assert(fc.property(pair, ([p, q]) => near(crossEntropy(p, q), entropy(p) + klDivergence(p, q))));
  });
  it('JS is symmetric and at most ln 2', () => {
    fc.assert(
      fc.property(pair, ([p, q]) => {
        const a = jsDivergence(p, q),
          b = jsDivergence(q, p);
        return near(a, b, 1e-13) && a >= 0 && a <= Math.LN2 + 1e-15;
      }),
    );
  });
  it('JS of a one-hot p and any q is its closed form: ½[log(2/(1 + q_k)) + q_k log(2q_k/(1 + q_k)) + ln 2·Σ_{c≠k} q_c]', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 2, max: 2000 }).chain((C) => fc.tuple(dist(C, 0), fc.nat({ max: C - 1 }))),
        ([q, k]) => {
          const p = q.map((_, c) => (c === k ? 1 : 0));
          const qk = q[k]!;
          const rest = q.reduce((s, v, c) => (c === k ? s : s + v), 0);
          const want =
            0.5 * (Math.log(2 / (1 + qk)) + (qk > 0 ? qk * Math.log((2 * qk) / (1 + qk)) : 0) + Math.LN2 * rest);
          expect(near(jsDivergence(p, q), want, 1e-13)).toBe(true);
          expect(near(jsDivergence(q, p), want, 1e-13)).toBe(true);
        },
      ),
      { numRuns: 200 },
    );
  });
  it('H(p) ≤ log C', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 30 }).chain((C) => dist(C, 0)),
        (p) => entropy(p) <= Math.log(p.length) + 1e-12,
      ),
    );
  });
  it('results scale by 1/ln(base)', () => {
    fc.assert(
      fc.property(pair, fc.double({ min: 1.01, max: 100, noNaN: true }), ([p, q], base) => {
        const s = 1 / Math.log(base);
        return (
          near(entropy(p, { base }), entropy(p) * s) &&
          near(crossEntropy(p, q, { base }), crossEntropy(p, q) * s) &&
          near(klDivergence(p, q, { base }), klDivergence(p, q) * s, 1e-9) &&
          near(jsDivergence(p, q, { base }), jsDivergence(p, q) * s, 1e-9)
        );
      }),
    );
  });
  it('softmax sums to 1 and is shift-invariant', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 20 }).chain(logits),
        fc.double({ min: -500, max: 500, noNaN: true }),
        (z, k) => {
          const s = softmax(z);
          const t = softmax(z.map((x) => x + k));
          return (
            near(
              s.reduce((a, b) => a + b, 0),
              1,
              1e-14,
            ) &&
            s.every((v, i) => near(v, t[i]!, 1e-9)) &&
            near(logSumExp(z.map((x) => x + k)), logSumExp(z) + k, 1e-12)
          );
        },
      ),
    );
  });
  it('is invariant under permutation of the classes', () => {
    fc.assert(
      fc.property(pair, fc.nat(), ([p, q], seed) => {
        const idx = p.map((_, i) => i).sort((a, b) => ((a * 7919 + seed) % 101) - ((b * 7919 + seed) % 101) || a - b);
        const pp = idx.map((i) => p[i]!),
          qq = idx.map((i) => q[i]!);
        return (
          near(entropy(pp), entropy(p), 1e-13) &&
          near(crossEntropy(pp, qq), crossEntropy(p, q), 1e-13) &&
          near(klDivergence(pp, qq), klDivergence(p, q), 1e-12) &&
          near(jsDivergence(pp, qq), jsDivergence(p, q), 1e-12)
        );
      }),
    );
  });

  describe('every gradient matches central finite differences', () => {
    const h = 1e-6;
    const fd = (f: (x: number[]) => number, x: number[], i: number) => {
      const a = x.slice(),
        b = x.slice();
      a[i]! += h;
      b[i]! -= h;
      return (f(a) - f(b)) / (2 * h);
    };
    it('binary cross-entropy from logits (with weight and posWeight)', () => {
      fc.assert(
        fc.property(
          fc
            .integer({ min: 1, max: 6 })
            .chain((n) =>
              fc.tuple(
                fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { minLength: n, maxLength: n }),
                fc.array(fc.double({ min: -8, max: 8, noNaN: true }), { minLength: n, maxLength: n }),
                fc.array(fc.double({ min: 0, max: 3, noNaN: true }), { minLength: n, maxLength: n }),
                fc.double({ min: 0.1, max: 5, noNaN: true }),
              ),
            ),
          ([y, z, w, pw]) => {
            const opts = { fromLogits: true, weight: w, posWeight: pw };
            const g = binaryCrossEntropy(y, z, opts).grad as number[];
            return z.every(
              (_, i) => Math.abs(g[i]! - fd((x) => binaryCrossEntropy(y, x, opts).value as number, z, i)) < 1e-6,
            );
          },
        ),
      );
    });
    it('binary cross-entropy from probabilities', () => {
      fc.assert(
        fc.property(
          fc
            .integer({ min: 1, max: 6 })
            .chain((n) =>
              fc.tuple(
                fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { minLength: n, maxLength: n }),
                fc.array(fc.double({ min: 0.05, max: 0.95, noNaN: true }), { minLength: n, maxLength: n }),
              ),
            ),
          ([y, x]) => {
            const g = binaryCrossEntropy(y, x).grad as number[];
            return x.every(
              (_, i) => Math.abs(g[i]! - fd((v) => binaryCrossEntropy(y, v).value as number, x, i)) < 1e-5,
            );
          },
        ),
      );
    });
    it('categorical cross-entropy from logits (indices, weights, smoothing)', () => {
      fc.assert(
        fc.property(
          fc
            .integer({ min: 2, max: 6 })
            .chain((C) =>
              fc
                .tuple(
                  fc.array(logits(C), { minLength: 1, maxLength: 4 }),
                  fc.array(fc.double({ min: 0.1, max: 3, noNaN: true }), { minLength: C, maxLength: C }),
                  fc.double({ min: 0, max: 1, noNaN: true }),
                )
                .chain(([z, w, a]) =>
                  fc.tuple(
                    fc.constant(z),
                    fc.constant(w),
                    fc.constant(a),
                    fc.array(fc.integer({ min: 0, max: C - 1 }), { minLength: z.length, maxLength: z.length }),
                  ),
                ),
            ),
          ([z, w, a, t]) => {
            const opts = { fromLogits: true, weight: w, labelSmoothing: a };
            const g = categoricalCrossEntropy(t, z, opts).grad!;
            return z.every((row, r) =>
              row.every((_, c) => {
                const f = (x: number[]) =>
                  categoricalCrossEntropy(
                    t,
                    z.map((rr, k) => (k === r ? x : rr)),
                    opts,
                  ).value as number;
                return Math.abs(g[r]![c]! - fd(f, row, c)) < 1e-6;
              }),
            );
          },
        ),
      );
    });
    it('categorical cross-entropy from probabilities (probability targets)', () => {
      fc.assert(
        fc.property(
          fc.integer({ min: 2, max: 6 }).chain((C) => fc.tuple(dist(C, 0.05), dist(C, 0.05))),
          ([t, q]) => {
            const g = categoricalCrossEntropy([t], [q]).grad!;
            // The loss is read off the log; perturb one entry (the sum check allows 1e-6).
            return q.every((_, c) => {
              const f = (x: number[]) => -t.reduce((s, ti, i) => s + ti * Math.log(x[i]!), 0);
              return Math.abs(g[0]![c]! - fd(f, q, c)) < 1e-5;
            });
          },
        ),
      );
    });
  });
});
