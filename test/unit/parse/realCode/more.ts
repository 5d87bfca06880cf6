// More ordinary code, as most real code is: training scripts with sizes and
// hyper-parameters, normalisation constants, test tables, in the languages the
// first files cover more thinly.
import { A, N, P, snippet } from './dsl';
import type { RealSnippet } from './types';

const py = snippet('python');
const nb = snippet('jupyter');
const java = snippet('java');
const kt = snippet('kotlin');
const cs = snippet('csharp');
const cpp = snippet('cpp');
const r = snippet('r');
const json = snippet('json');

export const moreSnippets: RealSnippet[] = [
  py(
    'mnist training script sizes',
    ['2', 'ordinary'],
    `class Net(nn.Module):
    def __init__(self):
        super().__init__()
        self.conv1 = nn.Conv2d(1, 32, 3, 1)
        self.fc1 = nn.Linear(9216, 128)
        self.fc2 = nn.Linear(128, 10)

transform = transforms.Compose([
    transforms.ToTensor(),
    transforms.Normalize((0.1307,), (0.3081,)),
])
optimizer = optim.Adadelta(model.parameters(), lr=1.0)
scheduler = StepLR(optimizer, step_size=1, gamma=0.7)
`,
    [],
    [],
    { notArrays: [N('(1, 32, 3, 1)'), N('(9216, 128)'), N('(128, 10)'), N('(0.1307,)'), N('(0.3081,)')] },
  ),

  py(
    'imagenet normalisation constants do not pair',
    ['10', 'ordinary'],
    `normalize = transforms.Normalize(mean=[0.485, 0.456, 0.406],
                                 std=[0.229, 0.224, 0.225])
resize = transforms.Resize((224, 224))
`,
    [],
    [],
    { optional: [N('[0.485, 0.456, 0.406]'), N('[0.229, 0.224, 0.225]')], notArrays: [N('(224, 224)')] },
  ),

  py(
    'scipy entropy of unnormalised counts',
    ['ordinary'],
    `>>> entropy([1, 1, 1, 1], base=2)
2.0
>>> entropy([9, 1])
0.3250829733914482
`,
    [A('[1, 1, 1, 1]', 'counts'), A('[9, 1]', 'counts')],
  ),

  py(
    'F.kl_div with log input and a soft target',
    ['ordinary', '9'],
    `p = torch.tensor([0.1, 0.4, 0.5])
q = torch.tensor([0.3, 0.3, 0.4])
F.kl_div(q.log(), p, reduction="sum")
`,
    [A('[0.1, 0.4, 0.5]', 'target', 'p'), A('[0.3, 0.3, 0.4]', 'probabilities', 'q')],
    [P('p', 'q')],
  ),

  py(
    'numpy from-scratch batch cross-entropy',
    ['4', '9'],
    `def categorical_cross_entropy(predictions, targets, epsilon=1e-12):
    predictions = np.clip(predictions, epsilon, 1. - epsilon)
    return -np.sum(targets * np.log(predictions)) / predictions.shape[0]

predictions = np.array([[0.25, 0.25, 0.25, 0.25],
                        [0.01, 0.01, 0.01, 0.97]])
targets = np.array([[0, 0, 0, 1],
                    [0, 0, 0, 1]])
print(categorical_cross_entropy(predictions, targets))
`,
    [
      A(
        `[[0.25, 0.25, 0.25, 0.25],
                        [0.01, 0.01, 0.01, 0.97]]`,
        'probabilities',
        'predictions',
      ),
      A(
        `[[0, 0, 0, 1],
                    [0, 0, 0, 1]]`,
        'one-hot',
        'targets',
      ),
    ],
    [P('targets', 'predictions')],
    { notArrays: [N('1e-12')] },
  ),

  nb(
    'notebook with keras from_logits and a plot size',
    ['8', '6', '2'],
    String.raw`{
 "cells": [
  {
   "cell_type": "code",
   "execution_count": 12,
   "metadata": {},
   "outputs": [],
   "source": [
    "plt.figure(figsize=(10, 4))\n",
    "labels = [2, 0]\n",
    "logits = [[-1.2, 0.3, 2.9], [1.7, -0.8, 0.1]]\n",
    "tf.keras.losses.sparse_categorical_crossentropy(labels, logits, from_logits=True)"
   ]
  }
 ]
}
`,
    [A('[2, 0]', 'class-indices', 'labels'), A('[[-1.2, 0.3, 2.9], [1.7, -0.8, 0.1]]', 'logits', 'logits')],
    [P('labels', 'logits')],
    { notArrays: [N('(10, 4)')] },
  ),

  nb(
    'notebook with an R kernel',
    ['8', '3'],
    String.raw`{
 "cells": [
  {
   "cell_type": "code",
   "metadata": {},
   "outputs": [
    {
     "name": "stdout",
     "output_type": "stream",
     "text": [
      "[1] 0.2 0.2 0.6\n"
     ]
    }
   ],
   "source": [
    "p <- c(1/5, 1/5, 3/5)\n",
    "print(p)"
   ]
  }
 ],
 "metadata": {"kernelspec": {"language": "R", "name": "ir"}}
}
`,
    [A('c(1/5, 1/5, 3/5)', 'probabilities', 'p'), A('0.2 0.2 0.6', 'probabilities')],
  ),

  java(
    'DL4J output vs labels in an evaluation',
    ['ordinary'],
    `INDArray labels = Nd4j.create(new double[][]{{1, 0, 0}, {0, 0, 1}});
INDArray output = Nd4j.create(new double[][]{{0.7, 0.2, 0.1}, {0.3, 0.3, 0.4}});
Evaluation eval = new Evaluation(3);
eval.eval(labels, output);
`,
    [
      A('{{1, 0, 0}, {0, 0, 1}}', 'one-hot', 'labels'),
      A('{{0.7, 0.2, 0.1}, {0.3, 0.3, 0.4}}', 'probabilities', 'output'),
    ],
    [P('labels', 'output')],
    { notArrays: [N('(3)')] },
  ),

  java(
    'float array of logits in a test',
    ['6', 'ordinary'],
    `@Test
void softmaxSumsToOne() {
    float[] logits = {2.0f, 1.0f, 0.1f};
    float[] probs = Activations.softmax(logits);
    assertEquals(1.0f, sum(probs), 1e-6f);
}
`,
    [A('{2.0f, 1.0f, 0.1f}', 'logits', 'logits')],
    [],
    { notArrays: [N('1e-6f')] },
  ),

  kt(
    'KotlinDL-style evaluation arrays',
    ['ordinary'],
    `val trueLabels = intArrayOf(1, 0, 2, 2)
val predicted = arrayOf(
    floatArrayOf(0.1f, 0.8f, 0.1f),
    floatArrayOf(0.6f, 0.3f, 0.1f),
    floatArrayOf(0.2f, 0.2f, 0.6f),
    floatArrayOf(0.3f, 0.3f, 0.4f),
)
`,
    [
      A('(1, 0, 2, 2)', 'class-indices', 'trueLabels'),
      A('(0.1f, 0.8f, 0.1f)', 'probabilities'),
      A('(0.6f, 0.3f, 0.1f)', 'probabilities'),
      A('(0.2f, 0.2f, 0.6f)', 'probabilities'),
      A('(0.3f, 0.3f, 0.4f)', 'probabilities'),
    ],
    [],
  ),

  cs(
    'ML.NET scores and labels',
    ['5', 'ordinary'],
    `float[] scores = { 0.91f, 0.12f, 0.77f, 0.35f };
bool[] labels = { true, false, true, false };
var auc = ComputeAuc(labels, scores);
`,
    [A('{ 0.91f, 0.12f, 0.77f, 0.35f }', ['probabilities', 'logits'], 'scores')],
  ),

  cpp(
    'Eigen matrix with sizes then data',
    ['2', '7'],
    `Eigen::MatrixXd P(3, 2);
P << 0.7, 0.1,
     0.2, 0.3,
     0.1, 0.6;
`,
    [
      A(
        `0.7, 0.1,
     0.2, 0.3,
     0.1, 0.6`,
        'probabilities',
        'P',
        {
          values: [
            [0.7, 0.1],
            [0.2, 0.3],
            [0.1, 0.6],
          ],
          shape: [3, 2],
        },
      ),
    ],
    [],
    { notArrays: [N('(3, 2)')] },
  ),

  r(
    'caret-style confusion data and seed',
    ['2', 'ordinary'],
    `set.seed(2024)
obs <- factor(c("a", "b", "a"))
pred_prob <- c(0.8, 0.3, 0.6)
labels01 <- c(1, 0, 1)
dims <- c(3, 2)
`,
    [A('c(0.8, 0.3, 0.6)', 'probabilities', 'pred_prob'), A('c(1, 0, 1)', 'class-indices', 'labels01')],
    [P('labels01', 'pred_prob')],
    { notArrays: [N('2024'), N('c(3, 2)')] },
  ),

  json(
    'huggingface-style eval predictions',
    ['ordinary', '6'],
    `{
  "label_ids": [1, 0, 2],
  "predictions": [[-0.3, 2.1, 0.4], [1.8, -0.2, -1.1], [0.2, 0.1, 2.7]],
  "max_seq_length": 128
}
`,
    [
      A('[1, 0, 2]', 'class-indices', 'label_ids'),
      A('[[-0.3, 2.1, 0.4], [1.8, -0.2, -1.1], [0.2, 0.1, 2.7]]', 'logits', 'predictions'),
    ],
    [P('label_ids', 'predictions')],
  ),
];
