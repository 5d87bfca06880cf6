import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { findPredictionArguments } from '../../../src/extension/features/model/callSites';
import { scanNumbers } from '../../../src/extension/features/content/numberFormat';
import { buildFix } from '../../../src/extension/features/content/quickFixes';

/** A number written the way people write them, with its value. */
const written = fc
  .tuple(fc.double({ min: 0.001, max: 50, noNaN: true }), fc.constantFrom('fixed', 'bare', 'exp', 'EXP', 'int'))
  .map(([v, style]) => {
    switch (style) {
      case 'bare': {
        const t = (v % 1).toFixed(3).replace(/^0/, '');
        return t === '.000' ? '.001' : t;
      }
      case 'exp':
        return v.toExponential(2);
      case 'EXP':
        return v.toExponential(1).toUpperCase().replace('E+', 'E+0');
      case 'int':
        return String(Math.max(1, Math.round(v)));
      default:
        return v.toFixed(4);
    }
  });

/** Text made of the pieces these scanners look for, and anything else. */
const pieces = fc.constantFrom(
  'F.cross_entropy(',
  'nn.CrossEntropyLoss()(',
  'log_loss(',
  'softmax(',
  'y_pred=',
  'from_logits=True',
  '(',
  ')',
  '[',
  ']',
  ',',
  '"',
  "'",
  '#',
  '//',
  '%',
  '\n',
  '1e-',
  '.5',
  '-',
  '+',
  'e',
  'E',
  '0',
  '12',
  '3.25',
  '_',
  'f',
  'D',
  'x',
  '=',
  ' ',
);
const someText = fc.array(fc.oneof(pieces, fc.string()), { maxLength: 60 }).map((parts) => parts.join(''));

describe('fuzz: the scanners on arbitrary text', () => {
  it('scanNumbers: tokens in order, not overlapping, each the text it spans and the number it reads', () => {
    fc.assert(
      fc.property(someText, (text) => {
        const tokens = scanNumbers(text);
        let end = 0;
        for (const t of tokens) {
          expect(t.start).toBeGreaterThanOrEqual(end);
          expect(t.end).toBeGreaterThan(t.start);
          expect(t.end).toBeLessThanOrEqual(text.length);
          expect(text.slice(t.start, t.end)).toBe(t.text);
          // What it reads is the number written: digit separators and a type suffix (0.5f, 2.0d) aside.
          const digits = t.text.replace(/_/g, '').replace(/[fFdDlLuU]+$/, '');
          expect(Number.isNaN(t.value)).toBe(false);
          expect(t.value).toBe(Number(digits));
          end = t.end;
        }
      }),
      { numRuns: 1000 },
    );
  });

  it('findPredictionArguments: calls in order, each argument the trimmed text it spans, after its callee', () => {
    fc.assert(
      fc.property(someText, (text) => {
        const calls = findPredictionArguments(text);
        let start = 0;
        for (const c of calls) {
          expect(c.start).toBeGreaterThanOrEqual(start);
          expect(c.end).toBeGreaterThan(c.start);
          expect(c.end).toBeLessThanOrEqual(text.length);
          expect(text.slice(c.start, c.end)).toBe(c.text);
          expect(c.text.trim()).toBe(c.text);
          expect(text.lastIndexOf(c.callee, c.start)).toBeGreaterThanOrEqual(0);
          if (c.identifier !== undefined) expect(c.text).toContain(c.identifier);
          expect(['logits', 'probabilities', 'log-probabilities']).toContain(c.expects);
          start = c.start;
        }
      }),
      { numRuns: 1000 },
    );
  });
});

describe('fuzz: normalise', () => {
  it('keeps everything outside the numbers and writes a row that sums to 1', () => {
    fc.assert(
      fc.property(
        fc.array(written, { minLength: 1, maxLength: 12 }),
        fc.constantFrom(', ', ',', ',\n  ', ' , '),
        (nums, sep) => {
          const literal = `[${nums.join(sep)}]`;
          const text = `p = ${literal}  # tail`;
          const values = scanNumbers(literal).map((t) => t.value);
          fc.pre(values.length === nums.length && values.reduce((a, b) => a + b, 0) > 0);
          const fix = buildFix(
            text,
            { start: 4, end: 4 + literal.length, values, shape: [values.length], role: 'probabilities', issues: [] },
            'normalize',
          );
          expect(fix.ok).toBe(true);
          if (!fix.ok) return;
          const after = scanNumbers(fix.edit.newText);
          expect(after).toHaveLength(values.length);
          expect(fix.edit.newText.replace(/[-+.\deE]+/g, '#')).toBe(literal.replace(/[-+.\deE]+/g, '#'));
          after.forEach((t, i) =>
            expect(Boolean(t.style.exponent)).toBe(Boolean(scanNumbers(literal)[i]!.style.exponent)),
          );
          const sum = after.reduce((a, t) => a + t.value, 0);
          // The largest entry absorbs the rounding, so the written numbers sum to 1.
          expect(Math.abs(sum - 1)).toBeLessThan(1e-9);
        },
      ),
      { numRuns: 2000 },
    );
  });
});
