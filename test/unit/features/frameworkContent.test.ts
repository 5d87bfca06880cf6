// The framework line of hovers and breakdowns: what the library call returns,
// checked through the real finder and core on source text.
import { describe, expect, it } from 'vitest';
import { emulate } from '../../../src/core';
import { frameworkLine, lossNumber } from '../../../src/extension/features/content/frameworkContent';
import { hoverMarkdown } from '../../../src/extension/features/content/hoverContent';
import { breakdownMarkdown } from '../../../src/extension/commands/breakdownMarkdown';
import { pairOutcome } from '../../../src/extension/commands/outcome';
import { createEngine } from '../../../src/extension/features/model/engine';
import { DEFAULT_MODEL_SETTINGS, DocumentModelCache } from '../../../src/extension/features/model/documentModel';
import { findArrays } from '../../../src/parse';

const BCE =
  'import torch\nimport torch.nn.functional as F\nloss = F.binary_cross_entropy(torch.tensor([0.0, 1.0]), torch.tensor([1.0, 1.0]))\n';

function modelOf(text: string, languageId = 'python') {
  return new DocumentModelCache(createEngine()).get(
    { uri: `file:///w/a.${languageId === 'python' ? 'py' : 'txt'}`, version: 1, languageId, getText: () => text },
    DEFAULT_MODEL_SETTINGS,
  );
}

describe('frameworkLine', () => {
  it('says what PyTorch returns for the issue’s example: 50, exact +∞, the clamp', () => {
    expect(frameworkLine('F.binary_cross_entropy', [1, 1], [0, 1])).toBe(
      'PyTorch `F.binary_cross_entropy` returns 50 (float32) · exact +∞ — log clamped at −100',
    );
  });

  it('names the scikit-learn version and the library’s own rule', () => {
    expect(frameworkLine('log_loss', [1, 0], [0.9, 0.2])).toMatch(
      /^scikit-learn 1\.5 and later `log_loss` returns 0\.16425\d* \(float64\) · exact 0\.16425\d* — same as exact$/,
    );
    expect(frameworkLine('keras.losses.CategoricalCrossentropy()', [[1, 0]], [[0, 1]])).toMatch(
      /^Keras `keras\.losses\.CategoricalCrossentropy\(\)` returns 16\.1181 \(float32\) · exact \+∞ — clipped/,
    );
  });

  it('gives no line for a callee that is no emulated loss, and says why arrays are refused', () => {
    expect(frameworkLine(undefined, [1], [0.5])).toBeUndefined();
    expect(frameworkLine('np.mean', [1], [0.5])).toBeUndefined();
    expect(frameworkLine('F.binary_cross_entropy', [1, 0], [0.5])).toMatch(/cannot be emulated.*same shape/);
  });

  it('steps back on arrays too long to emulate in a hover', () => {
    const n = 2_501;
    const y = Array.from({ length: n }, (_, i) => i % 2),
      q = Array.from({ length: n }, () => 0.5);
    expect(frameworkLine('F.binary_cross_entropy', y, q)).toBe(
      '`F.binary_cross_entropy` is not emulated on more than 5000 values',
    );
    expect(frameworkLine('F.binary_cross_entropy', y.slice(0, 2_000), q.slice(0, 2_000))).toMatch(
      /returns 0\.693147 \(float32\)/,
    );
  });

  it('writes values as a library prints them', () => {
    expect([50, Infinity, -Infinity, NaN, 0.1234567, -2].map(lossNumber)).toEqual([
      '50',
      '+∞',
      '−∞',
      'NaN',
      '0.123457',
      '−2',
    ]);
  });
});

describe('in the hover and the breakdown', () => {
  it('the hover of the issue’s BCE call shows the value PyTorch returns beside the exact one', () => {
    const model = modelOf(BCE);
    const i = model.arrays.findIndex((a) => a.values.length === 2 && (a.values as number[])[0] === 0);
    expect(i).toBeGreaterThanOrEqual(0);
    const md = hoverMarkdown(model, i, { unit: 'nats', commandLinks: false });
    expect(md).toContain('PyTorch `F.binary_cross_entropy` returns 50 (float32) · exact +∞ — log clamped at −100');
  });

  it('no framework line for a pair found by names', () => {
    const model = modelOf('y_true = [0, 1, 0]\ny_pred = [0.2, 0.7, 0.1]\n');
    expect(hoverMarkdown(model, 0, { unit: 'nats', commandLinks: false })).not.toMatch(/returns .* · exact/);
  });

  it('the breakdown of the pair carries the same line', () => {
    const find = findArrays(BCE, 'python');
    const pair = find.pairs[0]!;
    expect(pair.callee).toBe('F.binary_cross_entropy');
    const out = pairOutcome(
      'crossEntropy',
      find,
      pair,
      { unit: 'nats', eps: undefined },
      {
        uri: 'file:///w/a.py',
        positionAt: (o: number) => ({ line: 0, character: o }),
      },
    );
    expect(out.subject).toBeDefined();
    const md = breakdownMarkdown(out.subject!);
    expect(md).toContain('- PyTorch `F.binary_cross_entropy` returns 50 (float32) · exact +∞ — log clamped at −100');
  });

  it('agrees with the core’s emulate on a batch', () => {
    const text =
      'import torch.nn.functional as F\nloss = F.cross_entropy([[2.0, 0.5, -1.0], [0.1, 0.2, 3.0]], [0, 2])\n';
    const model = modelOf(text);
    const logits = model.arrays.findIndex((a) => a.shape.length === 2);
    const md = hoverMarkdown(model, logits, { unit: 'nats', commandLinks: false });
    const r = emulate('pytorch', 'cross_entropy', {
      prediction: [
        [2, 0.5, -1],
        [0.1, 0.2, 3],
      ],
      target: [0, 2],
    });
    expect(md).toContain(`PyTorch \`F.cross_entropy\` returns ${lossNumber(r.value as number)} (float32)`);
  });
});

describe('the call’s keywords and the arrays’ dtype go into the emulation', () => {
  const hoverOf = (text: string, literal: string) => {
    const model = modelOf(text);
    const i = model.arrays.findIndex((a) => a.start === text.indexOf(literal));
    expect(i).toBeGreaterThanOrEqual(0);
    return hoverMarkdown(model, i, { unit: 'nats', commandLinks: false }).replace(/\\(.)/g, '$1');
  };

  it('reduction and label_smoothing of F.cross_entropy', () => {
    const text =
      "import torch.nn.functional as F\nloss = F.cross_entropy([[2.0, 0.5, -1.0], [0.1, 0.2, 3.0]], [0, 2], reduction='sum', label_smoothing=0.1)\n";
    const r = emulate(
      'pytorch',
      'cross_entropy',
      {
        prediction: [
          [2, 0.5, -1],
          [0.1, 0.2, 3],
        ],
        target: [0, 2],
      },
      { reduction: 'sum', labelSmoothing: 0.1 },
    );
    const md = hoverOf(text, '[[2.0');
    expect(md).toContain(
      `PyTorch \`F.cross_entropy\` (reduction='sum', label_smoothing=0.1) returns ${lossNumber(r.value as number)} (float32)`,
    );
    // Without the keywords the value would be the smoothing-free mean: a different number.
    const plain = emulate('pytorch', 'cross_entropy', {
      prediction: [
        [2, 0.5, -1],
        [0.1, 0.2, 3],
      ],
      target: [0, 2],
    });
    expect(lossNumber(plain.value as number)).not.toBe(lossNumber(r.value as number));
  });

  it('dtype=torch.float64 of the tensors: no float32 clamp edge, the double result', () => {
    const text =
      'import torch\nimport torch.nn.functional as F\nloss = F.binary_cross_entropy(torch.tensor([0.3, 0.9], dtype=torch.float64), torch.tensor([1.0, 0.0], dtype=torch.float64))\n';
    const md = hoverOf(text, '[0.3, 0.9]');
    expect(md).toMatch(
      /PyTorch `F\.binary_cross_entropy` \(dtype=float64\) returns [\d.]+ \(float64\) · exact [\d.]+ — same as exact/,
    );
  });

  it('weight= of nn.CrossEntropyLoss(...) and from_logits=True of Keras', () => {
    const text =
      'import torch.nn as nn\nloss = nn.CrossEntropyLoss(weight=torch.tensor([1.0, 3.0]))([[0.0, 1.0], [2.0, 0.0]], [1, 1])\n';
    const r = emulate(
      'pytorch',
      'cross_entropy',
      {
        prediction: [
          [0, 1],
          [2, 0],
        ],
        target: [1, 1],
      },
      { weight: [1, 3] },
    );
    expect(hoverOf(text, '[[0.0')).toContain(`returns ${lossNumber(r.value as number)} (float32)`);
    const keras = 'import keras\nloss = keras.losses.binary_crossentropy([1.0, 0.0], [2.0, -1.0], from_logits=True)\n';
    const k = emulate('keras', 'BinaryCrossentropy', { prediction: [2, -1], target: [1, 0] }, { fromLogits: true });
    expect(hoverOf(keras, '[2.0')).toContain(`(from_logits=True) returns ${lossNumber(k.value as number)} (float32)`);
  });

  it('log_loss(..., eps=1e-7) is the scikit-learn 1.2–1.4 rule', () => {
    const text = 'from sklearn.metrics import log_loss\nlog_loss([1, 0], [0.0, 0.2], eps=1e-7)\n';
    expect(hoverOf(text, '[0.0, 0.2]')).toMatch(
      /scikit-learn 1\.2–1\.4 `log_loss` \(eps=1e-7\) returns 8\.17\d* \(float64\)/,
    );
  });
});

describe('as libraries compute it, for a pair with no loss call', () => {
  it('a pair found by names shows each library’s usual loss with its defaults', () => {
    const model = modelOf('y_true = [0, 1, 0]\ny_pred = [0.0, 0.7, 0.3]\n');
    const md = hoverMarkdown(model, 1, { unit: 'nats', commandLinks: false }).replace(/\\(.)/g, '$1');
    const keras = emulate('keras', 'CategoricalCrossentropy', { prediction: [[0, 0.7, 0.3]], target: [[0, 1, 0]] });
    const sk = emulate('sklearn', 'log_loss', { prediction: [[0, 0.7, 0.3]], target: [1] });
    expect(md).toContain('*As libraries compute it, with their defaults:*');
    expect(md).toContain(`Keras ${lossNumber(keras.value as number)}`);
    expect(md).toContain(`scikit-learn ${lossNumber(sk.value as number)}`);
  });

  it('0/1 labels beside per-sample probabilities: the binary losses, the clamp and eps named where they apply', () => {
    const model = modelOf('y_true = [1, 0, 1]\ny_pred = [0.0, 0.1, 0.8]\n');
    const md = hoverMarkdown(model, 1, { unit: 'nats', commandLinks: false }).replace(/\\(.)/g, '$1');
    const torch = emulate('pytorch', 'binary_cross_entropy', { prediction: [0, 0.1, 0.8], target: [1, 0, 1] });
    expect(torch.reason).toBe('log clamped at −100');
    expect(md).toContain(`PyTorch ${lossNumber(torch.value as number)} (log clamped at −100)`);
    expect(md).toMatch(/TF\.js [\d.]+ \(epsilon 1e-7 added inside the log\)/);
  });

  it('not shown when the pair was found at a loss call (the call’s own line is)', () => {
    const md = hoverMarkdown(
      modelOf(BCE),
      modelOf(BCE).arrays.findIndex((a) => (a.values as number[])[0] === 0),
      { unit: 'nats', commandLinks: false },
    );
    expect(md).not.toContain('As libraries compute it');
  });
});
