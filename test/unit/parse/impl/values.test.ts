// Values are read into a scratch per nesting depth and copied into an array
// of exactly their number when the list (or matrix row) closes; lists past
// the scratch's limit reserve their own array. These check that every path
// gives the values in order, at their exact length, as unboxed doubles
// (natives syntax, enabled for this test only), also when a list's values
// must outlive a child literal that opens inside it.
import { setFlagsFromString } from 'node:v8';
import { describe, expect, it } from 'vitest';
import { findArrays } from '../../../../src/parse';

setFlagsFromString('--allow-natives-syntax');
const hasDoubleElements = new Function('a', 'return %HasDoubleElements(a)') as (a: unknown) => boolean;
const hasObjectElements = new Function('a', 'return %HasObjectElements(a)') as (a: unknown) => boolean;

function numbers(count: number, seed: number): number[] {
  let s = seed >>> 0;
  return Array.from(
    { length: count },
    () => Math.round(((s = (s * 1664525 + 1013904223) >>> 0) / 2 ** 32) * 2e6 - 1e6) / 1000,
  );
}

function expectDoubles(values: number[], expected: number[]): void {
  expect(values.length).toBe(expected.length);
  expect(values).toEqual(expected);
  expect(hasObjectElements(values)).toBe(false);
  if (expected.some((v) => !Number.isInteger(v))) expect(hasDoubleElements(values)).toBe(true);
}

describe('values', () => {
  for (const count of [2, 15, 16, 17, 1000, 8191, 8192, 8193, 20_000, 100_000]) {
    it(`a list of ${count} reads back whole, in order, as doubles (dense and general paths)`, () => {
      const expected = numbers(count, count);
      for (const sep of [', ', ' ,\t']) {
        const text = `p = [${expected.join(sep)}]`;
        const { arrays } = findArrays(text, 'python', { maxElements: 200_000 });
        expect(arrays).toHaveLength(1);
        expectDoubles(arrays[0]!.values as number[], expected);
      }
    });
  }

  it('lists one after the other reuse the scratch without mixing values', () => {
    const lists = [5, 9000, 3, 40, 8200, 1].map((n, i) => numbers(n, i + 1));
    const text = lists.map((l, i) => `a${i} = [${l.join(', ')}]`).join('\n');
    const { arrays } = findArrays(text, 'python', { maxElements: 200_000 });
    expect(arrays).toHaveLength(lists.length);
    arrays.forEach((a, i) => expectDoubles(a.values as number[], lists[i]!));
  });

  it('non-finite values and capped lists keep their lengths', () => {
    const text = `p = [0.5, float('inf'), ${numbers(9000, 3).join(', ')}, np.nan]`;
    const { arrays } = findArrays(text, 'python', { maxElements: 200_000 });
    const values = arrays[0]!.values as number[];
    expect(values.length).toBe(9003);
    expect(values[1]).toBe(Infinity);
    expect(Number.isNaN(values[9002])).toBe(true);
    const capped = findArrays(`p = [${numbers(10_000, 4).join(', ')}]`, 'python', { maxElements: 9000 });
    expectDoubles(capped.arrays[0]!.values as number[], numbers(10_000, 4).slice(0, 9000));
  });

  it('rows and matrix rows read back whole', () => {
    const a = numbers(9000, 5),
      b = numbers(9000, 6);
    const rows = findArrays(`x = [[${a.join(', ')}], [${b.join(', ')}]]`, 'python', { maxElements: 200_000 })
      .arrays[0]!;
    expect(rows.shape).toEqual([2, 9000]);
    (rows.values as number[][]).forEach((r, i) => expectDoubles(r, [a, b][i]!));
    const m = findArrays(`x = [${a.slice(0, 20).join(' ')}; ${b.slice(0, 20).join(' ')}]`, 'julia').arrays[0]!;
    expect(m.shape).toEqual([2, 20]);
    (m.values as number[][]).forEach((r, i) => expectDoubles(r, [a, b][i]!.slice(0, 20)));
  });

  it('a list whose values are followed by a child literal is not all numbers; the child is reported on its own', () => {
    const outer = numbers(50, 7),
      inner = numbers(30, 8);
    const { arrays } = findArrays(
      `x = [${outer.join(', ')}, [${inner.join(', ')}]]\ny = [${outer.join(', ')}]`,
      'python',
    );
    expect(arrays).toHaveLength(2);
    expectDoubles(arrays[0]!.values as number[], inner);
    expectDoubles(arrays[1]!.values as number[], outer);
  });
});
