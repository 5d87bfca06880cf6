// Bad input gets a CoreError with test/fixtures/SCHEMA.md's code and a message naming the element.
import { describe, expect, it } from 'vitest';
import {
  binaryCrossEntropy,
  categoricalCrossEntropy,
  CoreError,
  crossEntropy,
  entropy,
  evaluate,
  klDivergence,
  softmax,
} from '../../../src/core';

function failure(f: () => unknown): CoreError {
  try {
    f();
  } catch (e) {
    expect(e).toBeInstanceOf(CoreError);
    return e as CoreError;
  }
  throw new Error('did not throw');
}

describe('errors', () => {
  it('say what is wrong and where', () => {
    expect(failure(() => crossEntropy([0.5, 0.5, 0, 0.2], [0.5, 0.5, 0.2, -0.2])).message).toContain(
      'q[3] is -0.2: probabilities cannot be negative',
    );
    const ragged = failure(() =>
      entropy([
        [0.5, 0.5],
        [0.5, 0.5],
        [0.25, 0.25, 0.25, 0.25],
      ]),
    );
    expect(ragged.code).toBe('LENGTH_MISMATCH');
    expect(ragged.message).toBe('p row 2 has 4 values, row 0 has 2');
    expect(
      failure(() =>
        entropy([
          [0.5, 0.5],
          [0.5, NaN],
        ]),
      ).message,
    ).toContain('p[1][1] is NaN');
    expect(failure(() => entropy([0.2, 0.3])).message).toContain('p sums to 0.5, not 1');
    expect(
      failure(() =>
        categoricalCrossEntropy(
          [0, 5],
          [
            [0.5, 0.5],
            [0.5, 0.5],
          ],
        ),
      ).message,
    ).toContain('target[1] is 5');
    expect(failure(() => softmax([-Infinity, -Infinity])).code).toBe('NON_FINITE');
  });
  it('throw the earliest code of test/fixtures/SCHEMA.md when there are several problems', () => {
    // NaN (NON_FINITE) beats a negative entry (NEGATIVE) beats a bad option (INVALID_OPTION)
    expect(failure(() => klDivergence([0.5, -0.5, 1], [NaN, 0.5, 0.5], { base: 1 })).code).toBe('NON_FINITE');
    expect(failure(() => klDivergence([0.5, -0.5, 1], [0.5, 0.5, 0], { base: 1 })).code).toBe('NEGATIVE');
    expect(failure(() => klDivergence([0.5, 0.5], [0.5, 0.5], { base: 1 })).code).toBe('INVALID_OPTION');
    expect(failure(() => crossEntropy([], [0.5])).code).toBe('EMPTY');
  });
  it('reject options that do not apply', () => {
    expect(failure(() => binaryCrossEntropy([1], [0.5], { posWeight: 2 })).code).toBe('INVALID_OPTION');
    expect(failure(() => binaryCrossEntropy([1], [0.5], { fromLogits: true, eps: 1e-7 })).code).toBe('INVALID_OPTION');
    expect(failure(() => binaryCrossEntropy([1], [0.5], { eps: 0.7 })).code).toBe('OUT_OF_RANGE');
    expect(failure(() => categoricalCrossEntropy([[0, 1]], [[0.5, 0.5]], { ignoreIndex: 3 })).code).toBe(
      'INVALID_OPTION',
    );
    expect(failure(() => categoricalCrossEntropy([0], [0.5, 0.5] as never)).code).toBe('LENGTH_MISMATCH');
    expect(failure(() => entropy([0.5, 0.5], { reduction: 'avg' as never })).code).toBe('INVALID_OPTION');
    expect(
      failure(() => evaluate({ fn: 'jsDivergence', args: { p: [0.5, 0.5], q: [0.5, 0.5], normalize: true } })).code,
    ).toBe('INVALID_OPTION');
    expect(failure(() => evaluate({ fn: 'nope', args: {} })).code).toBe('INVALID_OPTION');
  });
  it('never return NaN for valid extreme input', () => {
    for (const z of [1e300, -1e300, 800, -800, 0]) {
      for (const y of [0, 0.3, 1]) {
        const r = binaryCrossEntropy([y], [z], { fromLogits: true });
        expect(Number.isNaN(r.value)).toBe(false);
        for (const g of (r.grad as number[] | undefined) ?? []) expect(Number.isNaN(g)).toBe(false);
      }
    }
    expect(binaryCrossEntropy([1], [-Infinity], { fromLogits: true }).value).toBe(Infinity);
    expect(binaryCrossEntropy([0], [-Infinity], { fromLogits: true }).value).toBe(0);
    expect(binaryCrossEntropy([0], [1e300], { fromLogits: true }).value).toBe(1e300);
  });
  it('reads Float64Array inputs in place', () => {
    const p = new Float64Array([0.25, 0.25, 0.5]);
    expect(entropy(p, { base: 2 })).toBe(1.5);
    expect(klDivergence(p, new Float64Array([0.25, 0.25, 0.5]))).toBe(0);
  });
});
