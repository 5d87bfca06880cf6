// Hostile input: each call below once gave NaN, threw a raw TypeError/RangeError,
// hung, or exhausted memory. Now: a number, or a CoreError with a code and a
// short message naming the element.
import { describe, expect, it } from 'vitest';
import {
  analyze,
  binaryCrossEntropy,
  categoricalCrossEntropy,
  classify,
  CoreError,
  crossEntropy,
  entropy,
  entropyOf,
  evaluate,
  klDivergence,
  logSumExp,
  sum,
} from '../../../src/core';
import { MAX_MESSAGE } from '../../../src/core/errors';
import { MAX_ELEMENTS } from '../../../src/core/validate';

/** The CoreError a call throws (fails the test if it returns or throws anything else). */
function coreError(f: () => unknown): CoreError {
  let thrown: unknown;
  try {
    f();
  } catch (e) {
    thrown = e;
  }
  expect(thrown, 'a CoreError').toBeInstanceOf(CoreError);
  return thrown as CoreError;
}

describe('hostile input', () => {
  it('1: BCE from logits beyond ±9e307 is finite (softplus halves |z| before adding)', () => {
    expect(binaryCrossEntropy([1], [1e308], { fromLogits: true }).value).toBe(0);
    expect(binaryCrossEntropy([0], [-1e308], { fromLogits: true }).value).toBe(0);
    expect(binaryCrossEntropy([0, 1], [1.7e308, -1.7e308], { fromLogits: true, reduction: 'none' }).value).toEqual([
      1.7e308, 1.7e308,
    ]);
    const r = binaryCrossEntropy([1, 0], [Number.MAX_VALUE, -Number.MAX_VALUE], { fromLogits: true, reduction: 'sum' });
    expect(r.value).toBe(0);
    expect((r.grad as number[]).map(Math.abs)).toEqual([0, 0]);
  });

  it('2: label frequencies come from the labels present, never a table sized by a label', () => {
    const e = entropyOf([0, 1e9, 1e9, 3]);
    expect(e.kind).toBe('class-indices');
    expect(e.labels).toEqual([0, 3, 1e9]);
    expect(e.labelTally).toEqual([1, 1, 2]);
    expect(e.labelCounts).toBeUndefined(); // a 10^9-slot table is not built
    expect(e.entropy!.nats).toBeCloseTo(1.5 * Math.LN2, 14);
    expect(entropyOf([0, 2, 2, 1]).labelCounts).toEqual([1, 1, 2]);
    expect(entropyOf([0, 2 ** 31, 1e15]).labels).toEqual([0, 2 ** 31, 1e15]);
    // Found by the fuzz campaign: a row of counts summing to 0 stands for no distribution (it gave NaN).
    expect(entropyOf([[1], [1], [0]]).entropy).toBeUndefined();
  });

  it('3: array-likes with a huge length are refused by the element cap before any loop', () => {
    // No element is read before the cap refuses: a loop that started fails here at once instead of hanging.
    let reads = 0;
    const counted = new Proxy({ length: 1e15 } as Record<string | symbol, unknown>, {
      get(target, key) {
        if (typeof key === 'string' && /^\d+$/.test(key) && ++reads > 1000) throw new Error('read past the cap');
        return target[key];
      },
    });
    for (const f of [entropy, logSumExp, sum, (p: unknown) => klDivergence(p as never, [0.5, 0.5])])
      expect(coreError(() => f(counted as never)).code).toBe('OUT_OF_RANGE');
    expect(coreError(() => evaluate({ fn: 'softmax', args: { x: counted } })).code).toBe('OUT_OF_RANGE');
    expect(reads).toBe(0);
    const t0 = performance.now();
    const e = coreError(() => evaluate({ fn: 'entropy', args: { p: { length: 1e15 } } }));
    expect(e.code).toBe('OUT_OF_RANGE');
    expect(e.message).toMatch(/^p has 1000000000000000 elements/);
    const sparse: number[] = [];
    sparse.length = 2 ** 32 - 1;
    expect(coreError(() => logSumExp(sparse)).code).toBe('OUT_OF_RANGE');
    sparse[0] = 0.5; // a first element that is a number must not let a fast path start its loop
    for (const f of [
      entropy,
      (p: unknown) => klDivergence(p as never, p as never),
      (p: unknown) => crossEntropy(p as never, p as never),
    ]) {
      expect(coreError(() => f(sparse as never)).code).toBe('OUT_OF_RANGE');
      expect(coreError(() => f({ length: 1e15, 0: 0.5 } as never)).code).toBe('OUT_OF_RANGE');
    }
    expect(coreError(() => evaluate({ fn: 'softmax', args: { x: [{ length: 2 ** 40 }] } })).message).toMatch(
      /^x\[0\] has/,
    );
    expect(coreError(() => entropy([{ length: MAX_ELEMENTS }, { length: MAX_ELEMENTS }] as never)).code).toBe(
      'OUT_OF_RANGE',
    );
    expect(coreError(() => entropy({ length: -1 } as never)).code).toBe('INVALID_OPTION');
    expect(classify({ length: 1e15 } as never).kind).toBe('unknown');
    expect(classify(sparse).kind).toBe('unknown');
    expect(entropyOf({ length: 1e15 } as never).kind).toBe('unknown');
    expect(coreError(() => sum({ length: 1e15 } as never)).code).toBe('OUT_OF_RANGE');
    expect(performance.now() - t0).toBeLessThan(500);
  });

  it('4: nesting 5 000 deep is a coded error, with no recursion into it', () => {
    let deep: unknown = [0.5];
    for (let i = 0; i < 5000; i++) deep = [deep];
    const e = coreError(() => evaluate({ fn: 'entropy', args: { p: deep } }));
    expect(e.code).toBe('LENGTH_MISMATCH');
    expect(e.message).toBe('p[0][0] is an array or object: inputs are 1-D or 2-D (N × C), not deeper');
    expect(coreError(() => evaluate({ fn: 'softmax', args: { x: [deep, deep] } })).code).toBe('LENGTH_MISMATCH');
    expect(classify(deep as never).kind).toBe('unknown');
    // Found by the fuzz campaign: the range checks of targets and weights compared a nested array with <, which
    // converts it to a string recursively.
    expect(coreError(() => binaryCrossEntropy(deep as never, [[0.5, 0.5]])).code).toBe('LENGTH_MISMATCH');
    expect(coreError(() => binaryCrossEntropy([[0.5, 0.5]], [[0.5, 0.5]], { weight: deep as never })).code).toBe(
      'LENGTH_MISMATCH',
    );
    expect(coreError(() => categoricalCrossEntropy([0], [[0.5, 0.5]], { weight: [deep, 1] as never })).code).toBe(
      'LENGTH_MISMATCH',
    );
    expect(coreError(() => analyze([1, 0], [deep, -1] as never, { prediction: 'log-probabilities' })).code).toBe(
      'LENGTH_MISMATCH',
    );
  });

  it('5: null options, BigInt arrays and BigInt values are coded errors', () => {
    expect(coreError(() => entropy([0.5, 0.5], null as never)).code).toBe('INVALID_OPTION');
    expect(coreError(() => binaryCrossEntropy([1], [0.5], null as never)).message).toMatch(
      /options of binaryCrossEntropy are null/,
    );
    expect(coreError(() => categoricalCrossEntropy([0], [[1]], 7 as never)).code).toBe('INVALID_OPTION');
    const big = coreError(() => entropy(new BigInt64Array([1n]) as never));
    expect(big.code).toBe('NON_FINITE');
    expect(big.message).toMatch(/^p is a BigInt64Array of BigInts/);
    expect(coreError(() => entropy([new BigUint64Array([1n])] as never)).code).toBe('NON_FINITE');
    const mixed = coreError(() => entropy([0.5, 10n] as never));
    expect(mixed.code).toBe('NON_FINITE');
    expect(mixed.message).toBe('p[1] is 10n (a BigInt): not a number');
    expect(coreError(() => entropy([0.5, 0.5], { reduction: 2n } as never)).message).toBe(
      'reduction is 2n (a BigInt): use "mean", "sum" or "none"',
    );
    expect(coreError(() => binaryCrossEntropy([1n] as never, [0.5])).code).toBe('NON_FINITE');
    expect(coreError(() => evaluate(null as never)).code).toBe('INVALID_OPTION');
    expect(coreError(() => evaluate({ fn: 'entropy', args: [0.5] as never })).code).toBe('INVALID_OPTION');
  });

  it('6: only own properties are read; "__proto__" from JSON.parse is an unknown option', () => {
    const args = JSON.parse('{"p": [[0.5, 0.5], [0.25, 0.75]], "__proto__": {"base": 2}}') as Record<string, unknown>;
    const e = coreError(() => evaluate({ fn: 'entropy', args }));
    expect(e.code).toBe('INVALID_OPTION');
    expect(e.message).toMatch(/^entropy has no option "__proto__"/);
    const bce = JSON.parse('{"target": [1], "input": [0.5], "__proto__": {"fromLogits": true}}') as Record<
      string,
      unknown
    >;
    expect(coreError(() => evaluate({ fn: 'binaryCrossEntropy', args: bce })).code).toBe('INVALID_OPTION');
    // Inherited options are never read.
    const inherited = Object.create({ base: 2 }) as object;
    expect(entropy([[0.5, 0.5]], inherited)).toBeCloseTo(Math.LN2, 15);
    expect(binaryCrossEntropy([1], [0.5], Object.create({ fromLogits: true }) as object).value).toBeCloseTo(
      Math.LN2,
      15,
    );
    const request = Object.create({ fn: 'entropy', args: { p: [1] } }) as never;
    expect(coreError(() => evaluate(request)).message).toMatch(/^unknown function undefined/);
  });

  it('7: CE whose kept weights sum to 0 says why; BCE gradient at x = 0 under weight 0 is 0', () => {
    const e = coreError(() =>
      categoricalCrossEntropy(
        [0, 1, -100],
        [
          [0.5, 0.5],
          [0.5, 0.5],
          [0.5, 0.5],
        ],
        { weight: [0, 0] },
      ),
    );
    expect(e.code).toBe('OUT_OF_RANGE');
    expect(e.message).toMatch(/kept targets sum to 0/);
    expect(categoricalCrossEntropy([0], [[0.5, 0.5]], { weight: [0, 1], reduction: 'sum' }).value).toBe(0);
    const r = binaryCrossEntropy([1, 0.5], [0, 0.5], { weight: [0, 1] });
    expect(r.value).toBeCloseTo(Math.LN2 / 2, 15);
    expect(r.grad).toEqual([0, 0]);
  });

  it('8: an infinite KL (and cross-entropy) has the same sign in 1-D and 2-D: -Infinity for a base below 1', () => {
    for (const f of [klDivergence, crossEntropy]) {
      expect(f([1, 0], [0, 1], { base: 0.5 })).toBe(-Infinity);
      expect(f([[1, 0]], [[0, 1]], { base: 0.5 })).toBe(-Infinity);
      expect(f([1, 0], [0, 1], { base: 2 })).toBe(Infinity);
    }
  });

  it('9: logSumExp of 0 and 4·10^6 values of -1e-10 to 1e-15 (compensated)', () => {
    const x = new Float64Array(4e6 + 1).fill(-1e-10);
    x[0] = 0;
    const want = Math.log1p(4e6 * Math.exp(-1e-10)); // 3 roundings: ~2 ulp
    expect(Math.abs((logSumExp(x) as number) - want) / want).toBeLessThanOrEqual(1e-15);
  });

  it('10: messages are capped and name the first offending element', () => {
    const huge = 'x'.repeat(4e6);
    const e = coreError(() => entropy([0.5, huge] as never));
    expect(e.message.length).toBeLessThanOrEqual(MAX_MESSAGE);
    expect(e.message).toMatch(/^p\[1\] is "x{40}…": not a number/);
    const keys = coreError(() => entropy([1], { [huge]: 1 } as never));
    expect(keys.message.length).toBeLessThanOrEqual(MAX_MESSAGE);
    const rows = Array.from({ length: 1000 }, () => [1, 'a']);
    const many = coreError(() => entropy(rows as never));
    expect(many.message).toBe('p[0][1] is "a": not a number (and 999 more)');
    expect(coreError(() => evaluate({ fn: huge, args: {} })).message.length).toBeLessThanOrEqual(MAX_MESSAGE);
    // The cap itself, behind show()'s quoting: no message of any path can outgrow it.
    const capped = new CoreError('NON_FINITE', huge);
    expect(capped.message.length).toBe(MAX_MESSAGE);
    expect(capped.message.endsWith('…')).toBe(true);
  });
});
