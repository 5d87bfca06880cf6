import { describe, expect, it } from 'vitest';
import { classify } from '../../../src/core/classify';

describe('classify', () => {
  it.each([
    [[0, 0, 1, 0], 'one-hot'],
    [[[1, 0, 0], [0, 1, 0]], 'one-hot'],
    [[2, 0, 1, 1], 'class-indices'],
    [[0.2, 0.3, 0.5], 'probabilities'],
    [new Float64Array([0.25, 0.75]), 'probabilities'],
    [[[0.2, 0.8], [1, 0]], 'probabilities'],
    [[Math.log(0.2), Math.log(0.3), Math.log(0.5)], 'log-probabilities'],
    [[0, -Infinity, -Infinity], 'log-probabilities'],
    [[1.5, -0.3, 2.2], 'logits'],
    [[0.5, -Infinity, 2.2], 'logits'],
    [[[1.5, -0.3], [Math.log(0.5), Math.log(0.5)]], 'logits'],
    [[3.5, 1.2, 0.3], 'counts'],
    [[[3, 1, 0], [0, 2, 2]], 'counts'],
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
    [[[0.5, 0.5], [1, 0, 0]], 'row 1 has 3 values, row 0 has 2'],
    [[[0.5, 0.5], [0.5, NaN]], 'row 1'],
    [[[0.5, 0.5], [-1, 3]], 'row 1 looks like logits'],
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
