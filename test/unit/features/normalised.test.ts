// A prediction that does not sum to 1 is judged on its normalised copy, with a
// note saying so, and core messages never reach the user with API wording.
import { describe, expect, it } from 'vitest';
import {
  DocumentModel,
  DEFAULT_MODEL_SETTINGS,
  normalisationNote,
} from '../../../src/extension/features/model/documentModel';
import { createEngine } from '../../../src/extension/features/model/engine';
import { lensAnchors, lensTitle } from '../../../src/extension/features/content/lensContent';
import { hoverMarkdown } from '../../../src/extension/features/content/hoverContent';
import { computeDiagnostics } from '../../../src/extension/features/content/diagnosticsContent';
import { userText } from '../../../src/extension/features/format/userText';
import { arrayAt, lineOfText } from './fixtures';

const model = (text: string, languageId = 'python') =>
  new DocumentModel('u', 1, languageId, text, createEngine(), DEFAULT_MODEL_SETTINGS);

describe('a prediction that does not sum to 1', () => {
  const text =
    'import tensorflow as tf\ny_true = [0, 1, 0]\ny_pred = [0.2, 0.3, 0.4]\nloss = tf.keras.losses.categorical_crossentropy(y_true, y_pred)\n';

  it('gets figures of its normalised copy and a lens that says so', () => {
    const m = model(text);
    const k = m.pairs.findIndex((p) => m.arrays[p.prediction]!.name === 'y_pred');
    expect(k).toBeGreaterThanOrEqual(0);
    const a = m.pairAnalysis(k);
    expect(a.ok && a.value.crossEntropy.nats).toBeCloseTo(Math.log(3), 12);
    expect(m.pairNote(k)).toBe('q normalised: sums to 0.9');
    const titles = lensAnchors(m, lineOfText(text)).map((an) => lensTitle(m, an, 'nats'));
    expect(titles).toContain('H(p,q) = 1.099 nats (q normalised: sums to 0.9) · KL = 1.099 · H(p) = 0');
  });

  it('has a hover without errors or API options, and a Normalise diagnostic', () => {
    const m = model(text);
    const md = hoverMarkdown(
      m,
      m.arrays.findIndex((a) => a.name === 'y_pred'),
      { unit: 'nats', commandLinks: false },
    );
    expect(md).toContain('| H(p,q) cross-entropy | 1.099 |');
    expect(md).toContain('probabilities that do not sum to 1');
    expect(md).not.toMatch(/Cannot compute|normalize:|pass /);
    expect(computeDiagnostics(m)).toEqual([expect.objectContaining({ code: 'not-normalized', fixes: ['normalize'] })]);
  });

  it('notes each side that is off and leaves class indices, logits and valid sums alone', () => {
    const t = 'p = [2, 1, 1]\nq = [0.2, 0.3, 0.4]\n';
    const p = arrayAt(t, '[2, 1, 1]', [2, 1, 1], { role: 'counts' });
    const q = arrayAt(t, '[0.2, 0.3, 0.4]', [0.2, 0.3, 0.4], { role: 'counts' });
    expect(normalisationNote(p, q)).toBe('p normalised: sums to 4; q normalised: sums to 0.9');
    expect(normalisationNote({ ...p, role: 'class-indices', values: [1], shape: [1] }, q)).toBe(
      'q normalised: sums to 0.9',
    );
    expect(normalisationNote(p, { ...q, role: 'logits' })).toBe('p normalised: sums to 4');
    expect(normalisationNote({ ...p, values: [0.5, 0.25, 0.25] }, { ...q, values: [0.1, 0.1, 0.8] })).toBeUndefined();
    expect(normalisationNote({ ...p, values: [0.5, 0.25, 0.25] }, { ...q, values: [0.5, -0.1, 0.8] })).toBeUndefined(); // cannot be normalised
    const batch = arrayAt(t, '[0.2, 0.3, 0.4]', [
      [0.2, 0.3, 0.4],
      [0.5, 0.5, 0],
      [1, 1, 0],
    ]);
    expect(
      normalisationNote(
        {
          ...batch,
          role: 'one-hot',
          values: [
            [0, 1, 0],
            [1, 0, 0],
            [0, 0, 1],
          ],
        },
        batch,
      ),
    ).toBe('q normalised: 2 of 3 rows sum to 0.9 … 2');
  });

  it('warns about a counts-looking array named like a prediction, not about genuine counts', () => {
    expect(computeDiagnostics(model('probs = [0.5, 0.28, 0.2]\n'))).toEqual([
      expect.objectContaining({
        code: 'not-normalized',
        message: 'probs sums to 0.98, not 1: probabilities must sum to 1.',
      }),
    ]);
    expect(computeDiagnostics(model('weights = [0.5, 0.28, 0.2]\n'))).toEqual([]);
  });
});

describe('a lone distribution that does not sum to 1', () => {
  it('gets the entropy of its normalised copy, and the lens says so', () => {
    const text = '# sums to 0.98\nprobs = [0.5, 0.28, 0.2]\n';
    const m = model(text);
    expect(m.arrays[0]!.role).toBe('probabilities');
    const h = -[0.5, 0.28, 0.2].map((v) => v / 0.98).reduce((s, p) => s + p * Math.log(p), 0);
    const titles = lensAnchors(m, lineOfText(text)).map((an) => lensTitle(m, an, 'nats'));
    expect(titles).toEqual([`H(p) = ${h.toFixed(3)} nats (normalised: sums to 0.98)`]);
  });
});

describe('log-probabilities written with few digits', () => {
  it('are renormalised (as log_softmax would give) and say so, instead of refusing the loss', () => {
    const text =
      'log_probs = torch.tensor([[-0.22, -1.90, -3.00], [-2.5, -0.1, -3.2]])\ntarget = torch.tensor([0, 1])\nnll = F.nll_loss(log_probs, target)\n';
    const m = model(text);
    const k = m.pairs.findIndex((p) => m.arrays[p.prediction]!.name === 'log_probs');
    const a = m.pairAnalysis(k);
    const lse = (r: number[]) => Math.log(r.reduce((s, v) => s + Math.exp(v), 0));
    const expected = (0.22 + lse([-0.22, -1.9, -3]) + (0.1 + lse([-2.5, -0.1, -3.2]))) / 2;
    expect(a.ok && a.value.crossEntropy.nats).toBeCloseTo(expected, 12);
    expect(m.pairNote(k)).toBe('log q renormalised: exponentials of the rows sum to 1.002 … 1.028');
    const md = hoverMarkdown(
      m,
      m.arrays.findIndex((x) => x.name === 'log_probs'),
      { unit: 'nats', commandLinks: false },
    );
    expect(md).toContain('Figures for `log_probs` shifted so its exponentials sum to 1');
  });

  it('a one-row batch is not called a mean of 1 rows', () => {
    const text = 'loss = log_loss([[0, 1, 0]], [[0.2, 0.7, 0.1]])\n';
    const m = model(text);
    const titles = lensAnchors(m, lineOfText(text)).map((an) => lensTitle(m, an, 'nats'));
    expect(titles).toEqual([
      `H(p,q) = ${(-Math.log(0.7)).toFixed(3)} nats · KL = ${(-Math.log(0.7)).toFixed(3)} · H(p) = 0`,
    ]);
  });
});

describe('how other predictions are read, said in the lens', () => {
  const titles = (text: string): string[] => {
    const m = model(text);
    return lensAnchors(m, lineOfText(text)).map((an) => lensTitle(m, an, 'nats'));
  };

  it('whole numbers as a prediction are counts, normalised — and all zeros cannot be', () => {
    expect(titles('y_true = [0, 1, 0]\ny_pred = [1, 2, 1]\nlog_loss(y_true, y_pred)\n')[0]).toBe(
      `H(p,q) = ${Math.log(2).toFixed(3)} nats (q normalised: sums to 4) · KL = ${Math.log(2).toFixed(3)} · H(p) = 0`,
    );
    expect(titles('y_true = [0, 1, 0]\ny_pred = [0, 0, 0]\nlog_loss(y_true, y_pred)\n')).toEqual([
      'Entropy Lens: y_pred sums to 0, not 1',
    ]);
  });

  it('negative values at a probabilities call are read as logits, and the lens says so', () => {
    const [t] = titles('y_true = [0, 1, 0]\ny_pred = [0.2, -0.1, 0.9]\nlog_loss(y_true, y_pred)\n');
    const e = [Math.exp(0.2), Math.exp(-0.1), Math.exp(0.9)];
    const ce = -Math.log(e[1]! / (e[0]! + e[1]! + e[2]!));
    expect(t).toBe(
      `H(p,q) = ${ce.toFixed(3)} nats (q read as logits: softmax applied) · KL = ${ce.toFixed(3)} · H(p) = 0`,
    );
  });

  it('rows whose class index is ignore_index are left out of the mean, and the lens counts them', () => {
    const [t] = titles('labels = [0, -100]\nlogits = [[1, 2, 3], [1, 2, 3]]\nF.cross_entropy(logits, labels)\n');
    const ce = -Math.log(Math.exp(1) / (Math.exp(1) + Math.exp(2) + Math.exp(3)));
    expect(t).toBe(`H(p,q) = ${ce.toFixed(3)} nats · KL = ${ce.toFixed(3)} · H(p) = 0 · mean of 1 row (1 ignored)`);
  });
});

describe('userText', () => {
  it('rewords the core API hints for the editor user', () => {
    expect(userText('prediction sums to 0.9, not 1 (pass normalize: true to divide by the sum)')).toBe(
      'prediction sums to 0.9, not 1',
    );
    expect(userText('so the cross-entropy and KL are infinite (set eps to clip)')).toBe(
      'so the cross-entropy and KL are infinite (the entropyLens.eps setting clips it)',
    );
    expect(userText('the cross-entropy is infinite (an eps such as 1e-7 clips it)')).toBe(
      'the cross-entropy is infinite (setting entropyLens.eps, e.g. to 1e-7, clips it)',
    );
    expect(userText('1 of 2 rows is ignored (ignoreIndex -100)')).toBe('1 of 2 rows is ignored (ignore_index -100)');
  });
});

describe('arrays the finder capped', () => {
  it('get a message instead of figures of their first part, and no sum warning', () => {
    const n = 50;
    const q = Array.from({ length: n }, () => 1 / n);
    const y = Array.from({ length: n }, (_, i) => (i === 0 ? 1 : 0));
    const text = `y_true = [${y.join(', ')}]\ny_pred = [${q.join(', ')}]\nlog_loss(y_true, y_pred)\n`;
    const m = new DocumentModel(
      'u',
      1,
      'python',
      text,
      createEngine(() => ({ maxElements: 20 })),
      DEFAULT_MODEL_SETTINGS,
    );
    expect(m.arrays.every((a) => a.issues.some((i) => i.startsWith('capped:')))).toBe(true);
    const titles = lensAnchors(m, lineOfText(text)).map((an) => lensTitle(m, an, 'nats'));
    expect(titles).toEqual([
      'Entropy Lens: y_true is longer than Entropy Lens reads (only the first 20 of 50 values were read); raise entropyLens.limits.maxElementsPerArray to see its figures',
    ]);
    expect(m.selfAnalysis(1)).toEqual({
      ok: false,
      error: expect.stringContaining('y_pred is longer than Entropy Lens reads'),
    });
    expect(computeDiagnostics(m).filter((d) => d.code === 'not-normalized')).toEqual([]);
  });
});
