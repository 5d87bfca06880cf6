// C / C++ (libtorch, Eigen-style, plain arrays), Java (ND4J / DL4J-style),
// Kotlin (varargs matrices, multik-style), C# (Math.NET, TorchSharp, ML.NET).
import { A, N, P, snippet } from './dsl';
import type { RealSnippet } from './types';

const cpp = snippet('cpp');
const c = snippet('c');
const java = snippet('java');
const kt = snippet('kotlin');
const cs = snippet('csharp');

export const cppSnippets: RealSnippet[] = [
  cpp(
    'libtorch cross_entropy with from_blob sizes',
    ['2', '9'],
    `float raw[] = {2.0f, -1.0f, 0.5f, 0.1f, 1.5f, -0.3f};
auto logits = torch::from_blob(raw, {2, 3});
auto target = torch::tensor({0, 1}, torch::kLong);
auto loss = torch::nn::functional::cross_entropy(logits, target);
`,
    [
      A('{2.0f, -1.0f, 0.5f, 0.1f, 1.5f, -0.3f}', 'logits', 'raw', { shape: [2, 3] }),
      A('{0, 1}', 'class-indices', 'target'),
    ],
    [P('target', 'raw')],
    { notArrays: [N('{2, 3}')] },
  ),

  cpp(
    'libtorch ones and randn shapes',
    ['2'],
    `auto w = torch::ones({10, 64});
auto x = torch::randn({4, 3, 28, 28});
auto y = x.view({-1, 784});
std::vector<int64_t> sizes{1, 3};
auto z = torch::zeros(sizes);
`,
    [],
    [],
    { notArrays: [N('{10, 64}'), N('{4, 3, 28, 28}'), N('{-1, 784}'), N('{1, 3}')] },
  ),

  cpp(
    'autodiff variable with shape then data',
    ['2'],
    `auto labels = variable({2, 3}, {0, 1, 0, 0, 0, 1});
auto probs = variable({2, 3}, {0.2, 0.7, 0.1, 0.1, 0.3, 0.6});
auto loss = cross_entropy(labels, probs);
`,
    [
      A('{0, 1, 0, 0, 0, 1}', 'one-hot', 'labels', { shape: [2, 3] }),
      A('{0.2, 0.7, 0.1, 0.1, 0.3, 0.6}', 'probabilities', 'probs', { shape: [2, 3] }),
    ],
    [P('labels', 'probs')],
    { notArrays: [N('{2, 3}', 0), N('{2, 3}', 1)] },
  ),

  cpp(
    'Eigen comma initialiser',
    ['ordinary'],
    `Eigen::VectorXd p(3);
p << 0.2, 0.5, 0.3;
Eigen::VectorXd q(3);
q << 0.1, 0.6, 0.3;
double kl = (p.array() * (p.array() / q.array()).log()).sum();
`,
    [
      A('0.2, 0.5, 0.3', ['target', 'probabilities'], 'p', { values: [0.2, 0.5, 0.3] }),
      A('0.1, 0.6, 0.3', 'probabilities', 'q', { values: [0.1, 0.6, 0.3] }),
    ],
    [P('p', 'q')],
    { notArrays: [N('p(3)'), N('q(3)')] },
  ),

  cpp(
    'member data assigned after construction',
    ['9'],
    `Tensor logits({1, 4});
logits->data = {1.2f, -0.4f, 0.3f, 2.2f};
Tensor target({1, 4});
target->data = {0.f, 0.f, 0.f, 1.f};
float loss = softmax_cross_entropy(logits, target);
`,
    [
      A('{1.2f, -0.4f, 0.3f, 2.2f}', 'logits', 'logits'),
      A('{0.f, 0.f, 0.f, 1.f}', 'one-hot', 'target', { values: [0, 0, 0, 1] }),
    ],
    [P('target', 'logits')],
    { notArrays: [N('{1, 4}', 0), N('{1, 4}', 1)] },
  ),

  cpp(
    'std::vector of probabilities',
    ['ordinary'],
    `std::vector<double> y_true = {0.0, 1.0, 0.0};
std::vector<double> y_pred = {0.15, 0.8, 0.05};
double ce = categorical_cross_entropy(y_true, y_pred);
`,
    [A('{0.0, 1.0, 0.0}', 'one-hot', 'y_true'), A('{0.15, 0.8, 0.05}', 'probabilities', 'y_pred')],
    [P('y_true', 'y_pred')],
  ),

  cpp(
    'gtest with two TEST blocks',
    ['10', '1'],
    `TEST(Loss, BinaryCrossEntropyPerfect) {
  std::array<float, 3> t{1.f, 0.f, 1.f};
  std::array<float, 3> p{0.999f, 0.001f, 0.999f};
  EXPECT_NEAR(bce(t, p), 0.0f, 1e-2);
}

TEST(Loss, BinaryCrossEntropyWrong) {
  std::array<float, 3> t{0.f, 1.f, 0.f};
  std::array<float, 3> p{0.9f, 0.1f, 0.8f};
  EXPECT_GT(bce(t, p), 1.0f);
}
`,
    [
      A('{1.f, 0.f, 1.f}', 'class-indices', 't', { values: [1, 0, 1] }),
      A('{0.999f, 0.001f, 0.999f}', 'probabilities', 'p'),
      A('{0.f, 1.f, 0.f}', ['class-indices', 'one-hot'], 't', { values: [0, 1, 0] }),
      A('{0.9f, 0.1f, 0.8f}', 'probabilities', 'p'),
    ],
    [P(0, 1), P(2, 3)],
    { notArrays: [N('float, 3', 0), N('float, 3', 1), N('float, 3', 2), N('float, 3', 3)] },
  ),

  c(
    'plain C arrays and a loop',
    ['ordinary'],
    `static const double target[4] = {0.0, 0.0, 1.0, 0.0};
static const double output[4] = {0.1, 0.2, 0.6, 0.1};

double ce = 0.0;
for (int i = 0; i < 4; i++) ce -= target[i] * log(output[i]);
`,
    [A('{0.0, 0.0, 1.0, 0.0}', 'one-hot', 'target'), A('{0.1, 0.2, 0.6, 0.1}', 'probabilities', 'output')],
    [P('target', 'output')],
  ),

  c(
    'C 2-D logits array',
    ['6'],
    `float logits[2][3] = {
    {1.5f, 0.2f, -0.8f},
    {-0.1f, 2.4f, 0.6f},
};
int labels[2] = {0, 1};
`,
    [
      A(
        `{
    {1.5f, 0.2f, -0.8f},
    {-0.1f, 2.4f, 0.6f},
}`,
        'logits',
        'logits',
        {
          values: [
            [1.5, 0.2, -0.8],
            [-0.1, 2.4, 0.6],
          ],
        },
      ),
      A('{0, 1}', 'class-indices', 'labels'),
    ],
    [P('labels', 'logits')],
    { notArrays: [N('[2][3]'), N('[2] =')] },
  ),
];

export const javaSnippets: RealSnippet[] = [
  java(
    'ND4J create with shape',
    ['2', '9'],
    `INDArray labels = Nd4j.create(new double[]{0, 1, 0, 1, 0, 0}, new int[]{2, 3});
INDArray preOutput = Nd4j.create(new double[]{0.3, 1.2, -0.5, 2.0, 0.1, 0.4}, new int[]{2, 3});
double score = lossMCXENT.computeScore(labels, preOutput, activationFn, null, true);
`,
    [
      A('{0, 1, 0, 1, 0, 0}', 'one-hot', 'labels', { shape: [2, 3] }),
      A('{0.3, 1.2, -0.5, 2.0, 0.1, 0.4}', 'logits', 'preOutput', { shape: [2, 3] }),
    ],
    [P('labels', 'preOutput')],
    { notArrays: [N('{2, 3}', 0), N('{2, 3}', 1)] },
  ),

  java(
    'JUnit test with double arrays',
    ['ordinary'],
    `@Test
void crossEntropyOfPerfectPrediction() {
    double[] target = {0.0, 1.0, 0.0};
    double[] predicted = {0.0, 1.0, 0.0};
    assertEquals(0.0, Losses.crossEntropy(target, predicted), 1e-12);
}
`,
    [
      A('{0.0, 1.0, 0.0}', 'one-hot', 'target', { at: 0 }),
      A('{0.0, 1.0, 0.0}', ['probabilities', 'one-hot'], 'predicted', { at: 1 }),
    ],
    [P('target', 'predicted')],
    { notArrays: [N('1e-12')] },
  ),

  java(
    'java 2-D array of probabilities',
    ['ordinary'],
    `double[][] probs = {
    {0.7, 0.2, 0.1},
    {0.1, 0.1, 0.8}
};
int[] classes = {0, 2};
double loss = logLoss(classes, probs);
`,
    [
      A(
        `{
    {0.7, 0.2, 0.1},
    {0.1, 0.1, 0.8}
}`,
        'probabilities',
        'probs',
        {
          values: [
            [0.7, 0.2, 0.1],
            [0.1, 0.1, 0.8],
          ],
        },
      ),
      A('{0, 2}', 'class-indices', 'classes'),
    ],
    [P('classes', 'probs')],
  ),

  java(
    'Arrays.asList of a prior',
    ['ordinary'],
    `List<Double> prior = Arrays.asList(0.25, 0.25, 0.5);
Random rng = new Random(42);
int[] hidden = new int[]{128, 64};
`,
    [A('(0.25, 0.25, 0.5)', 'probabilities', 'prior')],
    [],
    { notArrays: [N('(42)'), N('{128, 64}')] },
  ),

  java(
    'two test methods, independent',
    ['10', '1'],
    `@Test
public void entropyOfUniform() {
    double[] p = {0.25, 0.25, 0.25, 0.25};
    assertEquals(2.0, Entropy.bits(p), 1e-9);
}

@Test
public void entropyOfCertain() {
    double[] p = {1.0, 0.0, 0.0, 0.0};
    assertEquals(0.0, Entropy.bits(p), 1e-9);
}
`,
    [A('{0.25, 0.25, 0.25, 0.25}', 'probabilities', 'p'), A('{1.0, 0.0, 0.0, 0.0}', ['probabilities', 'one-hot'], 'p')],
    [],
    { notArrays: [N('1e-9', 0), N('1e-9', 1)] },
  ),
];

export const kotlinSnippets: RealSnippet[] = [
  kt(
    'varargs Matrix constructor',
    ['9'],
    `val targets = Matrix(2, 3, 0.0, 1.0, 0.0, 1.0, 0.0, 0.0)
val outputs = Matrix(2, 3, 0.1, 0.8, 0.1, 0.6, 0.3, 0.1)
val loss = crossEntropy(targets, outputs)
`,
    [
      A('0.0, 1.0, 0.0, 1.0, 0.0, 0.0', 'one-hot', 'targets', { shape: [2, 3] }),
      A('0.1, 0.8, 0.1, 0.6, 0.3, 0.1', 'probabilities', 'outputs', { shape: [2, 3] }),
    ],
    [P('targets', 'outputs')],
    { notArrays: [N('(2, 3', 0), N('(2, 3', 1)] },
  ),

  kt(
    'doubleArrayOf pair',
    ['ordinary'],
    `val yTrue = doubleArrayOf(0.0, 0.0, 1.0)
val yPred = doubleArrayOf(0.2, 0.1, 0.7)
println(categoricalCrossentropy(yTrue, yPred))
`,
    [A('(0.0, 0.0, 1.0)', 'one-hot', 'yTrue'), A('(0.2, 0.1, 0.7)', 'probabilities', 'yPred')],
    [P('yTrue', 'yPred')],
  ),

  kt(
    'multik ndarray with shape',
    ['2'],
    `val probs = mk.ndarray(mk[0.2, 0.3, 0.5, 0.6, 0.2, 0.2])
val reshaped = probs.reshape(2, 3)
val zeros = mk.zeros<Double>(4, 10)
`,
    [A('[0.2, 0.3, 0.5, 0.6, 0.2, 0.2]', 'probabilities', 'probs', { shape: [6] })],
    [],
    { notArrays: [N('(2, 3)'), N('(4, 10)')] },
  ),

  kt(
    'floatArrayOf logits and intArrayOf labels',
    ['6'],
    `val logits = floatArrayOf(2.3f, -0.7f, 0.4f)
val label = intArrayOf(0)
val loss = softmaxCrossEntropy(logits, label)
`,
    [A('(2.3f, -0.7f, 0.4f)', 'logits', 'logits'), A('(0)', 'class-indices', 'label')],
    [P('label', 'logits')],
  ),

  kt(
    'listOf in a test',
    ['ordinary', '5'],
    `@Test
fun binaryLoss() {
    val labels = listOf(1.0, 0.0, 1.0, 0.0)
    val probs = listOf(0.8, 0.3, 0.9, 0.05)
    assertTrue(binaryCrossEntropy(labels, probs) < 0.3)
}
`,
    [A('(1.0, 0.0, 1.0, 0.0)', 'class-indices', 'labels'), A('(0.8, 0.3, 0.9, 0.05)', 'probabilities', 'probs')],
    [P('labels', 'probs')],
  ),
];

export const csharpSnippets: RealSnippet[] = [
  cs(
    'Math.NET dense matrix with sizes, column-major',
    ['9', '2', '7'],
    `var targets = Matrix<float>.Build.Dense(3, 2, new float[] { 1, 0, 0, 0, 1, 0 });
var outputs = Matrix<float>.Build.Dense(3, 2, new float[] { 0.7f, 0.2f, 0.1f, 0.1f, 0.6f, 0.3f });
var loss = CrossEntropy(targets, outputs);
`,
    [
      A('{ 1, 0, 0, 0, 1, 0 }', 'one-hot', 'targets', { shape: [3, 2] }),
      A('{ 0.7f, 0.2f, 0.1f, 0.1f, 0.6f, 0.3f }', 'probabilities', 'outputs', { shape: [3, 2] }),
    ],
    [P('targets', 'outputs')],
    { notArrays: [N('3, 2', 0), N('3, 2', 1)] },
  ),

  cs(
    'TorchSharp tensor and cross_entropy',
    ['ordinary'],
    `var input = torch.tensor(new float[] { 1.5f, -0.2f, 0.3f, 0.0f, 2.2f, -1.1f }, new long[] { 2, 3 });
var target = torch.tensor(new long[] { 0, 1 });
var loss = functional.cross_entropy(input, target);
`,
    [
      A('{ 1.5f, -0.2f, 0.3f, 0.0f, 2.2f, -1.1f }', 'logits', 'input', { shape: [2, 3] }),
      A('{ 0, 1 }', 'class-indices', 'target'),
    ],
    [P('target', 'input')],
    { notArrays: [N('{ 2, 3 }')] },
  ),

  cs(
    'collection expression arrays',
    ['ordinary'],
    `double[] expected = [0.0, 0.0, 1.0];
double[] actual = [0.05, 0.15, 0.8];
Assert.That(Metrics.CrossEntropy(expected, actual), Is.LessThan(0.3));
`,
    [A('[0.0, 0.0, 1.0]', 'one-hot', 'expected'), A('[0.05, 0.15, 0.8]', 'probabilities', 'actual')],
    [P('expected', 'actual')],
  ),

  cs(
    'new with initialiser and a seed',
    ['2', 'ordinary'],
    `var prior = new double[] { 0.1, 0.3, 0.6 };
var rng = new Random(1234);
var layers = new int[] { 64, 32, 3 };
`,
    [A('{ 0.1, 0.3, 0.6 }', 'probabilities', 'prior')],
    [],
    { notArrays: [N('(1234)'), N('{ 64, 32, 3 }')] },
  ),

  cs(
    'xunit InlineData rows pair within each',
    ['10'],
    `[Theory]
[InlineData(new double[] { 1, 0 }, new double[] { 0.9, 0.1 })]
[InlineData(new double[] { 0, 1 }, new double[] { 0.4, 0.6 })]
public void LossIsFinite(double[] target, double[] prediction) { }
`,
    [
      A('{ 1, 0 }', 'one-hot'),
      A('{ 0.9, 0.1 }', 'probabilities'),
      A('{ 0, 1 }', 'one-hot'),
      A('{ 0.4, 0.6 }', 'probabilities'),
    ],
    [P(0, 1), P(2, 3)],
  ),
];
