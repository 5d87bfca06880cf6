import { describe, expect, it } from 'vitest';
import { analysisLatex, analysisMarkdown } from '../../../src/extension/features/content/copyContent';
import { DEFAULT_MODEL_SETTINGS, DocumentModelCache } from '../../../src/extension/features/model/documentModel';
import { statusSummary } from '../../../src/extension/features/content/statusContent';
import { analyze } from '../../../src/core';
import { arrayAt, engineFor } from './fixtures';

const text = 'y = [0, 1, 0]\nq = [0.25, 0.5, 0.25]\nz = [1.0, 1.0]\n';
const found = {
  arrays: [
    arrayAt(text, '[0, 1, 0]', [0, 1, 0], { name: 'y', role: 'one-hot' }),
    arrayAt(text, '[0.25, 0.5, 0.25]', [0.25, 0.5, 0.25], { name: 'q' }),
    arrayAt(text, '[1.0, 1.0]', [1, 1], { name: 'z', role: 'logits' }),
  ],
  pairs: [{ target: 0, prediction: 1, reason: 'names' }],
};
const model = () =>
  new DocumentModelCache(engineFor(found)).get(
    { uri: 'u', version: 1, languageId: 'python', getText: () => text },
    DEFAULT_MODEL_SETTINGS,
  );

describe('status summary', () => {
  it('is hidden for a bare cursor and for selections without arrays', () => {
    expect(statusSummary(model(), [{ start: 5, end: 5 }], 'nats')).toBeUndefined();
    expect(statusSummary(model(), [{ start: 0, end: 2 }], 'nats')).toBeUndefined();
  });
  it('shows H(p,q) and KL when the selection holds a pair', () => {
    const s = statusSummary(model(), [{ start: 0, end: text.indexOf('z =') }], 'bits')!;
    expect(s.text).toBe('H(p,q) 1.000 bits · KL 1.000');
    expect(s.tooltip).toContain('y → q');
  });
  it('shows the entropy of one array, counting the others; logits by their softmax', () => {
    const s = statusSummary(model(), [{ start: text.indexOf('q ='), end: text.length }], 'bits')!;
    expect(s.text).toBe('H(p) 1.500 bits (+1 arrays)');
    const z = statusSummary(model(), [{ start: text.indexOf('[1.0'), end: text.length }], 'bits')!;
    expect(z.text).toBe('H(softmax) 1.000 bits');
  });
});

describe('copy content', () => {
  const a = analyze([0, 1, 0], [0.25, 0.5, 0.25], {});
  it('writes a Markdown table in the chosen unit', () => {
    const md = analysisMarkdown(a, 'bits', { target: 'y', prediction: 'q' });
    expect(md).toContain('| H(p,q) | 1.000 |');
    expect(md).toContain('| KL(q‖p) | ∞ |');
  });
  it('writes LaTeX with \\infty and proper units', () => {
    const tex = analysisLatex(a, 'nats', { target: 'y', prediction: 'q' });
    expect(tex).toContain(`H(p,q) &= ${Math.LN2.toFixed(3)}\\text{ nats}`);
    expect(tex).toContain('D_{\\mathrm{KL}}(q \\,\\|\\, p) &= \\infty');
  });
});
