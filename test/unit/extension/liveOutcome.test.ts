// A paused program's values reach the outcome builders as they were decoded
// (one Float64Array, rows as views of it), never copied into plain arrays, and
// give the outcome that the same numbers give as plain arrays: same roles,
// pairing, figures (to an ulp: long typed rows take the SIMD kernels), messages,
// breakdown subject and visualizer payload.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  foundArray,
  liveOutcome,
  livePair,
  type LiveOutcomeJob,
  type LiveValue,
} from '../../../src/extension/live/liveOutcome';
import { toValues, type LiveArray } from '../../../src/extension/live/transfer';
import { entropyOutcome, pairOutcome, type Outcome, type Placement } from '../../../src/extension/commands/outcome';
import { roleOf } from '../../../src/parse/roles';
import type { FindResult, FoundArray } from '../../../src/parse/types';
import { binaryCrossEntropy } from '../../../src/core';
import { MAX_VALUES } from '../../../src/protocol/visualizer';
import { MAX_TABLE_ROWS } from '../../../src/extension/commands/breakdownMarkdown';

const AT = [
  { text: 'y', start: 0, end: 1 },
  { text: 'q', start: 3, end: 4 },
];
const PLACEMENT = {
  uri: 'file:///train.py',
  positions: [0, 1, 3, 4].map((o): [number, number, number] => [o, 0, o]),
};
const SETTINGS = { unit: 'nats' as const, eps: undefined };

function live(data: Float64Array, shape: number[], k: number): LiveValue {
  return { expression: AT[k]!.text, at: AT[k]!, value: { dtype: 'f8', shape, data } satisfies LiveArray };
}

/** The same values as the finder gives a literal: plain arrays, named and placed as the live ones. */
function plainArray(v: LiveValue): FoundArray {
  const values = toValues(v.value);
  const { role, reason } = roleOf(values, v.expression);
  return {
    start: v.at.start,
    end: v.at.end,
    name: v.expression,
    values,
    shape: [...v.value.shape],
    role,
    roleReason: reason,
    issues: [],
    issueDetails: [],
  };
}

const placement: Placement = {
  uri: PLACEMENT.uri,
  positionAt: (o) => ({ line: 0, character: o }),
};

/** The outcome of the plain copies, paired by the live pairing rule. */
function plainOutcome(job: LiveOutcomeJob): Outcome {
  const find: FindResult = { arrays: job.values.map(plainArray), pairs: [], issues: [] };
  if (job.kind === 'entropy') return entropyOutcome(find, [0], SETTINGS, placement);
  const kind = job.kind === 'klDivergence' ? 'klDivergence' : 'crossEntropy';
  return pairOutcome(kind, find, livePair(find), SETTINGS, placement);
}

/** Numbers within 4e-16 relative, everything else equal. */
function expectSame(a: unknown, b: unknown, path = ''): void {
  if (typeof a === 'number' && typeof b === 'number') {
    if (Object.is(a, b)) return;
    expect(Math.abs(a - b), path).toBeLessThanOrEqual(4e-16 * Math.max(Math.abs(a), Math.abs(b)));
    return;
  }
  if (typeof a === 'function' || typeof b === 'function') return;
  if (a === null || b === null || typeof a !== 'object' || typeof b !== 'object') {
    expect(a, path).toEqual(b);
    return;
  }
  expect(Object.keys(a).sort(), path).toEqual(Object.keys(b).sort());
  for (const key of Object.keys(a))
    expectSame((a as Record<string, unknown>)[key], (b as Record<string, unknown>)[key], `${path}.${key}`);
}

/** Values of one kind a program holds: probabilities, counts, logits, one-hot or class indices. */
const values = (n: number) =>
  fc.oneof(
    fc.array(fc.double({ min: 0.01, max: 1, noNaN: true }), { minLength: n, maxLength: n }).map((xs) => {
      const s = xs.reduce((a, b) => a + b, 0);
      return xs.map((x) => x / s);
    }),
    fc.array(fc.double({ min: 0.5, max: 40, noNaN: true }), { minLength: n, maxLength: n }),
    fc.array(fc.double({ min: -8, max: 8, noNaN: true }), { minLength: n, maxLength: n }),
    fc.nat({ max: n - 1 }).map((k) => Array.from({ length: n }, (_, i) => (i === k ? 1 : 0))),
    fc.array(fc.nat({ max: 4 }), { minLength: n, maxLength: n }),
  );

/** A value of shape [n] or [rows, n / rows]. */
const shaped = fc
  .record({ rows: fc.constantFrom(1, 2, 4), width: fc.integer({ min: 2, max: 40 }), twoD: fc.boolean() })
  .chain(({ rows, width, twoD }) =>
    values(rows * width).map((xs) => ({ data: Float64Array.from(xs), shape: twoD ? [rows, width] : [rows * width] })),
  );

describe('live values reach the outcome as typed arrays', () => {
  it('a 1-D value is the decoded array itself, and 2-D rows are views of it', () => {
    const data = Float64Array.from({ length: 12 }, (_, i) => (i + 1) / 78);
    expect(foundArray('q', { dtype: 'f8', shape: [12], data }, AT[1]!).values).toBe(data);
    const rows = foundArray('q', { dtype: 'f8', shape: [3, 4], data }, AT[1]!).values as Float64Array[];
    expect(rows).toHaveLength(3);
    rows.forEach((row, r) => {
      expect(row.buffer).toBe(data.buffer);
      expect(row.byteOffset).toBe(r * 4 * 8);
      expect(row.length).toBe(4);
    });
  });

  it('rows read by their values and by column take the roles of their plain copies', () => {
    const cases: [number[][], string][] = [
      [
        [
          [0.09, 0.2447, 0.6652],
          [0.5, 0.25, 0.2499],
        ],
        'probabilities', // rounded printouts
      ],
      [
        [
          [1, 0, 0],
          [0, 1, 1],
        ],
        'one-hot', // one-hot by column
      ],
      [
        [
          [0.2, 0.5],
          [0.8, 0.5],
        ],
        'probabilities', // a distribution per column
      ],
      [
        [
          [-1, 2],
          [3, 4],
        ],
        'logits',
      ],
    ];
    for (const [rows, role] of cases) {
      const data = Float64Array.from(rows.flat());
      const typed = foundArray('batch', { dtype: 'f8', shape: [rows.length, rows[0]!.length], data }, AT[0]!);
      expect(typed.role, JSON.stringify(rows)).toBe(role);
      expect(typed.role).toBe(roleOf(rows, 'batch').role);
    }
  });

  it('the entropy of any value is what its plain copy gives', () => {
    fc.assert(
      fc.property(shaped, ({ data, shape }) => {
        const job: LiveOutcomeJob = {
          kind: 'entropy',
          values: [live(data, shape, 0)],
          settings: SETTINGS,
          placement: PLACEMENT,
        };
        expectSame(liveOutcome(job), plainOutcome(job));
      }),
      { numRuns: 300 },
    );
  });

  it('the cross-entropy and KL of any pair of one shape is what their plain copies give', () => {
    fc.assert(
      fc.property(
        fc.constantFrom('crossEntropy' as const, 'klDivergence' as const),
        fc
          .record({ rows: fc.constantFrom(1, 3), width: fc.integer({ min: 2, max: 30 }), twoD: fc.boolean() })
          .chain(({ rows, width, twoD }) =>
            fc.tuple(values(rows * width), values(rows * width)).map(([t, q]) => ({
              t: Float64Array.from(t),
              q: Float64Array.from(q),
              shape: twoD ? [rows, width] : [rows * width],
            })),
          ),
        (kind, { t, q, shape }) => {
          const job: LiveOutcomeJob = {
            kind,
            values: [live(t, shape, 0), live(q, shape, 1)],
            settings: SETTINGS,
            placement: PLACEMENT,
          };
          const a = liveOutcome(job),
            b = plainOutcome(job);
          expectSame(a, b);
          // The normalise offer's button gives the same outcome too.
          if (a.offer && b.offer) expectSame(a.offer.accept(), b.offer.accept());
        },
      ),
      { numRuns: 300 },
    );
  });

  it('the entropy of a value larger than the breakdown table: figures of every row, p kept for the table only', () => {
    // Logits of 300 rows (softmax per row) and counts in one long row (normalised):
    // p is derived, and only its first MAX_TABLE_ROWS values are kept.
    const logits = Float64Array.from({ length: 300 * 50 }, (_, i) => 4 * Math.sin(i * 0.7));
    const counts = Float64Array.from({ length: 3 * 4096 + 7 }, (_, i) => 0.5 + ((i * 7919) % 23));
    for (const [data, shape, rows] of [
      [logits, [300, 50], 300],
      [counts, [counts.length], 1],
    ] as const) {
      const job: LiveOutcomeJob = {
        kind: 'entropy',
        values: [live(data, [...shape], 0)],
        settings: SETTINGS,
        placement: PLACEMENT,
      };
      const out = liveOutcome(job);
      expectSame(out, plainOutcome(job));
      if (rows > 1) expect(out.message).toContain(`mean over ${rows} rows`);
      else expect(out.message).not.toContain('mean over');
      if (out.subject?.type !== 'entropy') throw new Error('expected an entropy subject');
      const kept = out.subject.arrays[0]!.probabilities!;
      expect(kept.reduce((n, r) => n + r.length, 0)).toBe(MAX_TABLE_ROWS);
      expect(out.subject.arrays[0]!.rows).toBe(rows);
    }
  });

  it('a long batch stays typed through the breakdown and gives a drawable payload only within the visualizer cap', () => {
    const rows = 300,
      width = 1000;
    const t = new Float64Array(rows * width),
      q = Float64Array.from({ length: rows * width }, (_, i) => 1 / width + (i % 2 ? 1e-7 : -1e-7));
    for (let r = 0; r < rows; r++) t[r * width + r] = 1;
    const job: LiveOutcomeJob = {
      kind: 'crossEntropy',
      values: [live(t, [rows, width], 0), live(q, [rows, width], 1)],
      settings: SETTINGS,
      placement: PLACEMENT,
    };
    const out = liveOutcome(job);
    expectSame(out, plainOutcome(job));
    expect(out.payload?.target).toHaveLength(rows);
    expect(Array.isArray(out.payload?.prediction[0])).toBe(true);
    const wide = 4000; // 1.2·10^6 values per array: beyond the visualizer's cap, so no payload is built
    const big: LiveOutcomeJob = {
      ...job,
      values: [
        live(new Float64Array(rows * wide).fill(1 / wide), [rows, wide], 0),
        live(new Float64Array(rows * wide).fill(1 / wide), [rows, wide], 1),
      ],
    };
    const bigOut = liveOutcome(big);
    expect(bigOut.result.ok).toBe(true);
    expect(bigOut.payload).toBeUndefined();
  });

  it('a binary pair too large to draw keeps only the terms the breakdown shows, and its loss is over every element', () => {
    const n = MAX_VALUES / 2 + 1;
    const y = Float64Array.from({ length: n }, (_, i) => (i % 3 === 0 ? 1 : 0)),
      x = Float64Array.from({ length: n }, (_, i) => ((i * 7919) % 1000) / 1000 + 0.0005);
    const bce = binaryCrossEntropy(y, x).value as number;
    const out = liveOutcome({
      kind: 'crossEntropy',
      values: [live(y, [n], 0), live(x, [n], 1)],
      settings: SETTINGS,
      placement: PLACEMENT,
    });
    if (!out.result.ok || out.result.kind === 'entropy' || out.subject?.type !== 'pair') throw new Error(out.message);
    expect(out.result.binary).toBe(true);
    expect(out.result.crossEntropy).toBeCloseTo(bce, 12);
    expect(out.subject.analysis.terms).toHaveLength(MAX_TABLE_ROWS);
    expect(out.payload).toBeUndefined();
  });
});
