import { describe, expect, it } from 'vitest';
import { callArguments, keywordValue, literal } from '../../../src/parse/keywordValue';

/** The arguments of the first call in `text`. */
const argsOf = (text: string) => callArguments(text, text.indexOf('('))!;
/** `text` with the keyword argument removed, as the quick fix does. */
const without = (text: string, keyword: string): string => {
  const v = keywordValue(argsOf(text), keyword)!;
  return text.slice(0, v.removeStart) + text.slice(v.removeEnd);
};

describe('callArguments', () => {
  it('splits top-level arguments, past strings, brackets and nested calls', () => {
    const text = 'f(a, g(b, c), [1, 2], s="x, y)", reduction = \'mean\')';
    expect(argsOf(text).map((a) => [a.keyword, a.text])).toEqual([
      [undefined, 'a'],
      [undefined, 'g(b, c)'],
      [undefined, '[1, 2]'],
      ['s', '"x, y)"'],
      ['reduction', "'mean'"],
    ]);
  });
  it('reads arguments one per line with a trailing comma, and keeps ranges in the text', () => {
    const text = 'log_loss(\n    y,\n    q,\n    eps=1e-15,\n)';
    const args = argsOf(text);
    expect(args.map((a) => a.text)).toEqual(['y', 'q', '1e-15']);
    const eps = args[2]!;
    expect(text.slice(eps.argStart, eps.end)).toBe('eps=1e-15');
    expect(text.slice(eps.start, eps.end)).toBe('1e-15');
  });
  it('gives undefined for a call not closed within the bound', () => {
    expect(callArguments('f(a, b', 1)).toBeUndefined();
    expect(callArguments(`f(${'x'.repeat(50)})`, 1, 20)).toBeUndefined();
  });
  it('does not take == for a keyword', () => {
    expect(argsOf('f(a == b)')[0]).toMatchObject({ keyword: undefined, text: 'a == b' });
  });
});

describe('keywordValue', () => {
  it("reads reduction='mean' with the range of its contents, for replacing the word", () => {
    const text = "F.kl_div(log_q, p, reduction='mean')";
    const v = keywordValue(argsOf(text), 'reduction')!;
    expect(v).toMatchObject({ keyword: 'reduction', text: "'mean'", value: 'mean' });
    expect(text.slice(v.start, v.end)).toBe("'mean'");
    expect(text.slice(v.contentStart, v.contentEnd)).toBe('mean');
  });
  it('reads numbers, booleans and None; leaves expressions unread', () => {
    const text = 'f(x, eps=1e-15, ignore_index=-1, from_logits=True, w=None, k=np.float32(1))';
    const args = argsOf(text);
    expect(keywordValue(args, 'eps')?.value).toBe(1e-15);
    expect(keywordValue(args, 'ignore_index')?.value).toBe(-1);
    expect(keywordValue(args, 'from_logits')?.value).toBe(true);
    expect(keywordValue(args, 'w')?.value).toBeNull();
    expect(keywordValue(args, 'k')).toMatchObject({ text: 'np.float32(1)', value: undefined });
    expect(keywordValue(args, 'missing')).toBeUndefined();
  });
  it('removes an argument with the comma before it, or after it when it comes first', () => {
    expect(without('log_loss(y, q, eps=1e-15)', 'eps')).toBe('log_loss(y, q)');
    expect(without('log_loss(y, q, eps=1e-15, normalize=True)', 'eps')).toBe('log_loss(y, q, normalize=True)');
    expect(without('f(eps=1e-15, y=y)', 'eps')).toBe('f(y=y)');
    expect(without('f(eps=1e-15)', 'eps')).toBe('f()');
    expect(without('log_loss(\n    y,\n    q,\n    eps=1e-15,\n)', 'eps')).toBe('log_loss(\n    y,\n    q,\n)');
  });
});

describe('literal', () => {
  it('reads the literals keyword arguments are written with', () => {
    expect(literal("'batchmean'")).toBe('batchmean');
    expect(literal('"sum"')).toBe('sum');
    expect(literal('1_000')).toBe(1000);
    expect(literal('.5')).toBe(0.5);
    expect(literal('true')).toBe(true);
    expect(literal('False')).toBe(false);
    expect(literal('x')).toBeUndefined();
    expect(literal("'a' + 'b'")).toBeUndefined();
  });
});
