// Bad input never crashes the features: random code-like text through the real
// finder and core, then every hover, lens title, status summary, diagnostic and
// offered quick fix. Each must return text (never throw), and never show the
// core's API wording.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DocumentModel, DEFAULT_MODEL_SETTINGS } from '../../../src/extension/features/model/documentModel';
import { createEngine } from '../../../src/extension/features/model/engine';
import { hoverMarkdown } from '../../../src/extension/features/content/hoverContent';
import { lensAnchors, lensTitle } from '../../../src/extension/features/content/lensContent';
import { statusSummary } from '../../../src/extension/features/content/statusContent';
import { computeDiagnostics } from '../../../src/extension/features/content/diagnosticsContent';
import { buildFix } from '../../../src/extension/features/content/quickFixes';
import { lineOfText } from './fixtures';

const engine = createEngine();
const pieces = fc.constantFrom(
  'y_true = ',
  'y_pred = ',
  'logits = ',
  'labels = ',
  'p = ',
  'q = ',
  'z = ',
  'y = ',
  'probs = ',
  'log_probs = ',
  'F.cross_entropy(logits, labels)',
  'F.binary_cross_entropy_with_logits(z, y)',
  'log_loss(y_true, y_pred)',
  'F.nll_loss(log_probs, labels)',
  'tf.keras.losses.categorical_crossentropy(y_true, y_pred)',
  'np.array(',
  'torch.tensor(',
  '[',
  ']',
  '[[',
  ']]',
  ', ',
  '(',
  ')',
  '\n',
  '0',
  '1',
  '0.5',
  '0.25',
  '-1.5',
  '2.0',
  '1e-9',
  '-inf',
  'nan',
  'float("inf")',
  '3',
  '0.0',
  '#',
  '"',
);
const numbers = fc
  .array(fc.oneof(fc.double({ noNaN: false }), fc.integer({ min: -3, max: 5 }), fc.constantFrom(0, 1, 0.1, 0.9)), {
    minLength: 0,
    maxLength: 6,
  })
  .map(
    (v) =>
      `[${v.map((x) => (Number.isNaN(x) ? 'nan' : x === Infinity ? 'inf' : x === -Infinity ? '-inf' : String(x))).join(', ')}]`,
  );

const names = fc.constantFrom(
  'y_true',
  'y_pred',
  'logits',
  'labels',
  'p',
  'q',
  'z',
  'y',
  'probs',
  'log_probs',
  'target',
  'scores',
);
const assignment = fc
  .tuple(
    names,
    fc.constantFrom('', 'np.array(', 'torch.tensor('),
    fc.oneof(
      numbers,
      fc.array(numbers, { minLength: 1, maxLength: 3 }).map((rows) => `[${rows.join(', ')}]`),
    ),
  )
  .map(([name, wrap, literal]) => `${name} = ${wrap}${literal}${wrap ? ')' : ''}\n`);
const call = fc.constantFrom(
  'F.cross_entropy(logits, labels)\n',
  'F.binary_cross_entropy_with_logits(z, y)\n',
  'log_loss(y_true, y_pred)\n',
  'F.nll_loss(log_probs, labels)\n',
  'tf.keras.losses.categorical_crossentropy(y_true, y_pred)\n',
  'F.binary_cross_entropy(probs, target)\n',
);
const statement = fc.oneof(
  { weight: 4, arbitrary: assignment },
  { weight: 3, arbitrary: call },
  { weight: 1, arbitrary: pieces },
);

describe('fuzz: the features on arbitrary code-like text, with the real finder and core', () => {
  it('hover, lens, status, diagnostics and quick fixes return text and never throw', () => {
    let paired = 0,
      refused = 0;
    fc.assert(
      fc.property(
        fc.array(statement, { maxLength: 12 }),
        fc.constantFrom('python', 'json', 'javascript'),
        (parts, languageId) => {
          const text = parts.join('');
          const m = new DocumentModel('u', 1, languageId, text, engine, DEFAULT_MODEL_SETTINGS);
          if (m.pairs.length) paired++;
          m.pairs.forEach((_, k) => {
            if (!m.pairAnalysis(k).ok) refused++;
          });
          for (let i = 0; i < m.arrays.length; i++) {
            const md = hoverMarkdown(m, i, { unit: 'bits' });
            expect(md).toContain('Entropy Lens');
            expect(md).not.toMatch(/normalize: true|pass normalize|ignoreIndex/);
          }
          for (const a of lensAnchors(m, lineOfText(text))) {
            const title = lensTitle(m, a, 'nats');
            expect(title.length).toBeGreaterThan(0);
            expect(title).not.toMatch(/normalize: true|NaN nats/);
          }
          statusSummary(m, [{ start: 0, end: text.length }], 'nats');
          for (const d of computeDiagnostics(m)) {
            expect(d.message.length).toBeGreaterThan(0);
            if (d.arrayIndex !== undefined) for (const kind of d.fixes) buildFix(text, m.arrays[d.arrayIndex]!, kind);
          }
        },
      ),
      { numRuns: 500 },
    );
    // The runs reach the interesting paths: pairs, and pairs the core refuses (messages shown instead).
    expect(paired).toBeGreaterThan(15);
    expect(refused).toBeGreaterThan(5);
  });
});
