// Julia / Flux (classes × samples, ŷ first), MATLAB / Octave (matrix syntax,
// comments, repmat sizes), R (c(…), the entropy package, printed [1] lines).
import { A, N, P, snippet } from './dsl';
import type { RealSnippet } from './types';

const jl = snippet('julia');
const m = snippet('matlab');
const oct = snippet('octave');
const r = snippet('r');

export const juliaSnippets: RealSnippet[] = [
  jl(
    'Flux crossentropy(ŷ, y) with a one-hot vector',
    ['9'],
    `using Flux
y = [0, 1, 0]
ŷ = [0.2, 0.7, 0.1]
Flux.crossentropy(ŷ, y)
`,
    [A('[0, 1, 0]', 'one-hot', 'y'), A('[0.2, 0.7, 0.1]', 'probabilities', 'ŷ')],
    [P('y', 'ŷ')],
  ),

  jl(
    'Flux logitcrossentropy, classes × samples',
    ['7', '9', '6'],
    `y_label = Flux.onehotbatch([0, 1, 2, 1, 0], 0:2)
y_model = [2.0 -1.0 0.5 0.3 1.7; 0.1 2.2 -0.3 1.9 0.0; -1.0 0.4 3.1 -0.2 -0.5]
Flux.logitcrossentropy(y_model, y_label)
`,
    [
      A('[0, 1, 2, 1, 0]', 'class-indices'),
      A('[2.0 -1.0 0.5 0.3 1.7; 0.1 2.2 -0.3 1.9 0.0; -1.0 0.4 3.1 -0.2 -0.5]', 'logits', 'y_model'),
    ],
    [],
    { notArrays: [N('0:2')], allowedPairs: [P(0, 1)] },
  ),

  jl(
    'column-wise probabilities',
    ['7'],
    `ŷ = [0.7 0.1 0.3; 0.2 0.3 0.3; 0.1 0.6 0.4]
y = [1 0 0; 0 0 1; 0 1 0]
Flux.Losses.crossentropy(ŷ, y)
`,
    [A('[0.7 0.1 0.3; 0.2 0.3 0.3; 0.1 0.6 0.4]', 'probabilities', 'ŷ'), A('[1 0 0; 0 0 1; 0 1 0]', 'one-hot', 'y')],
    [P('y', 'ŷ')],
  ),

  jl(
    'kldivergence and binarycrossentropy',
    ['9', '5'],
    `p1 = [1 0; 0 1]
p2 = fill(0.5, 2, 2)
Flux.kldivergence(p2, p1)
ŷ = [0.9, 0.2, 0.7]
y = [1, 0, 1]
Flux.binarycrossentropy(ŷ, y)
`,
    [
      A('[1 0; 0 1]', 'one-hot', 'p1'),
      A('[0.9, 0.2, 0.7]', 'probabilities', 'ŷ'),
      A('[1, 0, 1]', 'class-indices', 'y'),
    ],
    [P('y', 'ŷ')],
    { notArrays: [N('0.5, 2, 2')] },
  ),

  jl(
    'printed Vector{Float64}',
    ['printed'],
    `julia> softmax([1.0, 2.0, 3.0])
3-element Vector{Float64}:
 0.09003057317038046
 0.24472847105479767
 0.6652409557748219
`,
    [
      A('[1.0, 2.0, 3.0]', 'logits'),
      A(' 0.09003057317038046\n 0.24472847105479767\n 0.6652409557748219', 'probabilities', undefined, {
        values: [0.09003057317038046, 0.24472847105479767, 0.6652409557748219],
      }),
    ],
  ),

  jl(
    'zeros and reshape sizes',
    ['2'],
    `W = zeros(Float32, 10, 784)
x = reshape(Float32[0.1, 0.2, 0.3, 0.4, 0.5, 0.5], 3, 2)
b = ones(10)
`,
    [A('[0.1, 0.2, 0.3, 0.4, 0.5, 0.5]', ['probabilities', 'unknown', 'counts'], undefined, { shape: [3, 2] })],
    [],
    { notArrays: [N('10, 784'), N('3, 2)'), N('(10)')] },
  ),

  jl(
    'entropy of a distribution',
    ['ordinary'],
    `using StatsBase
p = [0.5, 0.25, 0.25]
entropy(p, 2)
`,
    [A('[0.5, 0.25, 0.25]', 'probabilities', 'p')],
    [],
    { notArrays: [N('p, 2')] },
  ),

  jl(
    'label smoothing in a test',
    ['ordinary', '10'],
    `@testset "label_smoothing" begin
    y = [1 0; 0 1]
    ysm = Flux.label_smoothing(y, 0.1)
    @test ysm ≈ [0.95 0.05; 0.05 0.95]
end
`,
    [A('[1 0; 0 1]', 'one-hot', 'y'), A('[0.95 0.05; 0.05 0.95]', ['target', 'probabilities'])],
  ),

  jl(
    'Float32 row vector of logits',
    ['6', 'ordinary'],
    `logits = Float32[1.2 -0.7 0.3]
probs = softmax(vec(logits))
`,
    [A('[1.2 -0.7 0.3]', 'logits', 'logits', { shape: [1, 3] })],
  ),

  jl(
    'consecutive doc examples',
    ['10'],
    `julia> entropy([0.25, 0.25, 0.25, 0.25])
1.3862943611198906

julia> entropy([0.5, 0.5])
0.6931471805599453
`,
    [A('[0.25, 0.25, 0.25, 0.25]', 'probabilities'), A('[0.5, 0.5]', 'probabilities')],
  ),
];

export const matlabSnippets: RealSnippet[] = [
  m(
    'crossentropy with one-hot targets',
    ['ordinary'],
    `% targets are one-hot, columns are observations
targets = [1 0 0; 0 1 0; 0 0 1];
Y = [0.8 0.1 0.2; 0.1 0.7 0.2; 0.1 0.2 0.6];
loss = crossentropy(Y, targets);
`,
    [
      A('[1 0 0; 0 1 0; 0 0 1]', 'one-hot', 'targets'),
      A('[0.8 0.1 0.2; 0.1 0.7 0.2; 0.1 0.2 0.6]', 'probabilities', 'Y'),
    ],
    [P('targets', 'Y')],
  ),

  m(
    'repmat sizes',
    ['2'],
    `p = [0.2 0.3 0.5];
P = repmat(p, [1e3, 1]);
X = zeros(100, 3);
R = reshape(1:6, [2, 3]);
`,
    [A('[0.2 0.3 0.5]', 'probabilities', 'p', { shape: [1, 3] })],
    [],
    { notArrays: [N('[1e3, 1]'), N('100, 3'), N('[2, 3]')] },
  ),

  m(
    'entropy lines of a doc are independent',
    ['10'],
    `entropy([0.25 0.25 0.25 0.25])
entropy([0.5 0.5])
entropy([0.9 0.1])
`,
    [
      A('[0.25 0.25 0.25 0.25]', 'probabilities', undefined, { shape: [1, 4] }),
      A('[0.5 0.5]', 'probabilities', undefined, { shape: [1, 2] }),
      A('[0.9 0.1]', 'probabilities', undefined, { shape: [1, 2] }),
    ],
  ),

  m(
    'softmax of a column of scores',
    ['6'],
    `n = [1; -2; 0.5];
a = softmax(n)
`,
    [A('[1; -2; 0.5]', 'logits', 'n', { shape: [3, 1] })],
  ),

  oct(
    'octave function defined in the file',
    ['9', '4'],
    `function J = ce_cost(h, y)
  J = -sum(y .* log(h));
end

y = [0 0 1 0];
h = [0.1 0.2 0.6 0.1];
J = ce_cost(h, y)
`,
    [
      A('[0 0 1 0]', 'one-hot', 'y', { shape: [1, 4] }),
      A('[0.1 0.2 0.6 0.1]', 'probabilities', 'h', { shape: [1, 4] }),
    ],
    [P('y', 'h')],
  ),

  m(
    'binary labels and sigmoid outputs',
    ['5'],
    `labels = [1 0 0 1 1];
scores = [0.82 0.35 0.1 0.66 0.9];
[X, Y] = perfcurve(labels, scores, 1);
`,
    [
      A('[1 0 0 1 1]', 'class-indices', 'labels', { shape: [1, 5] }),
      A('[0.82 0.35 0.1 0.66 0.9]', 'probabilities', 'scores', { shape: [1, 5] }),
    ],
    [P('labels', 'scores')],
  ),

  m(
    'fractions in a matrix',
    ['3'],
    `p = [1/2 1/4 1/4];
q = [1/3 1/3 1/3];
kl = sum(p .* log(p ./ q));
`,
    [
      A('[1/2 1/4 1/4]', ['target', 'probabilities'], 'p', { shape: [1, 3] }),
      A('[1/3 1/3 1/3]', 'probabilities', 'q', { shape: [1, 3] }),
    ],
    [P('p', 'q')],
  ),

  oct(
    'octave printed answer',
    ['printed'],
    `>> p = [0.2 0.5 0.3]
p =

   0.2000   0.5000   0.3000

>> rand("seed", 42);
`,
    [
      A('[0.2 0.5 0.3]', 'probabilities', 'p', { shape: [1, 3] }),
      A('0.2000   0.5000   0.3000', 'probabilities', undefined, { values: [0.2, 0.5, 0.3], shape: [1, 3] }),
    ],
    [],
    { notArrays: [N('42')] },
  ),

  m(
    'ones with size and a one-hot matrix',
    ['2', 'ordinary'],
    `T = ones(3, 10) / 3;
labels = full(ind2vec([1 3 2], 3));
onehot = [1 0 0; 0 0 1; 0 1 0];
`,
    [A('[1 3 2]', 'class-indices', undefined, { shape: [1, 3] }), A('[1 0 0; 0 0 1; 0 1 0]', 'one-hot', 'onehot')],
    [],
    { notArrays: [N('3, 10')] },
  ),
];

export const rSnippets: RealSnippet[] = [
  r(
    'entropy package with fractions',
    ['3'],
    `library(entropy)
y = c(1/5, 1/5, 3/5)
entropy.empirical(y)
freqs.empirical(c(4, 2, 3))
`,
    [A('c(1/5, 1/5, 3/5)', 'probabilities', 'y'), A('c(4, 2, 3)', 'counts')],
  ),

  r(
    'KL of two frequency vectors',
    ['ordinary'],
    `freqs1 = c(1/5, 1/5, 3/5)
freqs2 = c(1/10, 4/10, 1/2)
KL.plugin(freqs1, freqs2)
`,
    [A('c(1/5, 1/5, 3/5)', ['target', 'probabilities'], 'freqs1'), A('c(1/10, 4/10, 1/2)', 'probabilities', 'freqs2')],
    [P('freqs1', 'freqs2')],
  ),

  r(
    'printed [1] line',
    ['printed'],
    `> softmax(c(1, 2, 3))
[1] 0.09003057 0.24472847 0.66524096
`,
    [A('c(1, 2, 3)', 'logits'), A('0.09003057 0.24472847 0.66524096', 'probabilities')],
  ),

  r(
    'binary log loss with vectors',
    ['5'],
    `actual <- c(1, 0, 1, 1, 0)
predicted <- c(0.9, 0.2, 0.65, 0.8, 0.3)
logLoss(actual, predicted)
`,
    [A('c(1, 0, 1, 1, 0)', 'class-indices', 'actual'), A('c(0.9, 0.2, 0.65, 0.8, 0.3)', 'probabilities', 'predicted')],
    [P('actual', 'predicted')],
  ),

  r(
    'matrix with nrow and ncol',
    ['2'],
    `probs <- matrix(c(0.7, 0.2, 0.1, 0.1, 0.1, 0.8), nrow = 2, byrow = TRUE)
set.seed(123)
x <- rnorm(100)
`,
    [A('c(0.7, 0.2, 0.1, 0.1, 0.1, 0.8)', 'probabilities', 'probs', { shape: [2, 3] })],
    [],
    { notArrays: [N('nrow = 2'), N('123'), N('100')] },
  ),

  r(
    'counts with entropy plugin',
    ['ordinary'],
    `y <- c(4, 2, 3, 0, 2, 4, 0, 0, 2, 1, 1)
entropy(y, method = "ML")
`,
    [A('c(4, 2, 3, 0, 2, 4, 0, 0, 2, 1, 1)', 'counts', 'y')],
  ),

  r(
    'nnet class indices and probabilities',
    ['ordinary'],
    `truth <- c(2, 1, 3)
prob <- rbind(c(0.1, 0.8, 0.1), c(0.6, 0.3, 0.1), c(0.2, 0.2, 0.6))
mlogloss(truth, prob)
`,
    [
      A('c(2, 1, 3)', 'class-indices', 'truth'),
      A('c(0.1, 0.8, 0.1)', 'probabilities'),
      A('c(0.6, 0.3, 0.1)', 'probabilities'),
      A('c(0.2, 0.2, 0.6)', 'probabilities'),
    ],
    [],
    { allowedPairs: [] },
  ),

  r(
    'printed wrapped vector',
    ['printed'],
    `> round(prop.table(table(iris$Species)), 3)
[1] 0.333 0.333 0.333
> dim(m)
[1] 150   4
`,
    [A('0.333 0.333 0.333', 'probabilities')],
    [],
    { notArrays: [N('150   4')] },
  ),
];
