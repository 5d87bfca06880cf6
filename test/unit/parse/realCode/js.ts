// JavaScript / TypeScript: TF.js tests and docs, from-scratch loss code,
// test files with describe / it blocks.
import { A, N, P, snippet } from './dsl';
import type { RealSnippet } from './types';

const ts = snippet('typescript');
const js = snippet('javascript');

export const jsSnippets: RealSnippet[] = [
  js(
    'tfjs softmaxCrossEntropy',
    ['ordinary'],
    `const labels = tf.tensor2d([[0, 0, 1], [1, 0, 0]]);
const logits = tf.tensor2d([[1.2, -0.4, 3.1], [2.5, 0.3, -1.0]]);
const loss = tf.losses.softmaxCrossEntropy(labels, logits);
loss.print();
`,
    [A('[[0, 0, 1], [1, 0, 0]]', 'one-hot', 'labels'), A('[[1.2, -0.4, 3.1], [2.5, 0.3, -1.0]]', 'logits', 'logits')],
    [P('labels', 'logits')],
  ),

  js(
    'tfjs tensor2d with shape argument',
    ['2'],
    `const values = [1, 0, 0, 0, 1, 0, 0, 0, 1];
const onehot = tf.tensor2d(values, [3, 3]);
const probs = tf.tensor2d([0.7, 0.2, 0.1, 0.1, 0.8, 0.1, 0.2, 0.2, 0.6], [3, 3]);
`,
    [
      A('[1, 0, 0, 0, 1, 0, 0, 0, 1]', 'one-hot', 'values', { shape: [3, 3] }),
      A('[0.7, 0.2, 0.1, 0.1, 0.8, 0.1, 0.2, 0.2, 0.6]', 'probabilities', 'probs', { shape: [3, 3] }),
    ],
    [],
    { notArrays: [N('[3, 3]', 0), N('[3, 3]', 1)], allowedPairs: [P('values', 'probs')] },
  ),

  js(
    'tfjs zeros, ones and reshape',
    ['2'],
    `const bias = tf.zeros([2]);
const mask = tf.ones([4, 10]);
const x = tf.tensor1d([0.25, 0.25, 0.5, 0.1, 0.3, 0.6]).reshape([2, 3]);
`,
    [A('[0.25, 0.25, 0.5, 0.1, 0.3, 0.6]', 'probabilities', 'x', { shape: [2, 3] })],
    [],
    { notArrays: [N('[2]'), N('[4, 10]'), N('[2, 3]')] },
  ),

  ts(
    'jest tests each with their own yPred',
    ['1', '10'],
    `describe('binaryCrossentropy', () => {
  it('is small for confident right answers', () => {
    const yTrue = [1, 0, 1];
    const yPred = [0.95, 0.05, 0.9];
    expect(binaryCrossentropy(yTrue, yPred)).toBeLessThan(0.1);
  });

  it('is large for confident wrong answers', () => {
    const yTrue = [0, 1, 0];
    const yPred = [0.99, 0.02, 0.97];
    expect(binaryCrossentropy(yTrue, yPred)).toBeGreaterThan(3);
  });
});
`,
    [
      A('[1, 0, 1]', 'class-indices', 'yTrue'),
      A('[0.95, 0.05, 0.9]', 'probabilities', 'yPred'),
      A('[0, 1, 0]', ['class-indices', 'one-hot'], 'yTrue'),
      A('[0.99, 0.02, 0.97]', 'probabilities', 'yPred'),
    ],
    [P(0, 1), P(2, 3)],
  ),

  ts(
    'own function crossEntropyCost(pred, target)',
    ['9'],
    `function crossEntropyCost(pred: number[], target: number[]): number {
  return -target.reduce((s, t, i) => s + t * Math.log(pred[i]), 0);
}

const a = [0.1, 0.7, 0.2];
const b = [0, 1, 0];
console.log(crossEntropyCost(a, b));
`,
    [A('[0.1, 0.7, 0.2]', 'probabilities', 'a'), A('[0, 1, 0]', 'one-hot', 'b')],
    [P('b', 'a')],
  ),

  ts(
    'typed arrays of probabilities',
    ['ordinary'],
    `const prior = new Float32Array([0.2, 0.3, 0.5]);
const posterior = Float32Array.from([0.1, 0.1, 0.8]);
`,
    [A('[0.2, 0.3, 0.5]', 'probabilities', 'prior'), A('[0.1, 0.1, 0.8]', 'probabilities', 'posterior')],
  ),

  js(
    'tfjs sigmoidCrossEntropy',
    ['ordinary', '5', '6'],
    `const multiClassLabels = tf.tensor1d([1, 0, 1, 1]);
const logits = tf.tensor1d([2.1, -1.3, 0.4, -0.2]);
tf.losses.sigmoidCrossEntropy(multiClassLabels, logits).print();
`,
    [A('[1, 0, 1, 1]', 'class-indices', 'multiClassLabels'), A('[2.1, -1.3, 0.4, -0.2]', 'logits', 'logits')],
    [P('multiClassLabels', 'logits')],
  ),

  js(
    'tfjs model with layer sizes',
    ['2'],
    `const model = tf.sequential();
model.add(tf.layers.dense({units: 32, inputShape: [784]}));
model.add(tf.layers.dense({units: 10, activation: 'softmax'}));
const xs = tf.randomNormal([100, 784]);
`,
    [],
    [],
    { notArrays: [N('[784]'), N('[100, 784]')] },
  ),

  ts(
    'object of expected values in a test table',
    ['ordinary', '10'],
    `const cases = [
  { name: 'uniform', p: [0.25, 0.25, 0.25, 0.25], entropy: 2 },
  { name: 'peaked', p: [0.97, 0.01, 0.01, 0.01], entropy: 0.2419 },
];
`,
    [A('[0.25, 0.25, 0.25, 0.25]', 'probabilities', 'p'), A('[0.97, 0.01, 0.01, 0.01]', 'probabilities', 'p')],
  ),

  js(
    'kl divergence by hand',
    ['ordinary'],
    `// true distribution and model
const P = [0.36, 0.48, 0.16];
const Q = [0.333, 0.333, 0.334];
const kl = P.reduce((s, p, i) => s + p * Math.log(p / Q[i]), 0);
`,
    [A('[0.36, 0.48, 0.16]', ['target', 'probabilities'], 'P'), A('[0.333, 0.333, 0.334]', 'probabilities', 'Q')],
    [P('P', 'Q')],
  ),

  ts(
    'predict then compare, literal later',
    ['1'],
    `const yPred = model.predict(xs) as tf.Tensor;
const loss = tf.metrics.categoricalCrossentropy(yTrue, yPred);

// for reference, a perfect prediction looks like
const perfect = [[0, 1, 0], [1, 0, 0]];
`,
    [A('[[0, 1, 0], [1, 0, 0]]', 'one-hot', 'perfect')],
  ),

  js(
    'tfjs oneHot of indices with depth',
    ['2', 'ordinary'],
    `const indices = tf.tensor1d([0, 2, 1], 'int32');
const depth = 3;
const labels = tf.oneHot(indices, depth);
`,
    [A('[0, 2, 1]', 'class-indices', 'indices')],
  ),

  ts(
    'logits with a mask value',
    ['6'],
    `const scores = [3.2, -1e9, 1.1, -1e9, 0.4];
const probs = softmax(scores);
`,
    [A('[3.2, -1e9, 1.1, -1e9, 0.4]', 'logits', 'scores')],
  ),

  js(
    'binary pair without a known call',
    ['5'],
    `const actual = [0, 0, 1, 1, 1];
const predicted = [0.3, 0.1, 0.6, 0.8, 0.55];
`,
    [A('[0, 0, 1, 1, 1]', 'class-indices', 'actual'), A('[0.3, 0.1, 0.6, 0.8, 0.55]', 'probabilities', 'predicted')],
    [P('actual', 'predicted')],
  ),
];
