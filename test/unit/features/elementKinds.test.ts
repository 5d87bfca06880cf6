// The finder's 1-D values must stay arrays of unboxed doubles (8 B a value) while
// the features read them. V8's optimised code transitions an array's elements to
// the generic kind (each double boxed: 16 B more per value, and garbage on every
// read) when one keyed-load site sees both number[] and number[][] — e.g. a
// `Array.isArray(values[0])` shared by 1-D and 2-D values. This runs the finder
// and every feature over a mixed document long enough to be optimised, then
// asks V8 (natives syntax, enabled for this test only) what kind the arrays have.
import { setFlagsFromString } from 'node:v8';
import { describe, expect, it } from 'vitest';
import { DEFAULT_MODEL_SETTINGS, DocumentModel } from '../../../src/extension/features/model/documentModel';
import { createEngine } from '../../../src/extension/features/model/engine';
import { lensAnchors, lensTitle } from '../../../src/extension/features/content/lensContent';
import { hoverMarkdown } from '../../../src/extension/features/content/hoverContent';
import { computeDiagnostics } from '../../../src/extension/features/content/diagnosticsContent';
import { statusSummary } from '../../../src/extension/features/content/statusContent';
import { findArrays } from '../../../src/parse';
import { lineOfText } from './fixtures';

setFlagsFromString('--allow-natives-syntax');
const hasObjectElements = new Function('a', 'return %HasObjectElements(a)') as (a: unknown) => boolean;

function rnd(seed: number): () => number {
  let s = seed >>> 0;
  return () => (s = (s * 1664525 + 1013904223) >>> 0) / 2 ** 32;
}

/** Blocks as people write them: log_loss on one-hot and probabilities, a logits batch with class indices, a binary loss on logits. */
function documentText(blocks: number, classes = 10): string {
  const r = rnd(1);
  const parts = [
    'import numpy as np\nimport torch\nimport torch.nn.functional as F\nfrom sklearn.metrics import log_loss\n\n',
  ];
  for (let i = 0; i < blocks; i++) {
    const hot = Math.floor(r() * classes);
    const raw = Array.from({ length: classes }, () => r() + 0.01);
    const sum = raw.reduce((a, b) => a + b, 0);
    const logits = (): string => `[${raw.map((x) => (4 * x - 2).toFixed(3)).join(', ')}]`;
    if (i % 3 === 1) {
      parts.push(
        `logits_${i} = torch.tensor([${logits()}, ${logits()}])\nlabels_${i} = torch.tensor([${hot}, ${(hot + 1) % classes}])\nce_${i} = F.cross_entropy(logits_${i}, labels_${i})\n\n`,
      );
    } else if (i % 3 === 2) {
      parts.push(
        `z_${i} = torch.tensor(${logits()})\ny_${i} = torch.tensor([${raw.map((x) => (x > 0.5 ? '1.0' : '0.0')).join(', ')}])\nbce_${i} = F.binary_cross_entropy_with_logits(z_${i}, y_${i})\n\n`,
      );
    } else {
      const probs = raw.map((x) => (x / sum).toFixed(6));
      parts.push(
        `y_true_${i} = [${Array.from({ length: classes }, (_, k) => (k === hot ? 1 : 0)).join(', ')}]\ny_pred_${i} = np.array([${probs.join(', ')}])\nloss_${i} = log_loss(y_true_${i}, y_pred_${i})\n\n`,
      );
    }
  }
  return parts.join('');
}

describe('element kinds of the values', () => {
  it('stay unboxed numbers after the finder and every feature have read them many times', () => {
    const blocks = 3000;
    const text = documentText(blocks);
    const lineOf = lineOfText(text);
    const boxed = (m: DocumentModel) => [
      ...m.arrays.filter((a) => a.shape.length === 1 && hasObjectElements(a.values)).map((a) => a.name),
      ...m.arrays
        .filter((a) => a.shape.length === 2 && (a.values as number[][]).some((row) => hasObjectElements(row)))
        .map((a) => a.name),
    ];
    const m = new DocumentModel('u', 1, 'python', text, createEngine(), DEFAULT_MODEL_SETTINGS);
    expect(m.arrays).toHaveLength(2 * blocks);
    expect(m.arrays.filter((a) => a.shape.length === 2)).toHaveLength(blocks / 3);
    expect(boxed(m).slice(0, 5)).toEqual([]);
    for (let round = 0; round < 3; round++) {
      for (const anchor of lensAnchors(m, lineOf)) lensTitle(m, anchor, 'nats');
      for (let i = 0; i < m.arrays.length; i++) hoverMarkdown(m, i, { unit: 'nats' });
      computeDiagnostics(m);
      for (let i = 0; i + 1 < m.arrays.length; i += 7)
        statusSummary(m, [{ start: m.arrays[i]!.start, end: m.arrays[i + 1]!.end }], 'nats');
    }
    expect(boxed(m).slice(0, 5)).toEqual([]);
    // The probe itself tells the kinds apart.
    expect(hasObjectElements([[1.5]])).toBe(true);
    expect(hasObjectElements(findArrays('p = [0.5, 0.5]', 'python').arrays[0]!.values)).toBe(false);
  });
});
