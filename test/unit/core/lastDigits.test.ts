// The last digits, against mpmath at 50 digits (scripts/reference/last-digits.py):
// rows of millions of logits (test/fixtures/last-digits.json), analyze's KL for
// logit predictions next to the target, and the gradients near the optimum.
// The near-identical KL / JS cases and the shorter long rows are in
// reference-cases.json (ids last-digits/…), run by referenceCases.test.ts.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  analyze,
  binaryCrossEntropy,
  categoricalCrossEntropy,
  jsDivergence,
  klDivergence,
  logSoftmax,
  logSumExp,
  softmax,
  sum,
} from '../../../src/core';

interface LongRow {
  head: number[];
  fill: number;
  length: number;
  logSumExp: number;
  softmaxHead: number[];
  softmaxFill: number;
  logSoftmaxHead: number[];
  logSoftmaxFill: number;
  cceTarget0: number;
  cceGrad0: number;
}
interface AnalyzeKl {
  target: number[];
  logits: number[];
  klPQ: number;
}
const file = JSON.parse(readFileSync(join(__dirname, '../../fixtures/last-digits.json'), 'utf8')) as {
  generator: string;
  longRows: LongRow[];
  analyzeKl: AnalyzeKl[];
};

const rel = (got: number, want: number) => (want === 0 ? Math.abs(got) : Math.abs(got - want) / Math.abs(want));

function build(c: LongRow): Float64Array {
  const x = new Float64Array(c.length).fill(c.fill);
  x.set(c.head);
  return x;
}

describe(`last digits (${file.generator})`, () => {
  describe.each(
    file.longRows.map((c) => [`[${c.head.join(', ')}, ${c.length - c.head.length} × ${c.fill}]`, c] as const),
  )('row %s', (_name, c) => {
    const x = build(c);
    it('logSumExp to 1e-15', () => expect(rel(logSumExp(x), c.logSumExp)).toBeLessThanOrEqual(1e-15));
    it('softmax and logSoftmax to 1e-15', () => {
      const s = softmax(x),
        l = logSoftmax(x);
      c.head.forEach((_, i) => {
        expect(rel(s[i]!, c.softmaxHead[i]!)).toBeLessThanOrEqual(1e-15);
        expect(rel(l[i]!, c.logSoftmaxHead[i]!)).toBeLessThanOrEqual(1e-15);
      });
      expect(rel(s[c.length - 1]!, c.softmaxFill)).toBeLessThanOrEqual(1e-15);
      expect(rel(l[c.length - 1]!, c.logSoftmaxFill)).toBeLessThanOrEqual(1e-15);
    });
    it('categorical cross-entropy and its gradient to 1e-15', () => {
      const r = categoricalCrossEntropy([0], [x], { fromLogits: true });
      expect(rel(r.value as number, c.cceTarget0)).toBeLessThanOrEqual(1e-15);
      const g = r.grad![0]!;
      expect(rel(g[0]!, c.cceGrad0)).toBeLessThanOrEqual(1e-15);
      expect(rel(g[c.length - 1]!, c.softmaxFill)).toBeLessThanOrEqual(1e-15);
    });
  });

  it.each(file.analyzeKl.map((c) => [c.klPQ, c] as const))(
    "analyze: KL(p‖softmax(z)) = %s for z next to log p, to the input's conditioning",
    (_kl, c) => {
      const a = analyze(c.target, c.logits, { prediction: 'logits' });
      // δ = log p - log q carries an absolute error of ~1e-16·|log p|; KL ~ δ²/2.
      const conditioning = (4e-16 * Math.max(...c.target.map((p) => Math.abs(Math.log(p))))) / Math.sqrt(2 * c.klPQ);
      expect(rel(a.klPQ.nats, c.klPQ)).toBeLessThanOrEqual(Math.max(conditioning, 1e-15));
      expect(a.perRow[0]!.klPQ.nats).toBe(a.klPQ.nats);
    },
  );

  it('BCE gradient on probabilities at x = y ± 1e-12: (x - y)/(x(1 - x)) to 1e-15', () => {
    const ys = [0.3, 0.5, 0.77, 0.0125],
      xs = ys.map((y, i) => y + (i % 2 ? 1e-12 : -1e-12));
    const g = binaryCrossEntropy(ys, xs, { reduction: 'sum' }).grad as number[];
    // x - y is exact here; x(1 - x) rounds twice, the quotient once.
    xs.forEach((x, i) => expect(rel(g[i]!, (x - ys[i]!) / (x * (1 - x)))).toBeLessThanOrEqual(4e-16));
  });

  it('CCE gradient of a confident row: p - 1 as -rest/(1 + rest), not 0', () => {
    const g = categoricalCrossEntropy([0], [[40, 0, 0]], { fromLogits: true }).grad![0]!;
    const rest = 2 * Math.exp(-40);
    expect(rel(g[0]!, -rest / (1 + rest))).toBeLessThanOrEqual(2e-16);
  });

  it('CCE gradient of a probability below 1e-308 is finite when the scaled value is', () => {
    const r = categoricalCrossEntropy(
      [0, 1],
      [
        [1e-310, 1],
        [0.5, 0.5],
      ],
      { weight: [1, 1e20] },
    );
    const g = r.grad![0]![0]!;
    expect(Number.isFinite(g)).toBe(true);
    expect(rel(g, -1 / (1e-310 * (1 + 1e20)))).toBeLessThanOrEqual(1e-14);
  });

  it('KL and JS of nearly identical rows over many chunks keep their digits', () => {
    // p and q multiples of 2^-53 with equal sums: q = p moved by ±k·2^-53 in pairs.
    const n = 5000,
      p = new Float64Array(n),
      q = new Float64Array(n);
    const u = 2 ** -53,
      base = Math.floor(2 ** 53 / n);
    for (let i = 0; i < n; i++) p[i] = base * u;
    p[0] = (2 ** 53 - base * (n - 1)) * u;
    const kl: number[] = [],
      js: number[] = [];
    for (let i = 0; i < n; i++) {
      const k = i % 2 ? 3 : -3;
      q[i] = p[i]! + k * u;
      // KL ≈ Σ D²/(2q) - D³/(6q²): the cubic term is below 1e-16 of the sum here.
      const D = p[i]! - q[i]!;
      kl.push((D * D) / (2 * q[i]!) - (D * D * D) / (6 * q[i]! * q[i]!));
      js.push((D * D) / (4 * (p[i]! + q[i]!)));
    }
    expect(rel(klDivergence(p, q), sum(kl))).toBeLessThanOrEqual(1e-15);
    expect(rel(jsDivergence(p, q), sum(js))).toBeLessThanOrEqual(1e-15);
  });
});
