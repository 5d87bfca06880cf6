// Rust: vec![...] (the range is the bracket literal), typed arrays,
// numeric suffixes and underscores, f64 constants, and the brackets that are
// types, attributes, repeat expressions or indices.
import type { CorpusCase } from './types';

const rs = (name: string, text: string, rest: Omit<CorpusCase, 'name' | 'lang' | 'text'>): CorpusCase => ({
  name,
  lang: 'rust',
  text,
  ...rest,
});

export const rustCases: CorpusCase[] = [
  rs('vec! macro: range is the bracket literal', 'let p = vec![0.7, 0.2, 0.1];\n', {
    arrays: [{ src: '[0.7, 0.2, 0.1]', name: 'p', values: [0.7, 0.2, 0.1], role: 'probabilities' }], // a lone `p` is a distribution; a pair makes it the target
  }),
  rs('typed fixed-size array: the type is not an array', 'let q: [f64; 3] = [0.2, 0.3, 0.5];\n', {
    arrays: [{ src: '[0.2, 0.3, 0.5]', name: 'q', values: [0.2, 0.3, 0.5], role: 'probabilities' }],
  }),
  rs('mutable binding with suffixes and underscores', 'let mut w = [1_000.0_f64, 0.5f64, 2e-3];\n', {
    arrays: [{ src: '[1_000.0_f64, 0.5f64, 2e-3]', name: 'w', values: [1000, 0.5, 0.002] }],
  }),
  rs('f64 constants are reported', 'let v = [f64::INFINITY, f64::NEG_INFINITY, f64::NAN, 0.0];\n', {
    arrays: [
      {
        src: '[f64::INFINITY, f64::NEG_INFINITY, f64::NAN, 0.0]',
        name: 'v',
        values: [Infinity, -Infinity, NaN, 0],
        issues: ['non-finite'],
      },
    ],
  }),
  rs('2-D typed array', 'let y: [[f64; 2]; 2] = [[1.0, 0.0], [0.0, 1.0]];\n', {
    arrays: [
      {
        src: '[[1.0, 0.0], [0.0, 1.0]]',
        name: 'y',
        values: [
          [1, 0],
          [0, 1],
        ],
        role: 'one-hot',
      },
    ],
  }),
  rs('repeat expression is not a list of values', 'let zeros = [0.0f32; 10];\n', { arrays: [] }),
  rs('attributes are not arrays', '#![allow(dead_code)]\n#[derive(Debug, Clone)]\nstruct S;\n', { arrays: [] }),
  rs('indices and slices are not arrays', 'let a = v[0];\nlet b = &v[1..3];\nlet c = m[i][j];\n', { arrays: [] }),
  rs(
    'lifetimes and char literals do not derail the scan',
    "fn first<'a>(x: &'a [f64]) -> f64 { x[0] }\nlet c = '[';\nlet q = vec![0.4, 0.6];\n",
    {
      arrays: [{ src: '[0.4, 0.6]', name: 'q', values: [0.4, 0.6] }],
    },
  ),
  rs(
    'strings, raw strings and comments',
    'let s = "[1, 2]";\nlet r = r#"[3, "4"]"#;\n// [0.5, 0.5]\n/* [0.1, 0.9] */\n',
    { arrays: [] },
  ),
  rs('macro argument literal has no name', 'println!("{:?}", [0.25, 0.75]);\n', {
    arrays: [{ src: '[0.25, 0.75]', values: [0.25, 0.75], role: 'probabilities' }],
  }),
  rs('integer suffixes', 'let labels: Vec<usize> = vec![2usize, 0, 1];\n', {
    arrays: [{ src: '[2usize, 0, 1]', name: 'labels', values: [2, 0, 1], role: 'class-indices' }],
  }),
  rs('vec! split over lines with a trailing comma', 'let logits = vec![\n    2.0, // cat\n    -1.0,\n    0.5,\n];\n', {
    arrays: [
      { src: '[\n    2.0, // cat\n    -1.0,\n    0.5,\n]', name: 'logits', values: [2, -1, 0.5], role: 'logits' },
    ],
  }),
  rs('ndarray array! macro with rows', 'let a = ndarray::array![[0.1, 0.9], [0.4, 0.6]];\n', {
    arrays: [
      {
        src: '[[0.1, 0.9], [0.4, 0.6]]',
        name: 'a',
        values: [
          [0.1, 0.9],
          [0.4, 0.6],
        ],
        role: 'probabilities',
      },
    ],
  }),
  rs(
    'vec! repeat form is not a list, a literal before a method chain is',
    'let v: Vec<f32> = vec![0.1; 3];\nlet w = [1, 2, 3].iter().sum::<i32>();\n',
    {
      arrays: [{ src: '[1, 2, 3]', name: 'w', values: [1, 2, 3] }],
    },
  ),
  rs(
    'const with a typed array, slice patterns are not arrays',
    'const PROBS: [f64; 3] = [0.2, 0.3, 0.5];\nmatch x { [a, b] => 1, _ => 0 };\n',
    {
      arrays: [{ src: '[0.2, 0.3, 0.5]', name: 'PROBS', values: [0.2, 0.3, 0.5], role: 'probabilities' }],
    },
  ),
  rs('a borrowed array literal keeps the binding name', 'static LOGITS: &[f32] = &[1.0, -1.0];\n', {
    arrays: [{ src: '[1.0, -1.0]', name: 'LOGITS', values: [1, -1], role: 'logits' }],
  }),
];
