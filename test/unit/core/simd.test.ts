// The WebAssembly SIMD kernels (src/core/simd.ts, wasm/kernels.wat) against the
// JavaScript path: the same log bit for bit, the same results (within one ulp of
// a compensated sum) on every reference case and on random distributions, the
// same errors, and the committed module bytes built from their source.
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterEach, describe, expect, it } from 'vitest';
import { crossEntropy, entropy, evaluate, fastLog, klDivergence } from '../../../src/core';
import {
  setSimdMode,
  SIMD_THRESHOLD,
  simdAvailable,
  simdCrossEntropy,
  simdEntropy,
  simdEntropyFilled,
  simdKl,
  simdLog,
  QUADS_FROM,
} from '../../../src/core/simd';

afterEach(() => setSimdMode('auto'));

const bits = new BigInt64Array(1);
const asFloat = new Float64Array(bits.buffer);
/** Distance in units in the last place between two finite doubles of the same sign (0 when equal). */
function ulps(a: number, b: number): number {
  if (a === b) return 0;
  if (!Number.isFinite(a) || !Number.isFinite(b) || Math.sign(a) * Math.sign(b) < 0) return Infinity;
  asFloat[0] = Math.abs(a);
  const x = bits[0]!;
  asFloat[0] = Math.abs(b);
  const d = x - bits[0]!;
  return Number(d < 0n ? -d : d);
}

/** Runs fn with the SIMD kernels off, then on for every typed array; returns both outcomes. */
function bothPaths(fn: () => unknown): [unknown, unknown] {
  const run = (): unknown => {
    try {
      return fn();
    } catch (e) {
      return { error: (e as { code?: string }).code, message: (e as Error).message };
    }
  };
  setSimdMode('off');
  const js = run();
  setSimdMode('always');
  const simd = run();
  setSimdMode('auto');
  return [js, simd];
}

/** The largest ulp distance between two results (numbers or arrays of numbers); Infinity if their shapes or errors differ. */
function distance(a: unknown, b: unknown): number {
  if (typeof a === 'number' && typeof b === 'number') return Number.isNaN(a) && Number.isNaN(b) ? 0 : ulps(a, b);
  if (Array.isArray(a) && Array.isArray(b) && a.length === b.length)
    return a.reduce((m: number, x, i) => Math.max(m, distance(x, b[i])), 0);
  if (a && b && typeof a === 'object' && typeof b === 'object') {
    const ka = Object.keys(a),
      kb = Object.keys(b);
    if (ka.join() !== kb.join()) return Infinity;
    return ka.reduce(
      (m, k) => Math.max(m, distance((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k])),
      0,
    );
  }
  return a === b ? 0 : Infinity;
}

describe('SIMD kernels', () => {
  it('start in Node', () => expect(simdAvailable()).toBe(true));

  it('are built from kernels.wat: the committed kernelsBytes.ts matches a fresh build', () => {
    const r = spawnSync(process.execPath, [join(__dirname, '../../../scripts/build-wasm.mjs'), '--check'], {
      encoding: 'utf8',
    });
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
  });

  it('take the log of 10^6 doubles bit for bit as fastLog, subnormals included, within 2 ulp of Math.log', () => {
    const n = 1_000_000;
    const x = new Float64Array(n);
    const raw = new BigInt64Array(x.buffer);
    let s = 0x2545f4914f6cdd1dn;
    for (let i = 0; i < n; i++) {
      // xorshift64 over every positive finite double: exponents from subnormal to 2^1023
      s ^= (s << 13n) & 0xffffffffffffffffn;
      s ^= s >> 7n;
      s ^= (s << 17n) & 0xffffffffffffffffn;
      raw[i] = BigInt.asIntN(64, s % 0x7ff0000000000000n);
    }
    x[0] = Number.MIN_VALUE;
    x[1] = 2.2250738585072014e-308; // smallest normal
    x[2] = 1;
    x[3] = Number.MAX_VALUE;
    x[4] = 1 - 2 ** -53;
    x[5] = 1 + 2 ** -52;
    let subnormals = 0,
      worst = 0,
      differ = 0;
    const got = simdLog(x)!;
    for (let i = 0; i < n; i++) {
      if (x[i]! < 2.2250738585072014e-308) subnormals++;
      if (!Object.is(got[i], fastLog(x[i]!))) differ++;
      const want = Math.log(x[i]!);
      worst = Math.max(worst, want === 0 ? Math.abs(got[i]!) : ulps(got[i]!, want));
    }
    expect(subnormals).toBeGreaterThan(100);
    expect(differ).toBe(0);
    expect(worst).toBeLessThanOrEqual(2);
  });

  it('compute entropy, cross-entropy and KL of long arrays (many chunks, odd length) as the JavaScript path', () => {
    const n = 3 * 4096 + 17;
    const p = new Float64Array(n),
      q = new Float64Array(n);
    let sp = 0,
      sq = 0;
    for (let i = 0; i < n; i++) {
      sp += p[i] = i % 7 === 0 ? 0 : 1 + Math.sin(i);
      sq += q[i] = 1.5 + Math.cos(i * 0.37);
    }
    for (let i = 0; i < n; i++) {
      p[i]! /= sp;
      q[i]! /= sq;
    }
    for (const f of [() => entropy(p), () => crossEntropy(p, q), () => klDivergence(p, q), () => klDivergence(q, p)]) {
      const [js, simd] = bothPaths(f);
      expect(typeof simd).toBe('number');
      expect(distance(js, simd)).toBeLessThanOrEqual(1);
    }
    expect(simdEntropy(p)).toBeDefined(); // the SIMD path did run
  });

  it('compute the KL of long, nearly identical arrays (every pair near 1, listed and computed apart) as the JavaScript path', () => {
    const n = 3 * 4096 + 17;
    const w = Float64Array.from({ length: n }, (_, i) => 1.5 + Math.sin(i));
    const p = normalised(Array.from(w)),
      q = normalised(Array.from(w, (x, i) => x * (1 + 1e-3 * Math.cos(i * 0.7))));
    for (const f of [() => klDivergence(p, q), () => klDivergence(q, p)]) {
      const [js, simd] = bothPaths(f);
      expect(typeof simd).toBe('number');
      expect(distance(js, simd)).toBeLessThanOrEqual(1);
    }
    setSimdMode('always');
    expect(simdKl(p, q)?.nearDiff).not.toBe(0);
  });

  it('leave invalid, overflowing and infinite cases to the JavaScript path, which gives the same results and errors', () => {
    const cases: [string, () => unknown][] = [
      ['negative', () => entropy(Float64Array.of(0.5, -0.25, 0.75))],
      ['NaN', () => klDivergence(Float64Array.of(0.5, NaN), Float64Array.of(0.5, 0.5))],
      ['above 1', () => crossEntropy(Float64Array.of(0.5, 0.5), Float64Array.of(1.5, -0.5))],
      ['not normalised', () => entropy(Float64Array.of(0.5, 0.25))],
      ['q = 0', () => crossEntropy(Float64Array.of(0.5, 0.5), Float64Array.of(1, 0))],
      ['q = 0 (KL)', () => klDivergence(Float64Array.of(0.5, 0.5, 0), Float64Array.of(1, 0, 0))],
      ['p/q overflows', () => klDivergence(Float64Array.of(0.5, 0.5), Float64Array.of(1e-310, 1))],
      ['subnormal p', () => entropy(Float64Array.of(5e-324, 1))],
      ['subnormal q', () => crossEntropy(Float64Array.of(0.5, 0.5), Float64Array.of(1e-310, 1))],
      ['subnormal p (KL)', () => klDivergence(Float64Array.of(1e-310, 1), Float64Array.of(0.5, 0.5))],
      ['-0', () => entropy(Float64Array.of(-0, 1))],
      ['-0 q', () => crossEntropy(Float64Array.of(0, 1), Float64Array.of(-0, 1))],
      ['q = 1, p one-hot', () => crossEntropy(Float64Array.of(0, 1, 0), Float64Array.of(0, 1, 0))],
      ['base 2', () => klDivergence(Float64Array.of(0.25, 0.75), Float64Array.of(0.5, 0.5), { base: 2 })],
      ['Float32Array', () => entropy(Float32Array.of(0.25, 0.75))],
    ];
    for (const [name, f] of cases) {
      const [js, simd] = bothPaths(f);
      expect(distance(js, simd), `${name}: ${JSON.stringify(js)} vs ${JSON.stringify(simd)}`).toBeLessThanOrEqual(1);
    }
    // A ratio p/q that overflows is relEntrFar's: the kernel hands the call back.
    setSimdMode('always');
    expect(simdKl(Float64Array.of(0.5, 0.5), Float64Array.of(1e-310, 1))).toBeUndefined();
    // The kernels' log is for normal doubles: a subnormal it would take is JavaScript's.
    expect(simdEntropy(Float64Array.of(5e-324, 1))).toBeUndefined();
    expect(simdCrossEntropy(Float64Array.of(0.5, 0.5), Float64Array.of(1e-310, 1))).toBeUndefined();
    expect(simdKl(Float64Array.of(1e-310, 1), Float64Array.of(0.5, 0.5))).toBeUndefined();
    expect(simdCrossEntropy(Float64Array.of(1e-310, 1), Float64Array.of(0.5, 0.5))).toBeDefined(); // p is not logged
    // The cross-entropy loop flags q by its log (below -708.39, or above -0): the
    // flagged chunks' exact check keeps q = 0, tiny normal q and q = 1 valid.
    const sure = (r: ReturnType<typeof simdCrossEntropy>): boolean => r !== undefined && !r.infinite;
    expect(simdCrossEntropy(Float64Array.of(1, 0, 0, 0), Float64Array.of(1, 0, 0, 0))?.infinite).toBe(false);
    expect(simdCrossEntropy(Float64Array.of(0, 1), Float64Array.of(1, 0))?.infinite).toBe(true);
    expect(sure(simdCrossEntropy(Float64Array.of(0.5, 0.5), Float64Array.of(2 ** -1022, 1)))).toBe(true);
    expect(sure(simdCrossEntropy(Float64Array.of(0.5, 0.5), Float64Array.of(Math.exp(-708.3), 1)))).toBe(true);
    expect(simdCrossEntropy(Float64Array.of(0.5, 0.5), Float64Array.of(2 ** -1022 - 2 ** -1074, 1))).toBeUndefined();
    for (const bad of [1 + 2 ** -52, Infinity, NaN, -NaN, -Infinity, -1e-300, -0])
      expect(simdCrossEntropy(Float64Array.of(0.5, 0.5), Float64Array.of(bad, 1)), String(bad)).toBeUndefined();
  });

  it('check every element of a long array, wherever it falls in a loop iteration', () => {
    // n: one full chunk of four-pair iterations, then a chunk of 12 quads and 3 single pairs (odd: padded)
    const n = QUADS_FROM + 12 * 8 + 5;
    const uniform = (): Float64Array => new Float64Array(n).fill(1 / n);
    setSimdMode('always');
    const clean = simdCrossEntropy(uniform(), uniform())!;
    expect(clean.infinite).toBe(false);
    // each position of an 8-element iteration, in the first chunk, the second chunk's quads and its pair loop
    const positions = [
      ...Array.from({ length: 8 }, (_, j) => 808 + j),
      ...Array.from({ length: 8 }, (_, j) => QUADS_FROM + 40 + j),
      n - 5,
      n - 2,
      n - 1,
    ];
    for (const at of positions) {
      for (const bad of [-0.25, 1.5, NaN, -0, 1e-310]) {
        const p = uniform();
        p[at] = bad;
        expect(simdEntropy(p), `entropy, p[${at}] = ${bad}`).toBeUndefined();
        expect(simdKl(p, uniform()), `KL, p[${at}] = ${bad}`).toBeUndefined();
        if (bad !== 1e-310) expect(simdCrossEntropy(p, uniform()), `CE, p[${at}] = ${bad}`).toBeUndefined();
        const q = uniform();
        q[at] = bad;
        expect(simdCrossEntropy(uniform(), q), `CE, q[${at}] = ${bad}`).toBeUndefined();
        // a subnormal q is KL's to compute (p/q stays finite here)
        if (bad !== 1e-310) expect(simdKl(uniform(), q), `KL, q[${at}] = ${bad}`).toBeUndefined();
      }
      const q = uniform();
      q[at] = 0;
      expect(simdCrossEntropy(uniform(), q)?.infinite, `CE, q[${at}] = 0`).toBe(true);
      expect(simdKl(uniform(), q), `KL, q[${at}] = 0`).toBeUndefined(); // +Infinity: JavaScript says so
      // a lone term counts once, wherever it sits: p one-hot at `at`
      const hot = new Float64Array(n);
      hot[at] = 1;
      const wide = uniform();
      expect(simdCrossEntropy(hot, wide)!.value).toBe(Math.log(n));
      expect(Math.abs(simdEntropy(hot)!.value)).toBe(0); // 1 log 1, and -0 once negated
    }
  });

  it('run no code of the input: subclasses stay in JavaScript, an own constructor is never called', () => {
    class Probabilities extends Float64Array {}
    const sub = new Probabilities(64).fill(1 / 64);
    expect(simdEntropy(sub)).toBeUndefined();
    expect(entropy(sub)).toBeCloseTo(Math.log(64), 14);
    const p = new Float64Array(64).fill(1 / 64);
    Object.defineProperty(p, 'constructor', {
      get() {
        throw new Error('constructor read');
      },
    });
    Object.defineProperty(p, 'length', { value: 1e9 });
    const r = simdEntropy(p);
    expect(r?.value).toBe(simdEntropy(new Float64Array(64).fill(1 / 64))!.value);
  });

  it('are used only from SIMD_THRESHOLD elements in auto mode', () => {
    const short = new Float64Array(SIMD_THRESHOLD - 1).fill(1 / (SIMD_THRESHOLD - 1));
    const long = new Float64Array(SIMD_THRESHOLD).fill(1 / SIMD_THRESHOLD);
    expect(simdEntropy(short)).toBeUndefined();
    expect(simdEntropy(long)).toBeDefined();
    expect(simdEntropy(Array.from(long))).toBeUndefined(); // plain arrays stay in JavaScript
  });
});

interface Case {
  id: string;
  fn: string;
  args: Record<string, unknown>;
}
const reference = JSON.parse(readFileSync(join(__dirname, '../../fixtures/reference-cases.json'), 'utf8')) as {
  cases: Case[];
};
const decode = (x: unknown): unknown =>
  x === 'Infinity' ? Infinity : x === '-Infinity' ? -Infinity : x === 'NaN' ? NaN : x;

/** The case's p and q as Float64Arrays (rows of them for 2-D), or undefined if they hold anything but numbers. */
function typed(x: unknown): unknown {
  if (!Array.isArray(x) || x.length === 0) return undefined;
  if (x.every((v) => typeof decode(v) === 'number')) return Float64Array.from(x.map(decode) as number[]);
  if (x.every((r) => Array.isArray(r) && r.every((v) => typeof decode(v) === 'number')))
    return x.map((r: unknown[]) => Float64Array.from(r.map(decode) as number[]));
  return undefined;
}

const divergenceCases = reference.cases.filter((c) => ['entropy', 'crossEntropy', 'klDivergence'].includes(c.fn));

describe('SIMD and JavaScript paths on the reference cases', () => {
  it('cover the cases', () => expect(divergenceCases.length).toBeGreaterThan(150));
  it.each(divergenceCases.map((c) => [c.id, c] as const))('%s', (_id, c) => {
    const p = typed(c.args.p);
    const q = c.fn === 'entropy' ? undefined : typed(c.args.q);
    if (p === undefined || (c.fn !== 'entropy' && q === undefined)) return; // non-numeric data: not a typed-array case
    const args = { ...c.args, p, ...(q ? { q } : {}) };
    const [js, simd] = bothPaths(() => evaluate({ fn: c.fn, args }));
    expect(distance(js, simd), `${JSON.stringify(js)} vs ${JSON.stringify(simd)}`).toBeLessThanOrEqual(1);
  });
});

/** A distribution of n values from weights (zeros kept), or of one 1 if they are all zero. */
function normalised(w: number[]): Float64Array {
  const s = w.reduce((a, b) => a + b, 0);
  return s > 0 ? Float64Array.from(w, (x) => x / s) : Float64Array.from(w, (_, i) => (i === 0 ? 1 : 0));
}

describe('SIMD and JavaScript paths on random distributions (fast-check)', () => {
  const weights = fc.array(fc.oneof(fc.constant(0), fc.double({ min: 1e-12, max: 1, noNaN: true })), {
    minLength: 1,
    maxLength: 300,
  });

  it('give the same entropy, cross-entropy and KL within one ulp', () => {
    fc.assert(
      fc.property(weights, weights, (a, b) => {
        const n = Math.min(a.length, b.length);
        const p = normalised(a.slice(0, n)),
          q = normalised(b.slice(0, n));
        for (const f of [() => entropy(p), () => crossEntropy(p, q), () => klDivergence(p, q)]) {
          const [js, simd] = bothPaths(f);
          if (distance(js, simd) > 1) return false;
        }
        return true;
      }),
      { numRuns: 300 },
    );
  });

  it('give the same entropy and cross-entropy within one ulp on arrays long enough for four pairs per two-sum', () => {
    const long = fc.array(fc.oneof(fc.constant(0), fc.double({ min: 1e-12, max: 1, noNaN: true })), {
      minLength: QUADS_FROM,
      maxLength: 3 * QUADS_FROM,
    });
    fc.assert(
      fc.property(long, fc.nat(), (a, shift) => {
        const p = normalised(a);
        const q = normalised(a.map((_, i) => a[(i + shift) % a.length]! + 1e-9));
        for (const f of [() => entropy(p), () => crossEntropy(p, q)]) {
          const [js, simd] = bothPaths(f);
          if (typeof simd !== 'number' || distance(js, simd) > 1) return false;
        }
        return true;
      }),
      { numRuns: 40 },
    );
  });

  it('give, from a row written chunk by chunk (simdEntropyFilled), the entropy of that row held whole, bit for bit', () => {
    const rows = fc.oneof(
      fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { minLength: 1, maxLength: 300 }),
      fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { minLength: QUADS_FROM, maxLength: 3 * QUADS_FROM }),
    );
    fc.assert(
      fc.property(rows, (xs) => {
        setSimdMode('always');
        const row = Float64Array.from(xs);
        const filled = simdEntropyFilled(row.length, (dst, at, from, to) => {
          for (let i = from; i < to; i++) dst[at + i - from] = row[i]!;
        });
        const whole = simdEntropy(row);
        setSimdMode('auto');
        return filled === undefined ? whole === undefined : Object.is(filled.value, whole?.value);
      }),
      { numRuns: 60 },
    );
  });

  it('give the same KL of nearly identical distributions (the q·φ(r) terms) within one ulp', () => {
    fc.assert(
      fc.property(
        fc.array(fc.double({ min: 1e-3, max: 1, noNaN: true }), { minLength: 2, maxLength: 300 }),
        fc.double({ min: 1e-14, max: 1e-3, noNaN: true }),
        (w, eps) => {
          const p = normalised(w);
          const q = normalised(w.map((x, i) => x * (1 + eps * Math.sin(i + 1))));
          const [js, simd] = bothPaths(() => klDivergence(p, q));
          return distance(js, simd) <= 1;
        },
      ),
      { numRuns: 300 },
    );
  });
});
