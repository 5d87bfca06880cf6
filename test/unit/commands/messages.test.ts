import { describe, expect, it } from 'vitest';
import { firstValues, partnerItems } from '../../../src/extension/commands/partnerItems';
import { entropyMessage, failureMessage, fmtPerplexity } from '../../../src/extension/commands/resultMessage';
import { arrayIn, positionsOf } from './helpers';

describe('partner quick pick items', () => {
  const text = 'y_true = [0, 1, 0]\n\nlogits = [[1, 2, 3, 4, 5, 6, 7]]\n[0.25, 0.75]\n';
  const arrays = [
    arrayIn(text, '[0, 1, 0]', [0, 1, 0], { name: 'y_true', role: 'one-hot' }),
    arrayIn(text, '[[1, 2, 3, 4, 5, 6, 7]]', [[1, 2, 3, 4, 5, 6, 7]], { name: 'logits', role: 'logits' }),
    arrayIn(text, '[0.25, 0.75]', [0.25, 0.75]),
  ];

  it("shows name, role, shape, line and first values, marking the finder's partner", () => {
    const items = partnerItems(arrays, [0, 1, 2], 0, positionsOf(text).lineOf);
    expect(items).toEqual([
      {
        index: 0,
        label: 'y_true',
        description: 'paired by the finder · one-hot · 3 values · line 1',
        detail: '[0, 1, 0]',
      },
      { index: 1, label: 'logits', description: 'logits · 1 × 7 · line 3', detail: '[[1, 2, 3, 4, 5, 6, …]]' },
      { index: 2, label: 'array on line 4', description: 'probabilities · 2 values · line 4', detail: '[0.25, 0.75]' },
    ]);
  });

  it('rounds long values', () => {
    expect(firstValues([1 / 3, 2 / 3])).toBe('[0.3333, 0.6667]');
  });
});

describe('messages', () => {
  it('gives perplexity three significant digits', () => {
    expect([fmtPerplexity(1 / 0.7), fmtPerplexity(1), fmtPerplexity(12.345), fmtPerplexity(Infinity)]).toEqual([
      '1.43',
      '1',
      '12.3',
      '∞',
    ]);
  });

  it('starts an error with the problem (a collapsed notification shows only the start)', () => {
    expect(failureMessage('klDivergence', 'NEGATIVE', 'q[3] is -0.2: probabilities cannot be negative', 'p → q')).toBe(
      'Entropy Lens: a probability is negative: q[3] is -0.2: probabilities cannot be negative — cannot compute the KL divergence of p → q',
    );
    expect(failureMessage('entropy', 'NO_ARRAYS', 'this document has no numeric array')).toBe(
      'Entropy Lens: this document has no numeric array — cannot compute the entropy',
    );
  });
});

describe('entropy message', () => {
  it('names at most four arrays and points to the breakdown for the rest', () => {
    const ref = (name: string) => ({
      name,
      label: name,
      range: { start: { line: 0, character: 0 }, end: { line: 0, character: 1 } },
      role: 'probabilities' as const,
      shape: [2],
    });
    const lines = ['a', 'b', 'c', 'd', 'e', 'f'].map((n) => ({
      ref: ref(n),
      kind: 'probabilities',
      nats: Math.LN2,
      perplexity: 2,
    }));
    const text = entropyMessage(lines, 'bits');
    expect(text).toBe(
      'H(a) = 1.000 bits · perplexity 2 | H(b) = 1.000 bits · perplexity 2 | H(c) = 1.000 bits · perplexity 2 | H(d) = 1.000 bits · perplexity 2 | and 2 more (see the breakdown)',
    );
  });
});
