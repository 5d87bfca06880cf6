import { describe, expect, it } from 'vitest';
import {
  DEFAULT_MODEL_SETTINGS,
  DocumentModel,
  DocumentModelCache,
  withNames,
} from '../../../src/extension/features/model/documentModel';
import { createEngine } from '../../../src/extension/features/model/engine';
import { arrayAt, engineFor } from './fixtures';
import type { Engine } from '../../../src/extension/features/model/shapes';

const text = 'y_true = [0, 1, 0]\ny_pred = [0.2, 0.7, 0.1]\nz = [1.0, 2.0]\n';
const found = {
  arrays: [
    arrayAt(text, '[0, 1, 0]', [0, 1, 0], { name: 'y_true', role: 'one-hot' }),
    arrayAt(text, '[0.2, 0.7, 0.1]', [0.2, 0.7, 0.1], { name: 'y_pred' }),
    arrayAt(text, '[1.0, 2.0]', [1, 2], { name: 'z', role: 'logits' }),
  ],
  pairs: [{ target: 0, prediction: 1, reason: 'names y_true / y_pred' }],
};
const doc = (version: number, uri = 'file:///a.py', body = text) => ({
  uri,
  version,
  languageId: 'python',
  getText: () => body,
});

describe('DocumentModelCache', () => {
  it('parses a document version once and analyses lazily, once per pair', () => {
    const engine = engineFor(found);
    const cache = new DocumentModelCache(engine);
    const m = cache.get(doc(1), DEFAULT_MODEL_SETTINGS);
    expect(engine.finds).toBe(0); // nothing until a feature asks
    expect(m.arrays).toHaveLength(3);
    expect(cache.get(doc(1), DEFAULT_MODEL_SETTINGS)).toBe(m);
    m.pairAnalysis(0);
    m.pairAnalysis(0);
    expect(engine.finds).toBe(1);
    expect(engine.analyses).toBe(1);
    const m2 = cache.get(doc(2), DEFAULT_MODEL_SETTINGS);
    expect(m2).not.toBe(m);
    void m2.arrays;
    expect(engine.finds).toBe(2);
  });

  it('evicts the least recently used document beyond its capacity', () => {
    const cache = new DocumentModelCache(engineFor(found), 2);
    const a = cache.get(doc(1, 'file:///a'), DEFAULT_MODEL_SETTINGS);
    cache.get(doc(1, 'file:///b'), DEFAULT_MODEL_SETTINGS);
    cache.get(doc(1, 'file:///a'), DEFAULT_MODEL_SETTINGS); // a is now the most recent
    cache.get(doc(1, 'file:///c'), DEFAULT_MODEL_SETTINGS); // evicts b
    expect(cache.size).toBe(2);
    expect(cache.get(doc(1, 'file:///a'), DEFAULT_MODEL_SETTINGS)).toBe(a);
  });

  it('rebuilds when the eps setting changes', () => {
    const cache = new DocumentModelCache(engineFor(found));
    const m = cache.get(doc(1), DEFAULT_MODEL_SETTINGS);
    expect(cache.get(doc(1), { ...DEFAULT_MODEL_SETTINGS, eps: 1e-7 })).not.toBe(m);
  });
});

describe('DocumentModel', () => {
  it('finds the innermost array at an offset, end inclusive', () => {
    const m = new DocumentModelCache(engineFor(found)).get(doc(1), DEFAULT_MODEL_SETTINGS);
    expect(m.arrayIndexAt(text.indexOf('0.7'))).toBe(1);
    expect(m.arrayIndexAt(found.arrays[1]!.end)).toBe(1);
    expect(m.arrayIndexAt(text.indexOf('y_pred'))).toBeUndefined();
  });

  it('links arrays to their pair and partner', () => {
    const m = new DocumentModelCache(engineFor(found)).get(doc(1), DEFAULT_MODEL_SETTINGS);
    const [link] = m.pairLinks(0);
    expect(link).toMatchObject({ side: 'target', partner: { name: 'y_pred' } });
    expect(m.pairLinks(2)).toEqual([]);
  });

  it('steps back above the size cap with a one-line reason, without running the finder', () => {
    const engine = engineFor(found);
    const m = new DocumentModelCache(engine).get(doc(1), { ...DEFAULT_MODEL_SETTINGS, maxDocumentChars: 10 });
    expect(m.steppedBack).toMatch(/automatic features are off.*limit.*Compute commands still work/);
    expect(m.steppedBack).not.toContain('\n');
    expect(engine.finds).toBe(0);
  });

  it('steps back above the array cap', () => {
    const m = new DocumentModelCache(engineFor(found)).get(doc(1), { ...DEFAULT_MODEL_SETTINGS, maxArrays: 2 });
    expect(m.steppedBack).toMatch(/3 arrays, above the limit of 2/);
  });

  it('steps back when the real finder stopped at its array cap, rather than showing the first part only', () => {
    const text = Array.from({ length: 30 }, (_, i) => `p${i} = [0.5, 0.5]`).join('\n');
    const m = new DocumentModel(
      'u',
      1,
      'python',
      text,
      createEngine(() => ({ maxArrays: 20 })),
      { ...DEFAULT_MODEL_SETTINGS, maxArrays: 20 },
    );
    expect(m.arrays).toHaveLength(20);
    expect(m.steppedBack).toMatch(
      /more than 20 arrays, above the limit of 20, entropyLens\.limits\.maxArraysPerDocument/,
    );
    const all = new DocumentModel(
      'u',
      1,
      'python',
      text,
      createEngine(() => ({ maxArrays: 30 })),
      { ...DEFAULT_MODEL_SETTINGS, maxArrays: 30 },
    );
    expect(all.steppedBack).toBeUndefined();
  });

  it('turns a core error into a message and a throwing finder into no arrays', () => {
    const bad = {
      arrays: [arrayAt(text, '[0, 1, 0]', [0, 1, 0]), arrayAt(text, '[1.0, 2.0]', [1, 2])],
      pairs: [{ target: 0, prediction: 1, reason: 'x' }],
    };
    const m = new DocumentModelCache(engineFor(bad)).get(doc(1), DEFAULT_MODEL_SETTINGS);
    expect(m.pairAnalysis(0)).toEqual({ ok: false, error: 'target has 3 values, prediction has 2' }); // unnamed arrays
    const throwing = engineFor(() => {
      throw new Error('boom');
    });
    const m2 = new DocumentModelCache(throwing).get(doc(1), DEFAULT_MODEL_SETTINGS);
    expect(m2.arrays).toEqual([]);
    expect(m2.steppedBack).toContain('boom');
  });

  it('names the arrays in core errors the way the user wrote them', () => {
    expect(withNames('target has 3 values, prediction has 2', 'y_true', 'y_pred')).toBe(
      'y_true has 3 values, y_pred has 2',
    );
    expect(withNames('prediction[0][2] is -1: probabilities cannot be negative', 'y', 'q')).toBe(
      'q[0][2] is -1: probabilities cannot be negative',
    );
    expect(withNames('the prediction is read as logits', 'y', 'q')).toBe('the prediction is read as logits');
  });

  it('analyses logits on their own through the softmax they imply', () => {
    const m = new DocumentModelCache(engineFor(found)).get(doc(1), DEFAULT_MODEL_SETTINGS);
    const out = m.selfAnalysis(2);
    expect(out.ok).toBe(true);
    if (!out.ok) return;
    const e1 = Math.exp(1),
      e2 = Math.exp(2);
    const p = [e1 / (e1 + e2), e2 / (e1 + e2)];
    expect(out.value.entropy.nats).toBeCloseTo(-p[0]! * Math.log(p[0]!) - p[1]! * Math.log(p[1]!), 12);
  });
});

describe('figures without per-element detail (lens titles, status bar)', () => {
  it('asks the core for figures only, once, and the lens title is the one the full analysis gives', async () => {
    const { lensAnchors, lensTitle } = await import('../../../src/extension/features/content/lensContent');
    const { lineOfText } = await import('./fixtures');
    const details: (string | undefined)[] = [];
    const counting = engineFor(found);
    const engine: Engine = {
      findArrays: (t, l) => counting.findArrays(t, l),
      analyze: (t, q, o) => {
        details.push(o.detail);
        return counting.analyze(t, q, o);
      },
    };
    const m = new DocumentModel('u', 1, 'python', text, engine, DEFAULT_MODEL_SETTINGS);
    const titles = () => lensAnchors(m, lineOfText(text)).map((a) => lensTitle(m, a, 'nats'));
    const quick = titles();
    titles();
    // One figures-only analysis per lens item (the pair and the unpaired logits z), cached.
    expect(details).toEqual(['figures', 'figures']);
    const figures = m.pairFigures(0);
    expect(figures.ok && figures.value.terms).toEqual([]);
    // Once the hover has made the full analysis, the figures come from it.
    const full = m.pairAnalysis(0);
    expect(m.pairFigures(0)).toBe(full);
    expect(full.ok && full.value.terms).toHaveLength(3);
    const fresh = new DocumentModel('u', 1, 'python', text, engineFor(found), DEFAULT_MODEL_SETTINGS);
    fresh.pairAnalysis(0);
    fresh.selfAnalysis(2);
    expect(lensAnchors(fresh, lineOfText(text)).map((a) => lensTitle(fresh, a, 'nats'))).toEqual(quick);
    expect(quick[0]).toMatch(/^H\(p,q\) = 0\.357 nats/);
  });
});
