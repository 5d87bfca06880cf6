import { describe, expect, it } from 'vitest';
import { buildFix } from '../../../src/extension/features/content/quickFixes';
import { formatInStyle, scanNumbers } from '../../../src/extension/features/content/numberFormat';
import type { FoundArray } from '../../../src/extension/features/model/shapes';

/** A found array for the first bracketed literal in `text` (the finder's job, done by hand here). */
function arrayIn(text: string, values: number[] | number[][], from = text.indexOf('[')): FoundArray {
  let depth = 0;
  let end = from;
  for (let i = from; i < text.length; i++) {
    if (text[i] === '[') depth++;
    if (text[i] === ']' && --depth === 0) {
      end = i + 1;
      break;
    }
  }
  const shape = Array.isArray(values[0]) ? [values.length, (values[0] as number[]).length] : [values.length];
  return { start: from, end, values, shape, role: 'probabilities', issues: [] };
}

function apply(text: string, edit: { start: number; end: number; newText: string }): string {
  return text.slice(0, edit.start) + edit.newText + text.slice(edit.end);
}

describe('scanNumbers', () => {
  it('reads signs, bare decimals, exponents and skips identifiers, strings and comments', () => {
    const tokens = scanNumbers('np.array([-.5, 1e-05, 2.50E+3, x1, "7"], dtype=np.float32)  # 9');
    expect(tokens.map((t) => t.value)).toEqual([-0.5, 1e-5, 2500]);
    expect(tokens[0]!.style.bareDecimal).toBe(true);
    expect(tokens[1]!.style).toMatchObject({ exponent: 'e', exponentDigits: 2, decimals: 0 });
    expect(tokens[2]!.style).toMatchObject({ exponent: 'E', exponentPlus: true, decimals: 2 });
  });
  it('treats a minus after a number as an operator, not a sign', () => {
    expect(scanNumbers('[3-1]').map((t) => t.value)).toEqual([3, 1]);
  });
});

describe('formatInStyle', () => {
  it('keeps the decimals, bare decimal point and exponent padding', () => {
    const [a, b] = scanNumbers('[.25, 1.5e-05]');
    expect(formatInStyle(0.125, a!.style, 2)).toBe('.13');
    expect(formatInStyle(0.00032, b!.style)).toBe('3.2e-04');
  });
});

describe('buildFix normalise', () => {
  it('rewrites only the array range, keeps comments and sums to exactly 1 at the written precision', () => {
    const text = 'p = [0.2, 0.3,  # note\n     0.4]\nq = 1';
    const fix = buildFix(text, arrayIn(text, [0.2, 0.3, 0.4]), 'normalize');
    expect(fix.ok).toBe(true);
    if (!fix.ok) return;
    expect(fix.edit.start).toBe(4);
    expect(fix.edit.end).toBe(text.indexOf(']') + 1);
    const after = apply(text, fix.edit);
    expect(after.startsWith('p = [')).toBe(true);
    expect(after).toContain('# note\n');
    expect(after.endsWith('\nq = 1')).toBe(true);
    const nums = scanNumbers(fix.edit.newText).map((t) => t.value);
    expect(nums.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 12);
    expect(nums).toEqual([0.22, 0.33, 0.45]);
  });
  it('normalises each row of a batch and keeps exponent style', () => {
    const text = 'x = [[1e-01, 3e-01], [2.0E+0, 2.0E+0]]';
    const fix = buildFix(
      text,
      arrayIn(text, [
        [0.1, 0.3],
        [2, 2],
      ]),
      'normalize',
    );
    expect(fix.ok && fix.edit.newText).toBe('[[2.50e-01, 7.50e-01], [5.00E-1, 5.00E-1]]');
  });
  it('refuses negatives, non-finite values and mismatched tokens with a reason naming the element', () => {
    const neg = 'p = [0.5, -0.2, 0.9]';
    const r1 = buildFix(neg, arrayIn(neg, [0.5, -0.2, 0.9]), 'normalize');
    expect(r1).toEqual({ ok: false, reason: expect.stringContaining('[1]') });
    const inf = "p = [0.5, float('inf')]";
    const r2 = buildFix(inf, arrayIn(inf, [0.5, Infinity]), 'normalize');
    expect(r2.ok).toBe(false);
  });
});

describe('buildFix softmax', () => {
  it('turns logits into probabilities written with at least 3 decimals, summing to 1', () => {
    const text = 'logits = torch.tensor([2.0, 1.0, 0.1])';
    const fix = buildFix(text, arrayIn(text, [2, 1, 0.1]), 'softmax');
    expect(fix.ok).toBe(true);
    if (!fix.ok) return;
    expect(fix.edit.newText).toBe('[0.659, 0.242, 0.099]');
    expect(fix.values[0]![0]).toBeCloseTo(0.6590011, 6);
  });
  it('handles a 250 000-value row (the element cap raised) without overflowing the stack', () => {
    const logits = Array.from({ length: 250_000 }, (_, i) => (i % 100) / 10);
    const text = `z = [${logits.map((v) => v.toFixed(1)).join(', ')}]`;
    const fix = buildFix(text, arrayIn(text, logits), 'softmax');
    expect(fix.ok).toBe(true);
    if (!fix.ok) return;
    const row = fix.values[0]!;
    expect(row).toHaveLength(250_000);
    expect(row.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 9);
    // Equal logits, equal probabilities; larger logits, larger ones.
    expect(row[0]).toBe(row[100]);
    expect(row[99]!).toBeGreaterThan(row[98]!);
    expect(scanNumbers(fix.edit.newText)).toHaveLength(250_000);
  });
});
