// Each language family: its literal forms, its strings and comments, its names.
import { describe, expect, it } from 'vitest';
import { findArrays } from '../../../../src/parse';

function found(text: string, languageId: string): [string, string | undefined, unknown][] {
  return findArrays(text, languageId).arrays.map((a) => [text.slice(a.start, a.end), a.name, a.values]);
}

describe('MATLAB / Octave and Julia', () => {
  it('reads space- and semicolon-separated matrices, rows by newline too', () => {
    expect(found('A = [0.1 0.2; 0.3 0.4];\nb = [1 -2 3];\nC = [0.5 0.5\n     0.9 0.1];', 'matlab')).toEqual([
      [
        '[0.1 0.2; 0.3 0.4]',
        'A',
        [
          [0.1, 0.2],
          [0.3, 0.4],
        ],
      ],
      ['[1 -2 3]', 'b', [1, -2, 3]],
      [
        '[0.5 0.5\n     0.9 0.1]',
        'C',
        [
          [0.5, 0.5],
          [0.9, 0.1],
        ],
      ],
    ]);
  });

  it("treats `1 - x` as an expression, `%` as a comment and `x'` as a transpose", () => {
    expect(found("c = [1 - x];\n% d = [1 2]\ne = x';\nf = 'it''s [3 4]';\ng = [5 6]'", 'matlab')).toEqual([
      ['[5 6]', 'g', [5, 6]],
    ]);
  });

  it('follows a MATLAB ... continuation without starting a new row', () => {
    expect(found('p = [0.2, 0.3, ...\n     0.5];', 'matlab')).toEqual([
      ['[0.2, 0.3, ...\n     0.5]', 'p', [0.2, 0.3, 0.5]],
    ]);
  });

  it('reads Julia vectors, matrices, typed literals and skips #= =# comments', () => {
    expect(found("p = [0.2, 0.8]\nM = [1 0; 0 1]\nq = Float64[0.5, 0.5]\n#= [9, 9] =#\nr = p'", 'julia')).toEqual([
      ['[0.2, 0.8]', 'p', [0.2, 0.8]],
      [
        '[1 0; 0 1]',
        'M',
        [
          [1, 0],
          [0, 1],
        ],
      ],
      ['[0.5, 0.5]', 'q', [0.5, 0.5]],
    ]);
  });
});

describe('R', () => {
  it('reads c(...) including the c, with <- and = names', () => {
    expect(found('p <- c(0.2, 0.8)\nq = c(0.5, 0.5)\nx <- f(1, 2)\ny <- c(Inf, NA)', 'r')).toEqual([
      ['c(0.2, 0.8)', 'p', [0.2, 0.8]],
      ['c(0.5, 0.5)', 'q', [0.5, 0.5]],
      ['c(Inf, NA)', 'y', [Infinity, NaN]],
    ]);
  });
});

describe('C, C++, Java, C#', () => {
  it('reads brace initialisers, nested as rows, with suffixes and declarations', () => {
    const text =
      'double q[] = {0.1, 0.9};\nfloat m[2][2] = {{1.0f, 0.0f}, {0.0f, 1.0f}};\nint main() { return 0; }\nstd::vector<double> v{0.5, 0.5};';
    expect(found(text, 'cpp')).toEqual([
      ['{0.1, 0.9}', 'q', [0.1, 0.9]],
      [
        '{{1.0f, 0.0f}, {0.0f, 1.0f}}',
        'm',
        [
          [1, 0],
          [0, 1],
        ],
      ],
      ['{0.5, 0.5}', 'v', [0.5, 0.5]],
    ]);
  });

  it('reads Java and C# array creation', () => {
    expect(found('double[] p = new double[]{0.2, 0.8};', 'java')).toEqual([['{0.2, 0.8}', 'p', [0.2, 0.8]]]);
    expect(found('var q = new double[] { 0.5, 0.5 };\nint[] r = [1, 2];', 'csharp')).toEqual([
      ['{ 0.5, 0.5 }', 'q', [0.5, 0.5]],
      ['[1, 2]', 'r', [1, 2]],
    ]);
  });

  it("skips char literals like '{' and block comments", () => {
    expect(found("char c = '{'; /* {1, 2} */ int a[] = {3, 4};", 'c')).toEqual([['{3, 4}', 'a', [3, 4]]]);
  });
});

describe('Rust', () => {
  it('reads vec![...] and arrays, leaves lifetimes alone', () => {
    const text =
      'fn f<\'a>(x: &\'a str) {}\nlet v: Vec<f64> = vec![0.1, 0.9];\nlet a = [1.0_f64, 2.0];\nlet s = "[3, 4]";';
    expect(found(text, 'rust')).toEqual([
      ['[0.1, 0.9]', 'v', [0.1, 0.9]],
      ['[1.0_f64, 2.0]', 'a', [1, 2]],
    ]);
  });
});

describe('Markdown, plain text, YAML', () => {
  it('reads bracketed lists of two or more numbers in prose, not citations', () => {
    expect(
      found('See [1] and the target [0, 1, 0] vs the prediction [0.2, 0.7, 0.1].', 'markdown').map((f) => f[0]),
    ).toEqual(['[0, 1, 0]', '[0.2, 0.7, 0.1]']);
  });

  it('reads fenced code in markdown with its names', () => {
    expect(found('# Example\n\n```python\ny_true = [1, 0]\n```\n', 'markdown')).toEqual([['[1, 0]', 'y_true', [1, 0]]]);
  });

  it('reads YAML flow lists with their keys and skips comments', () => {
    expect(found('p: [0.2, 0.8]  # [1, 2]\nq: [0.5, 0.5]', 'yaml')).toEqual([
      ['[0.2, 0.8]', 'p', [0.2, 0.8]],
      ['[0.5, 0.5]', 'q', [0.5, 0.5]],
    ]);
  });
});

describe('vectors written as columns and nested vec!', () => {
  it('reads a MATLAB / Julia column vector [0.1; 0.9] as a vector', () => {
    expect(found('q = [0.1; 0.9];', 'matlab')).toEqual([['[0.1; 0.9]', 'q', [0.1, 0.9]]]);
    expect(found('q = [0.1; 0.9]', 'julia')).toEqual([['[0.1; 0.9]', 'q', [0.1, 0.9]]]);
  });

  it('reads Rust vec! of vec! as rows', () => {
    expect(found('let m = vec![vec![0.1, 0.9], vec![0.5, 0.5]];', 'rust')).toEqual([
      [
        '[vec![0.1, 0.9], vec![0.5, 0.5]]',
        'm',
        [
          [0.1, 0.9],
          [0.5, 0.5],
        ],
      ],
    ]);
  });
});

describe('Markdown code fences', () => {
  it("skips a fenced block's own comments and strings", () => {
    const text =
      'Intro [0.5, 0.5] here.\n\n```python\np = [0.2, 0.8]  # not [1, 2]\ns = "[3, 4]"\n```\n\nAfter [0.1, 0.9].\n';
    expect(found(text, 'markdown').map((f) => [f[0], f[1]])).toEqual([
      ['[0.5, 0.5]', undefined],
      ['[0.2, 0.8]', 'p'],
      ['[0.1, 0.9]', undefined],
    ]);
  });

  it('reports in a fence only what Markdown reads again from the range', () => {
    const text = '```python\na = (0.2, 0.8)\nb = [0.7]\nc = [0.1,  # x\n  0.9]\nd = [0.3, 0.7]\n```\n';
    const r = findArrays(text, 'markdown');
    expect(r.arrays.map((x) => text.slice(x.start, x.end))).toEqual(['[0.3, 0.7]']);
    for (const a of r.arrays)
      expect(findArrays(text.slice(a.start, a.end), 'markdown').arrays[0]!.values).toEqual(a.values);
  });

  it('pairs by call site inside a fence, with offsets of the whole document', () => {
    const text = '# Loss\n\n~~~py\nlog_loss([1, 0], [0.7, 0.3])\n~~~\n';
    const r = findArrays(text, 'markdown');
    expect(r.pairs).toHaveLength(1);
    expect(text.slice(r.arrays[r.pairs[0]!.prediction]!.start, r.arrays[r.pairs[0]!.prediction]!.end)).toBe(
      '[0.7, 0.3]',
    );
  });

  it('an unclosed fence runs to the end; unknown info strings stay prose', () => {
    expect(found('```text\n[1, 2]\n```\n```python\nx = [3, 4]', 'markdown').map((f) => f[0])).toEqual([
      '[1, 2]',
      '[3, 4]',
    ]);
  });
});

describe('calls whose arguments are the array', () => {
  it('reads Java Arrays.asList / List.of, Kotlin doubleArrayOf and JS Float32Array.of, callee included', () => {
    expect(found('List<Double> p = Arrays.asList(0.2, 0.8);\nvar q = List.of(0.5, 0.5);', 'java')).toEqual([
      ['Arrays.asList(0.2, 0.8)', 'p', [0.2, 0.8]],
      ['List.of(0.5, 0.5)', 'q', [0.5, 0.5]],
    ]);
    expect(found('val p = doubleArrayOf(0.2, 0.8)', 'kotlin')).toEqual([['doubleArrayOf(0.2, 0.8)', 'p', [0.2, 0.8]]]);
    expect(found('const q = Float32Array.of(0.1, 0.9);\nfoo.of(1, 2);', 'javascript')).toEqual([
      ['Float32Array.of(0.1, 0.9)', 'q', [0.1, 0.9]],
    ]);
  });
});

describe('gaps from the corpus (R, C++, prose)', () => {
  it('R: 1L integers, [[ indexing, names through list(prob = c(…)) and matrix(c(…))', () => {
    expect(found('labels <- c(1L, 3L, 2L)', 'r')).toEqual([['c(1L, 3L, 2L)', 'labels', [1, 3, 2]]]);
    expect(found('a <- x[1]\nb <- l[[2]]', 'r')).toEqual([]);
    expect(found('fit <- list(prob = c(0.7, 0.3))', 'r')).toEqual([['c(0.7, 0.3)', 'prob', [0.7, 0.3]]]);
    expect(found('M <- matrix(c(0.1, 0.9), nrow = 1)', 'r')).toEqual([['c(0.1, 0.9)', 'M', [0.1, 0.9]]]);
  });

  it('C++: numeric_limits infinity and NaN, a declaration on the first line', () => {
    const text =
      'std::vector<double> s{1.0, -std::numeric_limits<double>::infinity(), std::numeric_limits<float>::quiet_NaN()};';
    const r = findArrays(text, 'cpp');
    expect(r.arrays.map((a) => [a.name, a.values])).toEqual([['s', [1, -Infinity, NaN]]]);
    expect(r.arrays[0]!.issues.join()).toMatch(/non-finite: 2 values/);
    expect(found('x = 1\nstd::vector<double> q{0.2, 0.8};', 'cpp')[0]![1]).toBe('q');
  });

  it('prose: no note for an unmatched [ and no names from words before a list', () => {
    const r = findArrays(
      'Values lie in [0, 1) and the limit is $[a, b]$.\nThe model predicted [0.7, 0.3].',
      'markdown',
    );
    expect(r.issues).toEqual([]);
    expect(r.arrays.map((a) => a.name)).toEqual([undefined]);
  });
});

describe("NumPy's print format in prose", () => {
  it('reads space-separated values and printed 2-D rows; ... elisions are not arrays', () => {
    expect(found('probs: [0.1 0.2 0.7]', 'plaintext').map((f) => f[2])).toEqual([[0.1, 0.2, 0.7]]);
    expect(found('[[0.1 0.9]\n [0.3 0.7]]', 'markdown').map((f) => f[2])).toEqual([
      [
        [0.1, 0.9],
        [0.3, 0.7],
      ],
    ]);
    expect(found('[0.1 0.2 ... 0.9]', 'plaintext')).toEqual([]);
    expect(found('[0.1 0.2\n 0.3]', 'plaintext').map((f) => f[2])).toEqual([[0.1, 0.2, 0.3]]);
  });
});

describe('gaps batch 3 (regex literals, LaTeX in prose)', () => {
  it('skips JS regular expression literals but still divides after values', () => {
    expect(found('const re = /\\/\\/ [1, 2]/g;\nconst p = [0.5, 0.5];', 'javascript').map((f) => f[0])).toEqual([
      '[0.5, 0.5]',
    ]);
    expect(found('const r = a / b; const q = [0.2, 0.8]; const s = (x) / 2;', 'javascript').map((f) => f[0])).toEqual([
      '[0.2, 0.8]',
    ]);
    expect(found('if (/[0-9]/.test(x)) y = [0.1, 0.9];', 'typescript').map((f) => f[0])).toEqual(['[0.1, 0.9]']);
  });

  it('$ and $$ around a list in Markdown are not part of its name', () => {
    expect(found('$$p = [0.1, 0.9]$$', 'markdown').map((f) => f[1])).toEqual(['p']);
  });
});

describe('a regex inside a list', () => {
  it('makes the list not a list of numbers', () => {
    expect(found('const xs = [/a/, 1, 2];\nconst p = [0.5, 0.5];', 'javascript').map((f) => f[0])).toEqual([
      '[0.5, 0.5]',
    ]);
  });
});

describe('gaps batch 4 (C designators, Rust borrowed slices)', () => {
  it('a bracket before = is assigned to, not data', () => {
    expect(found('int arr[] = { [0] = 1, [2] = 3 };\ndouble p[] = {0.5, 0.5};', 'c').map((f) => f[0])).toEqual([
      '{0.5, 0.5}',
    ]);
    expect(found('[a, b] = [1, 2];\nx[0] = [0.5, 0.5];', 'javascript').map((f) => f[0])).toEqual([
      '[1, 2]',
      '[0.5, 0.5]',
    ]);
  });

  it('names a borrowed Rust slice', () => {
    expect(found('static LOGITS: &[f32] = &[1.0, -1.0];', 'rust')).toEqual([['[1.0, -1.0]', 'LOGITS', [1, -1]]]);
  });
});
