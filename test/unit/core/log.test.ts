// The fast logarithm of the hot loops against Math.log, over millions of inputs.
import { describe, expect, it } from 'vitest';
import { fastLog } from '../../../src/core/log';

const f = new Float64Array(1);
const b = new BigInt64Array(f.buffer);
function ulps(a: number, c: number): number {
  if (a === c) return 0;
  f[0] = a;
  const x = b[0]!;
  f[0] = c;
  const y = b[0]!;
  if (x < 0n !== y < 0n) return Infinity;
  return Number(x > y ? x - y : y - x);
}

/** A seeded generator, so a failure can be reproduced. */
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

function worst(xs: Iterable<number>): { ulps: number; x: number } {
  let w = { ulps: 0, x: NaN };
  for (const x of xs) {
    const u = ulps(fastLog(x), Math.log(x));
    if (u > w.ulps) w = { ulps: u, x };
  }
  return w;
}

describe('fastLog', () => {
  it('is within 2 ulp of Math.log on 2 million uniform (0, 1) inputs', () => {
    const r = rng(1);
    expect(
      worst(
        (function* () {
          for (let i = 0; i < 2e6; i++) yield r();
        })(),
      ).ulps,
    ).toBeLessThanOrEqual(2);
  });
  it('is within 2 ulp over the whole exponent range', () => {
    const r = rng(2);
    expect(
      worst(
        (function* () {
          for (let i = 0; i < 1e6; i++) yield Math.exp((r() - 0.5) * 1416);
        })(),
      ).ulps,
    ).toBeLessThanOrEqual(2);
  });
  it('keeps full relative accuracy next to 1 (1 ± tiny)', () => {
    const r = rng(3);
    const xs = function* () {
      for (let i = 0; i < 5e5; i++) {
        const d = Math.pow(2, -1 - r() * 52);
        yield 1 + d;
        yield 1 - d;
      }
      yield 1 + Number.EPSILON;
      yield 1 - Number.EPSILON / 2;
      yield 0.99609375;
      yield 1.00390625;
    };
    expect(worst(xs()).ulps).toBeLessThanOrEqual(2);
    expect(fastLog(1)).toBe(0);
  });
  it('handles subnormals, powers of 2 and the special values', () => {
    const xs: number[] = [
      Number.MIN_VALUE,
      2 * Number.MIN_VALUE,
      2.2250738585072014e-308,
      2.225073858507201e-308,
      Number.MAX_VALUE,
    ];
    for (let e = -1074; e <= 1023; e++) xs.push(Math.pow(2, e));
    const r = rng(4);
    for (let i = 0; i < 1e5; i++) xs.push(r() * 2.2250738585072014e-308);
    expect(worst(xs).ulps).toBeLessThanOrEqual(2);
    expect(fastLog(0)).toBe(-Infinity);
    expect(fastLog(-0)).toBe(-Infinity);
    expect(fastLog(Infinity)).toBe(Infinity);
    expect(fastLog(-1)).toBeNaN();
    expect(fastLog(NaN)).toBeNaN();
  });
});
