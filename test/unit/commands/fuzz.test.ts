// Bad input never crashes a command: random arrays (negative, huge, NaN,
// Infinity, ragged, empty, mismatched) with random selections always give a
// result — figures that are never NaN, or an error that says something.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { findArrays } from '../../../src/parse';
import { breakdownMarkdown } from '../../../src/extension/commands/breakdownMarkdown';
import { chooseArrays, orderPartner } from '../../../src/extension/commands/chooseArrays';
import { entropyOutcome, pairOutcome, type Outcome } from '../../../src/extension/commands/outcome';
import type { ComputeKind } from '../../../src/extension/commands/types';
import { positionsOf } from './helpers';

const number = fc.oneof(
  fc.double({ min: -5, max: 5, noNaN: true }).map((x) => String(Number(x.toPrecision(3)))),
  fc.constantFrom('0', '1', '0.5', '-0.2', '1e-300', 'float("nan")', 'float("inf")', '-float("inf")', '1e308'),
);
const literal = fc.oneof(
  fc.array(number, { minLength: 0, maxLength: 6 }).map((xs) => `[${xs.join(', ')}]`),
  fc
    .array(fc.array(number, { minLength: 1, maxLength: 4 }), { minLength: 1, maxLength: 3 })
    .map((rows) => `[${rows.map((r) => `[${r.join(', ')}]`).join(', ')}]`),
);
const name = fc.constantFrom('y_true', 'y_pred', 'p', 'q', 'logits', 'labels', 'x');
const line = fc.tuple(name, literal).map(([n, l]) => `${n} = ${l}`);
const call = fc.constantFrom(
  '',
  'loss = log_loss(y_true, y_pred)',
  'F.cross_entropy(logits, labels)',
  'F.binary_cross_entropy(q, p)',
);
const doc = fc
  .tuple(fc.array(line, { minLength: 0, maxLength: 5 }), call)
  .map(([ls, c]) => [...ls, c].join('\n') + '\n');

function pipeline(text: string, start: number, end: number, kind: ComputeKind, unit: 'nats' | 'bits'): Outcome {
  const find = findArrays(text, 'python');
  const pos = positionsOf(text);
  const where = { uri: 'untitled:fuzz', positionAt: pos.positionAt };
  const settings = { unit, eps: undefined };
  const choice = chooseArrays(find, { selections: [{ start, end }], cursor: end, lineOf: pos.lineOf }, kind);
  switch (choice.type) {
    case 'none':
      return { result: { ok: false, kind, code: choice.code, error: choice.message }, message: choice.message };
    case 'arrays':
      return entropyOutcome(find, choice.indices, settings, where);
    case 'pair':
      return pairOutcome(kind === 'klDivergence' ? kind : 'crossEntropy', find, choice, settings, where);
    case 'partner':
      return pairOutcome(
        kind === 'klDivergence' ? kind : 'crossEntropy',
        find,
        orderPartner(find, choice.index, choice.candidates[0]!),
        settings,
        where,
      );
  }
}

describe('commands on random input', () => {
  it('always give figures without NaN or a non-empty error, and a breakdown renders', () => {
    fc.assert(
      fc.property(doc, fc.nat(), fc.nat(), fc.constantFrom<'nats' | 'bits'>('nats', 'bits'), (text, a, b, unit) => {
        const start = Math.min(a, b) % (text.length + 1),
          end = Math.max(a, b) % (text.length + 1);
        for (const kind of ['crossEntropy', 'klDivergence', 'entropy'] as const) {
          let out = pipeline(text, start, end, kind, unit);
          if (out.offer) out = out.offer.accept();
          const r = out.result;
          expect(out.message.length).toBeGreaterThan(0);
          if (!r.ok) {
            expect(r.error.length).toBeGreaterThan(0);
            continue;
          }
          const figures =
            r.kind === 'entropy'
              ? [r.entropy, r.perplexity]
              : [r.entropy, r.crossEntropy, r.klPQ, r.klQP, r.js, r.perplexity];
          for (const f of figures) expect(Number.isNaN(f)).toBe(false);
          expect(breakdownMarkdown(out.subject!)).toMatch(/^# Entropy Lens breakdown/);
        }
      }),
      { numRuns: 300 },
    );
  });
});
