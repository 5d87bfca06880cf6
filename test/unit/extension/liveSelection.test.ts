// How a selection becomes the expressions read from a paused frame.
import { describe, expect, it } from 'vitest';
import { splitExpressions } from '../../../src/extension/live/liveCompute';

describe('splitExpressions', () => {
  it('splits call arguments at top-level commas, with their offsets', () => {
    const text = 'target, probs';
    const parts = splitExpressions(text, 100);
    expect(parts.map((p) => p.text)).toEqual(['target', 'probs']);
    for (const p of parts) expect(text.slice(p.start - 100, p.end - 100)).toBe(p.text);
  });

  it('keeps subscripts, calls and strings whole', () => {
    expect(splitExpressions("logits[0, :], f(a, b), d['x,y'], `a,${1}`").map((p) => p.text)).toEqual([
      'logits[0, :]',
      'f(a, b)',
      "d['x,y']",
      '`a,${1}`',
    ]);
  });

  it('drops empty parts and surrounding space', () => {
    expect(splitExpressions('  probs ,\n').map((p) => p.text)).toEqual(['probs']);
    expect(splitExpressions(' , ')).toEqual([]);
  });
});
