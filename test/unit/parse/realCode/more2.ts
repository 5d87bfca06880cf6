// A second round of everyday snippets: keyword-argument calls, class weights
// and label lists that are not data, distributions objects, sampling sizes,
// and test assertions on printed results, over all languages.
import { A, N, P, snippet } from './dsl';
import type { RealSnippet } from './types';

const py = snippet('python');
const ts = snippet('typescript');
const js = snippet('javascript');
const jl = snippet('julia');
const m = snippet('matlab');
const r = snippet('r');
const kt = snippet('kotlin');
const cs = snippet('csharp');
const rs = snippet('rust');
const md = snippet('markdown');
const txt = snippet('plaintext');
const nb = snippet('jupyter');
const cpp = snippet('cpp');

export const more2Snippets: RealSnippet[] = [
  py(
    'log_loss with a labels list that is not data',
    ['10', 'ordinary'],
    `y_true = [2, 2, 0]
y_pred = [[0.1, 0.1, 0.8], [0.2, 0.2, 0.6], [0.7, 0.2, 0.1]]
log_loss(y_true, y_pred, labels=[0, 1, 2])
`,
    [
      A('[2, 2, 0]', 'class-indices', 'y_true'),
      A('[[0.1, 0.1, 0.8], [0.2, 0.2, 0.6], [0.7, 0.2, 0.1]]', 'probabilities', 'y_pred'),
    ],
    [P('y_true', 'y_pred')],
    { optional: [N('[0, 1, 2]')] },
  ),

  py(
    'tf keyword arguments in reverse order',
    ['9', '6'],
    `loss = tf.nn.softmax_cross_entropy_with_logits(
    logits=[[4.0, 2.0, 1.0], [0.0, 5.0, 1.0]],
    labels=[[1.0, 0.0, 0.0], [0.0, 0.8, 0.2]],
)
`,
    [
      A('[[4.0, 2.0, 1.0], [0.0, 5.0, 1.0]]', 'logits', 'logits'),
      A('[[1.0, 0.0, 0.0], [0.0, 0.8, 0.2]]', 'target', 'labels'),
    ],
    [P('labels', 'logits')],
  ),

  py(
    'class weights do not pair with logits',
    ['10', 'ordinary'],
    `weights = torch.tensor([1.0, 2.0, 0.5])
criterion = nn.CrossEntropyLoss(weight=weights)
logits = torch.tensor([[0.3, -1.2, 2.0]])
target = torch.tensor([2])
criterion(logits, target)
`,
    [A('[[0.3, -1.2, 2.0]]', 'logits', 'logits'), A('[2]', 'class-indices', 'target')],
    [P('target', 'logits')],
    { optional: [N('[1.0, 2.0, 0.5]')] },
  ),

  py(
    'Categorical distribution and a sample size',
    ['2', 'ordinary'],
    `dist = torch.distributions.Categorical(probs=torch.tensor([0.25, 0.25, 0.5]))
samples = dist.sample((1000,))
other = Categorical(logits=torch.tensor([0.0, 1.0, -1.0]))
kl = torch.distributions.kl_divergence(dist, other)
`,
    [A('[0.25, 0.25, 0.5]', 'probabilities', 'probs'), A('[0.0, 1.0, -1.0]', 'logits', 'logits')],
    [],
    { notArrays: [N('(1000,)')] },
  ),

  py(
    'dirichlet concentration and size',
    ['2'],
    `rng = np.random.default_rng(seed=0)
alpha = [1.0, 1.0, 1.0]
draws = rng.dirichlet(alpha, size=5)
grid = np.linspace(0, 1, 11)
`,
    [],
    [],
    { optional: [N('[1.0, 1.0, 1.0]')], notArrays: [N('seed=0'), N('size=5'), N('0, 1, 11')] },
  ),

  py(
    'multiple assignment of two distributions',
    ['ordinary'],
    `p, q = [0.5, 0.5], [0.9, 0.1]
print(entropy(p, q))
`,
    [A('[0.5, 0.5]', ['target', 'probabilities']), A('[0.9, 0.1]', 'probabilities')],
    [P(0, 1)],
  ),

  py(
    'binary_cross_entropy_with_logits with pos_weight',
    ['6', '5'],
    `logits = torch.tensor([0.8, -1.5, 2.3, -0.1])
targets = torch.tensor([1.0, 0.0, 1.0, 1.0])
loss = F.binary_cross_entropy_with_logits(logits, targets, pos_weight=torch.tensor([3.0]))
`,
    [A('[0.8, -1.5, 2.3, -0.1]', 'logits', 'logits'), A('[1.0, 0.0, 1.0, 1.0]', 'class-indices', 'targets')],
    [P('targets', 'logits')],
    { optional: [N('[3.0]')] },
  ),

  py(
    'repeat and unsqueeze sizes',
    ['2'],
    `p = torch.tensor([[0.1, 0.2, 0.7]]).repeat(4, 1)
q = p.unsqueeze(0).expand(2, 4, 3)
`,
    [A('[[0.1, 0.2, 0.7]]', 'probabilities')],
    [],
    { notArrays: [N('(4, 1)'), N('(2, 4, 3)')] },
  ),

  py(
    'jupytext cells with a later reassignment',
    ['1', '10'],
    `# %%
y_true = np.array([0, 1])
y_pred = np.array([0.3, 0.8])
bce = log_loss(y_true, y_pred)

# %% [markdown]
# Now a worse model.

# %%
y_pred = np.array([0.6, 0.4])
bce_worse = log_loss(y_true, y_pred)
`,
    [
      A('[0, 1]', ['class-indices', 'one-hot'], 'y_true'),
      A('[0.3, 0.8]', 'probabilities', 'y_pred'),
      A('[0.6, 0.4]', 'probabilities', 'y_pred'),
    ],
    [P(0, 1), P(0, 2)],
  ),

  py(
    'confusion matrix printed',
    ['printed'],
    `>>> confusion_matrix(y_true, y_pred)
array([[5, 0, 1],
       [1, 4, 0],
       [0, 2, 7]])
`,
    [
      A(
        `[[5, 0, 1],
       [1, 4, 0],
       [0, 2, 7]]`,
        'counts',
      ),
    ],
  ),

  ts(
    'tf.tensor with a shape argument',
    ['2'],
    `const probs = tf.tensor([0.1, 0.2, 0.7, 0.3, 0.3, 0.4], [2, 3]);
const labels = tf.tensor([2, 0], [2], 'int32');
`,
    [
      A('[0.1, 0.2, 0.7, 0.3, 0.3, 0.4]', 'probabilities', 'probs', { shape: [2, 3] }),
      A('[2, 0]', 'class-indices', 'labels'),
    ],
    [P('labels', 'probs')],
    { notArrays: [N('[2, 3]'), N('[2]')] },
  ),

  js(
    'jest assertion on softmax output',
    ['ordinary', '10'],
    `test('softmax', () => {
  expect(softmax([1, 2, 3])).toBeCloseToArray([0.0900, 0.2447, 0.6652]);
});
`,
    [A('[1, 2, 3]', 'logits'), A('[0.0900, 0.2447, 0.6652]', 'probabilities')],
  ),

  js(
    'brain.js training pairs are features',
    ['ordinary'],
    `const trainingData = [
  { input: [0, 0], output: [0] },
  { input: [0, 1], output: [1] },
];
net.train(trainingData, { iterations: 2000 });
`,
    [],
    [],
    { optional: [N('[0, 0]'), N('[0]'), N('[0, 1]'), N('[1]')] },
  ),

  jl(
    'Flux with softmax and onehotbatch',
    ['9', '7'],
    `x = Float32[0.3 1.2; -0.5 0.1; 2.0 -1.0]
y = Flux.onehotbatch([1, 3], 1:3)
loss = Flux.crossentropy(softmax(x), y)
`,
    [A('[0.3 1.2; -0.5 0.1; 2.0 -1.0]', 'logits', 'x'), A('[1, 3]', 'class-indices')],
    [],
    { notArrays: [N('1:3')], allowedPairs: [P(1, 0)] },
  ),

  jl(
    'Julia Distributions Categorical',
    ['ordinary'],
    `using Distributions
d = Categorical([0.2, 0.5, 0.3])
rand(d, 100)
`,
    [A('[0.2, 0.5, 0.3]', 'probabilities')],
    [],
    { notArrays: [N('d, 100')] },
  ),

  m(
    'MATLAB softmax layer output vs targets in a test',
    ['ordinary', '7'],
    `T = [1 0; 0 1; 0 0];
Y = [0.6 0.2; 0.3 0.7; 0.1 0.1];
testCase.verifyLessThan(crossentropy(Y, T), 0.5);
`,
    [A('[1 0; 0 1; 0 0]', 'one-hot', 'T'), A('[0.6 0.2; 0.3 0.7; 0.1 0.1]', 'probabilities', 'Y')],
    [P('T', 'Y')],
  ),

  r(
    'R softmax with a matrix of scores',
    ['6', '2'],
    `scores <- matrix(c(1.2, -0.3, 0.5, 2.1, 0.0, -1.4), nrow = 2, ncol = 3, byrow = TRUE)
probs <- t(apply(scores, 1, function(z) exp(z) / sum(exp(z))))
`,
    [A('c(1.2, -0.3, 0.5, 2.1, 0.0, -1.4)', 'logits', 'scores', { shape: [2, 3] })],
    [],
    { notArrays: [N('nrow = 2'), N('ncol = 3')] },
  ),

  kt(
    'Kotlin test with two functions',
    ['10'],
    `@Test fun uniform() {
    val p = doubleArrayOf(0.5, 0.5)
    assertEquals(1.0, entropyBits(p), 1e-9)
}

@Test fun skewed() {
    val p = doubleArrayOf(0.9, 0.1)
    assertEquals(0.469, entropyBits(p), 1e-3)
}
`,
    [A('(0.5, 0.5)', 'probabilities', 'p'), A('(0.9, 0.1)', 'probabilities', 'p')],
    [],
    { notArrays: [N('1e-9'), N('1e-3')] },
  ),

  cs(
    'C# jagged array batch',
    ['ordinary'],
    `double[][] yTrue = { new double[] { 0, 1 }, new double[] { 1, 0 } };
double[][] yPred = { new double[] { 0.2, 0.8 }, new double[] { 0.6, 0.4 } };
`,
    [
      A('{ 0, 1 }', 'one-hot'),
      A('{ 1, 0 }', 'one-hot'),
      A('{ 0.2, 0.8 }', 'probabilities'),
      A('{ 0.6, 0.4 }', 'probabilities'),
    ],
    [],
    { allowedPairs: [P(0, 2), P(1, 3)] },
  ),

  rs(
    'Rust slices in a loss function test',
    ['9', 'ordinary'],
    `fn cross_entropy(target: &[f64], pred: &[f64]) -> f64 {
    -target.iter().zip(pred).map(|(t, p)| t * p.ln()).sum::<f64>()
}

let loss = cross_entropy(&[0.0, 0.0, 1.0], &[0.1, 0.2, 0.7]);
`,
    [A('[0.0, 0.0, 1.0]', 'one-hot'), A('[0.1, 0.2, 0.7]', 'probabilities')],
    [P(0, 1)],
  ),

  md(
    'markdown with R fence and printed output',
    ['3', 'printed'],
    `\`\`\`r
p <- c(1/4, 1/4, 1/2)
entropy(p, unit = "log2")
#> [1] 1.5
\`\`\`
`,
    [A('c(1/4, 1/4, 1/2)', 'probabilities', 'p')],
  ),

  md(
    'doc with a torch fence and the printed tensor',
    ['printed', '2'],
    `\`\`\`python
>>> x = torch.ones(2, 3)
>>> torch.softmax(x, dim=1)
tensor([[0.3333, 0.3333, 0.3333],
        [0.3333, 0.3333, 0.3333]])
\`\`\`
`,
    [
      A(
        `[[0.3333, 0.3333, 0.3333],
        [0.3333, 0.3333, 0.3333]]`,
        'probabilities',
      ),
    ],
    [],
    { notArrays: [N('2, 3')] },
  ),

  txt(
    'pytest failure output',
    ['printed'],
    `E       assert tensor([0.2500, 0.2500, 0.5000]) == tensor([0.3333, 0.3333, 0.3333])
E        +  where tensor([0.2500, 0.2500, 0.5000]) = softmax(tensor([0., 0., 0.6931]))
`,
    [
      A('[0.2500, 0.2500, 0.5000]', 'probabilities', undefined, { at: 0 }),
      A('[0.3333, 0.3333, 0.3333]', 'probabilities'),
      A('[0.2500, 0.2500, 0.5000]', 'probabilities', undefined, { at: 1 }),
      A('[0., 0., 0.6931]', 'logits', undefined, { values: [0, 0, 0.6931] }),
    ],
  ),

  nb(
    'notebook cell with a printed numpy output and shapes',
    ['8', 'printed', '2'],
    String.raw`{
 "cells": [
  {
   "cell_type": "code",
   "execution_count": 5,
   "metadata": {},
   "outputs": [
    {
     "data": {"text/plain": ["(100, 3)"]},
     "execution_count": 5,
     "metadata": {},
     "output_type": "execute_result"
    }
   ],
   "source": ["X = rng.normal(size=(100, 3))\n", "X.shape"]
  }
 ]
}
`,
    [],
    [],
    { notArrays: [N('(100, 3)', 0), N('(100, 3)', 1)] },
  ),

  cpp(
    'libtorch softmax over a row with kFloat',
    ['ordinary'],
    `auto scores = torch::tensor({{0.5, 1.5, -0.5}}, torch::kFloat);
auto probs = torch::softmax(scores, /*dim=*/1);
`,
    [A('{{0.5, 1.5, -0.5}}', 'logits', 'scores')],
    [],
    { notArrays: [N('/*dim=*/1')] },
  ),
];
