// From arrays found by the real finder to results, messages, copy lines and
// the normalise offer — the numbers checked against the textbook formulas.
import { describe, expect, it } from 'vitest';
import { findArrays } from '../../../src/parse';
import { chooseArrays } from '../../../src/extension/commands/chooseArrays';
import { breakdownMarkdown } from '../../../src/extension/commands/breakdownMarkdown';
import { entropyOutcome, pairOutcome, type Outcome } from '../../../src/extension/commands/outcome';
import type { ComputeKind, ComputeSettings } from '../../../src/extension/commands/types';
import { positionsOf } from './helpers';

const NATS: ComputeSettings = { unit: 'nats', eps: undefined };
const BITS: ComputeSettings = { unit: 'bits', eps: undefined };

/** Runs a pair command on the whole text selected, as the extension does. */
function run(text: string, kind: ComputeKind, settings = NATS, language = 'python'): Outcome {
  const find = findArrays(text, language);
  const pos = positionsOf(text);
  const choice = chooseArrays(
    find,
    { selections: [{ start: 0, end: text.length }], cursor: text.length, lineOf: pos.lineOf },
    kind,
  );
  const where = { uri: 'untitled:test', positionAt: pos.positionAt };
  if (choice.type === 'arrays') return entropyOutcome(find, choice.indices, settings, where);
  if (choice.type !== 'pair' || kind === 'entropy') throw new Error(`unexpected choice ${choice.type}`);
  return pairOutcome(kind, find, choice, settings, where);
}

const PAIR = 'y_true = [0, 1, 0]\ny_pred = [0.2, 0.7, 0.1]\n';

describe('cross-entropy of a pair', () => {
  it('gives −ln 0.7 nats for a one-hot target on class 1', () => {
    const out = run(PAIR, 'crossEntropy');
    expect(out.result.ok).toBe(true);
    if (!out.result.ok || out.result.kind === 'entropy') throw new Error('expected a pair');
    expect(out.result.crossEntropy).toBeCloseTo(-Math.log(0.7), 12);
    expect(out.result.entropy).toBe(0);
    expect(out.result.klPQ).toBeCloseTo(-Math.log(0.7), 12);
    expect(out.result.perplexity).toBeCloseTo(1 / 0.7, 12);
    expect(out.result.target).toMatchObject({
      name: 'y_true',
      range: { start: { line: 0, character: 9 }, end: { line: 0, character: 18 } },
    });
    expect(out.result.prediction.name).toBe('y_pred');
    expect(out.message).toBe('H(p,q) = 0.357 nats · H(p) = 0 · KL(p‖q) = 0.357 · perplexity 1.43 (y_true → y_pred)');
    // JS against the mixture m = (p + q) / 2 = [0.1, 0.85, 0.05].
    const js = 0.5 * Math.log(1 / 0.85) + 0.5 * (0.2 * Math.log(2) + 0.7 * Math.log(0.7 / 0.85) + 0.1 * Math.log(2));
    expect(out.result.js).toBeCloseTo(js, 12);
    expect(out.copy).toBe(
      `**\`y_true\` → \`y_pred\`**: H(p,q) = 0.357 nats, H(p) = 0, KL(p‖q) = 0.357, KL(q‖p) = ∞, JS = ${js.toFixed(3)}, perplexity 1.43`,
    );
    expect(out.payload).toMatchObject({
      target: [0, 1, 0],
      prediction: [0.2, 0.7, 0.1],
      predictionKind: 'probabilities',
      source: { uri: 'untitled:test' },
    });
  });

  it('reports bits when the unit is bits', () => {
    const out = run(PAIR, 'crossEntropy', BITS);
    if (!out.result.ok || out.result.kind === 'entropy') throw new Error('expected a pair');
    expect(out.result.unit).toBe('bits');
    expect(out.result.crossEntropy).toBeCloseTo(-Math.log2(0.7), 12);
    expect(out.message).toMatch(/^H\(p,q\) = 0\.515 bits/);
  });

  it('leads with KL for the KL command', () => {
    const out = run('p = [0.5, 0.5]\nq = [0.9, 0.1]\n', 'klDivergence');
    const kl = 0.5 * Math.log(0.5 / 0.9) + 0.5 * Math.log(0.5 / 0.1);
    if (!out.result.ok || out.result.kind === 'entropy') throw new Error('expected a pair');
    expect(out.result.klPQ).toBeCloseTo(kl, 12);
    expect(out.message).toMatch(new RegExp(`^KL\\(p‖q\\) = ${kl.toFixed(3)} nats · KL\\(q‖p\\) = `));
  });

  it('reads logits through softmax and says a batch is a mean over rows', () => {
    const text = 'labels = [0, 2]\nlogits = [[2.0, 0.5, -1.0], [0.1, 0.2, 3.0]]\nF.cross_entropy(logits, labels)\n';
    const out = run(text, 'crossEntropy');
    if (!out.result.ok || out.result.kind === 'entropy') throw new Error(`expected a pair: ${out.message}`);
    const ce = (row: number[], k: number) => Math.log(row.reduce((s, z) => s + Math.exp(z), 0)) - row[k]!;
    expect(out.result.crossEntropy).toBeCloseTo((ce([2, 0.5, -1], 0) + ce([0.1, 0.2, 3], 2)) / 2, 12);
    expect(out.result.batched).toBe(true);
    expect(out.message).toContain('means over 2 rows');
  });
});

describe('invalid pairs', () => {
  it('says the lengths differ, with both lengths and where', () => {
    const out = run('y_true = [0, 1, 0, 0]\ny_pred = [0.2, 0.7, 0.1]\n', 'crossEntropy');
    expect(out.result).toMatchObject({ ok: false, code: 'LENGTH_MISMATCH' });
    expect(out.message).toBe(
      'Entropy Lens: lengths differ: y_true has 4 values, y_pred has 3 (y_true is on line 1, y_pred is on line 2) — cannot compute the cross-entropy of y_true → y_pred',
    );
    expect(out.offer).toBeUndefined();
  });

  it('names the negative element of the prediction', () => {
    const out = run('p = [0.25, 0.25, 0.25, 0.25]\nq = [0.5, 0.4, 0.3, -0.2]\n', 'crossEntropy');
    expect(out.result).toMatchObject({ ok: false, code: 'NEGATIVE' });
    if (out.result.ok) throw new Error('expected a failure');
    expect(out.result.error).toMatch(/^q\[3\] is -0\.2: probabilities cannot be negative \(q is on line 2\)$/);
    expect(out.offer).toBeUndefined();
  });

  it('offers to normalise p that sums to 0.98 and computes on a copy when accepted', () => {
    const text = 'y_true = [0.1, 0.88, 0.0]\ny_pred = [0.2, 0.7, 0.1]\n';
    const out = run(text, 'crossEntropy');
    expect(out.result).toMatchObject({ ok: false, code: 'NOT_NORMALIZED' });
    expect(out.offer?.offer).toEqual({ action: 'Compute with p normalised', reason: 'y_true sums to 0.98, not 1' });
    expect(out.message).toContain('y_true sums to 0.98, not 1');
    const accepted = out.offer!.accept();
    if (!accepted.result.ok || accepted.result.kind === 'entropy')
      throw new Error(`expected a pair: ${accepted.message}`);
    const p = [0.1 / 0.98, 0.88 / 0.98, 0];
    const expected = -(p[0]! * Math.log(0.2) + p[1]! * Math.log(0.7));
    expect(accepted.result.crossEntropy).toBeCloseTo(expected, 12);
    expect(accepted.result.normalised).toBe(true);
    expect(accepted.message).toContain('on normalised copies');
    expect(accepted.payload?.target).toEqual(p);
  });

  it('offers "p and q" when both are off, naming the row of a batch', () => {
    const text = 'y_true = [[0, 1], [0.5, 0.4]]\ny_pred = [[0.5, 0.5], [0.6, 0.6]]\n';
    const out = run(text, 'crossEntropy');
    expect(out.offer?.offer).toEqual({
      action: 'Compute with p and q normalised',
      reason: 'y_true row 1 sums to 0.9, not 1; y_pred row 1 sums to 1.2, not 1',
    });
  });

  it('does not offer to normalise what normalising cannot fix (a negative value)', () => {
    const out = run('p = [0.5, 0.6, 0]\nq = [0.6, 0.5, -0.1]\n', 'crossEntropy');
    expect(out.result).toMatchObject({ ok: false, code: 'NEGATIVE' });
    expect(out.offer).toBeUndefined();
  });
});

describe('entropy', () => {
  it('of probabilities, in nats and bits', () => {
    const out = run('q = [0.5, 0.25, 0.25]\n', 'entropy');
    if (!out.result.ok || out.result.kind !== 'entropy') throw new Error('expected entropy');
    expect(out.result.entropy).toBeCloseTo(1.5 * Math.LN2, 12);
    expect(out.message).toBe('H(q) = 1.040 nats · perplexity 2.83');
    const bits = run('q = [0.5, 0.25, 0.25]\n', 'entropy', BITS);
    if (!bits.result.ok) throw new Error('expected entropy');
    expect(bits.result.entropy).toBeCloseTo(1.5, 12);
  });

  it('of logits is the entropy of their softmax', () => {
    const z = [2, -1, 0.5];
    const out = run(`logits = [${z.join(', ')}]\n`, 'entropy');
    if (!out.result.ok || out.result.kind !== 'entropy') throw new Error(`expected entropy: ${out.message}`);
    const s = z.reduce((a, x) => a + Math.exp(x), 0);
    const h = -z.reduce((a, x) => a + (Math.exp(x) / s) * Math.log(Math.exp(x) / s), 0);
    expect(out.result.entropy).toBeCloseTo(h, 12);
    expect(out.result.arrays[0]!.kind).toBe('logits');
    expect(out.message).toContain('(softmax of logits)');
  });

  it('of each selected array', () => {
    const out = run(PAIR, 'entropy');
    if (!out.result.ok || out.result.kind !== 'entropy') throw new Error('expected entropy');
    expect(out.result.arrays.map((a) => a.array.name)).toEqual(['y_true', 'y_pred']);
    expect(out.message).toMatch(/^H\(y_true\) = 0 nats · perplexity 1 \| H\(y_pred\) = 0\.802 nats/);
  });
});

describe('arrays the finder did not read whole', () => {
  it('refuses a capped array instead of computing on its first part, naming the setting', () => {
    const text = `y_true = [${[1, 0, 0, 0, 0].join(', ')}]\ny_pred = [${[0.2, 0.2, 0.2, 0.2, 0.2].join(', ')}]\n`;
    const find = findArrays(text, 'python', { maxElements: 3 });
    const pos = positionsOf(text);
    const out = pairOutcome('crossEntropy', find, { target: 0, prediction: 1, reason: 'test' }, NATS, {
      uri: 'u',
      positionAt: pos.positionAt,
    });
    expect(out.result).toMatchObject({ ok: false, code: 'NOT_COMPUTABLE' });
    expect(out.message).toMatch(
      /y_true \(line 1\) is longer than the finder reads \(only the first 3 of 5 values were read \(maxElements\)\): raise the setting entropyLens\.limits\.maxElementsPerArray/,
    );
    const e = entropyOutcome(find, [1], NATS, { uri: 'u', positionAt: pos.positionAt });
    expect(e.result).toMatchObject({ ok: false, code: 'NOT_COMPUTABLE' });
  });
});

describe('binary losses', () => {
  const softplus = (x: number) => Math.log1p(Math.exp(x));

  it('reads a pair found at binary_cross_entropy_with_logits element by element, as the code lens does', () => {
    const text =
      'z = torch.tensor([1.5, -0.3, 4.0])\ny = torch.tensor([1.0, 0.0, 1.0])\nbce = F.binary_cross_entropy_with_logits(z, y)\n';
    const out = run(text, 'crossEntropy');
    if (!out.result.ok || out.result.kind === 'entropy') throw new Error(`expected a pair: ${out.message}`);
    // BCE with logits: y·softplus(−z) + (1 − y)·softplus(z), averaged.
    expect(out.result.crossEntropy).toBeCloseTo((softplus(-1.5) + softplus(-0.3) + softplus(-4)) / 3, 12);
    expect(out.result.binary).toBe(true);
    expect(out.result.target.name).toBe('y');
    expect(out.message).toContain('binary cross-entropy per element, q = sigmoid of z, mean over 3 elements');
    expect(breakdownMarkdown(out.subject!)).toContain('- A binary loss: element r is a two-class problem');
  });

  it('says a binary loss needs one target per prediction', () => {
    const out = run('q = [0.9, 0.2]\ny = [1, 0, 1]\nloss = F.binary_cross_entropy(q, y)\n', 'crossEntropy');
    expect(out.result).toMatchObject({ ok: false, code: 'LENGTH_MISMATCH' });
    if (out.result.ok) throw new Error('expected a failure');
    expect(out.result.error).toBe(
      'y has 3 values, q has 2: a binary loss needs one target per prediction (y is on line 2, q on line 1)',
    );
  });

  it('gives BCE of probabilities with y·log q + (1 − y)·log(1 − q)', () => {
    const out = run('q = [0.9, 0.2, 0.6]\ny = [1, 0, 1]\nloss = F.binary_cross_entropy(q, y)\n', 'crossEntropy');
    if (!out.result.ok || out.result.kind === 'entropy') throw new Error(`expected a pair: ${out.message}`);
    expect(out.result.crossEntropy).toBeCloseTo(-(Math.log(0.9) + Math.log(0.8) + Math.log(0.6)) / 3, 12);
    expect(out.payload).toMatchObject({
      target: [
        [1, 0],
        [0, 1],
        [1, 0],
      ],
      predictionKind: 'probabilities',
    });
  });
});

describe('whole numbers as the prediction', () => {
  it('reads them as counts and offers to normalise them, not as logits', () => {
    const out = run('y_true = [0, 1, 0]\ny_pred = [1, 3, 1]\n', 'crossEntropy');
    expect(out.result).toMatchObject({ ok: false, code: 'OUT_OF_RANGE' });
    expect(out.offer?.offer).toEqual({ action: 'Compute with q normalised', reason: 'y_pred sums to 5, not 1' });
    const accepted = out.offer!.accept();
    if (!accepted.result.ok || accepted.result.kind === 'entropy') throw new Error(accepted.message);
    expect(accepted.result.crossEntropy).toBeCloseTo(-Math.log(3 / 5), 12);
  });
});
