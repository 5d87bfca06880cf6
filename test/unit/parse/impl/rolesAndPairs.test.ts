// Issue #11, patterns 1, 4, 5, 6, 7 and 10: arguments bound before the call,
// values outranking names, binary pairs, logits, column-wise distributions,
// and the neighbour rule's boundaries.
import { describe, expect, it } from 'vitest';
import { findArrays } from '../../../../src/parse';

const named = (text: string, lang = 'python'): { roles: Record<string, string>; pairs: string[] } => {
  const r = findArrays(text, lang);
  const label = (k: number): string => r.arrays[k]!.name ?? `#${k}`;
  return {
    roles: Object.fromEntries(r.arrays.map((a, k) => [label(k), a.role])),
    pairs: r.pairs.map((p) => `${label(p.target)} -> ${label(p.prediction)}`),
  };
};

describe('an argument is the binding in effect at the call', () => {
  it('never a literal bound after the call, nor one replaced before it', () => {
    const later = findArrays(
      'y_true = [0, 1, 1]\ny_pred = model.predict(x)\nprint(log_loss(y_true, y_pred))\ny_pred = [[0.2, 0.8], [0.6, 0.4], [0.3, 0.7]]',
      'python',
    );
    expect(later.pairs.filter((p) => p.rule === 'call')).toEqual([]);
    const replaced = findArrays(
      'logits = [2.0, -1.0, 0.5]\nlogits = net(x)\nF.cross_entropy(logits, target)',
      'python',
    );
    expect(replaced.pairs).toEqual([]);
  });

  it('not a binding inside an earlier test function', () => {
    const text =
      "describe('bce', () => {\n  it('a', () => {\n    const yPred = [0.9, 0.2];\n  });\n  it('b', () => {\n    expect(binaryCrossentropy(yTrue, yPred)).toBeLessThan(1);\n  });\n});";
    expect(findArrays(text, 'javascript').pairs.filter((p) => p.rule === 'call')).toEqual([]);
  });
});

describe('values outrank names', () => {
  it('a one-hot array beside a soft one of the same length is the target, whatever the names', () => {
    expect(named('t1 = [0, 0, 1]\np1 = [0.1, 0.2, 0.7]').pairs).toEqual(['t1 -> p1']);
    expect(named('p = [0.2, 0.5, 0.3]\nq = [0, 1, 0]').pairs).toEqual(['q -> p']);
    expect(
      named(
        'double[] expected = [0.0, 1.0];\ndouble[] actual = [0.3, 0.7];\nMetrics.CrossEntropy(expected, actual);',
        'csharp',
      ).pairs,
    ).toEqual(['expected -> actual']);
  });

  it('from-scratch code: t is the target, y the output; a lone p stays a distribution', () => {
    expect(
      named('y = [0.1, 0.05, 0.6, 0.0, 0.05, 0.1, 0.0, 0.1, 0.0, 0.0]\nt = [0, 0, 1, 0, 0, 0, 0, 0, 0, 0]').pairs,
    ).toEqual(['t -> y']);
    expect(named('p = np.array([0.2, 0.5, 0.3])\nH = entropy(p)').roles).toEqual({ p: 'probabilities' });
    expect(named('y_true = [0.7, 0.2, 0.1]').roles).toEqual({ y_true: 'target' });
  });
});

describe('binary pairs', () => {
  it('0/1 labels beside values in [0, 1] of the same length: P(class 1) per sample', () => {
    const r = findArrays('y_true = [1, 0, 1, 1, 0]\ny_pred = [0.9, 0.1, 0.8, 0.7, 0.2]', 'python');
    expect(r.pairs).toMatchObject([{ target: 0, prediction: 1, binary: true }]);
    expect(r.arrays.map((a) => a.role)).toEqual(['class-indices', 'probabilities']);
    const unnamed = findArrays(
      'a = np.array([0, 0, 1, 1])\nb = np.array([0.12, 0.4, 0.35, 0.8])\nroc_auc_score(a, b)',
      'python',
    );
    expect(unnamed.pairs).toMatchObject([{ target: 0, prediction: 1, binary: true }]);
  });

  it('a binary loss names its callee and signature on the pair', () => {
    const r = findArrays(
      'z = torch.tensor([1.5, -0.3])\ny = torch.tensor([1.0, 0.0])\nF.binary_cross_entropy_with_logits(z, y)',
      'python',
    );
    expect(r.pairs[0]).toMatchObject({
      rule: 'call',
      callee: 'F.binary_cross_entropy_with_logits',
      binary: true,
      signature: { expects: 'logits', binary: true },
    });
  });
});

describe('logits and column-wise distributions', () => {
  it('a batch with negative values in some rows, a name that says logits, the input of softmax', () => {
    expect(named('scores = [[2.0, 1.0, 0.1], [-0.5, 0.3, 1.2]]').roles).toEqual({ scores: 'logits' });
    expect(named('input_logits = [[1, 2, 3]]').roles).toEqual({ input_logits: 'logits' });
    expect(named('expect(softmax([1, 2, 3])).toBeCloseTo(1);', 'javascript').roles).toEqual({ '#0': 'logits' });
  });

  it('columns that sum to 1 are distributions (classes × samples)', () => {
    expect(named('ŷ = [0.7 0.1; 0.2 0.3; 0.1 0.6]', 'julia').roles).toEqual({ ŷ: 'probabilities' });
  });

  it('counts passed to entropy stay counts', () => {
    expect(named('H = entropy([9, 1])').roles).toEqual({ '#0': 'counts' });
  });
});

describe('neighbours pair only a target and a prediction', () => {
  it('two distributions with no names that say a side are not a pair', () => {
    expect(named('prior_a = [0.5, 0.5]\nprior_b = [0.9, 0.1]').pairs).toEqual([]);
    expect(named('entropy([0.25, 0.25, 0.25, 0.25])\nentropy([0.5, 0.5, 0, 0])').pairs).toEqual([]);
  });

  it('a new test function or a new paragraph is a boundary; a blank line is not', () => {
    expect(named('def test_a():\n    t = [0, 1]\n\ndef test_b():\n    q = [0.3, 0.7]').pairs).toEqual([]);
    expect(named('t = [0, 1]\n\nq = [0.3, 0.7]').pairs).toEqual(['t -> q']);
    expect(named('The labels are [0, 1].\n\nAnother example uses [0.3, 0.7] as input.', 'markdown').pairs).toEqual([]);
  });
});

describe('calls of functions defined in the document, and names against a table read from a callee name', () => {
  it('reads the parameter names of a function defined in the same document', () => {
    expect(
      named(
        'def soft_ce(pred, target):\n    return -(target * pred.log()).sum()\n\na = torch.tensor([0.3, 0.4, 0.3])\nb = torch.tensor([0.2, 0.5, 0.3])\nsoft_ce(a, b)',
      ).pairs,
    ).toEqual(['b -> a']);
    expect(
      named('def kl_div(p, q):\n    """KL.\n\n    >>> kl_div([0.5, 0.5], [0.9, 0.1])\n    0.51\n    """\n').pairs,
    ).toEqual(['#0 -> #1']);
  });

  it('argument names that say the opposite of a generic callee win', () => {
    expect(
      named(
        'double[] target = {0.0, 1.0, 0.0};\ndouble[] predicted = {0.0, 1.0, 0.0};\nassertEquals(0.0, Losses.crossEntropy(target, predicted), 1e-12);',
        'java',
      ).pairs,
    ).toEqual(['target -> predicted']);
    expect(named('const P = [0.36, 0.48, 0.16];\nconst Q = [0.333, 0.333, 0.334];', 'javascript').pairs).toEqual([
      'P -> Q',
    ]);
  });
});

describe('more real-code forms', () => {
  it('Rust borrows in a loss call; a two-value label array beside a batch of two rows is class indices', () => {
    const r = findArrays(
      'let input = Tensor::new(&[1.2f32, -0.4, 2.5], &dev)?;\nlet target = Tensor::new(&[1.0f32, 0.0, 1.0], &dev)?;\nlet l = binary_cross_entropy_with_logit(&input, &target)?;',
      'rust',
    );
    expect(r.arrays.map((a) => a.name)).toEqual(['input', 'target']);
    expect(r.pairs).toMatchObject([{ target: 1, prediction: 0, rule: 'call', binary: true }]);
    expect(named('labels = [1, 0]\nlogits = [[0.2, 1.5, -0.3], [2.0, 0.1, 0.4]]').roles).toEqual({
      labels: 'class-indices',
      logits: 'logits',
    });
  });

  it('prose and logs name a list with `name: [...]`; a printed value is not paired with the code that printed it', () => {
    expect(findArrays('epoch 3 probs: [0.8123, 0.1502, 0.0375]', 'plaintext').arrays.map((a) => a.name)).toEqual([
      'probs',
    ]);
    const text = 'def f():\n    """\n    >>> softmax([1.0, 2.0, 3.0])\n    [0.0900, 0.2447, 0.6652]\n    """\n';
    expect(findArrays(text, 'python').pairs).toEqual([]);
  });
});

describe('roles from the columns and from entropy', () => {
  it('a 0/1 matrix whose columns are one-hot is one-hot (classes × samples)', () => {
    expect(named('T = [1 0 0; 0 1 1; 0 0 0];', 'matlab').roles).toEqual({ T: 'one-hot' });
  });

  it('whole numbers passed by name to entropy are counts', () => {
    expect(named('y <- c(4, 2, 3, 0, 2)\nentropy(y, method = "ML")', 'r').roles).toEqual({ y: 'counts' });
  });

  it('a doctest session outside a string: the 2-D literal over ... lines replaces its rows', () => {
    const r = findArrays(
      '>>> y_true = [[0, 1, 0],\n...           [0, 0, 1]]\n>>> y_pred = [[0.05, 0.95, 0],\n...           [0.1, 0.8, 0.1]]\n>>> log_loss(y_true, y_pred)\n',
      'python',
    );
    expect(r.arrays.map((a) => [a.name, a.shape])).toEqual([
      ['y_true', [2, 3]],
      ['y_pred', [2, 3]],
    ]);
    expect(r.pairs).toMatchObject([{ target: 0, prediction: 1 }]);
  });
});

describe('a name passed to a call before its literal', () => {
  it("the literal bound after the call is not paired with the call's other argument, by names or as neighbours", () => {
    const text =
      'y_true = [1, 0, 1]\ny_pred = model.predict_proba(X_test)[:, 1]\nprint(log_loss(y_true, y_pred))\n\n# by hand\ny_pred = [0.9, 0.2, 0.7]\n';
    const r = findArrays(text, 'python');
    expect(r.pairs).toEqual([]);
    // Unpaired, a prediction's values in [0, 1] are still P(class 1) per element.
    expect(r.arrays.map((a) => a.role)).toEqual(['class-indices', 'probabilities']);
  });

  it('two unnamed lists in a sentence of prose are not a pair', () => {
    expect(findArrays('Label smoothing replaces [1, 0, 0] by [0.9, 0.05, 0.05].', 'markdown').pairs).toEqual([]);
  });
});
