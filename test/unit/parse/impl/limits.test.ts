// Caps are reported, never silent; pathological text never throws or hangs.
import { describe, expect, it } from 'vitest';
import { findArrays } from '../../../../src/parse';

describe('caps', () => {
  it('maxElements keeps the first values and says so', () => {
    const r = findArrays('x = [1, 2, 3, 4, 5]', 'python', { maxElements: 3 });
    expect(r.arrays[0]!.values).toEqual([1, 2, 3]);
    expect(r.arrays[0]!.issues.join()).toMatch(/capped: only the first 3 of 5 values were read \(maxElements\)/);
  });

  it('maxElements counts the values of all rows of a 2-D array', () => {
    const r = findArrays('x = [[1, 2], [3, 4], [5, 6]]', 'python', { maxElements: 4 });
    expect(r.arrays[0]!.values).toEqual([
      [1, 2],
      [3, 4],
    ]);
    expect(r.arrays[0]!.issues.join()).toMatch(/capped/);
  });

  it('maxArrays stops the scan with a document issue', () => {
    const r = findArrays('[1, 2]\n[3, 4]\n[5, 6]\n[7, 8]', 'python', { maxArrays: 2 });
    expect(r.arrays).toHaveLength(2);
    expect(r.issues.map((i) => i.message).join()).toMatch(/stopped after 2 arrays \(maxArrays\)/);
  });

  it('maxDepth skips what is deeper and reports where', () => {
    const r = findArrays('a = ' + '['.repeat(10) + '1' + ']'.repeat(10) + '\nb = [0.5, 0.5]', 'python', {
      maxDepth: 5,
    });
    expect(r.arrays.map((a) => a.values)).toEqual([[0.5, 0.5]]);
    expect(r.issues.some((i) => /nested deeper than 5 \(maxDepth\) at offset 9/.test(i.message))).toBe(true);
  });

  it('3-D literals are reported, not read', () => {
    const r = findArrays('t = [[[1, 2], [3, 4]], [[5, 6], [7, 8]]]', 'python');
    expect(r.arrays).toEqual([]);
    expect(r.issues[0]!.message).toMatch(/3 or more levels/);
  });

  it('ignores nonsense limits and uses the defaults', () => {
    const r = findArrays('[1, 2, 3]', 'python', { maxElements: -1, maxDepth: NaN });
    expect(r.arrays[0]!.values).toEqual([1, 2, 3]);
  });
});

describe('pathological input', () => {
  it('unterminated brackets: one issue, complete inner lists still found', () => {
    const r = findArrays('x = [[0.1, 0.9], [0.3', 'python');
    expect(r.arrays.map((a) => a.values)).toEqual([[0.1, 0.9]]);
    expect(r.issues).toHaveLength(1);
    expect(r.issues[0]!.message).toMatch(/unclosed '\[' at offset 4/);
  });

  it('10^5-deep nesting', () => {
    const text = '['.repeat(100_000) + ']'.repeat(100_000) + '\n[1, 2]';
    const r = findArrays(text, 'python');
    expect(r.arrays.map((a) => a.values)).toEqual([[1, 2]]);
    expect(r.issues.length).toBeGreaterThan(0);
  });

  it('10^5 unclosed openers of every kind', () => {
    for (const ch of ['[', '(', '{']) {
      for (const lang of ['python', 'cpp', 'json', 'matlab']) {
        expect(() => findArrays(ch.repeat(100_000), lang)).not.toThrow();
      }
    }
  });

  it('a long single line with many arrays and unterminated strings', () => {
    const text = '[0.5, 0.5], "'.repeat(50_000) + '\n[1, 0]';
    const r = findArrays(text, 'javascript');
    expect(r.arrays.length).toBeGreaterThan(1);
  });

  it('binary garbage in every language never throws and keeps ranges inside the text', () => {
    let seed = 7;
    const rnd = () => (seed = (seed * 48271) % 2147483647) / 2147483647;
    const alphabet = '[](){},;.-+eE0123456789 \n\t"\'#%/*!<=`abcnpqxy_\\';
    for (const lang of [
      'python',
      'json',
      'javascript',
      'cpp',
      'csharp',
      'rust',
      'julia',
      'matlab',
      'r',
      'markdown',
      'yaml',
      'weird',
    ]) {
      for (let k = 0; k < 40; k++) {
        let text = '';
        const len = Math.floor(rnd() * 400);
        for (let j = 0; j < len; j++)
          text +=
            rnd() < 0.8
              ? alphabet[Math.floor(rnd() * alphabet.length)]
              : String.fromCharCode(Math.floor(rnd() * 65536));
        const r = findArrays(text, lang);
        let last = -1;
        for (const a of r.arrays) {
          expect(a.start).toBeGreaterThanOrEqual(0);
          expect(a.end).toBeLessThanOrEqual(text.length);
          expect(a.start).toBeGreaterThanOrEqual(last);
          last = a.end;
          // Every array re-reads from its own range to the same values.
          const again = findArrays(text.slice(a.start, a.end), lang).arrays;
          expect(again).toHaveLength(1);
          expect(again[0]!.values).toEqual(a.values);
        }
        for (const p of r.pairs) {
          expect(p.target).toBeLessThan(r.arrays.length);
          expect(p.prediction).toBeLessThan(r.arrays.length);
        }
      }
    }
  });

  it('an empty text and whitespace', () => {
    expect(findArrays('', 'python')).toEqual({ arrays: [], pairs: [], issues: [] });
    expect(findArrays(' \n\t', 'markdown').arrays).toEqual([]);
  });
});

describe('document issues are bounded', () => {
  it('lists at most 100 and counts the rest in one closing issue', () => {
    const r = findArrays('[[[1]]]\n'.repeat(500), 'json');
    expect(r.issues.length).toBe(101);
    expect(r.issues[100]!.message).toBe('400 more issues like these were not listed');
  });
});

describe('settings are clamped', () => {
  it('an enormous maxDepth is held to 10 000, so deep text cannot exhaust memory', () => {
    const r = findArrays('['.repeat(200_000) + '\n[1, 2]', 'json', { maxDepth: Infinity });
    expect(r.issues.some((i) => /nested deeper than 10000 \(maxDepth\)/.test(i.message))).toBe(true);
  });
});
