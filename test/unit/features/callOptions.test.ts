// Reading a loss call's keywords from source text, and the framework line never throwing on what it reads.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { FRAMEWORKS, FRAMEWORK_IDS } from '../../../src/core';
import { callKeywords } from '../../../src/extension/features/model/callOptions';
import { frameworkLine, optionsFromCall } from '../../../src/extension/features/content/frameworkContent';

const span = (text: string, a: string, b: string) => [text.indexOf(a), text.indexOf(b) + b.length] as const;

describe('callKeywords', () => {
  it('reads the keywords at the call’s top level, strings with commas and nested brackets included', () => {
    const text = "loss = F.cross_entropy(z, [1, 2], weight=torch.tensor([1.0, 2.0]), reduction='sum', note=f(a, b))";
    const [from, to] = span(text, 'z', '[1, 2]');
    expect(callKeywords(text, 'F.cross_entropy', from, to)?.keywords).toEqual({
      weight: 'torch.tensor([1.0, 2.0])',
      reduction: "'sum'",
      note: 'f(a, b)',
    });
  });

  it('reads a loss class’s constructor keywords and the arrays’ dtype', () => {
    const text =
      'nn.CrossEntropyLoss(label_smoothing=0.2)(torch.tensor([[1.0, 2.0]], dtype=torch.float64), torch.tensor([1]))';
    const [from, to] = span(text, '[[1.0', '[1]');
    const k = callKeywords(text, 'nn.CrossEntropyLoss()', from, to, [text.indexOf(']]') + 2]);
    expect(k).toEqual({ keywords: { label_smoothing: '0.2' }, dtype: 'float64' });
  });

  it('undefined when no call to the callee holds the span, or its parenthesis never closes', () => {
    expect(callKeywords('x = [1, 2]', 'F.cross_entropy', 4, 10)).toBeUndefined();
    const open = 'F.cross_entropy([1, 2], [3, 4]';
    expect(callKeywords(open, 'F.cross_entropy', 16, open.length)).toBeUndefined();
  });

  it('comparisons are not keywords', () => {
    const text = 'log_loss(y, q, normalize=a == b)';
    expect(callKeywords(text, 'log_loss', 9, 13)?.keywords).toEqual({ normalize: 'a == b' });
  });
});

describe('optionsFromCall', () => {
  it('maps keywords to the loss’s own options and leaves others to the defaults', () => {
    expect(
      optionsFromCall('pytorch', 'cross_entropy', {
        keywords: { reduction: "'none'", label_smoothing: '0.1', size_average: 'True', weight: 'w' },
      }),
    ).toEqual({
      options: { reduction: 'none', labelSmoothing: 0.1 },
      read: ["reduction='none'", 'label_smoothing=0.1'],
    });
    expect(optionsFromCall('sklearn', 'log_loss', { keywords: { normalize: 'False' } }).options).toEqual({
      reduction: 'sum',
    });
    expect(optionsFromCall('keras', 'BinaryCrossentropy', { keywords: { reduction: 'None' } }).options).toEqual({
      reduction: 'none',
    });
  });
});

describe('the framework line never throws (property)', () => {
  const calls = FRAMEWORK_IDS.flatMap((f) => Object.values(FRAMEWORKS[f].losses).map((l) => l.call));
  const value = fc.oneof(fc.double({ noNaN: false }), fc.constantFrom(0, 1, -100, 0.5, Infinity, -Infinity));
  const values = fc.oneof(
    fc.array(value, { minLength: 1, maxLength: 4 }),
    fc.array(fc.array(value, { minLength: 2, maxLength: 2 }), { minLength: 1, maxLength: 3 }),
  );
  const keyword = fc.record({
    keywords: fc.dictionary(
      fc.constantFrom(
        'reduction',
        'label_smoothing',
        'weight',
        'pos_weight',
        'ignore_index',
        'from_logits',
        'eps',
        'agg',
      ),
      fc.constantFrom("'mean'", "'sum'", "'batchmean'", '0.1', '2', '-1', 'True', 'None', '[1.0, 2.0]', '[]', 'x'),
    ),
  });
  it('for any library call, values and keywords: a line, never an exception', () => {
    fc.assert(
      fc.property(fc.constantFrom(...calls), values, values, keyword, (callee, t, q, k) => {
        const line = frameworkLine(callee, t, q, k);
        expect(typeof line).toBe('string');
      }),
      { numRuns: 3000 },
    );
  });
});
