// The worked examples of the textbook derivations, by name.
import { describe, expect, it } from 'vitest';
import { binaryCrossEntropy, categoricalCrossEntropy, crossEntropy, sigmoid, softmax } from '../../../src/core';

describe('textbook worked examples', () => {
  it('y = 1, ŷ = 0.8 → BCE 0.2231', () => {
    expect(binaryCrossEntropy([1], [0.8]).value).toBeCloseTo(0.2231, 4);
  });
  it('y = 1, ŷ = 0.1 → BCE 2.3026', () => {
    expect(binaryCrossEntropy([1], [0.1]).value).toBeCloseTo(2.3026, 4);
  });
  it('true class at 0.7 → cross-entropy 0.3567', () => {
    expect(crossEntropy([0, 1, 0], [0.2, 0.7, 0.1])).toBeCloseTo(0.3567, 4);
    expect(categoricalCrossEntropy([1], [[0.2, 0.7, 0.1]]).value).toBeCloseTo(0.3567, 4);
  });
  it('gradient of BCE with logits = σ(z) − y', () => {
    const z = [2, -1, 0.3, -4],
      y = [1, 0, 0, 1];
    const g = binaryCrossEntropy(y, z, { fromLogits: true, reduction: 'sum' }).grad as number[];
    z.forEach((zi, i) => expect(g[i]).toBeCloseTo(sigmoid(zi) - y[i]!, 14));
  });
  it('gradient of softmax cross-entropy = softmax(z) − y', () => {
    const z = [[0.5, 2.0, -1.0]];
    const g = categoricalCrossEntropy([1], z, { fromLogits: true, reduction: 'sum' }).grad!;
    const s = softmax(z[0]!);
    [0, -1, 0].forEach((dy, c) => expect(g[0]![c]).toBeCloseTo(s[c]! + dy, 14));
  });
});
