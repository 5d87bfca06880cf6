import { describe, expect, it } from 'vitest';
import { classify, classifyCapitalised } from '../../../src/core/classify';
import { SUM_TOLERANCE } from '../../../src/core/tolerance';

describe('classify', () => {
  it.each([
    [[0, 0, 1, 0], 'one-hot'],
    [
      [
        [1, 0, 0],
        [0, 1, 0],
      ],
      'one-hot',
    ],
    [[2, 0, 1, 1], 'class-indices'],
    [[0.2, 0.3, 0.5], 'probabilities'],
    [new Float64Array([0.25, 0.75]), 'probabilities'],
    [
      [
        [0.2, 0.8],
        [1, 0],
      ],
      'probabilities',
    ],
    [[Math.log(0.2), Math.log(0.3), Math.log(0.5)], 'log-probabilities'],
    [[0, -Infinity, -Infinity], 'log-probabilities'],
    [[1.5, -0.3, 2.2], 'logits'],
    [[0.5, -Infinity, 2.2], 'logits'],
    [
      [
        [1.5, -0.3],
        [Math.log(0.5), Math.log(0.5)],
      ],
      'logits',
    ],
    [[3.5, 1.2, 0.3], 'counts'],
    [
      [
        [3, 1, 0],
        [0, 2, 2],
      ],
      'counts',
    ],
    [[0.2, 0.3, 0.4], 'counts'],
  ] as const)('%j is %s', (values, kind) => {
    const c = classify(values as never);
    expect(c.kind).toBe(kind);
    expect(c.reason.length).toBeGreaterThan(10);
  });

  it('says why probabilities are probabilities', () => {
    expect(classify([0.5, 0.5]).reason).toBe('every value is in [0, 1] and the values sum to 1');
  });

  it.each([
    [[], 'empty'],
    [[0.5, NaN], 'not a number'],
    [[0.5, Infinity], '+Infinity'],
    [[-Infinity, -Infinity], '-Infinity'],
    [
      [
        [0.5, 0.5],
        [1, 0, 0],
      ],
      'row 1 has 3 values, row 0 has 2',
    ],
    [
      [
        [0.5, 0.5],
        [0.5, NaN],
      ],
      'row 1',
    ],
    [
      [
        [0.5, 0.5],
        [-1, 3],
      ],
      'row 1 looks like logits',
    ],
  ])('never throws: %j is unknown (%s)', (values, part) => {
    const c = classify(values as never);
    expect(c.kind).toBe('unknown');
    expect(c.reason).toContain(part);
  });

  it('does not throw on junk', () => {
    expect(classify(null as never).kind).toBe('unknown');
    expect(classify(['a', 'b'] as never).kind).toBe('unknown');
    expect(classify([[1], 2] as never).kind).toBe('unknown');
  });
});

// The straightforward classify (one loop reading each value through Number.isNaN /
// Number.isInteger, reasons built as it goes), kept as the reference that the
// allocation-free one must match exactly: kind, reason and rows.
function reference(values: ArrayLike<number> | ReadonlyArray<ArrayLike<number>>): {
  kind: string;
  reason: string;
  rows?: number;
} {
  const TOL = SUM_TOLERANCE;
  const lse = (v: ArrayLike<number>): boolean => {
    let m = -Infinity;
    for (let i = 0; i < v.length; i++) if (v[i]! > m) m = v[i]!;
    if (m === -Infinity || m > 0) return false;
    let s = 0;
    for (let i = 0; i < v.length; i++) s += Math.exp(v[i]! - m);
    return Math.abs(m + Math.log(s)) <= TOL;
  };
  const fmtSum = (s: number): string => (Number.isInteger(s) ? String(s) : String(Number(s.toPrecision(6))));
  const vector = (v: ArrayLike<number>, where: string, inBatch = false): { kind: string; reason: string } => {
    const n = v.length;
    if (n === 0) return { kind: 'unknown', reason: `${where}the array is empty` };
    let min = Infinity,
      max = -Infinity,
      sum = 0,
      allIntegers = true,
      ones = 0,
      zeros = 0,
      negInf = 0;
    for (let i = 0; i < n; i++) {
      const x = v[i];
      if (typeof x !== 'number' || Number.isNaN(x))
        return { kind: 'unknown', reason: `${where}value [${i}] is not a number` };
      if (x === Infinity) return { kind: 'unknown', reason: `${where}value [${i}] is +Infinity` };
      if (x === -Infinity) {
        negInf++;
        min = -Infinity;
        allIntegers = false;
        continue;
      }
      if (x < min) min = x;
      if (x > max) max = x;
      sum += x;
      if (!Number.isInteger(x)) allIntegers = false;
      if (x === 1) ones++;
      else if (x === 0) zeros++;
    }
    if (negInf === n) return { kind: 'unknown', reason: `${where}every value is -Infinity` };
    if (negInf > 0) {
      return lse(v)
        ? {
            kind: 'log-probabilities',
            reason: `${where}the values are ≤ 0 (some -Infinity) and their exponentials sum to 1`,
          }
        : { kind: 'logits', reason: `${where}some values are -Infinity (masked) and the rest are raw scores` };
    }
    if (ones === 1 && zeros === n - 1 && n > 1)
      return { kind: 'one-hot', reason: `${where}there is a single 1 and every other value is 0` };
    if (min >= 0) {
      if (max <= 1 && Math.abs(sum - 1) <= TOL)
        return { kind: 'probabilities', reason: `${where}every value is in [0, 1] and the values sum to 1` };
      if (allIntegers && !inBatch)
        return { kind: 'class-indices', reason: `${where}every value is a non-negative integer, as class labels are` };
      return {
        kind: 'counts',
        reason: `${where}every value is ≥ 0 but they sum to ${fmtSum(sum)}, not 1, so they look like unnormalised counts or weights`,
      };
    }
    if (max <= 0 && lse(v))
      return { kind: 'log-probabilities', reason: `${where}every value is ≤ 0 and their exponentials sum to 1` };
    return {
      kind: 'logits',
      reason: `${where}some values are negative and they are not log-probabilities, so they look like raw scores`,
    };
  };
  try {
    if (values === null || values === undefined || typeof (values as ArrayLike<unknown>).length !== 'number') {
      return { kind: 'unknown', reason: 'this is not an array of numbers' };
    }
    const isRows =
      Array.isArray(values) &&
      values.length > 0 &&
      values.every((v) => v !== null && typeof v === 'object' && typeof (v as ArrayLike<number>).length === 'number');
    if (!isRows) return vector(values as ArrayLike<number>, '');
    const rows = values as ReadonlyArray<ArrayLike<number>>;
    const width = rows[0]!.length;
    for (let r = 1; r < rows.length; r++) {
      if (rows[r]!.length !== width)
        return {
          kind: 'unknown',
          reason: `row ${r} has ${rows[r]!.length} values, row 0 has ${width}`,
          rows: rows.length,
        };
    }
    if (width === 0) return { kind: 'unknown', reason: 'the rows are empty', rows: rows.length };
    const kinds: string[] = [];
    for (let r = 0; r < rows.length; r++) {
      const c = vector(rows[r]!, `row ${r}: `, true);
      if (c.kind === 'unknown') return { kind: 'unknown', reason: c.reason, rows: rows.length };
      kinds.push(c.kind);
    }
    const has = (k: string) => kinds.includes(k);
    const only = (...ks: string[]) => kinds.every((k) => ks.includes(k));
    const n = rows.length;
    const rowsWord = n === 1 ? 'the row' : `all ${n} rows`;
    if (only('one-hot')) return { kind: 'one-hot', reason: `${rowsWord} have a single 1 and 0 elsewhere`, rows: n };
    if (only('one-hot', 'probabilities'))
      return { kind: 'probabilities', reason: 'every value is in [0, 1] and each row sums to 1', rows: n };
    if (only('log-probabilities'))
      return {
        kind: 'log-probabilities',
        reason: 'every value is ≤ 0 and the exponentials of each row sum to 1',
        rows: n,
      };
    if (only('logits', 'log-probabilities'))
      return {
        kind: 'logits',
        reason: 'some rows have negative values and do not sum to 1, as raw scores do',
        rows: n,
      };
    if (only('counts', 'one-hot', 'probabilities')) {
      return {
        kind: 'counts',
        reason: `every value is ≥ 0 but ${has('counts') ? 'some rows do not sum to 1' : 'the rows differ'}`,
        rows: n,
      };
    }
    const first = kinds[0]!;
    const other = kinds.findIndex((k) => k !== first);
    return {
      kind: 'unknown',
      reason: `row 0 looks like ${first} but row ${other} looks like ${kinds[other]}`,
      rows: n,
    };
  } catch {
    return { kind: 'unknown', reason: 'the values could not be read as numbers' };
  }
}

describe('classify matches the reference exactly', () => {
  function rnd(seed: number): () => number {
    let s = seed >>> 0;
    return () => (s = (s * 1664525 + 1013904223) >>> 0) / 2 ** 32;
  }
  /** A random vector of one of several flavours (distributions, one-hot, integers, logits, log-probabilities, specials). */
  function vector(r: () => number): unknown[] {
    const n = Math.floor(r() * 7);
    const flavour = Math.floor(r() * 9);
    const out: unknown[] = [];
    if (flavour === 0) {
      // a distribution, exact or rounded
      const raw = Array.from({ length: n }, () => r());
      const total = raw.reduce((a, b) => a + b, 0) || 1;
      for (const x of raw) out.push(r() < 0.5 ? x / total : Number((x / total).toFixed(3)));
    } else if (flavour === 1) {
      // one-hot
      for (let i = 0; i < n; i++) out.push(0);
      if (n > 0) out[Math.floor(r() * n)] = 1;
    } else if (flavour === 2) {
      // small integers
      for (let i = 0; i < n; i++) out.push(Math.floor(r() * 4));
    } else if (flavour === 3) {
      // log of a distribution, some -Infinity
      const raw = Array.from({ length: n }, () => (r() < 0.2 ? 0 : r()));
      const total = raw.reduce((a, b) => a + b, 0) || 1;
      for (const x of raw) out.push(Math.log(x / total));
    } else if (flavour === 4) {
      // logits
      for (let i = 0; i < n; i++) out.push((r() - 0.5) * 6);
    } else {
      const specials = [0, 1, -0, 0.5, -1, 2.5, 1e-9, Infinity, -Infinity, NaN, 'x', null, undefined, 3];
      for (let i = 0; i < n; i++) out.push(r() < 0.7 ? r() * 2 - 0.5 : specials[Math.floor(r() * specials.length)]);
    }
    if (r() < 0.1 && out.length > 1) delete out[Math.floor(r() * out.length)]; // a hole
    return out;
  }
  function sample(r: () => number): unknown {
    const pick = r();
    if (pick < 0.45) return vector(r);
    if (pick < 0.55) {
      const v = vector(r);
      return r() < 0.5 ? Float64Array.from(v as number[]) : Float32Array.from(v as number[]);
    }
    if (pick < 0.97) {
      const rows = 1 + Math.floor(r() * 4);
      const same = r() < 0.8;
      const first = vector(r);
      const out: unknown[] = [first];
      for (let k = 1; k < rows; k++) {
        let row = vector(r);
        if (same) while (row.length !== first.length) row = vector(r);
        out.push(r() < 0.1 ? Float64Array.from(row as number[]) : row);
      }
      return out;
    }
    return [null, 'abc', { length: 2, 0: 0.5, 1: 0.5 }, [[1], 2], [], [[]], undefined][Math.floor(r() * 7)];
  }
  const cap = (t: string): string => (t.length > 0 ? t[0]!.toUpperCase() + t.slice(1) : t);

  it('on 20 000 random inputs of every flavour (kind, reason, rows)', () => {
    const r = rnd(20_261_123);
    for (let k = 0; k < 20_000; k++) {
      const input = sample(r) as never;
      const want = reference(input);
      expect(classify(input), JSON.stringify(input)).toEqual(want);
      expect(classifyCapitalised(input)).toEqual({ ...want, reason: cap(want.reason) });
    }
  });

  it('on long lists and typed arrays, holey and packed, whole and with a bad value late', () => {
    const r = rnd(7);
    for (const n of [1000, 100_000]) {
      const holey = new Array<number>(n);
      for (let i = 0; i < n; i++) holey[i] = r() / n;
      const packed: number[] = [];
      for (let i = 0; i < n; i++) packed.push(holey[i]!);
      const total = packed.reduce((a, b) => a + b, 0);
      const logs = packed.map((x) => Math.log(x / total));
      for (const v of [
        holey,
        packed,
        logs,
        Float64Array.from(packed),
        [...packed.slice(0, -1), NaN],
        [...logs.slice(0, -1), -Infinity],
        // Typed arrays are scanned in chunks: the stats carried across them, a bad value in the last.
        Float64Array.from([...packed.slice(0, -1), NaN]),
        Float64Array.from([...logs.slice(0, -1), -Infinity]),
        Float32Array.from(packed),
        Float64Array.from({ length: n }, (_, i) => (i === n - 3 ? 1 : 0)),
        Float64Array.from({ length: n }, (_, i) => i % 5),
        Float64Array.from({ length: n }, (_, i) => (i === n - 2 ? 0.5 : i % 5)),
      ]) {
        expect(classify(v)).toEqual(reference(v));
      }
    }
  });
});
