// JavaScript and TypeScript: const/let bindings, typed arrays, object
// properties, TensorFlow.js, and the brackets that are types, indices,
// template literals or regular expressions.
import { BY_CALL, BY_NAMES, type CorpusCase } from './types';

const js = (
  name: string,
  text: string,
  rest: Omit<CorpusCase, 'name' | 'lang' | 'text'>,
  lang = 'javascript',
): CorpusCase => ({ name, lang, text, ...rest });
const ts = (name: string, text: string, rest: Omit<CorpusCase, 'name' | 'lang' | 'text'>): CorpusCase =>
  js(name, text, rest, 'typescript');

export const jsCases: CorpusCase[] = [
  js('const binding', 'const p = [0.7, 0.2, 0.1];\n', {
    arrays: [{ src: '[0.7, 0.2, 0.1]', name: 'p', values: [0.7, 0.2, 0.1], role: 'probabilities' }], // a lone `p` is a distribution; a pair makes it the target
  }),
  js('let and var bindings', 'let q = [0.5, 0.5];\nvar logits = [1.0, -2.0];\n', {
    arrays: [
      { src: '[0.5, 0.5]', name: 'q', values: [0.5, 0.5] },
      { src: '[1.0, -2.0]', name: 'logits', values: [1, -2], role: 'logits' },
    ],
  }),
  js('new Float32Array([...]): range is the literal', 'const probs = new Float32Array([0.1, 0.6, 0.3]);\n', {
    arrays: [{ src: '[0.1, 0.6, 0.3]', name: 'probs', values: [0.1, 0.6, 0.3], role: 'probabilities' }],
  }),
  js('new Float64Array over several lines', 'const yTrue = new Float64Array([\n  1, 0, 0,\n]);\n', {
    arrays: [{ src: '[\n  1, 0, 0,\n]', name: 'yTrue', values: [1, 0, 0], role: 'one-hot' }],
  }),
  js('object properties name the arrays', 'const sample = { target: [0, 1], prediction: [0.4, 0.6] };\n', {
    arrays: [
      { src: '[0, 1]', name: 'target', values: [0, 1], role: 'one-hot' },
      { src: '[0.4, 0.6]', name: 'prediction', values: [0.4, 0.6], role: 'probabilities' },
    ],
    pairs: [{ target: 'target', prediction: 'prediction' }],
  }),
  js('quoted property keys', 'const m = { \'y_true\': [1, 0], "y_pred": [0.9, 0.1] };\n', {
    arrays: [
      { src: '[1, 0]', name: 'y_true', values: [1, 0] },
      { src: '[0.9, 0.1]', name: 'y_pred', values: [0.9, 0.1] },
    ],
    pairs: [{ target: 'y_true', prediction: 'y_pred', why: BY_NAMES }],
  }),
  js('numbers: leading dot, trailing dot, exponent, separators, hex', 'const w = [.5, 5., 1e-3, 1_000, 0xff, -2];\n', {
    arrays: [{ src: '[.5, 5., 1e-3, 1_000, 0xff, -2]', name: 'w', values: [0.5, 5, 0.001, 1000, 255, -2] }],
  }),
  js('Infinity, -Infinity and NaN are reported', 'const masked = [2.0, -Infinity, 0.5];\nconst bad = [NaN, 0.5];\n', {
    arrays: [
      {
        src: '[2.0, -Infinity, 0.5]',
        name: 'masked',
        values: [2, -Infinity, 0.5],
        role: 'logits',
        issues: ['non-finite'],
      },
      { src: '[NaN, 0.5]', name: 'bad', values: [NaN, 0.5], issues: ['non-finite'] },
    ],
  }),
  js('Number.POSITIVE_INFINITY', 'const v = [Number.POSITIVE_INFINITY, 1];\n', {
    arrays: [{ src: '[Number.POSITIVE_INFINITY, 1]', name: 'v', values: [Infinity, 1], issues: ['non-finite'] }],
  }),
  js(
    'comments and brackets in comments',
    '// const old = [0.1, 0.9];\nconst q = [\n  0.2, // cat [a]\n  0.8, /* dog [b] */\n];\n',
    {
      arrays: [{ src: '[\n  0.2, // cat [a]\n  0.8, /* dog [b] */\n]', name: 'q', values: [0.2, 0.8] }],
    },
  ),
  js(
    'brackets in strings and template literals',
    'const s = "[0.5, 0.5]";\nconst t = `[${a[0]}, 1]`;\nconst u = \'[1, 2]\';\n',
    { arrays: [] },
  ),
  js(
    'index expressions',
    'const a = arr[0];\nconst b = m[i][j];\nconst c = obj["k"][2];\nconst d = xs[xs.length - 1];\n',
    { arrays: [] },
  ),
  js(
    'regular expression with brackets does not derail the scan',
    "const clean = s.replace(/[\\[\\]]/g, '');\nconst p = [0.5, 0.5];\n",
    {
      arrays: [{ src: '[0.5, 0.5]', name: 'p', values: [0.5, 0.5] }],
    },
  ),
  js('batch of rows', 'const batch = [\n  [0.1, 0.9],\n  [0.7, 0.3],\n];\n', {
    arrays: [
      {
        src: '[\n  [0.1, 0.9],\n  [0.7, 0.3],\n]',
        name: 'batch',
        values: [
          [0.1, 0.9],
          [0.7, 0.3],
        ],
        role: 'probabilities',
      },
    ],
  }),
  js(
    'arrays of identifiers and call arguments are not numeric arrays',
    'const xs = [a, b, c];\nMath.max(1, 2);\nconst s = arr.slice(0, 3);\n',
    { arrays: [] },
  ),
  js('empty array and array of arrays of nothing', 'const a = [];\nconst b = [[], []];\n', { arrays: [] }),
  js('exports and module.exports', 'export const targets = [0, 0, 1];\nmodule.exports.outputs = [0.1, 0.1, 0.8];\n', {
    arrays: [
      { src: '[0, 0, 1]', name: 'targets', values: [0, 0, 1], role: 'one-hot' },
      { src: '[0.1, 0.1, 0.8]', anyName: true, values: [0.1, 0.1, 0.8], role: 'probabilities' },
    ],
  }),
  js(
    'TensorFlow.js loss with labels first',
    'const labels = tf.tensor2d([[0, 1, 0]]);\nconst logits = tf.tensor2d([[1.2, 3.1, -0.7]]);\nconst loss = tf.losses.softmaxCrossEntropy(labels, logits);\n',
    {
      arrays: [
        { src: '[[0, 1, 0]]', name: 'labels', values: [[0, 1, 0]], role: 'one-hot' },
        { src: '[[1.2, 3.1, -0.7]]', name: 'logits', values: [[1.2, 3.1, -0.7]], role: 'logits' },
      ],
      pairs: [{ target: 'labels', prediction: 'logits', why: BY_CALL }],
    },
  ),
  ts('typed const with number[]', 'const q: number[] = [0.3, 0.7];\n', {
    arrays: [{ src: '[0.3, 0.7]', name: 'q', values: [0.3, 0.7] }],
  }),
  ts(
    'tuple and array types are not arrays',
    'type Pair = [number, number];\nlet m: number[][] = [[1, 0], [0, 1]];\nfunction f(x: Array<number>): number[] { return x; }\n',
    {
      arrays: [
        {
          src: '[[1, 0], [0, 1]]',
          name: 'm',
          values: [
            [1, 0],
            [0, 1],
          ],
          role: 'one-hot',
        },
      ],
    },
  ),
  ts('readonly tuple type annotation with literal value', 'const y: readonly [number, number] = [1, 0] as const;\n', {
    arrays: [{ src: '[1, 0]', name: 'y', values: [1, 0], role: 'one-hot' }],
  }),
  ts(
    'class field and generic call',
    'class Model {\n  private weights = new Float32Array([0.25, 0.75]);\n  get<T>(k: T[]): T { return k[0]; }\n}\n',
    {
      arrays: [{ src: '[0.25, 0.75]', name: 'weights', values: [0.25, 0.75] }],
    },
  ),
  ts('optional chaining index is not an array', 'const first = probs?.[0] ?? 0;\nconst p = [0.5, 0.5];\n', {
    arrays: [{ src: '[0.5, 0.5]', name: 'p', values: [0.5, 0.5] }],
  }),
  js('function argument literal without a name', 'console.log(entropy([0.25, 0.25, 0.5]));\n', {
    arrays: [{ src: '[0.25, 0.25, 0.5]', values: [0.25, 0.25, 0.5], role: 'probabilities' }],
  }),
  js(
    'tf.metrics.categoricalCrossentropy with tf.tensor literals',
    'const loss = tf.metrics.categoricalCrossentropy(tf.tensor([[0, 1]]), tf.tensor([[0.3, 0.7]]));\n',
    {
      arrays: [
        { src: '[[0, 1]]', values: [[0, 1]], role: 'one-hot' },
        { src: '[[0.3, 0.7]]', values: [[0.3, 0.7]], role: 'probabilities' },
      ],
      pairs: [{ target: 0, prediction: 1, why: BY_CALL }],
    },
  ),
  ts(
    'type assertion and satisfies keep the name',
    'const t = <number[]>[0.5, 0.5];\nconst u = [0.2, 0.8] satisfies number[];\n',
    {
      arrays: [
        { src: '[0.5, 0.5]', name: 't', values: [0.5, 0.5] },
        { src: '[0.2, 0.8]', name: 'u', values: [0.2, 0.8] },
      ],
    },
  ),
  js('spread of a literal is still a literal', 'fn(...[1, 2, 3]);\n', {
    arrays: [{ src: '[1, 2, 3]', values: [1, 2, 3] }],
  }),
  js('array destructuring is not a name', 'const [a, b] = [0.5, 0.5];\n', {
    arrays: [{ src: '[0.5, 0.5]', values: [0.5, 0.5] }],
  }),
  js('camelCase names yTrue and yPred', 'const yTrue = [0, 1, 0];\nconst yPred = [0.2, 0.7, 0.1];\n', {
    arrays: [
      { src: '[0, 1, 0]', name: 'yTrue', values: [0, 1, 0], role: 'one-hot' },
      { src: '[0.2, 0.7, 0.1]', name: 'yPred', values: [0.2, 0.7, 0.1], role: 'probabilities' },
    ],
    pairs: [{ target: 'yTrue', prediction: 'yPred', why: BY_NAMES }],
  }),
  js('ragged rows are reported', 'const ragged = [[0.1, 0.9], [0.5]];\n', {
    arrays: [
      { src: '[[0.1, 0.9], [0.5]]', name: 'ragged', values: [[0.1, 0.9], [0.5]], shape: [2, 2], issues: ['ragged'] },
    ],
  }),
  js(
    'regular expressions holding quotes and comment starts do not derail the scan',
    "const a = s.split(/'/);\nconst b = s.split(/\"/);\nconst c = s.replace(/\\/\\*/g, '');\nif (/^[0-9]+$/.test(s)) x = 1;\nconst p = [0.5, 0.5];\n",
    {
      arrays: [{ src: '[0.5, 0.5]', name: 'p', values: [0.5, 0.5] }],
    },
  ),
  js('escaped quote inside a string', "const s = 'it\\'s [1, 2]'; const p = [0.5, 0.5];\n", {
    arrays: [{ src: '[0.5, 0.5]', name: 'p', values: [0.5, 0.5] }],
  }),
  js('division is not a regular expression', 'const x = a / 2; const y = b / 3; const p = [0.5, 0.5];\n', {
    arrays: [{ src: '[0.5, 0.5]', name: 'p', values: [0.5, 0.5] }],
  }),
  js('numbers inside a regular expression are not an array', 'const re = /\\/\\/ [1, 2]/;\nconst p = [0.5, 0.5];\n', {
    arrays: [{ src: '[0.5, 0.5]', name: 'p', values: [0.5, 0.5] }],
  }),
];
