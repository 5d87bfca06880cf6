import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { findPredictionArguments } from '../../../src/extension/features/model/callSites';
import { scanNumbers } from '../../../src/extension/features/content/numberFormat';
import { buildFix } from '../../../src/extension/features/content/quickFixes';

/** A number written the way people write them, with its value. */
const written = fc.tuple(fc.double({ min: 0.001, max: 50, noNaN: true }), fc.constantFrom('fixed', 'bare', 'exp', 'EXP', 'int')).map(([v, style]) => {
  switch (style) {
    case 'bare': { const t = (v % 1).toFixed(3).replace(/^0/, ''); return t === '.000' ? '.001' : t; }
    case 'exp': return v.toExponential(2);
    case 'EXP': return v.toExponential(1).toUpperCase().replace('E+', 'E+0');
    case 'int': return String(Math.max(1, Math.round(v)));
    default: return v.toFixed(4);
  }
});

describe('fuzz: pure helpers never throw', () => {
  it('scanNumbers and findPredictionArguments on arbitrary text', () => {
    const pieces = fc.constantFrom('F.cross_entropy(', 'nn.CrossEntropyLoss()(', 'log_loss(', 'softmax(', '(', ')', '[', ']', ',', '"', "'", '#', '\n', '1e-', '.5', '-', 'x', '=', ' ');
    fc.assert(fc.property(fc.array(fc.oneof(pieces, fc.string()), { maxLength: 60 }), (parts) => {
      const text = parts.join('');
      expect(() => scanNumbers(text)).not.toThrow();
      expect(() => findPredictionArguments(text)).not.toThrow();
    }), { numRuns: 500 });
  });
});

describe('fuzz: normalise', () => {
  it('keeps everything outside the numbers and writes a row that sums to 1', () => {
    fc.assert(fc.property(fc.array(written, { minLength: 1, maxLength: 12 }), fc.constantFrom(', ', ',', ',\n  ', ' , '), (nums, sep) => {
      const literal = `[${nums.join(sep)}]`;
      const text = `p = ${literal}  # tail`;
      const values = scanNumbers(literal).map((t) => t.value);
      fc.pre(values.length === nums.length && values.reduce((a, b) => a + b, 0) > 0);
      const fix = buildFix(text, { start: 4, end: 4 + literal.length, values, shape: [values.length], role: 'probabilities', issues: [] }, 'normalize');
      expect(fix.ok).toBe(true);
      if (!fix.ok) return;
      const after = scanNumbers(fix.edit.newText);
      expect(after).toHaveLength(values.length);
      expect(fix.edit.newText.replace(/[-+.\deE]+/g, '#')).toBe(literal.replace(/[-+.\deE]+/g, '#'));
      after.forEach((t, i) => expect(Boolean(t.style.exponent)).toBe(Boolean(scanNumbers(literal)[i]!.style.exponent)));
      const sum = after.reduce((a, t) => a + t.value, 0);
      // The largest entry absorbs the rounding, so the written numbers sum to 1.
      expect(Math.abs(sum - 1)).toBeLessThan(1e-9);
    }), { numRuns: 2000 });
  });
});
