import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { thinMinMax } from '../../../webview/curves/thin';

function pairs(flat: Float64Array): [number, number][] {
  const out: [number, number][] = [];
  for (let i = 0; i < flat.length; i += 2) out.push([flat[i]!, flat[i + 1]!]);
  return out;
}

describe('min/max-per-column thinning', () => {
  it('keeps at most four points per column and never invents a point', () => {
    const n = 100_000;
    const x = Float64Array.from({ length: n }, (_, i) => i / (n - 1));
    const y = x.map((v) => Math.sin(40 * v) + (v > 0.5 ? 0.2 : 0));
    const thin = thinMinMax(x, y, 0, 1, 300);
    expect(thin.length / 2).toBeLessThanOrEqual(300 * 4);
    expect(thin.length / 2).toBeGreaterThan(300);
    const set = new Set(Array.from(x));
    for (const [px, py] of pairs(thin)) {
      expect(set.has(px)).toBe(true);
      expect(py).toBe(Math.sin(40 * px) + (px > 0.5 ? 0.2 : 0));
    }
  });

  it('preserves each column’s extremes (the drawn envelope is the same)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.double({ min: -1e6, max: 1e6, noNaN: true }), { minLength: 1, maxLength: 400 }),
        fc.integer({ min: 1, max: 50 }),
        (ys, cols) => {
          const x = Float64Array.from(ys, (_, i) => i);
          const y = Float64Array.from(ys);
          const xMax = Math.max(1, ys.length - 1);
          const thin = pairs(thinMinMax(x, y, 0, xMax, cols));
          // x stays ascending
          for (let i = 1; i < thin.length; i++) expect(thin[i]![0]).toBeGreaterThan(thin[i - 1]![0]);
          // per column, min and max survive
          const col = (v: number) => Math.min(cols - 1, Math.floor((v / xMax) * cols));
          for (let c = 0; c < cols; c++) {
            const full = ys.filter((_, i) => col(i) === c);
            if (!full.length) continue;
            const kept = thin.filter(([px]) => col(px) === c).map(([, py]) => py);
            expect(Math.min(...kept)).toBe(Math.min(...full));
            expect(Math.max(...kept)).toBe(Math.max(...full));
          }
        },
      ),
    );
  });

  it('drops non-finite values and points outside the x-range', () => {
    const x = [0, 1, 2, 3, 4];
    const y = [1, Infinity, NaN, 2, 3];
    expect(pairs(thinMinMax(x, y, 0, 3, 10))).toEqual([
      [0, 1],
      [3, 2],
    ]);
  });

  it('returns nothing for an empty curve', () => {
    expect(thinMinMax([], [], 0, 1, 10).length).toBe(0);
  });
});
