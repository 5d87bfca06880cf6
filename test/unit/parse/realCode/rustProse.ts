// Rust (candle, burn, ndarray), Markdown docs with fences and prose, and plain
// printed output (logs, REPL transcripts) read as plaintext.
import { A, N, P, snippet } from './dsl';
import type { RealSnippet } from './types';

const rs = snippet('rust');
const md = snippet('markdown');
const txt = snippet('plaintext');

export const rustSnippets: RealSnippet[] = [
  rs(
    'candle cross_entropy with shape',
    ['9', '2'],
    `let logits = Tensor::new(&[[2.0f32, -1.0, 0.5], [0.3, 1.8, -0.2]], &device)?;
let target = Tensor::new(&[0u32, 1], &device)?;
let loss = candle_nn::loss::cross_entropy(&logits, &target)?;
`,
    [
      A('[[2.0f32, -1.0, 0.5], [0.3, 1.8, -0.2]]', 'logits', 'logits'),
      A('[0u32, 1]', 'class-indices', 'target', { values: [0, 1] }),
    ],
    [P('target', 'logits')],
  ),

  rs(
    'candle binary_cross_entropy_with_logit',
    ['9', '5', '6'],
    `let input = Tensor::new(&[1.2f32, -0.4, 2.5, -3.0], &dev)?;
let target = Tensor::new(&[1.0f32, 0.0, 1.0, 0.0], &dev)?;
let loss = binary_cross_entropy_with_logit(&input, &target)?;
`,
    [A('[1.2f32, -0.4, 2.5, -3.0]', 'logits', 'input'), A('[1.0f32, 0.0, 1.0, 0.0]', 'class-indices', 'target')],
    [P('target', 'input')],
  ),

  rs(
    'candle from_vec with its shape',
    ['2'],
    `let probs = Tensor::from_vec(vec![0.1f32, 0.2, 0.7, 0.5, 0.25, 0.25], (2, 3), &device)?;
let zeros = Tensor::zeros((4, 10), DType::F32, &device)?;
let r = probs.reshape((3, 2))?;
`,
    [A('[0.1f32, 0.2, 0.7, 0.5, 0.25, 0.25]', 'probabilities', 'probs', { shape: [2, 3] })],
    [],
    { notArrays: [N('(2, 3)'), N('(4, 10)'), N('(3, 2)')] },
  ),

  rs(
    'burn TensorData from nested array',
    ['9'],
    `let logits = Tensor::<B, 2>::from_data(TensorData::from([[1.0, 0.5, -2.0], [0.1, 0.2, 3.0]]), &device);
let targets = Tensor::<B, 1, Int>::from_data(TensorData::from([0, 2]), &device);
let loss = CrossEntropyLoss::new(None, &device).forward(logits, targets);
`,
    [A('[[1.0, 0.5, -2.0], [0.1, 0.2, 3.0]]', 'logits', 'logits'), A('[0, 2]', 'class-indices', 'targets')],
    [P('targets', 'logits')],
  ),

  rs(
    'burn probs and one-hot',
    ['9'],
    `let probs = Tensor::<B, 2>::from_data(TensorData::from([[0.6, 0.3, 0.1]]), &device);
let one_hot = Tensor::<B, 2>::from_data(TensorData::from([[1.0, 0.0, 0.0]]), &device);
`,
    [A('[[0.6, 0.3, 0.1]]', 'probabilities', 'probs'), A('[[1.0, 0.0, 0.0]]', 'one-hot', 'one_hot')],
    [P('one_hot', 'probs')],
  ),

  rs(
    'ndarray array! macro',
    ['ordinary'],
    `let p = array![0.5, 0.3, 0.2];
let q = array![0.4, 0.4, 0.2];
let kl: f64 = p.iter().zip(q.iter()).map(|(a, b)| a * (a / b).ln()).sum();
`,
    [A('[0.5, 0.3, 0.2]', ['target', 'probabilities'], 'p'), A('[0.4, 0.4, 0.2]', 'probabilities', 'q')],
    [P('p', 'q')],
  ),

  rs(
    'rust unit tests are separate',
    ['10', '1'],
    `#[test]
fn entropy_of_uniform() {
    let p = [0.25_f64, 0.25, 0.25, 0.25];
    assert!((entropy(&p) - 2.0).abs() < 1e-12);
}

#[test]
fn cross_entropy_of_one_hot() {
    let t = [0.0_f64, 1.0, 0.0];
    let y = [0.2_f64, 0.7, 0.1];
    assert!(cross_entropy(&t, &y) > 0.0);
}
`,
    [
      A('[0.25_f64, 0.25, 0.25, 0.25]', 'probabilities', 'p', { values: [0.25, 0.25, 0.25, 0.25] }),
      A('[0.0_f64, 1.0, 0.0]', 'one-hot', 't', { values: [0, 1, 0] }),
      A('[0.2_f64, 0.7, 0.1]', 'probabilities', 'y', { values: [0.2, 0.7, 0.1] }),
    ],
    [P('t', 'y')],
    { notArrays: [N('1e-12')] },
  ),

  rs(
    'vec! of logits and a seed',
    ['6', '2'],
    `let mut rng = StdRng::seed_from_u64(42);
let logits: Vec<f32> = vec![3.1, -0.2, 0.8, -1.5];
let shape = [2usize, 2];
`,
    [A('[3.1, -0.2, 0.8, -1.5]', 'logits', 'logits')],
    [],
    { notArrays: [N('(42)'), N('[2usize, 2]')] },
  ),
];

export const markdownSnippets: RealSnippet[] = [
  md(
    'README with a python fence',
    ['ordinary'],
    `# Quick start

Compute the cross-entropy of a prediction:

\`\`\`python
y_true = [0, 1, 0]
y_pred = [0.1, 0.8, 0.1]
print(log_loss([y_true], [y_pred]))
\`\`\`
`,
    [A('[0, 1, 0]', 'one-hot', 'y_true'), A('[0.1, 0.8, 0.1]', 'probabilities', 'y_pred')],
    [P('y_true', 'y_pred')],
  ),

  md(
    'docs page with independent examples in prose',
    ['10'],
    `## Entropy

The entropy of a fair coin, [0.5, 0.5], is one bit.
A loaded die with probabilities [0.5, 0.1, 0.1, 0.1, 0.1, 0.1] has less than log2(6) bits.
`,
    [A('[0.5, 0.5]', 'probabilities'), A('[0.5, 0.1, 0.1, 0.1, 0.1, 0.1]', 'probabilities')],
  ),

  md(
    'tutorial with a shape in a fence',
    ['2'],
    `Create the input batch:

\`\`\`python
x = torch.zeros([32, 784])
target = torch.tensor([3, 1, 4])
\`\`\`
`,
    [A('[3, 1, 4]', 'class-indices', 'target')],
    [],
    { notArrays: [N('[32, 784]')] },
  ),

  md(
    'citation numbers are not arrays',
    ['ordinary'],
    `Cross-entropy was popularised for classifiers [1] and for language models [2].
Label smoothing [3] replaces [1, 0, 0] by [0.9, 0.05, 0.05].
`,
    [A('[1, 0, 0]', 'one-hot'), A('[0.9, 0.05, 0.05]', ['target', 'probabilities'])],
    [],
    { notArrays: [N('[1]'), N('[2]'), N('[3]')] },
  ),

  md(
    'julia fence with printed output',
    ['printed', '9'],
    `\`\`\`julia
julia> y = [1, 0, 0]; ŷ = [0.6, 0.3, 0.1];

julia> Flux.crossentropy(ŷ, y)
0.5108256237659907
\`\`\`
`,
    [A('[1, 0, 0]', 'one-hot', 'y'), A('[0.6, 0.3, 0.1]', 'probabilities', 'ŷ')],
    [P('y', 'ŷ')],
  ),

  md(
    'markdown table of values is not a pair',
    ['10'],
    `| model | predicted distribution |
|---|---|
| A | [0.7, 0.2, 0.1] |
| B | [0.4, 0.4, 0.2] |
`,
    [A('[0.7, 0.2, 0.1]', 'probabilities'), A('[0.4, 0.4, 0.2]', 'probabilities')],
  ),

  md(
    'js fence with tfjs and a shape',
    ['2', 'ordinary'],
    `\`\`\`js
const labels = tf.tensor2d([[0, 1], [1, 0]]);
const preds = tf.tensor2d([[0.3, 0.7], [0.8, 0.2]]);
const zeros = tf.zeros([2, 2]);
\`\`\`
`,
    [A('[[0, 1], [1, 0]]', 'one-hot', 'labels'), A('[[0.3, 0.7], [0.8, 0.2]]', 'probabilities', 'preds')],
    [P('labels', 'preds')],
    { notArrays: [N('[2, 2]')] },
  ),

  md(
    'KL divergence explained with fractions',
    ['3'],
    `For $P = [1/2, 1/2]$ and $Q = [3/4, 1/4]$ the divergence $D_{KL}(P \\| Q)$ is about 0.144 nats.
`,
    [A('[1/2, 1/2]', ['target', 'probabilities'], 'P'), A('[3/4, 1/4]', 'probabilities', 'Q')],
    [P('P', 'Q')],
  ),
];

export const printedSnippets: RealSnippet[] = [
  txt(
    'training log with probabilities',
    ['printed'],
    `epoch 3 | loss 0.4213 | acc 0.871
probs: [0.8123, 0.1502, 0.0375]
label: 0
`,
    [A('[0.8123, 0.1502, 0.0375]', 'probabilities', 'probs')],
  ),

  txt(
    'printed torch tensor with dtype',
    ['printed'],
    `tensor([0.2000, 0.3000, 0.5000], dtype=torch.float64)
tensor([[ 1.2000, -0.3000,  0.8000],
        [-1.1000,  0.4000,  2.0000]], requires_grad=True)
`,
    [
      A('[0.2000, 0.3000, 0.5000]', 'probabilities'),
      A(
        `[[ 1.2000, -0.3000,  0.8000],
        [-1.1000,  0.4000,  2.0000]]`,
        'logits',
      ),
    ],
  ),

  txt(
    'printed numpy arrays',
    ['printed'],
    `>>> np.round(probs, 3)
array([[0.659, 0.242, 0.099],
       [0.333, 0.333, 0.333]])
>>> labels
array([0, 2])
`,
    [
      A(
        `[[0.659, 0.242, 0.099],
       [0.333, 0.333, 0.333]]`,
        'probabilities',
      ),
      A('[0, 2]', 'class-indices'),
    ],
    [],
    { allowedPairs: [P(1, 0)] },
  ),

  txt(
    'printed R vector',
    ['printed'],
    `> p
[1] 0.1 0.2 0.7
> sum(p)
[1] 1
`,
    [A('0.1 0.2 0.7', 'probabilities')],
    [],
    { notArrays: [N('[1] 1')] },
  ),

  txt(
    'printed Julia vector',
    ['printed'],
    `3-element Vector{Float64}:
 0.1
 0.2
 0.7
`,
    [A(' 0.1\n 0.2\n 0.7', 'probabilities', undefined, { values: [0.1, 0.2, 0.7] })],
    [],
    { notArrays: [N('3-element')] },
  ),

  txt(
    'two printed outputs of different things',
    ['printed', '10'],
    `softmax output: [0.09, 0.24, 0.67]
attention weights: [0.5, 0.3, 0.2]
`,
    [A('[0.09, 0.24, 0.67]', 'probabilities'), A('[0.5, 0.3, 0.2]', 'probabilities')],
  ),

  txt(
    'shape printouts',
    ['printed', '2'],
    `x.shape = torch.Size([64, 3, 32, 32])
logits.shape = (64, 10)
`,
    [],
    [],
    { notArrays: [N('[64, 3, 32, 32]'), N('(64, 10)')] },
  ),

  txt(
    'keras evaluate output',
    ['printed'],
    `y_true: [[0. 1. 0.]
 [0. 0. 1.]]
y_pred: [[0.05 0.95 0.  ]
 [0.1  0.8  0.1 ]]
`,
    [
      A(
        `[[0. 1. 0.]
 [0. 0. 1.]]`,
        'one-hot',
        'y_true',
        {
          values: [
            [0, 1, 0],
            [0, 0, 1],
          ],
        },
      ),
      A(
        `[[0.05 0.95 0.  ]
 [0.1  0.8  0.1 ]]`,
        'probabilities',
        'y_pred',
        {
          values: [
            [0.05, 0.95, 0],
            [0.1, 0.8, 0.1],
          ],
        },
      ),
    ],
    [P('y_true', 'y_pred')],
  ),
];
