// Test doubles for the finder and the core with the shapes of src/parse and
// src/core: a fixed finder result (so each test states exactly what was found)
// and a small, straightforward implementation of the core's analyze.
import type { Analysis, AnalyzeOptions, Engine, FindResult, FoundArray, Values } from '../../../src/extension/features/shapes';

export function arrayAt(text: string, literal: string, values: Values, extra: Partial<FoundArray> = {}): FoundArray {
  const start = text.indexOf(literal);
  if (start < 0) throw new Error(`fixture: ${literal} not in text`);
  const shape = Array.isArray(values[0]) ? [values.length, (values[0] as number[]).length] : [values.length];
  return { start, end: start + literal.length, values, shape, role: 'probabilities', roleReason: 'sums to 1', issues: [], ...extra };
}

export interface CountingEngine extends Engine {
  finds: number;
  analyses: number;
}

export function engineFor(result: FindResult | ((text: string) => FindResult)): CountingEngine {
  const engine: CountingEngine = {
    finds: 0,
    analyses: 0,
    findArrays(text) {
      engine.finds++;
      return typeof result === 'function' ? result(text) : result;
    },
    analyze(target, prediction, options) {
      engine.analyses++;
      return simpleAnalyze(target, prediction, options);
    },
  };
  return engine;
}

const rows = (v: Values): number[][] => (Array.isArray(v[0]) ? (v as number[][]) : [v as number[]]);
const softmax = (r: number[]): number[] => {
  const m = Math.max(...r);
  const e = r.map((x) => Math.exp(x - m));
  const s = e.reduce((a, b) => a + b, 0);
  return e.map((x) => x / s);
};
const xlogy = (x: number, y: number): number => (x === 0 ? 0 : x * Math.log(y));

export function simpleAnalyze(target: Values, prediction: Values, options: AnalyzeOptions): Analysis {
  const P = rows(target);
  const Q0 = rows(prediction);
  if (P.length !== Q0.length) throw new Error(`target has ${P.length} rows, prediction ${Q0.length}`);
  const Q = options.prediction === 'logits' ? Q0.map(softmax) : Q0;
  const terms: Analysis['terms'][number][] = [];
  const perRow = P.map((p, r) => {
    const q = Q[r]!;
    if (p.length !== q.length) throw new Error(`lengths differ: p has ${p.length}, q has ${q.length}`);
    p.forEach((pi, i) => {
      if (pi < 0) throw new Error(`p[${i}] is negative (${pi})`);
    });
    let h = 0, ce = 0;
    p.forEach((pi, i) => {
      h -= xlogy(pi, pi);
      const c = -xlogy(pi, q[i]!);
      ce += c;
      terms.push({ row: r, index: i, p: pi, q: q[i]!, contribution: c, rule: pi === 0 ? '0·log 0 = 0' : q[i] === 0 ? 'q = 0 → ∞' : undefined });
    });
    return { row: r, entropy: h, crossEntropy: ce, klPQ: ce - h };
  });
  const mean = (f: (x: (typeof perRow)[number]) => number): number => perRow.reduce((a, x) => a + f(x), 0) / perRow.length;
  const klQP = mean((x) => {
    const r = x.row;
    return Q[r]!.reduce((a, qi, i) => a + xlogy(qi, qi) - xlogy(qi, P[r]![i]!), 0);
  });
  const js = mean((x) => {
    const r = x.row;
    return P[r]!.reduce((a, pi, i) => {
      const qi = Q[r]![i]!;
      const m = (pi + qi) / 2;
      return a + 0.5 * (xlogy(pi, pi) - xlogy(pi, m)) + 0.5 * (xlogy(qi, qi) - xlogy(qi, m));
    }, 0);
  });
  const ce = mean((x) => x.crossEntropy);
  return {
    rows: P.length, classes: P[0]!.length, batched: Array.isArray(target[0]),
    targetKind: 'probabilities', predictionKind: options.prediction ?? 'probabilities',
    entropy: mean((x) => x.entropy), crossEntropy: ce, klPQ: mean((x) => x.klPQ), klQP,
    js: { nats: js, bits: js / Math.LN2 }, perplexity: Math.exp(ce), terms,
    probabilities: Q, perRow, warnings: [],
  };
}

/** Line of an offset, the way a TextDocument's positionAt would give it. */
export function lineOfText(text: string): (offset: number) => number {
  return (offset) => {
    let n = 0;
    for (let i = 0; i < offset && i < text.length; i++) if (text.charCodeAt(i) === 10) n++;
    return n;
  };
}
