import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  analyze,
  CoreError,
  crossEntropy,
  entropy,
  entropyOf,
  jsDivergence,
  klDivergence,
  logSoftmax,
  softmax,
  sum,
  type AnalyzeOptions,
  type TermRule,
} from '../../../src/core';
import { setSimdMode } from '../../../src/core/simd';

const close = (a: number, b: number, tol = 1e-12) =>
  expect(Math.abs(a - b)).toBeLessThanOrEqual(tol * Math.max(1, Math.abs(b)));

describe('analyze', () => {
  it('gives the figures of a one-hot / probability pair in nats and bits', () => {
    const a = analyze([0, 1, 0], [0.2, 0.7, 0.1]);
    expect(a.targetKind).toBe('one-hot');
    expect(a.predictionKind).toBe('probabilities');
    expect(a.batched).toBe(false);
    expect([a.rows, a.classes]).toEqual([1, 3]);
    close(a.crossEntropy.nats, 0.35667494393873245);
    close(a.crossEntropy.bits, 0.35667494393873245 / Math.LN2);
    close(a.entropy.nats, 0);
    close(a.klPQ.nats, 0.35667494393873245);
    expect(a.klQP.nats).toBe(Infinity); // q > 0 where p = 0
    close(a.js.nats, jsDivergence([0, 1, 0], [0.2, 0.7, 0.1]));
    close(a.perplexity, 1 / 0.7);
    expect(a.terms.map((t) => t.rule)).toEqual(['regular', 'regular', 'regular']);
    close(a.terms[1]!.contribution, -Math.log(0.7));
    expect(a.terms[0]!.contribution).toBe(0);
    // d H / d q = -p/q
    expect(a.grad[0]![0]).toBe(0);
    close(a.grad[0]![1]!, -1 / 0.7);
    expect(a.perRow).toHaveLength(1);
  });

  it('agrees with the named functions on a batch of distributions', () => {
    const p = [
      [0.1, 0.9],
      [0.5, 0.5],
      [0.3, 0.7],
    ];
    const q = [
      [0.2, 0.8],
      [0.6, 0.4],
      [0.25, 0.75],
    ];
    const a = analyze(p, q);
    expect(a.batched).toBe(true);
    close(a.entropy.nats, entropy(p) as number);
    close(a.crossEntropy.nats, crossEntropy(p, q) as number);
    close(a.klPQ.nats, klDivergence(p, q) as number);
    close(a.klQP.nats, klDivergence(q, p) as number);
    close(a.js.nats, jsDivergence(p, q) as number);
    expect(a.perRow.map((r) => r.crossEntropy.nats)).toEqual(
      (crossEntropy(p, q, { reduction: 'none' }) as number[]).map((v) => expect.closeTo(v, 12)),
    );
    expect(a.terms).toHaveLength(6);
    expect(a.terms[5]).toMatchObject({ row: 2, index: 1 });
  });

  it('reads logits, gives softmax probabilities and the softmax - y gradient', () => {
    const z = [
      [0.5, 2.0, -1.0],
      [1.0, -2.0, 0.5],
    ];
    const a = analyze([1, 0], z);
    expect(a.predictionKind).toBe('logits');
    expect(a.targetKind).toBe('class-indices');
    const s = softmax(z);
    a.probabilities.forEach((row, r) => row.forEach((v, c) => close(v, s[r]![c]!)));
    close(a.grad[0]![0]!, (s[0]![0]! - 0) / 2);
    close(a.grad[0]![1]!, (s[0]![1]! - 1) / 2);
    close(a.grad[1]![0]!, (s[1]![0]! - 1) / 2);
    close(a.crossEntropy.nats, (-Math.log(s[0]![1]!) - Math.log(s[1]![0]!)) / 2);
    expect(a.warnings.some((w) => w.includes('logits'))).toBe(true);
  });

  it('takes one class index for a 1-D prediction', () => {
    const a = analyze([2], [0.1, 0.2, 0.7]);
    expect(a.targetKind).toBe('class-indices');
    close(a.crossEntropy.nats, -Math.log(0.7));
  });

  it('names the rule of every special term', () => {
    const a = analyze([0.5, 0.5, 0], [1, 0, 0]);
    expect(a.terms.map((t) => t.rule)).toEqual(['regular', 'infinite-q-zero', 'zero-times-log-zero']);
    expect(a.crossEntropy.nats).toBe(Infinity);
    expect(a.warnings.join(' ')).toContain('q[1] is 0 where p > 0');
    expect(a.terms[1]!.note).toContain('Infinity');

    const clipped = analyze([0.5, 0.5, 0], [1, 0, 0], { eps: 1e-7 });
    expect(clipped.terms.map((t) => t.rule)).toEqual(['clipped-eps', 'clipped-eps', 'clipped-eps']);
    close(clipped.terms[1]!.contribution, -0.5 * Math.log(1e-7));
    expect(clipped.grad[0]).toEqual([0, 0, 0]);

    const masked = analyze([1, 0, 0], [2, -Infinity, 0.5], { prediction: 'logits' });
    expect(masked.terms[1]!.rule).toBe('masked-neg-inf-logit');
    expect(masked.terms[1]!.contribution).toBe(0);
    expect(masked.probabilities[0]![1]).toBe(0);
    expect(Number.isFinite(masked.crossEntropy.nats)).toBe(true);

    const ignored = analyze(
      [1, -100],
      [
        [0.2, 0.8],
        [0.6, 0.4],
      ],
    );
    expect(ignored.terms.filter((t) => t.row === 1).every((t) => t.rule === 'ignored-index')).toBe(true);
    close(ignored.crossEntropy.nats, -Math.log(0.8));
    expect(ignored.grad[1]).toEqual([0, 0]);
    expect(ignored.perRow[1]!.ignored).toBe(true);
  });

  it('applies label smoothing and normalize', () => {
    const a = analyze([1], [0.3, 0.7], { labelSmoothing: 0.2 });
    expect(a.terms.map((t) => t.p)).toEqual([0.1, 0.9]);
    const n = analyze([1, 3], [2, 2], { normalize: true });
    close(n.crossEntropy.nats, Math.log(2));
    close(n.entropy.nats, entropy([0.25, 0.75]));
  });

  it('reads a vector with negatives as logits in auto mode, with a warning', () => {
    const a = analyze([1, 0], [1.2, -0.2]);
    expect(a.predictionKind).toBe('logits');
    expect(a.warnings[0]).toMatch(/read as logits/);
  });

  it('never yields NaN on extreme logits', () => {
    const a = analyze([0, 1], [1e300, -1e300], { prediction: 'logits' });
    // q of the true class underflows to 0, but log q = -2e300 is exact: the loss is finite.
    expect(a.crossEntropy.nats).toBe(2e300);
    expect(a.terms[1]!.rule).toBe('regular');
    for (const v of [a.entropy.nats, a.klPQ.nats, a.js.nats, ...a.grad.flat(), ...a.probabilities.flat()])
      expect(Number.isNaN(v)).toBe(false);
  });

  it.each([
    [[0.5, 0.5], [0.2, 0.3, 0.5], 'LENGTH_MISMATCH', 'target has 2 values, prediction has 3'],
    [[0.5, 0.5], [1.2, -0.2], 'NEGATIVE', 'prediction[1] is -0.2: probabilities cannot be negative'],
    [[0.5, 0.5], [0.5, NaN], 'NON_FINITE', 'prediction[1]'],
    [[0.2, 0.2], [0.5, 0.5], 'NOT_NORMALIZED', 'target sums to 0.4'],
    [
      [3, 0],
      [
        [0.5, 0.5],
        [0.5, 0.5],
      ],
      'OUT_OF_RANGE',
      'target[0] is 3',
    ],
    [[1, 0], [2, -1], 'NEGATIVE', 'prediction[1] is -1: probabilities cannot be negative'],
    [
      [
        [0.5, 0.5],
        [1, 0],
      ],
      [
        [0.5, 0.5],
        [1, 0, 0],
      ],
      'LENGTH_MISMATCH',
      'row 1 has 3 values, row 0 has 2',
    ],
  ])('throws a CoreError saying what and where: %j vs %j', (t, q, code, text) => {
    let err: unknown;
    try {
      analyze(t as never, q as never, { prediction: 'probabilities' });
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(CoreError);
    expect((err as CoreError).code).toBe(code);
    expect((err as CoreError).message).toContain(text);
  });
});

describe('entropyOf', () => {
  it('summarises one array by its kind', () => {
    close(entropyOf([0.5, 0.5]).entropy!.bits, 1);
    expect(entropyOf([0, 0, 1]).entropy!.nats).toBe(0);
    close(entropyOf([-1, -1]).entropy!.nats, Math.log(2)); // equal logits → uniform
    const counts = entropyOf([2, 2, 4.5]);
    expect(counts.kind).toBe('counts');
    close(counts.perplexity!, Math.exp(entropy([2, 2, 4.5], { normalize: true }) as number));
    const labels = entropyOf([0, 1, 1, 2]);
    expect(labels.kind).toBe('class-indices');
    expect(labels.labelCounts).toEqual([1, 2, 1]);
    expect(entropyOf([NaN]).entropy).toBeUndefined();
    expect(entropyOf([NaN]).kind).toBe('unknown');
  });

  it('counts the labels of class indices by table or by sort alike, as a plain tally does', () => {
    // Small labels (counted in a table) and labels past 2n + 16 (sorted), in plain and typed rows.
    const labelArrays = fc.oneof(
      fc.array(fc.integer({ min: 0, max: 40 }), { minLength: 1, maxLength: 200 }),
      fc.array(fc.oneof(fc.integer({ min: 0, max: 5 }), fc.integer({ min: 0, max: 2 ** 40 })), {
        minLength: 1,
        maxLength: 60,
      }),
    );
    fc.assert(
      fc.property(labelArrays, fc.boolean(), (labels, typed) => {
        const e = entropyOf(typed ? Float64Array.from(labels) : labels);
        if (e.kind !== 'class-indices') return; // a row like [0, 1] reads as one-hot
        const tally = new Map<number, number>();
        for (const l of labels) tally.set(l, (tally.get(l) ?? 0) + 1);
        const present = [...tally.keys()].sort((a, b) => a - b);
        expect(e.labels).toEqual(present);
        expect(e.labelTally).toEqual(present.map((l) => tally.get(l)));
        const top = present[present.length - 1]!;
        expect(e.labelCounts).toEqual(
          top < 2 * labels.length + 16 ? Array.from({ length: top + 1 }, (_, l) => tally.get(l) ?? 0) : undefined,
        );
      }),
      { numRuns: 300 },
    );
  });

  // A program's values (the debugger's live values) come as Float64Arrays: read as they are, never copied to plain arrays.
  it("keeps typed rows typed and gives the plain rows' entropy within an ulp", () => {
    const counts = Float64Array.from({ length: 5000 }, (_, i) => 1.5 + (i % 13));
    const typed = entropyOf(counts),
      plain = entropyOf(Array.from(counts));
    expect(typed.kind).toBe('counts');
    expect(typed.probabilities![0]).toBeInstanceOf(Float64Array);
    expect(Array.isArray(plain.probabilities![0])).toBe(true);
    expect(Array.from(typed.probabilities![0]!)).toEqual(plain.probabilities![0]);
    close(typed.entropy!.nats, plain.entropy!.nats, 4e-16);
    const data = Float64Array.from({ length: 3 * 400 }, (_, i) => Math.sin(i) * 3);
    const rows = [0, 1, 2].map((r) => data.subarray(r * 400, (r + 1) * 400));
    const logits = entropyOf(rows),
      plainLogits = entropyOf(rows.map((r) => Array.from(r)));
    expect(logits.kind).toBe('logits');
    expect(logits.probabilities).toHaveLength(3);
    expect(logits.probabilities!.every((r) => r instanceof Float64Array)).toBe(true);
    expect(logits.probabilities!.map((r) => Array.from(r))).toEqual(plainLogits.probabilities);
    close(logits.entropy!.nats, plainLogits.entropy!.nats, 4e-16);
    const huge = [1.5e308, 1.5e308, 0.5]; // too large to sum: the same answer either way
    expect(entropyOf(Float64Array.from(huge)).entropy).toEqual(entropyOf(huge).entropy);
  });

  // A derived p (normalised counts, softmax of logits) beyond `keep` is computed and
  // dropped: a long typed row goes to the SIMD kernels chunk by chunk, never whole.
  it('with keep, gives the same entropy bit for bit and keeps the first values of p', () => {
    const long = Float64Array.from({ length: 3 * 4096 + 7 }, (_, i) => 0.5 + ((i * 7919) % 29));
    const subnormal = Float64Array.from(long, (x, i) => (i === 5000 ? 1e-310 : x)); // p subnormal: JavaScript's path
    const huge = new Float64Array(6000).fill(1.5e308); // a sum of +Infinity
    huge[0] = 0.5;
    const data = Float64Array.from({ length: 300 * 50 }, (_, i) => 4 * Math.sin(i * 0.7));
    const rows = Array.from({ length: 300 }, (_, r) => data.subarray(r * 50, (r + 1) * 50));
    const logitRow = Float64Array.from({ length: 9000 }, (_, i) => 6 * Math.cos(i));
    const inputs: (Float64Array | Float64Array[] | number[][])[] = [
      long,
      subnormal,
      huge,
      rows,
      rows.map((r) => Array.from(r)),
      logitRow,
      [logitRow],
    ];
    for (const mode of ['auto', 'off'] as const) {
      setSimdMode(mode);
      try {
        for (const values of inputs) {
          const all = entropyOf(values);
          for (const keep of [0, 1, 70, 2000, 20000]) {
            const some = entropyOf(values, { keep });
            expect(some.kind).toBe(all.kind);
            expect(some.entropy, `${mode} keep ${keep}`).toEqual(all.entropy);
            expect(some.perplexity).toEqual(all.perplexity);
            if (!all.probabilities) {
              expect(some.probabilities).toBeUndefined();
              continue;
            }
            // The kept rows are the first of p, the last one cut at `keep` values in all.
            const flat = (ps: ArrayLike<number>[]) => ps.flatMap((r) => Array.from(r));
            expect(flat(some.probabilities!)).toEqual(flat(all.probabilities).slice(0, keep));
            expect(some.probabilities!.every((r) => r.length > 0)).toBe(true);
          }
        }
      } finally {
        setSimdMode('auto');
      }
    }
    expect(entropyOf(long).kind).toBe('counts');
    expect(entropyOf(logitRow).kind).toBe('logits');
    expect(entropyOf(huge).kind).toBe('counts');
    // keep is a count: a fraction is rounded down; NaN or a negative keeps all.
    const all = entropyOf(long);
    const some = entropyOf(long, { keep: 70.5 });
    expect(some.entropy).toEqual(all.entropy);
    expect(some.probabilities!.map((r) => r.length)).toEqual([70]);
    for (const keep of [NaN, -1]) expect(entropyOf(long, { keep }).probabilities![0]!.length).toBe(long.length);
  });
});

describe("analyze with detail: 'figures'", () => {
  const cases: [string, number[] | number[][], number[] | number[][], Parameters<typeof analyze>[2]][] = [
    ['one-hot vs probabilities', [0, 1, 0], [0.2, 0.7, 0.1], {}],
    [
      'a batch of distributions',
      [
        [0.1, 0.9],
        [0.5, 0.5],
      ],
      [
        [0.2, 0.8],
        [0.6, 0.4],
      ],
      {},
    ],
    [
      'class indices vs logits, one ignored',
      [2, -100, 0],
      [
        [1, 2, 3],
        [0, 0, 0],
        [-1, 5, 0.5],
      ],
      { prediction: 'logits' },
    ],
    ['an unnormalised prediction, normalised', [0, 1, 0], [0.2, 0.5, 0.2], { normalize: true }],
    ['eps clipping and q = 0', [0.5, 0.5, 0], [1, 0, 0], { eps: 1e-7 }],
    ['q = 0 where p > 0 (infinite)', [0.5, 0.5], [1, 0], {}],
    [
      'label smoothing with masked logits',
      [1, 0],
      [
        [-Infinity, 2],
        [1, 1],
      ],
      { prediction: 'logits', labelSmoothing: 0.1 },
    ],
  ];
  for (const [label, t, q, options] of cases) {
    it(`gives the same figures, rows and warnings as the full analysis: ${label}`, () => {
      const full = analyze(t, q, options);
      const figures = analyze(t, q, { ...options, detail: 'figures' });
      const { terms, grad, probabilities, ...rest } = full;
      expect(terms.length).toBeGreaterThan(0);
      expect(grad.length).toBeGreaterThan(0);
      expect(probabilities.length).toBeGreaterThan(0);
      expect(figures).toEqual({ ...rest, terms: [], grad: [], probabilities: [] });
    });
  }

  for (const [label, t, q, options] of cases) {
    it(`keeps the first maxTerms elements' detail and counts every rule: ${label}`, () => {
      const full = analyze(t, q, options);
      const C = full.classes;
      for (const maxTerms of [0, 1, C - 1, C, C + 1, 10 * full.rows * C]) {
        const some = analyze(t, q, { ...options, maxTerms });
        const { terms, grad, probabilities, ...rest } = full;
        expect({ ...some, terms: [], grad: [], probabilities: [] }).toEqual({
          ...rest,
          terms: [],
          grad: [],
          probabilities: [],
        });
        expect(some.terms).toEqual(terms.slice(0, maxTerms));
        // Gradient and probability rows are cut at the same element: whole rows, then part of one.
        const cut = (rows: number[][]) =>
          rows.map((row, r) => row.slice(0, Math.max(0, maxTerms - r * C))).filter((row) => row.length > 0);
        expect(some.grad).toEqual(cut(grad));
        expect(some.probabilities).toEqual(cut(probabilities));
      }
      const counted: Record<string, number> = {};
      for (const term of full.terms) if (term.rule !== 'regular') counted[term.rule] = (counted[term.rule] ?? 0) + 1;
      expect(full.ruleCounts).toEqual(counted);
    });
  }

  for (const [label, t, q, options] of cases) {
    it(`keeps the first maxRows rows' figures and every row in the rest: ${label}`, () => {
      const full = analyze(t, q, options);
      for (const maxRows of [0, 1, full.rows - 1, full.rows, full.rows + 5]) {
        const some = analyze(t, q, { ...options, maxRows });
        expect(some.perRow).toEqual(full.perRow.slice(0, maxRows));
        expect({ ...some, perRow: [] }).toEqual({ ...full, perRow: [] });
      }
    });
  }

  it('rejects a maxRows that is not a count', () => {
    expect(() => analyze([0, 1], [0.5, 0.5], { maxRows: -1 })).toThrow(/maxRows is -1/);
    expect(() => analyze([0, 1], [0.5, 0.5], { maxRows: NaN })).toThrow(/maxRows is NaN/);
  });

  it('rejects a maxTerms that is not a count', () => {
    expect(() => analyze([0, 1], [0.5, 0.5], { maxTerms: -1 })).toThrow(/maxTerms is -1/);
    expect(() => analyze([0, 1], [0.5, 0.5], { maxTerms: 'all' as unknown as number })).toThrow(/maxTerms is "all"/);
  });

  it('keeps 2000 terms of a 10^6-element pair and counts its special terms past them', () => {
    const n = 1_000_000;
    const p = new Float64Array(n).fill(1 / (n - 1));
    p[n - 1] = 0;
    const q = new Float64Array(n).fill(1 / (n - 1));
    q[n - 1] = 0; // 0·log 0 at the last element only
    const a = analyze(p, q, { maxTerms: 2000 });
    expect(a.terms).toHaveLength(2000);
    expect(a.grad[0]).toHaveLength(2000);
    expect(a.ruleCounts).toEqual({ 'zero-times-log-zero': 1 });
    close(a.crossEntropy.nats, Math.log(n - 1), 1e-9);
  });

  it('rejects an unknown detail', () => {
    expect(() => analyze([0, 1], [0.5, 0.5], { detail: 'some' as 'full' })).toThrow(/detail is "some"/);
  });
});

/**
 * analyze's reading of a probability prediction, element by element from the
 * definitions (Math.log, one object per element): the model the fast path that
 * reads rows in place must agree with.
 */
function modelRow(t: number[] | number, x: number[], C: number, o: AnalyzeOptions) {
  const alpha = o.labelSmoothing ?? 0;
  // sums as the core takes them (compensated), so that a value on eps's boundary is on the same side
  const s = o.normalize ? sum(x) : 1;
  const q = x.map((v) => (o.normalize ? v / s : v));
  const eps = o.eps;
  const clipped = q.map((v) => eps !== undefined && (v < eps || v > 1 - eps));
  const qc = q.map((v, c) => (clipped[c] ? (v < eps! ? eps! : 1 - eps!) : v));
  const ts = Array.isArray(t) && o.normalize ? sum(t) : 1;
  const p = Array.isArray(t)
    ? t.map((v) => (1 - alpha) * (v / ts) + alpha / C)
    : Array.from({ length: C }, (_, c) => alpha / C + (c === t ? 1 - alpha : 0));
  const terms = qc.map((v, c) => {
    const rule: TermRule = clipped[c]
      ? 'clipped-eps'
      : v === 0
        ? p[c] === 0
          ? 'zero-times-log-zero'
          : 'infinite-q-zero'
        : 'regular';
    const contribution = v === 0 ? (p[c]! > 0 ? Infinity : 0) : p[c]! > 0 ? -p[c]! * Math.log(v) : 0;
    return { rule, contribution, p: p[c]!, q: v };
  });
  const ps = sum(p);
  const grad = q.map((v, c) => {
    if (clipped[c]) return 0;
    if (p[c] === 0) return o.normalize ? ps / s : 0;
    if (v === 0) return -Infinity;
    return o.normalize ? (-p[c]! / v + ps) / s : -p[c]! / v;
  });
  return { q, terms, grad, ce: terms.reduce((a, b) => a + b.contribution, 0) };
}

describe('analyze of probability predictions, against the element-by-element model', () => {
  const value = fc.oneof(fc.constant(0), fc.constant(1), fc.double({ min: 1e-9, max: 1, noNaN: true }));
  it('gives the same terms, rules, gradient, probabilities and cross-entropy, typed or plain, 1-D or 2-D', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 3 }),
        fc.integer({ min: 2, max: 40 }),
        fc.array(value, { minLength: 120, maxLength: 120 }),
        fc.array(value, { minLength: 120, maxLength: 120 }),
        fc.record({
          eps: fc.constantFrom(undefined, 1e-7, 0.2),
          normalize: fc.boolean(),
          labelSmoothing: fc.constantFrom(0, 0.1),
          maxTerms: fc.constantFrom(undefined, 5),
        }),
        fc.boolean(),
        fc.boolean(),
        (N, C, a, b, o, typed, indices) => {
          // rows that sum to 1 (or are scaled by 3 when normalize is asked), so that validation passes
          const rowsOf = (w: number[]) =>
            Array.from({ length: N }, (_, r) => {
              const row = w.slice(r * C, (r + 1) * C);
              const s = row.reduce((x, y) => x + y, 0);
              return s > 0 ? row.map((x) => (o.normalize ? 3 * x : x / s)) : row.map((_, c) => (c === 0 ? 1 : 0));
            });
          const T = indices ? Array.from({ length: N }, (_, r) => (r * 7) % C) : rowsOf(a);
          const X = rowsOf(b);
          const asInput = (rows: number[][]) => (typed ? rows.map((r) => Float64Array.from(r)) : rows);
          const options = { ...o, prediction: 'probabilities' as const };
          const got = analyze(
            (indices ? T : asInput(T as number[][])) as number[][],
            asInput(X) as number[][],
            options,
          );
          const model = X.map((x, r) => modelRow(indices ? (T as number[])[r]! : (T as number[][])[r]!, x, C, o));
          const keep = o.maxTerms ?? Infinity;
          const want = model.flatMap((m) => m.terms).slice(0, keep);
          expect(got.terms.map((t) => t.rule)).toEqual(want.map((t) => t.rule));
          got.terms.forEach((t, i) => {
            close(t.p, want[i]!.p, 1e-15);
            close(t.q, want[i]!.q, 1e-15);
          });
          got.terms.forEach((t, i) =>
            Number.isFinite(want[i]!.contribution)
              ? close(t.contribution, want[i]!.contribution, 1e-15)
              : expect(t.contribution).toBe(want[i]!.contribution),
          );
          const counts: Partial<Record<TermRule, number>> = {};
          for (const t of model.flatMap((m) => m.terms))
            if (t.rule !== 'regular') counts[t.rule] = (counts[t.rule] ?? 0) + 1;
          expect(got.ruleCounts).toEqual(counts);
          const qs = model.flatMap((m) => m.q).slice(0, keep);
          expect(got.probabilities.flat()).toHaveLength(qs.length);
          got.probabilities.flat().forEach((v, i) => close(v, qs[i]!, 1e-15));
          got.grad.flat().forEach((g, i) => {
            const w = model.flatMap((m) => m.grad)[i]! / N;
            if (Number.isFinite(w)) close(g, w, 1e-9);
            else expect(g).toBe(w);
          });
          const ce = model.reduce((a, m) => a + m.ce, 0) / N;
          if (Number.isFinite(ce)) close(got.crossEntropy.nats, ce, 1e-12);
          else expect(got.crossEntropy.nats).toBe(ce);
        },
      ),
      { numRuns: 400 },
    );
  });
});

describe('analyze of logit predictions, rows with no rule but the regular one', () => {
  const logitRow = (C: number) =>
    fc.array(fc.double({ min: -30, max: 30, noNaN: true }), { minLength: C, maxLength: C });
  it('gives each row -log softmax at its label, to the bit, with the terms of the rule loop', () => {
    fc.assert(
      fc.property(
        fc
          .integer({ min: 2, max: 30 })
          .chain((C) => fc.tuple(fc.array(logitRow(C), { minLength: 1, maxLength: 4 }), fc.nat({ max: C - 1 }))),
        fc.boolean(),
        ([X, k], typed) => {
          const labels = X.map((_, r) => (k + r) % X[0]!.length);
          const got = analyze(labels, (typed ? X.map((x) => Float64Array.from(x)) : X) as number[][], {
            prediction: 'logits',
          });
          got.perRow.forEach((row, r) => {
            const want = -logSoftmax(X[r]!)[labels[r]!]!;
            expect(row.crossEntropy.nats).toBe(want);
          });
          expect(got.ruleCounts).toEqual({});
          got.terms.forEach((t) => {
            expect(t.rule).toBe('regular');
            expect(t.contribution).toBe(t.p > 0 ? -logSoftmax(X[t.row]!)[t.index]! : 0);
          });
          expect(got.terms).toHaveLength(X.length * X[0]!.length);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('takes the rules where a row has a -Infinity logit, a clipped q or an ignored label, and the rest as alone', () => {
    const X = [
      [2, -1, 0.5, 3],
      [1, -Infinity, 0, 2],
      [0.1, 0.2, 0.3, 0.4],
      [40, -40, 0, 1],
    ];
    const labels = [0, 1, -100, 2];
    const got = analyze(labels, X, { prediction: 'logits' });
    expect(got.ruleCounts).toEqual({ 'masked-neg-inf-logit': 1, 'ignored-index': 4 });
    expect(got.perRow.map((r) => r.crossEntropy.nats)).toEqual([
      analyze([0], [X[0]!], { prediction: 'logits' }).crossEntropy.nats,
      Infinity,
      0,
      analyze([2], [X[3]!], { prediction: 'logits' }).crossEntropy.nats,
    ]);
    expect(got.perRow[2]!.ignored).toBe(true);
    const clipped = analyze(labels, X, { prediction: 'logits', eps: 1e-7 });
    expect(clipped.ruleCounts['clipped-eps']).toBe(4); // row 3: three below eps, one above 1 - eps
    expect(clipped.perRow[0]!.crossEntropy.nats).toBe(got.perRow[0]!.crossEntropy.nats);
  });

  it('gives a class index without smoothing H(p) = +0, and KL(q‖p) infinite only where q has mass off the label', () => {
    const X = [
      [0, -800, -800],
      [0, -800, -800],
      [1, 2, 3],
    ];
    const rows = (labels: number[], o: AnalyzeOptions = {}) =>
      labels.map((k, r) => analyze([k], [X[r]!], { prediction: 'logits', ...o }));
    const [underflowAtLabel, underflowOff, smooth] = rows([0, 1, 2]);
    expect(Object.is(underflowAtLabel!.perRow[0]!.entropy.nats, 0)).toBe(true);
    expect(underflowAtLabel!.klQP.nats).toBe(0); // q = [1, 0, 0] is p itself
    expect(underflowOff!.klQP.nats).toBe(Infinity);
    expect(smooth!.klQP.nats).toBe(Infinity);
    const smoothed = rows([0, 1, 2], { labelSmoothing: 0.1 });
    // Smoothing leaves no zero in p: KL(q‖p) is finite, as klDivergence gives it.
    for (const a of smoothed) {
      expect(Number.isFinite(a.klQP.nats)).toBe(true);
      close(
        a.klQP.nats,
        klDivergence(
          a.probabilities[0]!,
          a.terms.map((t) => t.p),
        ),
      );
    }
  });

  it('reads log q = -Infinity where a logit is finite but x - max overflows', () => {
    const X = [[1.7e308, -1.7e308]];
    const infinite = analyze([1], X, { prediction: 'logits' });
    expect(infinite.ruleCounts).toEqual({ 'infinite-q-zero': 1 });
    expect(infinite.crossEntropy.nats).toBe(Infinity);
    const zero = analyze([0], X, { prediction: 'logits' });
    expect(zero.ruleCounts).toEqual({ 'zero-times-log-zero': 1 });
    expect(zero.crossEntropy.nats).toBe(0);
  });
});
