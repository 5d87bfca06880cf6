// Pairing: call sites (with each library's argument order), then names, then neighbours.
import { describe, expect, it } from 'vitest';
import { findArrays } from '../../../../src/parse';
import { isBinaryPair } from '../../../../src/parse/pairs';
import type { AnyValues, FoundArray } from '../../../../src/parse/types';

/** Pairs as [target text, prediction text, reason]. */
function pairsOf(text: string, languageId = 'python'): [string, string, string][] {
  const r = findArrays(text, languageId);
  const at = (k: number) => text.slice(r.arrays[k]!.start, r.arrays[k]!.end);
  return r.pairs.map((p) => [at(p.target), at(p.prediction), p.reason]);
}

describe('pairs by call site', () => {
  it('sklearn log_loss takes the target first', () => {
    const [p] = pairsOf('log_loss([1, 0], [0.8, 0.2])');
    expect(p!.slice(0, 2)).toEqual(['[1, 0]', '[0.8, 0.2]']);
    expect(p![2]).toMatch(/log_loss\(y_true, y_pred\).*target first/);
  });

  it('F.cross_entropy takes the prediction first, even with names that say otherwise', () => {
    const text = 'a = [[2.0, 0.5, 0.1]]\nb = [0]\nloss = F.cross_entropy(a, b)';
    const [p] = pairsOf(text);
    expect(p!.slice(0, 2)).toEqual(['[0]', '[[2.0, 0.5, 0.1]]']);
    expect(p![2]).toMatch(/prediction first/);
    const r = findArrays(text, 'python');
    expect(r.arrays[0]!.role).toBe('logits');
    expect(r.arrays[1]!.role).toBe('class-indices');
  });

  it('nn.CrossEntropyLoss()(input, target) and a loss object bound to a name', () => {
    expect(pairsOf('nn.CrossEntropyLoss()([[1.0, 2.0]], [1])')[0]!.slice(0, 2)).toEqual(['[1]', '[[1.0, 2.0]]']);
    const text =
      'crit = torch.nn.CrossEntropyLoss(reduction="mean")\nout = torch.tensor([[0.2, 1.5, -0.3]])\ny = torch.tensor([1])\nloss = crit(out, y)';
    const [p] = pairsOf(text);
    expect(p!.slice(0, 2)).toEqual(['[1]', '[[0.2, 1.5, -0.3]]']);
    expect(p![2]).toMatch(/CrossEntropyLoss\(\)/);
  });

  it('scipy.stats.entropy(pk, qk) and F.kl_div(input, target)', () => {
    expect(pairsOf('entropy([0.5, 0.5], [0.9, 0.1])')[0]!.slice(0, 2)).toEqual(['[0.5, 0.5]', '[0.9, 0.1]']);
    expect(pairsOf('F.kl_div([-0.1, -2.4], [0.9, 0.1])')[0]!.slice(0, 2)).toEqual(['[0.9, 0.1]', '[-0.1, -2.4]']);
  });

  it('keras and tf.losses take the target first; keywords win over positions', () => {
    expect(pairsOf('tf.keras.losses.categorical_crossentropy([0, 1], [0.3, 0.7])')[0]!.slice(0, 2)).toEqual([
      '[0, 1]',
      '[0.3, 0.7]',
    ]);
    expect(pairsOf('tf.losses.softmax_cross_entropy([0, 1], [1.2, -0.4])')[0]!.slice(0, 2)).toEqual([
      '[0, 1]',
      '[1.2, -0.4]',
    ]);
    expect(pairsOf('F.cross_entropy(target=[1], input=[[0.5, 2.0]])')[0]!.slice(0, 2)).toEqual(['[1]', '[[0.5, 2.0]]']);
    expect(pairsOf('log_loss(y_pred=[0.8, 0.2], y_true=[1, 0])')[0]!.slice(0, 2)).toEqual(['[1, 0]', '[0.8, 0.2]']);
  });

  it('sees through wrappers and resolves names bound to arrays', () => {
    const text = 'pred = np.array([0.7, 0.3])\ntruth_a = np.array([1, 0])\nlog_loss(torch.tensor(truth_a), pred)';
    expect(pairsOf(text)[0]!.slice(0, 2)).toEqual(['[1, 0]', '[0.7, 0.3]']);
    expect(pairsOf('log_loss(np.array([1, 0]), np.array([0.6, 0.4]))')[0]!.slice(0, 2)).toEqual([
      '[1, 0]',
      '[0.6, 0.4]',
    ]);
  });

  it('the latest binding before the call wins', () => {
    const text = 'q = [0.5, 0.5]\np = [1, 0]\nq = [0.9, 0.1]\nentropy(p, q)';
    expect(pairsOf(text)[0]!.slice(0, 2)).toEqual(['[1, 0]', '[0.9, 0.1]']);
  });
});

describe('pairs by name', () => {
  it('matches suffixes: y_true_1 with y_pred_1, not with y_pred_2', () => {
    const text = 'y_true_1 = [1, 0]\ny_true_2 = [0, 1]\n\ny_pred_2 = [0.3, 0.7]\n\ny_pred_1 = [0.8, 0.2]';
    const pairs = pairsOf(text);
    expect(pairs.map((p) => p.slice(0, 2))).toEqual([
      ['[0, 1]', '[0.3, 0.7]'],
      ['[1, 0]', '[0.8, 0.2]'],
    ]);
    expect(pairs[0]![2]).toMatch(/names: y_true_2 reads as the target and y_pred_2 as the prediction/);
  });

  it('labels with logits, p with q, camelCase too', () => {
    expect(pairsOf('labels = [2, 0]\n\n\nlogits = [[0.1, 0.2, 3.0], [2.0, 0.1, 0.1]]')[0]!.slice(0, 2)).toEqual([
      '[2, 0]',
      '[[0.1, 0.2, 3.0], [2.0, 0.1, 0.1]]',
    ]);
    expect(pairsOf('const yTrue = [0, 1];\n\nconst yPred = [0.4, 0.6];', 'javascript')[0]!.slice(0, 2)).toEqual([
      '[0, 1]',
      '[0.4, 0.6]',
    ]);
  });

  it('an array is the prediction of at most one pair', () => {
    const r = findArrays('p = [1, 0]\nq = [0.5, 0.5]\nlog_loss(p, q)\nentropy(p, q)', 'python');
    expect(r.pairs).toHaveLength(1);
    const preds = r.pairs.map((p) => p.prediction);
    expect(new Set(preds).size).toBe(preds.length);
  });
});

describe('pairs by neighbours', () => {
  it('pairs adjacent one-hot and probabilities of the same shape', () => {
    const [p] = pairsOf('a = [0, 0, 1]\nb = [0.1, 0.2, 0.7]');
    expect(p!.slice(0, 2)).toEqual(['[0, 0, 1]', '[0.1, 0.2, 0.7]']);
    expect(p![2]).toMatch(/neighbours of the same shape/);
  });

  it('does not pair different shapes, far-apart arrays or two logits', () => {
    expect(pairsOf('a = [0, 1]\nb = [0.1, 0.2, 0.7]')).toEqual([]);
    expect(pairsOf('def test_a():\n    a = [0, 1]\n\ndef test_b():\n    b = [0.3, 0.7]')).toEqual([]);
    expect(pairsOf('a = [2.0, -1.0]\nb = [0.5, -3.0]')).toEqual([]);
  });

  it('pairs class indices with 2-D rows only when the indices fit the columns', () => {
    expect(pairsOf('t = [0, 2]\nz = [[1.0, -0.5, 0.2], [-0.1, 0.3, 2.2]]')).toHaveLength(1);
    expect(pairsOf('t = [0, 7]\nz = [[1.0, -0.5, 0.2], [-0.1, 0.3, 2.2]]')).toEqual([]);
  });
});

describe('gaps reported by the lead (demo files)', () => {
  it('names do not pair arrays of different lengths, nor a target twice', () => {
    const text =
      'const target = [0.7, 0.2, 0.1];\nconst prediction = [0.6, 0.3, 0.1];\n\nconst scores = [3.2, 1.1, -0.4, 0.0];';
    const pairs = pairsOf(text, 'javascript');
    expect(pairs.map((p) => p.slice(0, 2))).toEqual([['[0.7, 0.2, 0.1]', '[0.6, 0.3, 0.1]']]);
  });

  it('the input of F.cross_entropy is logits even when classify cannot tell', () => {
    const r = findArrays(
      'logits = torch.tensor([[2.0, 0.5, -1.0], [0.1, 0.2, 3.0]])\nlabels = torch.tensor([0, 2])\nF.cross_entropy(logits, labels)',
      'python',
    );
    expect(r.arrays[0]!.role).toBe('logits');
    expect(r.arrays[0]!.roleReason).toMatch(/input of F\.cross_entropy, which takes logits/);
    expect(r.arrays[1]!.role).toBe('class-indices');
  });

  it('0/1 targets of a binary loss are the class of each element', () => {
    const r = findArrays(
      'z = torch.tensor([1.5, -0.3, 4.0])\ny = torch.tensor([1.0, 0.0, 1.0])\nF.binary_cross_entropy_with_logits(z, y)',
      'python',
    );
    expect(r.pairs).toHaveLength(1);
    expect(r.pairs[0]!.binary).toBe(true);
    expect(r.arrays[1]!.role).toBe('class-indices');
    expect(r.arrays[1]!.roleReason).toMatch(/binary loss/);
  });

  it('the input of F.nll_loss with values ≤ 0 is log-probabilities', () => {
    const r = findArrays('F.nll_loss([[-0.2, -1.9, -3.0]], [0])', 'python');
    expect(r.arrays[0]!.role).toBe('log-probabilities');
  });
});

describe('pairs through imported names', () => {
  it('from torch.nn.functional import cross_entropy as ce: ce(input, target) takes the prediction first', () => {
    const text =
      'from torch.nn.functional import cross_entropy as ce, nll_loss\nlogits = [[0.3, 2.0, -1.0]]\ny = [1]\nce(logits, y)';
    const [p] = pairsOf(text);
    expect(p!.slice(0, 2)).toEqual(['[1]', '[[0.3, 2.0, -1.0]]']);
    expect(p![2]).toMatch(/torch\.nn\.functional\.cross_entropy/);
  });

  it('from sklearn.metrics import log_loss as ll: ll(y_true, y_pred)', () => {
    const [p] = pairsOf('from sklearn.metrics import (log_loss as ll)\nll([0, 1], [0.3, 0.7])');
    expect(p!.slice(0, 2)).toEqual(['[0, 1]', '[0.3, 0.7]']);
  });
});

describe('arguments wrapped in transforms are still those arguments', () => {
  it('KLDivLoss()(torch.log(torch.tensor(q)), torch.tensor(p))', () => {
    const text =
      'criterion = torch.nn.KLDivLoss(reduction="batchmean")\ncriterion(torch.log(torch.tensor([0.25, 0.75])), torch.tensor([0.5, 0.5]))';
    const [p] = pairsOf(text);
    expect(p!.slice(0, 2)).toEqual(['[0.5, 0.5]', '[0.25, 0.75]']);
    expect(p![2]).toMatch(/KLDivLoss/);
  });

  it('.log(), .numpy(), .unsqueeze(0) and F.log_softmax(…) on names and literals', () => {
    expect(
      pairsOf('q = [0.2, 0.8]\np = [0.5, 0.5]\nF.kl_div(torch.tensor(q).log(), torch.tensor(p))')[0]!.slice(0, 2),
    ).toEqual(['[0.5, 0.5]', '[0.2, 0.8]']);
    expect(pairsOf('z = [[1.0, -1.0]]\nt = [0]\nF.nll_loss(F.log_softmax(z, dim=1), t)')[0]!.slice(0, 2)).toEqual([
      '[0]',
      '[[1.0, -1.0]]',
    ]);
    expect(pairsOf('yt = [1, 0]\nyp = [0.7, 0.3]\nlog_loss(yt.numpy(), yp.detach().numpy())')[0]!.slice(0, 2)).toEqual([
      '[1, 0]',
      '[0.7, 0.3]',
    ]);
  });
});

describe('isBinaryPair: 0/1 labels beside P(class 1) per sample', () => {
  const found = (values: number[] | Float64Array): FoundArray<AnyValues> =>
    ({ start: 0, end: 0, values, shape: [values.length], role: 'unknown', issues: [], issueDetails: [] }) as never;
  it('needs labels all 0 or 1 (not one 1 among zeros) and values all in [0, 1], of one length', () => {
    expect(isBinaryPair(found([1, 0, 1]), found([0.9, 0.2, 0.7]))).toBe(true);
    for (const bad of [1.2, -0.2, NaN, Infinity])
      expect(isBinaryPair(found([1, 0, 1]), found([0.9, bad, 0.7])), String(bad)).toBe(false);
    expect(isBinaryPair(found([0, 1, 0]), found([0.2, 0.7, 0.1]))).toBe(false); // one-hot over classes
    expect(isBinaryPair(found([1, 0.5, 1]), found([0.9, 0.2, 0.7]))).toBe(false);
    expect(isBinaryPair(found([1, 0, 1]), found([0.9, 0.2]))).toBe(false);
  });

  it('reads a long typed pair to its last element where that decides it', () => {
    const n = 1_000_000;
    const labels = Float64Array.from({ length: n }, (_, i) => i % 2);
    const probabilities = new Float64Array(n).fill(0.5);
    expect(isBinaryPair(found(labels), found(probabilities))).toBe(true);
    probabilities[n - 1] = 1.5;
    expect(isBinaryPair(found(labels), found(probabilities))).toBe(false);
    labels[n - 1] = 0.5;
    expect(isBinaryPair(found(labels), found(new Float64Array(n).fill(0.5)))).toBe(false);
  });
});
