// Every case of the reference file (computed by mpmath, PyTorch and SciPy),
// run through evaluate() with the case's own tolerances.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { evaluate } from '../../../src/core';

interface Case {
  id: string;
  fn: string;
  args: Record<string, unknown>;
  expect: { value?: unknown; grad?: unknown; error?: string };
  tol?: { rel: number; abs: number };
}
const file = JSON.parse(readFileSync(join(__dirname, '../../fixtures/reference-cases.json'), 'utf8')) as {
  generator: string;
  cases: Case[];
};

const decode = (x: unknown): unknown =>
  x === 'Infinity'
    ? Infinity
    : x === '-Infinity'
      ? -Infinity
      : x === 'NaN'
        ? NaN
        : Array.isArray(x)
          ? x.map(decode)
          : x;

/** Compares element by element; returns the first mismatch as a sentence, or ''. */
function mismatch(got: unknown, want: unknown, tol: { rel: number; abs: number }, path = ''): string {
  if (Array.isArray(want)) {
    if (!Array.isArray(got) && !(got instanceof Float64Array))
      return `${path || 'value'} is not an array: ${String(got)}`;
    const g = Array.from(got as ArrayLike<unknown>);
    if (g.length !== want.length) return `${path || 'value'} has length ${g.length}, want ${want.length}`;
    for (let i = 0; i < want.length; i++) {
      const m = mismatch(g[i], want[i], tol, `${path}[${i}]`);
      if (m) return m;
    }
    return '';
  }
  const w = want as number,
    x = got as number;
  if (typeof x !== 'number') return `${path || 'value'} is ${String(got)}, want ${w}`;
  if (Number.isNaN(w)) return Number.isNaN(x) ? '' : `${path} is ${x}, want NaN`;
  if (!Number.isFinite(w)) return x === w ? '' : `${path || 'value'} is ${x}, want ${w}`;
  return Math.abs(x - w) <= tol.abs + tol.rel * Math.abs(w)
    ? ''
    : `${path || 'value'} is ${x}, want ${w} (diff ${Math.abs(x - w)})`;
}

describe(`reference cases (${file.generator})`, () => {
  it('holds cases', () => expect(file.cases.length).toBeGreaterThan(300));
  it.each(file.cases.map((c) => [c.id, c] as const))('%s', (_id, c) => {
    if (c.expect.error) {
      let thrown: unknown;
      let result: unknown;
      try {
        result = evaluate({ fn: c.fn, args: c.args });
      } catch (e) {
        thrown = e;
      }
      expect(result, 'must not return a value').toBeUndefined();
      expect((thrown as { code?: string })?.code, String((thrown as Error)?.message)).toBe(c.expect.error);
      expect((thrown as Error).message.length).toBeGreaterThan(10);
      return;
    }
    const tol = c.tol ?? { rel: 1e-12, abs: 1e-13 };
    const got = evaluate({ fn: c.fn, args: c.args });
    expect(mismatch(got.value, decode(c.expect.value), tol)).toBe('');
    if (c.expect.grad !== undefined) {
      expect(got.grad, 'grad expected').toBeDefined();
      expect(mismatch(got.grad, decode(c.expect.grad), tol, 'grad')).toBe('');
    }
  });
});
