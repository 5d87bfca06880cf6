// Binary losses (BCE, sigmoid cross-entropy) are judged per element with the
// real finder and core: the lens is the loss PyTorch returns, the target's
// values need not sum to 1, and the hover speaks of sigmoid, not softmax.
import { describe, expect, it } from 'vitest';
import { binaryCrossEntropy } from '../../../src/core';
import {
  createEngine,
  DocumentModel,
  DEFAULT_MODEL_SETTINGS,
  isBinaryPair,
} from '../../../src/extension/features/model';
import { lossSignature } from '../../../src/parse/callSignatures';
import { lensAnchors, lensTitle } from '../../../src/extension/features/content/lensContent';
import { hoverMarkdown } from '../../../src/extension/features/content/hoverContent';
import { computeDiagnostics } from '../../../src/extension/features/content/diagnosticsContent';
import { lineOfText } from './fixtures';

const model = (text: string) => new DocumentModel('u', 1, 'python', text, createEngine(), DEFAULT_MODEL_SETTINGS);

describe('binary losses', () => {
  it('tells binary calls from categorical ones by the callee the finder gives the pair', () => {
    const pair = (callee: string) => ({
      target: 0,
      prediction: 1,
      callee,
      reason: `arguments of ${callee}(input, target), which takes the prediction first`,
    });
    expect(isBinaryPair(pair('F.binary_cross_entropy_with_logits'))).toBe(true);
    expect(isBinaryPair(pair('tf.nn.sigmoid_cross_entropy_with_logits'))).toBe(true);
    expect(isBinaryPair(pair('F.cross_entropy'))).toBe(false);
    expect(
      isBinaryPair({ target: 0, prediction: 1, reason: 'names: y reads as the target and z as the prediction' }),
    ).toBe(false);
  });

  it("decides binary-ness as the finder's table does, for the callee as the finder writes it", () => {
    const found = (callee: string) => ({
      target: 0,
      prediction: 1,
      callee,
      reason: `arguments of ${callee}(input, target), which takes the prediction first`,
    });
    for (const callee of [
      'nn.BCELoss()',
      'nn.BCEWithLogitsLoss()',
      'nn.CrossEntropyLoss()',
      'log_loss',
      'tf.keras.losses.binary_crossentropy',
      'optax.sigmoid_binary_cross_entropy',
    ]) {
      expect(isBinaryPair(found(callee)), callee).toBe(lossSignature(callee)?.binary === true);
    }
    expect(isBinaryPair(found('nn.BCELoss()'))).toBe(true);
    expect(isBinaryPair(found('log_loss'))).toBe(false);
  });

  it("takes the finder's word for a binary pair found without a loss call: 0/1 labels beside P(class 1) per sample", () => {
    expect(isBinaryPair({ target: 0, prediction: 1, reason: 'names', rule: 'names', binary: true })).toBe(true);
    const text = 'y_true = [1, 0, 1, 1, 0]\ny_pred = [0.9, 0.1, 0.8, 0.7, 0.2]\n';
    const m = model(text);
    expect(m.pairs).toHaveLength(1);
    expect(isBinaryPair(m.pairs[0]!)).toBe(true);
    const bce =
      -[Math.log(0.9), Math.log(0.9), Math.log(0.8), Math.log(0.7), Math.log(0.8)].reduce((a, b) => a + b) / 5;
    const [lens] = lensAnchors(m, lineOfText(text));
    expect(lensTitle(m, lens!, 'nats')).toBe(
      `BCE = ${bce.toFixed(3)} nats · KL = ${bce.toFixed(3)} · H(p) = 0 · mean of 5 elements`,
    );
  });

  it('reads the pair at a constructed loss module as binary, from the real finder', () => {
    const m = model('loss = nn.BCELoss()(torch.tensor([0.2, 0.9]), torch.tensor([0.0, 1.0]))\n');
    expect(m.pairs).toHaveLength(1);
    expect(m.isBinary(0)).toBe(true);
  });

  it('gives the mean BCE from logits that PyTorch gives, with no sum-to-1 warning on the labels', () => {
    const text =
      'z = torch.tensor([1.5, -0.3, 4.0])\ny = torch.tensor([1.0, 0.0, 1.0])\nbce = F.binary_cross_entropy_with_logits(z, y)\n';
    const m = model(text);
    const k = m.pairs.findIndex((p) => m.arrays[p.prediction]!.name === 'z');
    expect(m.isBinary(k)).toBe(true);
    const a = m.pairAnalysis(k);
    const expected = binaryCrossEntropy([1, 0, 1], [1.5, -0.3, 4.0], { fromLogits: true }).value as number;
    expect(a.ok && a.value.crossEntropy.nats).toBeCloseTo(expected, 12);
    const [lens] = lensAnchors(m, lineOfText(text));
    expect(lensTitle(m, lens!, 'nats')).toBe(
      `BCE = ${expected.toFixed(3)} nats · KL = ${expected.toFixed(3)} · H(p) = 0 · mean of 3 elements`,
    );
    expect(computeDiagnostics(m)).toEqual([]);
    const md = hoverMarkdown(
      m,
      m.arrays.findIndex((x) => x.name === 'z'),
      { unit: 'nats', commandLinks: false },
    );
    expect(md).toContain('Sigmoid per element: [0.818, 0.426, 0.982]');
    expect(md).toContain('| [1] | 0 | 0.426 | 0.554 |');
    expect(md).not.toContain('Softmax');
  });

  it('reads probabilities per element and soft labels too', () => {
    const text = 'p = [0.8, 0.3, 0.9]\nt = [1.0, 0.5, 1.0]\nloss = F.binary_cross_entropy(p, t)\n';
    const m = model(text);
    const k = m.pairs.findIndex((p) => m.arrays[p.prediction]!.name === 'p');
    const a = m.pairAnalysis(k);
    const expected = binaryCrossEntropy([1, 0.5, 1], [0.8, 0.3, 0.9]).value as number;
    expect(a.ok && a.value.crossEntropy.nats).toBeCloseTo(expected, 12);
  });

  it('says what is wrong when a binary target leaves [0, 1] or the lengths differ', () => {
    const bad = model('z = [1.5, -0.3]\ny = [2.0, 0.0]\nF.binary_cross_entropy_with_logits(z, y)\n');
    const k = bad.pairs.findIndex((p) => bad.arrays[p.prediction]!.name === 'z');
    expect(bad.pairAnalysis(k)).toEqual({ ok: false, error: 'y[0] is 2: a binary target lies in [0, 1]' });
    const short = model('z = [1.5, -0.3, 2.0]\ny = [1.0, 0.0]\nF.binary_cross_entropy_with_logits(z, y)\n');
    const k2 = short.pairs.findIndex((p) => short.arrays[p.prediction]!.name === 'z');
    expect(short.pairAnalysis(k2)).toEqual({
      ok: false,
      error: 'y has 2 values, z has 3: a binary loss needs one target per prediction',
    });
    expect(computeDiagnostics(short).map((d) => d.code)).toEqual(['length-mismatch']);
  });
});
