// Issue #11, pattern 3: constant arithmetic of numeric literals is a value.
import { describe, expect, it } from 'vitest';
import { findArrays } from '../../../../src/parse';

const values = (text: string, lang: string): unknown[] => findArrays(text, lang).arrays.map((a) => a.values);

describe('constant arithmetic in literals', () => {
  it('fractions in Python, R, MATLAB, JS, Julia', () => {
    expect(values('p = np.array([1/2, 1/4, 1/4])', 'python')).toEqual([[0.5, 0.25, 0.25]]);
    expect(values('p <- c(1/5, 1/5, 3/5)', 'r')).toEqual([[1 / 5, 1 / 5, 3 / 5]]);
    expect(values('p = [1/2 1/4 1/4];', 'matlab')).toEqual([[0.5, 0.25, 0.25]]);
    expect(values('const q = [2/10, 8/10];', 'javascript')).toEqual([[2 / 10, 8 / 10]]);
    expect(values('q = [1/3, 2/3]', 'julia')).toEqual([[1 / 3, 2 / 3]]);
  });

  it('powers, products, unary minus and precedence', () => {
    expect(values('w = [2**-3, 1e-3*5, -2**2, 1 - 0.25, 2*3/4]', 'python')).toEqual([[0.125, 0.005, -4, 0.75, 1.5]]);
    expect(values('w <- c(2^-1, 0.5^2)', 'r')).toEqual([[0.5, 0.25]]);
    expect(values('m = [-1e9, -1e-9]', 'python')).toEqual([[-1e9, -1e-9]]);
  });

  it('a space before a sign in a matrix still starts the next value; names and calls are not constants', () => {
    expect(values('a = [1 -2 3];', 'matlab')).toEqual([[1, -2, 3]]);
    expect(values('a = [1 - 2 3];', 'matlab')).toEqual([[-1, 3]]);
    expect(values('x = [n/2, 1/2]\ny = [np.log(2), 0.5]', 'python')).toEqual([]);
    expect(values('x = [1, 2] // a comment, not a division\ny = [3 /* c */, 4]', 'javascript')).toEqual([
      [1, 2],
      [3, 4],
    ]);
  });
});
