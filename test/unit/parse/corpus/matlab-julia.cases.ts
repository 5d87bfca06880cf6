// MATLAB, Octave and Julia: space-separated rows, `;` or newlines between
// rows, `...` continuations, transposes that look like quotes, and the
// parenthesised or bracketed indices that are not arrays.
import { BY_NAMES, type CorpusCase } from './types';

const at =
  (lang: string) =>
  (name: string, text: string, rest: Omit<CorpusCase, 'name' | 'lang' | 'text'>): CorpusCase => ({
    name,
    lang,
    text,
    ...rest,
  });
const m = at('matlab');
const oct = at('octave');
const jl = at('julia');

export const matlabJuliaCases: CorpusCase[] = [
  // --- MATLAB -------------------------------------------------------------------------------
  m('space-separated row vector', 'p = [0.1 0.2 0.7];\n', {
    arrays: [{ src: '[0.1 0.2 0.7]', name: 'p', values: [0.1, 0.2, 0.7], role: 'probabilities' }], // a lone `p` is a distribution; a pair makes it the target
  }),
  m('matrix with semicolons', 'probs = [0.1 0.9; 0.3 0.7];\n', {
    arrays: [
      {
        src: '[0.1 0.9; 0.3 0.7]',
        name: 'probs',
        values: [
          [0.1, 0.9],
          [0.3, 0.7],
        ],
        shape: [2, 2],
        role: 'probabilities',
      },
    ],
  }),
  m('rows on separate lines', 'Y = [1 0 0\n     0 1 0\n     0 0 1];\n', {
    arrays: [
      {
        src: '[1 0 0\n     0 1 0\n     0 0 1]',
        name: 'Y',
        values: [
          [1, 0, 0],
          [0, 1, 0],
          [0, 0, 1],
        ],
        role: 'one-hot',
      },
    ],
  }),
  m('commas between values', 'q = [0.25, 0.25, 0.5];\n', {
    arrays: [{ src: '[0.25, 0.25, 0.5]', name: 'q', values: [0.25, 0.25, 0.5], role: 'probabilities' }],
  }),
  m('column vector reads as a 1-D distribution', 'c = [0.2; 0.3; 0.5];\n', {
    arrays: [{ src: '[0.2; 0.3; 0.5]', name: 'c', values: [0.2, 0.3, 0.5] }],
  }),
  m('continuation dots inside a row', 'z = [1.5 -0.2 ...\n     0.3];\n', {
    arrays: [{ src: '[1.5 -0.2 ...\n     0.3]', name: 'z', values: [1.5, -0.2, 0.3], role: 'logits' }],
  }),
  m('a minus sign after a space starts a new element', 'v = [1 -2 3];\n', {
    arrays: [{ src: '[1 -2 3]', name: 'v', values: [1, -2, 3] }],
  }),
  m('Inf, -Inf and NaN are reported', 'x = [Inf -Inf NaN 0.5];\n', {
    arrays: [{ src: '[Inf -Inf NaN 0.5]', name: 'x', values: [Infinity, -Infinity, NaN, 0.5], issues: ['non-finite'] }],
  }),
  m('percent comments with brackets', '% p = [0.5 0.5];\nq = [0.9 0.1]; % [1 2]\n', {
    arrays: [{ src: '[0.9 0.1]', name: 'q', values: [0.9, 0.1] }],
  }),
  m('block comment', '%{\nold = [0.1 0.9];\n%}\ncurrent = [0.4 0.6];\n', {
    arrays: [{ src: '[0.4 0.6]', name: 'current', values: [0.4, 0.6] }],
  }),
  m('transpose quote is not a string', "y = [0 1 0]';\ns = 'label [1 2]';\n", {
    arrays: [{ src: '[0 1 0]', name: 'y', values: [0, 1, 0], role: 'one-hot' }],
  }),
  m('indexing with parentheses and ranges is not an array', 'a = P(1, 2);\nb = v(2:3);\nc = size(P);\n', {
    arrays: [],
  }),
  m('empty matrix and string arrays', 'e = [];\nnames = ["cat" "dog"];\n', { arrays: [] }),
  m('exponents and leading dots', 'w = [1e-3 .5 2.5E2];\n', {
    arrays: [{ src: '[1e-3 .5 2.5E2]', name: 'w', values: [0.001, 0.5, 250] }],
  }),
  m('ragged rows are reported', 'R = [0.1 0.9; 0.2 0.3 0.5];\n', {
    arrays: [
      {
        src: '[0.1 0.9; 0.2 0.3 0.5]',
        name: 'R',
        values: [
          [0.1, 0.9],
          [0.2, 0.3, 0.5],
        ],
        shape: [2, 2],
        issues: ['ragged'],
      },
    ],
  }),
  m('commas and spaces mixed in one row', 'x = [0.1, 0.2 0.7];\n', {
    arrays: [{ src: '[0.1, 0.2 0.7]', name: 'x', values: [0.1, 0.2, 0.7], role: 'probabilities' }],
  }),
  m('a row holding a call is not numeric', 'z = [a(1) 2 3];\n', { arrays: [] }),

  // --- Octave -------------------------------------------------------------------------------
  oct('hash comments and double-quoted strings', '# p = [1 2]\ns = "[3 4]";\nq = [0.3 0.7];\n', {
    arrays: [{ src: '[0.3 0.7]', name: 'q', values: [0.3, 0.7] }],
  }),
  oct('matrix with commas and semicolons', 'T = [1, 0; 0, 1];\n', {
    arrays: [
      {
        src: '[1, 0; 0, 1]',
        name: 'T',
        values: [
          [1, 0],
          [0, 1],
        ],
        role: 'one-hot',
      },
    ],
  }),

  // --- Julia --------------------------------------------------------------------------------
  jl('comma-separated vector', 'p = [0.1, 0.2, 0.7]\n', {
    arrays: [{ src: '[0.1, 0.2, 0.7]', name: 'p', values: [0.1, 0.2, 0.7] }],
  }),
  jl('matrix literal with spaces and semicolons', 'probs = [0.1 0.9; 0.3 0.7]\n', {
    arrays: [
      {
        src: '[0.1 0.9; 0.3 0.7]',
        name: 'probs',
        values: [
          [0.1, 0.9],
          [0.3, 0.7],
        ],
        role: 'probabilities',
      },
    ],
  }),
  jl('typed array literal Float64[...]', 'q = Float64[0.5, 0.5]\n', {
    arrays: [{ src: '[0.5, 0.5]', name: 'q', values: [0.5, 0.5] }],
  }),
  jl('Inf and NaN are reported', 'x = [Inf, -Inf, NaN]\n', {
    arrays: [{ src: '[Inf, -Inf, NaN]', name: 'x', values: [Infinity, -Infinity, NaN], issues: ['non-finite'] }],
  }),
  jl('nested block comment and line comment', '#= old = [0.1, 0.9]\n#= nested [1] =# =#\n# [2, 3]\nq = [0.2, 0.8]\n', {
    arrays: [{ src: '[0.2, 0.8]', name: 'q', values: [0.2, 0.8] }],
  }),
  jl('indexing is not an array', 'a = x[1]\nb = A[1, :]\nc = v[2:end]\n', { arrays: [] }),
  jl('transpose after a literal', "y = [1 0 0]'\n", {
    arrays: [{ src: '[1 0 0]', name: 'y', values: [1, 0, 0], role: 'one-hot' }],
  }),
  jl('underscore separators and exponents', 'n = [1_000, 2e-3, 5.]\n', {
    arrays: [{ src: '[1_000, 2e-3, 5.]', name: 'n', values: [1000, 0.002, 5] }],
  }),
  jl('comprehension is not a literal', 'sq = [i^2 for i in 1:3]\n', { arrays: [] }),
  jl('strings with brackets', 's = "[1, 2]"\nt = """\n[0.1, 0.9]\n"""\n', { arrays: [] }),
  jl('matrix rows on separate lines', 'A = [1 2\n     3 4]\n', {
    arrays: [
      {
        src: '[1 2\n     3 4]',
        name: 'A',
        values: [
          [1, 2],
          [3, 4],
        ],
      },
    ],
  }),
  jl('unicode names like ŷ', 'ŷ = [0.2, 0.8]\n', {
    arrays: [{ src: '[0.2, 0.8]', name: 'ŷ', values: [0.2, 0.8], role: 'probabilities' }],
  }),
  jl('row vector with spaces and column vector with commas pair by names', 'p = [0.1 0.2 0.7]\nq = [0.1, 0.2, 0.7]\n', {
    arrays: [
      { src: '[0.1 0.2 0.7]', name: 'p', values: [0.1, 0.2, 0.7] },
      { src: '[0.1, 0.2, 0.7]', name: 'q', values: [0.1, 0.2, 0.7] },
    ],
    pairs: [{ target: 'p', prediction: 'q' }],
  }),
  m('transpose, then a doubled quote inside a string', "A = B';\np = [0.5 0.5];\ns = 'it''s [1 2]';\n", {
    arrays: [{ src: '[0.5 0.5]', name: 'p', values: [0.5, 0.5] }],
  }),
  m('[1 - 2] is one value, [1 -2] and [1 , -2] are two elements', 'x = [1 - 2];\ny = [1 -2];\nz = [1 , -2];\n', {
    arrays: [
      { src: '[1 - 2]', name: 'x', values: [-1] },
      { src: '[1 -2]', name: 'y', values: [1, -2] },
      { src: '[1 , -2]', name: 'z', values: [1, -2] },
    ],
  }),
  jl(
    'broadcast KL divergence between p and q on one line',
    'p = [0.2, 0.8]; q = [0.5, 0.5]\nkl = sum(p .* log.(p ./ q))\n',
    {
      arrays: [
        { src: '[0.2, 0.8]', name: 'p', values: [0.2, 0.8], role: 'target' },
        { src: '[0.5, 0.5]', name: 'q', values: [0.5, 0.5], role: 'probabilities' },
      ],
      pairs: [{ target: 'p', prediction: 'q', why: BY_NAMES }],
    },
  ),
  jl('Float32 literals and a typed row', 'x = [1.0f0, 2.5f-1]\ny = Float32[0.5 0.5]\n', {
    arrays: [
      { src: '[1.0f0, 2.5f-1]', name: 'x', values: [1, 0.25] },
      { src: '[0.5 0.5]', name: 'y', values: [0.5, 0.5] },
    ],
  }),
];
