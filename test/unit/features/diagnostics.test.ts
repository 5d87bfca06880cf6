import { describe, expect, it } from 'vitest';
import { findPredictionArguments, unwrap } from '../../../src/extension/features/model/callSites';
import { computeDiagnostics, diagnosticSteps } from '../../../src/extension/features/content/diagnosticsContent';
import {
  DEFAULT_MODEL_SETTINGS,
  DocumentModel,
  DocumentModelCache,
} from '../../../src/extension/features/model/documentModel';
import { createEngine } from '../../../src/extension/features/model/engine';
import { buildFix } from '../../../src/extension/features/content/quickFixes';
import type { FoundArray, FoundPair } from '../../../src/extension/features/model/shapes';
import { arrayAt } from './fixtures';

function diagnose(text: string, arrays: FoundArray[], pairs: FoundPair[] = []) {
  const engine = {
    findArrays: () => ({ arrays, pairs, issues: [] }),
    analyze: () => {
      throw new Error('not used');
    },
  };
  const model = new DocumentModelCache(engine).get(
    { uri: 'u', version: 1, languageId: 'python', getText: () => text },
    DEFAULT_MODEL_SETTINGS,
  );
  return { model, items: computeDiagnostics(model) };
}

describe('call sites', () => {
  it('knows argument order, keywords, constructed losses and from_logits', () => {
    const text = [
      'F.cross_entropy(F.softmax(z, dim=1), y)',
      'nn.CrossEntropyLoss(weight=w)(logits, target)',
      'log_loss(y_true, y_pred=probs)',
      'F.binary_cross_entropy(torch.tensor([0.2, 0.9]), t)',
      'tf.keras.losses.categorical_crossentropy(y, q, from_logits=True)',
      'my_cross_entropy(a, b)  # not a known loss',
      'print("cross_entropy(x, y)")',
    ].join('\n');
    const calls = findPredictionArguments(text);
    expect(calls.map((c) => [c.callee, c.text, c.wrapper, c.expects])).toEqual([
      ['F.cross_entropy', 'F.softmax(z, dim=1)', 'softmax', 'logits'],
      ['nn.CrossEntropyLoss', 'logits', undefined, 'logits'],
      ['log_loss', 'probs', undefined, 'probabilities'],
      ['F.binary_cross_entropy', 'torch.tensor([0.2, 0.9])', undefined, 'probabilities'],
      ['tf.keras.losses.categorical_crossentropy', 'q', undefined, 'logits'],
      ['cross_entropy', 'x', undefined, 'logits'], // inside a string: an accepted false positive, it names no array
    ]);
    expect(calls[0]!.identifier).toBe('z');
  });
  it("takes what each call expects from the finder's table, module prefix included", () => {
    const calls = findPredictionArguments(
      'scipy.special.kl_div(p, q)\ntf.compat.v1.losses.log_loss(y, predictions=probs)\nF.kl_div(log_q, p)',
    );
    expect(calls.map((c) => [c.callee, c.text, c.expects])).toEqual([
      ['scipy.special.kl_div', 'q', 'probabilities'], // elementwise x·log(x/y), target first
      ['tf.compat.v1.losses.log_loss', 'probs', 'probabilities'],
      ['F.kl_div', 'log_q', 'log-probabilities'],
    ]);
  });
  it("finds TF.js's camelCase losses, labels first", () => {
    const calls = findPredictionArguments(
      'const a = tf.losses.softmaxCrossEntropy(onehot, logits);\n' +
        'const b = tf.losses.sigmoidCrossEntropy(labels, z, undefined, 0.1);\n' +
        'const c = tf.losses.logLoss(labels, probs);\n' +
        'const d = myLogLoss(labels, probs);\n',
    );
    expect(calls.map((c) => [c.callee, c.target?.text, c.text, c.expects])).toEqual([
      ['tf.losses.softmaxCrossEntropy', 'onehot', 'logits', 'logits'],
      ['tf.losses.sigmoidCrossEntropy', 'labels', 'z', 'logits'],
      ['tf.losses.logLoss', 'labels', 'probs', 'probabilities'],
    ]);
  });
  it('reads arguments written one per line', () => {
    const calls = findPredictionArguments(
      'loss = F.cross_entropy(\n    logits,\n    labels,\n)\nlog_loss(\n  y_true,\n  y_pred=\n    probs)',
    );
    expect(calls.map((c) => [c.text, c.identifier])).toEqual([
      ['logits', 'logits'],
      ['probs', 'probs'],
    ]);
  });
  it('unwraps method-style softmax', () => {
    expect(unwrap('out.softmax(dim=-1)')).toEqual({ identifier: 'out', wrapper: 'softmax' });
  });
  it('never throws on unterminated calls', () => {
    expect(() => findPredictionArguments('F.cross_entropy(((([[[')).not.toThrow();
    expect(findPredictionArguments('nn.CrossEntropyLoss(')).toEqual([]);
  });
});

describe('value diagnostics', () => {
  it('reports a probability vector not summing to 1 with a normalise fix that clears it', () => {
    const text = 'y_pred = [0.2, 0.3, 0.4]';
    const arr = arrayAt(text, '[0.2, 0.3, 0.4]', [0.2, 0.3, 0.4], { name: 'y_pred' });
    const { items } = diagnose(text, [arr]);
    expect(items).toEqual([
      expect.objectContaining({
        code: 'not-normalized',
        fixes: ['normalize'],
        start: 9,
        end: text.length,
        message: 'y_pred sums to 0.9, not 1: probabilities must sum to 1.',
      }),
    ]);
    const fix = buildFix(text, arr, 'normalize');
    if (!fix.ok) throw new Error(fix.reason);
    const fixed = text.slice(0, fix.edit.start) + fix.edit.newText;
    const again = arrayAt(fixed, fix.edit.newText, fix.values[0]!, { name: 'y_pred' });
    expect(diagnose(fixed, [again]).items).toEqual([]);
  });
  it('names the row of a batch and the element that is NaN or negative', () => {
    const text = 'p = [[0.5, 0.5], [0.7, 0.2]]\nq = [0.5, NaN]\nt = [1.2, -0.2]';
    const { items } = diagnose(text, [
      arrayAt(
        text,
        '[[0.5, 0.5], [0.7, 0.2]]',
        [
          [0.5, 0.5],
          [0.7, 0.2],
        ],
        { name: 'p' },
      ),
      arrayAt(text, '[0.5, NaN]', [0.5, NaN], { name: 'q' }),
      arrayAt(text, '[1.2, -0.2]', [1.2, -0.2], { name: 't', role: 'target' }),
    ]);
    expect(items.map((i) => i.message)).toEqual([
      'row 1 of p sums to 0.9, not 1: probabilities must sum to 1.',
      'q[1] is NaN: entropy and loss are undefined with it.',
      't[1] is negative (-0.2): probabilities are between 0 and 1.',
    ]);
  });
  it('leaves logits, unknowns and binary-loss probability vectors alone', () => {
    const text = 'z = [2.0, -1.0]\nF.binary_cross_entropy(torch.tensor([0.2, 0.9]), t)';
    const { items } = diagnose(text, [
      arrayAt(text, '[2.0, -1.0]', [2, -1], { name: 'z', role: 'logits' }),
      arrayAt(text, '[0.2, 0.9]', [0.2, 0.9], { role: 'probabilities' }),
    ]);
    expect(items).toEqual([]);
  });
});

describe('pair and call diagnostics', () => {
  it('reports a pair of different lengths on the prediction, pointing at the target', () => {
    const text = 'y = [0, 1, 0]\np = [0.5, 0.5]';
    const { items } = diagnose(
      text,
      [
        arrayAt(text, '[0, 1, 0]', [0, 1, 0], { name: 'y', role: 'one-hot' }),
        arrayAt(text, '[0.5, 0.5]', [0.5, 0.5], { name: 'p' }),
      ],
      [{ target: 0, prediction: 1, reason: 'names' }],
    );
    expect(items).toEqual([
      expect.objectContaining({
        code: 'length-mismatch',
        start: text.indexOf('[0.5'),
        message: 'Lengths differ: y is 3 but p is 2.',
        related: [expect.objectContaining({ start: 4 })],
      }),
    ]);
  });
  it('warns when softmax output goes to F.cross_entropy, on the argument', () => {
    const text = 'z = [[2.0, 1.0, 0.1]]\nloss = F.cross_entropy(F.softmax(z, dim=1), y)';
    const { items } = diagnose(text, [
      arrayAt(text, '[[2.0, 1.0, 0.1]]', [[2, 1, 0.1]], { name: 'z', role: 'logits' }),
    ]);
    expect(items).toHaveLength(1);
    expect(items[0]).toMatchObject({
      code: 'softmax-before-logits-loss',
      start: text.indexOf('F.softmax'),
      fixes: [],
    });
    // z has 3 classes: softmax twice cannot give the true class more than e/(e + 2), a loss of log(1 + 2/e).
    expect(items[0]!.message).toBe(
      'F.cross_entropy takes logits, not softmax output: softmax twice, loss ≥ 0.551 (K = 3)',
    );
  });
  it('warns when a probability literal goes to F.cross_entropy and offers the log fix', () => {
    const text = 'F.cross_entropy(torch.tensor([[0.7, 0.2, 0.1]]), torch.tensor([0]))';
    const probs = arrayAt(text, '[[0.7, 0.2, 0.1]]', [[0.7, 0.2, 0.1]], { roleReason: 'rows sum to 1' });
    const { items } = diagnose(
      text,
      [probs, arrayAt(text, '[0]', [0], { role: 'class-indices' })],
      [{ target: 1, prediction: 0, reason: 'F.cross_entropy(input, target)' }],
    );
    const d = items.find((i) => i.code === 'softmax-before-logits-loss')!;
    expect(d).toMatchObject({ start: probs.start, end: probs.end, fixes: ['log'], arrayIndex: 0 });
    expect(d.message).toContain('not probabilities (this array)');
  });
  it('warns when a batch of logits bound to a name goes to log_loss (probability rows) and offers softmax', () => {
    const text = 'logits = [[2.0, -1.0], [0.5, 1.5]]\nlog_loss([0, 1], logits)';
    const { items } = diagnose(text, [
      arrayAt(
        text,
        '[[2.0, -1.0], [0.5, 1.5]]',
        [
          [2, -1],
          [0.5, 1.5],
        ],
        { name: 'logits', role: 'logits', roleReason: 'has negative values' },
      ),
    ]);
    expect(items).toEqual([
      expect.objectContaining({
        code: 'logits-into-probability-loss',
        fixes: ['softmax'],
        start: text.lastIndexOf('logits'),
      }),
    ]);
    expect(items[0]!.message).toBe('log_loss takes probabilities; logits holds logits (-1 < 0): apply softmax first');
  });
  it('offers softmax for logits passed to a categorical loss that expects probabilities', () => {
    const text = 'q = [2.0, -1.0, 0.5]\nkeras.losses.categorical_crossentropy(y, q)';
    const { items } = diagnose(text, [arrayAt(text, '[2.0, -1.0, 0.5]', [2, -1, 0.5], { name: 'q', role: 'logits' })]);
    expect(items).toEqual([
      expect.objectContaining({ code: 'logits-into-probability-loss', fixes: ['softmax'], arrayIndex: 0 }),
    ]);
  });
});

describe('diagnostics in slices', () => {
  const yieldsFor = (width: number): number => {
    const row = Array.from({ length: width }, (_, k) => (k === 0 ? '1.5' : '0')).join(', ');
    const text = Array.from({ length: 10 }, (_, i) => `counts_${i} = [${row}]\n`).join('');
    const m = new DocumentModel('u', 1, 'python', text, createEngine(), DEFAULT_MODEL_SETTINGS);
    expect(m.arrays).toHaveLength(10);
    const steps = diagnosticSteps(m);
    let yields = 0;
    while (!steps.next().done) yields++;
    return yields;
  };

  it('ends a slice by the values read, so wide arrays do not make one long slice', () => {
    // 10 arrays of 60 000 values: 600 000 values read, at most 200 000 a slice.
    expect(yieldsFor(60_000) - yieldsFor(3)).toBeGreaterThanOrEqual(2);
  });
});
