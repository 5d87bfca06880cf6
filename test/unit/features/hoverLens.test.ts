import { describe, expect, it } from 'vitest';
import { DEFAULT_MODEL_SETTINGS, DocumentModelCache } from '../../../src/extension/features/model/documentModel';
import { hoverMarkdown, termTable } from '../../../src/extension/features/content/hoverContent';
import { lensAnchors, lensTitle, pairLine } from '../../../src/extension/features/content/lensContent';
import { analyze } from '../../../src/core';
import { arrayAt, engineFor, lineOfText } from './fixtures';

const text = 'y_true = [0, 1, 0]\ny_pred = [0.2, 0.7, 0.1]\nz = [1.0, 2.0]; w = [0.5, 0.5]\nidx = [2, 0]\n';
const found = {
  arrays: [
    arrayAt(text, '[0, 1, 0]', [0, 1, 0], { name: 'y_true', role: 'one-hot', roleReason: 'a single 1 among 0s' }),
    arrayAt(text, '[0.2, 0.7, 0.1]', [0.2, 0.7, 0.1], { name: 'y_pred' }),
    arrayAt(text, '[1.0, 2.0]', [1, 2], { name: 'z', role: 'logits' }),
    arrayAt(text, '[0.5, 0.5]', [0.5, 0.5], { name: 'w' }),
    arrayAt(text, '[2, 0]', [2, 0], { name: 'idx', role: 'class-indices' }),
  ],
  pairs: [{ target: 0, prediction: 1, reason: 'names y_true / y_pred' }],
};
const model = () =>
  new DocumentModelCache(engineFor(found)).get(
    { uri: 'file:///w/a.py', version: 3, languageId: 'python', getText: () => text },
    DEFAULT_MODEL_SETTINGS,
  );

describe('lens content', () => {
  it('puts one lens per line: the pair at its prediction, unpaired distributions merged on their line, no class indices', () => {
    const anchors = lensAnchors(model(), lineOfText(text));
    expect(anchors.map((a) => a.line)).toEqual([1, 2]);
    expect(anchors[1]!.items).toHaveLength(2);
    expect(anchors[0]!.offset).toBe(found.arrays[1]!.start);
  });

  it('titles a pair as H(p,q) · KL · H(p) in the chosen unit', () => {
    const m = model();
    const [pair] = lensAnchors(m, lineOfText(text));
    const ce = -Math.log(0.7);
    expect(lensTitle(m, pair!, 'nats')).toBe(`H(p,q) = ${ce.toFixed(3)} nats · KL = ${ce.toFixed(3)} · H(p) = 0`);
    expect(lensTitle(m, pair!, 'bits')).toBe(
      `H(p,q) = ${(ce / Math.LN2).toFixed(3)} bits · KL = ${(ce / Math.LN2).toFixed(3)} · H(p) = 0`,
    );
  });

  it('titles logits by the entropy of their softmax and joins items on one line', () => {
    const m = model();
    const line = lensAnchors(m, lineOfText(text))[1]!;
    expect(lensTitle(m, line, 'bits')).toMatch(/^H\(softmax\) = 0\.840 bits {2}\| {2}H\(p\) = 1\.000 bits$/);
  });

  it('says what is wrong instead of a number when the core refuses the pair', () => {
    const bad = { arrays: found.arrays.slice(0, 3), pairs: [{ target: 0, prediction: 2, reason: 'order' }] };
    const m = new DocumentModelCache(engineFor(bad)).get(
      { uri: 'u', version: 1, languageId: 'python', getText: () => text },
      DEFAULT_MODEL_SETTINGS,
    );
    const a = lensAnchors(m, lineOfText(text)).find((x) => x.items.some((i) => i.kind === 'pair'));
    expect(lensTitle(m, a!, 'nats')).toBe('Entropy Lens: y_true has 3 values, z has 2');
  });

  it('marks batch figures as means', () => {
    const a = analyze(
      [
        [1, 0],
        [0, 1],
      ],
      [
        [0.5, 0.5],
        [0.25, 0.75],
      ],
      {},
    );
    expect(pairLine(a, 'nats')).toMatch(/· mean of 2 rows$/);
  });
});

describe('hover content', () => {
  it('shows role and why, entropy and the pair figures with links carrying the pair', () => {
    const md = hoverMarkdown(model(), 1, { unit: 'nats' });
    expect(md).toContain('`y_pred` — probabilities, 3 values');
    expect(md).toContain('*Why probabilities:* sums to 1');
    expect(md).toMatch(/H\(q\) = 0\.802 nats/); // entropy of the prediction [0.2, 0.7, 0.1]
    expect(md).toContain('Paired as the **prediction** with `y_true`');
    expect(md).toContain(`| H(p,q) cross-entropy | ${(-Math.log(0.7)).toFixed(3)} |`);
    expect(md).toMatch(/\| KL\(q‖p\) \| ∞ \|/);
    const link = /\(command:entropyLens\.showVisualizer\?([^ )]+)/.exec(md)!;
    const [payload] = JSON.parse(decodeURIComponent(link[1]!));
    expect(payload).toMatchObject({
      target: [0, 1, 0],
      prediction: [0.2, 0.7, 0.1],
      predictionKind: 'probabilities',
      source: { uri: 'file:///w/a.py' },
    });
    expect(md).toContain('command:entropyLens.copyAsMarkdown?');
    expect(md).toContain('command:entropyLens.copyAsLatex?');
    expect(md).not.toMatch(/<span|style=|#[0-9a-f]{6}/i); // no colours: readable in every theme
  });

  it('explains the special-term rule and leaves out links when asked', () => {
    const t = 'y_true = [0, 1, 0]\ny_pred = [0, 0.7, 0.3]\n';
    const f = {
      arrays: [
        arrayAt(t, '[0, 1, 0]', [0, 1, 0], { name: 'y_true', role: 'one-hot' }),
        arrayAt(t, '[0, 0.7, 0.3]', [0, 0.7, 0.3], { name: 'y_pred' }),
      ],
      pairs: [{ target: 0, prediction: 1, reason: 'names' }],
    };
    const m = new DocumentModelCache(engineFor(f)).get(
      { uri: 'u', version: 1, languageId: 'python', getText: () => t },
      DEFAULT_MODEL_SETTINGS,
    );
    const md = hoverMarkdown(m, 0, { unit: 'nats', commandLinks: false });
    expect(md).toContain('| [0] | 0 | 0 | 0 | 0·log 0 = 0 |');
    expect(md).toContain('*Rule:* p = 0 contributes 0');
    expect(md).not.toContain('command:');
  });

  it('shows the softmax implied by logits and says unpaired arrays are unpaired', () => {
    const md = hoverMarkdown(model(), 2, { unit: 'nats' });
    expect(md).toContain('Softmax implied by these logits: [0.269, 0.731]');
    expect(md).toContain('Not paired');
  });

  it('lists the largest contributions first for long arrays', () => {
    const n = 40;
    const p = Array.from({ length: n }, (_, i) => (i === 17 ? 0.5 : 0.5 / (n - 1)));
    const q = Array.from({ length: n }, (_, i) => (i === 3 ? 0.5 : 0.5 / (n - 1)));
    const lines = termTable(analyze(p, q, {}), 'nats', 5);
    expect(lines[0]).toBe('Largest 5 of 40 terms −p·log q:');
    expect(lines[4]).toMatch(/^\| \[17\] \| 0\.500 \|/);
    expect(lines.filter((l) => l.startsWith('| ['))).toHaveLength(5);
  });

  it('summarises a batch by its mean and worst rows', () => {
    const t2 = 'y = [[1, 0], [0, 1], [1, 0]]\np = [[0.9, 0.1], [0.6, 0.4], [0.5, 0.5]]';
    const f = {
      arrays: [
        arrayAt(
          t2,
          '[[1, 0], [0, 1], [1, 0]]',
          [
            [1, 0],
            [0, 1],
            [1, 0],
          ],
          { name: 'y', role: 'one-hot' },
        ),
        arrayAt(
          t2,
          '[[0.9, 0.1], [0.6, 0.4], [0.5, 0.5]]',
          [
            [0.9, 0.1],
            [0.6, 0.4],
            [0.5, 0.5],
          ],
          { name: 'p' },
        ),
      ],
      pairs: [{ target: 0, prediction: 1, reason: 'names' }],
    };
    const m = new DocumentModelCache(engineFor(f)).get(
      { uri: 'u', version: 1, languageId: 'python', getText: () => t2 },
      DEFAULT_MODEL_SETTINGS,
    );
    const md = hoverMarkdown(m, 1, { unit: 'nats' });
    expect(md).toContain('probabilities, 3 × 2');
    expect(md).toContain('Batch of 3 rows × 2 classes');
    expect(md).toMatch(/Worst rows: row 1 H\(p,q\) = 0\.916, row 2 H\(p,q\) = 0\.693, row 0/);
  });

  it('escapes names and reasons so they cannot inject links', () => {
    const f = {
      arrays: [arrayAt(text, '[0.5, 0.5]', [0.5, 0.5], { name: 'a`b', roleReason: '[x](command:evil)' })],
      pairs: [],
    };
    const m = new DocumentModelCache(engineFor(f)).get(
      { uri: 'u', version: 1, languageId: 'json', getText: () => text },
      DEFAULT_MODEL_SETTINGS,
    );
    const md = hoverMarkdown(m, 0, { unit: 'nats' });
    expect(md).not.toContain('[x](command:evil)');
    expect(md).toContain('\\[x\\]\\(command:evil\\)');
  });
});

describe('hover links for long pairs', () => {
  it('go through the forwarder with the ranges instead of carrying thousands of values', () => {
    const n = 2500;
    const y = Array.from({ length: n }, (_, i) => (i === 0 ? 1 : 0));
    const q = Array.from({ length: n }, () => 1 / n);
    const t = `y = [${y.join(',')}]\nq = [${q.join(',')}]`;
    const f = {
      arrays: [
        arrayAt(t, `[${y.join(',')}]`, y, { name: 'y', role: 'one-hot' }),
        arrayAt(t, `[${q.join(',')}]`, q, { name: 'q' }),
      ],
      pairs: [{ target: 0, prediction: 1, reason: 'names' }],
    };
    const m = new DocumentModelCache(engineFor(f)).get(
      { uri: 'file:///l.py', version: 1, languageId: 'python', getText: () => t },
      DEFAULT_MODEL_SETTINGS,
    );
    const md = hoverMarkdown(m, 1, {
      unit: 'nats',
      toRange: (s, e) => ({ start: { line: 0, character: s }, end: { line: 0, character: e } }),
    });
    expect(md).not.toContain('command:entropyLens.showVisualizer?');
    const link = /\(command:entropyLens\.features\.forwardPair\?([^ )]+)/.exec(md)!;
    const [arg] = JSON.parse(decodeURIComponent(link[1]!));
    expect(arg.command).toBe('entropyLens.showVisualizer');
    expect(arg.payload.source.predictionRange.start.character).toBe(f.arrays[1]!.start);
    expect(link[1]!.length).toBeLessThan(2000);
  });
});
