// float16 / bfloat16 rounding against the formats' definitions, float32 against Math.fround.
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { roundTo } from '../../../../src/core';

/** The float16 value of a bit pattern (IEEE 754 binary16). */
function fromHalfBits(h: number): number {
  const sign = h & 0x8000 ? -1 : 1;
  const e = (h >> 10) & 0x1f,
    m = h & 0x3ff;
  if (e === 0) return sign * m * 2 ** -24;
  if (e === 31) return m ? NaN : sign * Infinity;
  return sign * (1 + m / 1024) * 2 ** (e - 15);
}

/** The bfloat16 value of a bit pattern: the top 16 bits of a float32. */
function fromBrainBits(b: number): number {
  const view = new DataView(new ArrayBuffer(4));
  view.setUint32(0, b << 16);
  return view.getFloat32(0);
}

const HALVES = Array.from({ length: 0x7c00 }, (_, h) => fromHalfBits(h)); // every finite non-negative float16
const BRAINS = Array.from({ length: 0x7f80 }, (_, b) => fromBrainBits(b));

describe('roundTo', () => {
  test('every float16 and bfloat16 value rounds to itself', () => {
    for (const v of HALVES) expect(roundTo('float16', v)).toBe(v);
    for (const v of BRAINS) expect(roundTo('bfloat16', v)).toBe(v);
  });

  test('midpoints round to even, just past them to the nearer neighbour', () => {
    for (const [dtype, values] of [
      ['float16', HALVES],
      ['bfloat16', BRAINS],
    ] as const) {
      for (let i = 1; i + 1 < values.length; i += 97) {
        const a = values[i]!,
          b = values[i + 1]!;
        const mid = (a + b) / 2; // exact in doubles
        const even = i % 2 === 0 ? a : b;
        expect(roundTo(dtype, mid)).toBe(even);
        expect(roundTo(dtype, -mid)).toBe(-even);
        const gap = b - a;
        expect(roundTo(dtype, mid - gap / 64)).toBe(a);
        expect(roundTo(dtype, mid + gap / 64)).toBe(b);
      }
    }
  });

  test('overflow to ±∞ at the formats’ thresholds; tiny values to 0', () => {
    expect(roundTo('float16', 65504)).toBe(65504);
    expect(roundTo('float16', 65519.99)).toBe(65504);
    expect(roundTo('float16', 65520)).toBe(Infinity);
    expect(roundTo('float16', -1e6)).toBe(-Infinity);
    expect(roundTo('float16', 2 ** -25)).toBe(0); // the midpoint to the smallest subnormal: to even (0)
    expect(roundTo('float16', 2 ** -25 * 1.01)).toBe(2 ** -24);
    expect(roundTo('bfloat16', 3.4e38)).toBe(Infinity);
    expect(roundTo('bfloat16', 1 / 3)).toBe(0.333984375);
    expect(roundTo('float16', 0.1)).toBe(0.0999755859375);
  });

  test('float32 is Math.fround; float64 the value itself (property)', () => {
    fc.assert(
      fc.property(fc.double({ noNaN: true }), (x) => {
        expect(roundTo('float32', x)).toBe(Math.fround(x));
        expect(roundTo('float64', x)).toBe(x);
      }),
    );
  });

  test('the nearest value: no value of the format is closer (property)', () => {
    fc.assert(
      fc.property(fc.double({ min: -60000, max: 60000, noNaN: true }), (x) => {
        const r = roundTo('float16', x);
        const i = HALVES.findIndex((v) => v >= Math.abs(r));
        const near = [HALVES[i - 1], HALVES[i + 1]].filter((v): v is number => v !== undefined);
        for (const v of near)
          expect(Math.abs(Math.abs(x) - Math.abs(r))).toBeLessThanOrEqual(Math.abs(Math.abs(x) - v));
      }),
    );
  });
});
