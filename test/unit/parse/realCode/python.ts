// Python as the libraries' tests, docs and tutorials write it: PyTorch,
// NumPy, scikit-learn, SciPy, Keras, JAX / optax, from-scratch code,
// doctests, pytest. Written for this corpus (issue #11), not copied.
import { A, N, P, snippet } from './dsl';
import type { RealSnippet } from './types';

const py = snippet('python');

export const pythonSnippets: RealSnippet[] = [
  // --- ordinary --------------------------------------------------------------------------
  py(
    'torch F.cross_entropy with class indices',
    ['ordinary'],
    `import torch
import torch.nn.functional as F

logits = torch.tensor([[2.0, 0.5, -1.0], [0.1, 1.2, 0.3]])
target = torch.tensor([0, 1])
loss = F.cross_entropy(logits, target)
`,
    [A('[[2.0, 0.5, -1.0], [0.1, 1.2, 0.3]]', 'logits', 'logits'), A('[0, 1]', 'class-indices', 'target')],
    [P('target', 'logits')],
  ),

  py(
    'sklearn log_loss with lists',
    ['ordinary'],
    `from sklearn.metrics import log_loss

y_true = [0, 2, 1, 2]
y_pred = [[0.8, 0.1, 0.1], [0.2, 0.2, 0.6], [0.1, 0.7, 0.2], [0.3, 0.3, 0.4]]
print(log_loss(y_true, y_pred))
`,
    [
      A('[0, 2, 1, 2]', 'class-indices', 'y_true'),
      A('[[0.8, 0.1, 0.1], [0.2, 0.2, 0.6], [0.1, 0.7, 0.2], [0.3, 0.3, 0.4]]', 'probabilities', 'y_pred'),
    ],
    [P('y_true', 'y_pred')],
  ),

  py(
    'numpy entropy of a distribution',
    ['ordinary'],
    `import numpy as np

p = np.array([0.5, 0.25, 0.125, 0.125])
H = -np.sum(p * np.log2(p))
`,
    [A('[0.5, 0.25, 0.125, 0.125]', 'probabilities', 'p')],
  ),

  py(
    'keras categorical crossentropy one-hot',
    ['ordinary'],
    `import tensorflow as tf

y_true = [[0, 1, 0], [0, 0, 1]]
y_pred = [[0.05, 0.95, 0], [0.1, 0.8, 0.1]]
cce = tf.keras.losses.CategoricalCrossentropy()
cce(y_true, y_pred).numpy()
`,
    [
      A('[[0, 1, 0], [0, 0, 1]]', 'one-hot', 'y_true'),
      A('[[0.05, 0.95, 0], [0.1, 0.8, 0.1]]', 'probabilities', 'y_pred'),
    ],
    [P('y_true', 'y_pred')],
  ),

  py(
    'keras sparse categorical crossentropy',
    ['ordinary'],
    `y_true = [1, 2]
y_pred = [[0.05, 0.95, 0], [0.1, 0.8, 0.1]]
scce = keras.losses.SparseCategoricalCrossentropy()
loss = scce(y_true, y_pred)
`,
    [A('[1, 2]', 'class-indices', 'y_true'), A('[[0.05, 0.95, 0], [0.1, 0.8, 0.1]]', 'probabilities', 'y_pred')],
    [P('y_true', 'y_pred')],
  ),

  py(
    'torch KLDivLoss with log input',
    ['ordinary'],
    `kl_loss = nn.KLDivLoss(reduction="batchmean")
input = torch.tensor([[-1.2040, -0.6931, -1.6094]])
target = torch.tensor([[0.3, 0.5, 0.2]])
output = kl_loss(input, target)
`,
    [A('[[-1.2040, -0.6931, -1.6094]]', 'log-probabilities', 'input'), A('[[0.3, 0.5, 0.2]]', 'target', 'target')],
    [P('target', 'input')],
  ),

  py(
    'scipy entropy of two distributions',
    ['ordinary'],
    `from scipy.stats import entropy

pk = [0.2, 0.5, 0.3]
qk = [0.1, 0.6, 0.3]
kl = entropy(pk, qk)
`,
    [A('[0.2, 0.5, 0.3]', ['target', 'probabilities'], 'pk'), A('[0.1, 0.6, 0.3]', 'probabilities', 'qk')],
    [P('pk', 'qk')],
  ),

  py(
    'torch BCELoss',
    ['ordinary', '5'],
    `m = nn.Sigmoid()
loss = nn.BCELoss()
probs = torch.tensor([0.8, 0.3, 0.6, 0.1])
labels = torch.tensor([1.0, 0.0, 1.0, 0.0])
out = loss(probs, labels)
`,
    [A('[0.8, 0.3, 0.6, 0.1]', 'probabilities', 'probs'), A('[1.0, 0.0, 1.0, 0.0]', 'class-indices', 'labels')],
    [P('labels', 'probs')],
  ),

  py(
    'softmax of scores',
    ['ordinary', '6'],
    `def softmax(x):
    e = np.exp(x - np.max(x))
    return e / e.sum()

scores = [3.0, 1.0, 0.2]
print(softmax(scores))
`,
    [A('[3.0, 1.0, 0.2]', 'logits', 'scores')],
  ),

  py(
    'nll_loss with log_softmax output',
    ['ordinary'],
    `log_probs = torch.tensor([[-0.4170, -1.4170, -2.3170]])
labels = torch.tensor([0])
loss = F.nll_loss(log_probs, labels)
`,
    [A('[[-0.4170, -1.4170, -2.3170]]', 'log-probabilities', 'log_probs'), A('[0]', 'class-indices', 'labels')],
    [P('labels', 'log_probs')],
  ),

  py(
    'label smoothing target',
    ['ordinary'],
    `smoothed = [0.9, 0.05, 0.05]
predicted = [0.7, 0.2, 0.1]
loss = -sum(t * math.log(p) for t, p in zip(smoothed, predicted))
`,
    [A('[0.9, 0.05, 0.05]', 'target', 'smoothed'), A('[0.7, 0.2, 0.1]', 'probabilities', 'predicted')],
    [P('smoothed', 'predicted')],
  ),

  py(
    'dict of class priors',
    ['ordinary'],
    `class_prior = np.array([0.6, 0.3, 0.1])
clf = MultinomialNB(class_prior=class_prior)
`,
    [A('[0.6, 0.3, 0.1]', 'probabilities', 'class_prior')],
  ),

  // --- 1: arguments bound after the call ------------------------------------------------
  py(
    'log_loss before a later literal',
    ['1'],
    `y_true = [1, 0, 1]
y_pred = model.predict_proba(X_test)[:, 1]
print(log_loss(y_true, y_pred))

# a worked example by hand
y_pred = [0.9, 0.2, 0.7]
`,
    [A('[1, 0, 1]', 'class-indices', 'y_true'), A('[0.9, 0.2, 0.7]', 'probabilities', 'y_pred')],
  ),

  py(
    'test functions each with their own y_pred',
    ['1', '10'],
    `def test_log_loss_binary():
    y_true = [0, 1, 1, 0]
    y_pred = [0.1, 0.9, 0.8, 0.35]
    assert log_loss(y_true, y_pred) == pytest.approx(0.1960, abs=1e-4)


def test_log_loss_multiclass():
    y_true = [2, 0, 1]
    y_pred = [[0.1, 0.2, 0.7], [0.8, 0.1, 0.1], [0.2, 0.6, 0.2]]
    assert log_loss(y_true, y_pred) < 0.4
`,
    [
      A('[0, 1, 1, 0]', 'class-indices', 'y_true'),
      A('[0.1, 0.9, 0.8, 0.35]', 'probabilities', 'y_pred'),
      A('[2, 0, 1]', 'class-indices', 'y_true'),
      A('[[0.1, 0.2, 0.7], [0.8, 0.1, 0.1], [0.2, 0.6, 0.2]]', 'probabilities', 'y_pred'),
    ],
    [P(0, 1), P(2, 3)],
    { notArrays: [N('1e-4')] },
  ),

  py(
    'call reads the earlier binding, not a reassignment',
    ['1'],
    `labels = torch.tensor([2, 0, 1])
logits = torch.tensor([[0.2, 0.1, 2.5], [1.9, 0.3, -0.4], [0.0, 1.1, 0.2]])
loss = F.cross_entropy(logits, labels)
logits = torch.tensor([[5.0, -5.0, 0.0], [0.0, 0.0, 0.0], [-1.0, 4.0, 1.0]])
`,
    [
      A('[2, 0, 1]', 'class-indices', 'labels'),
      A('[[0.2, 0.1, 2.5], [1.9, 0.3, -0.4], [0.0, 1.1, 0.2]]', 'logits', 'logits'),
      A('[[5.0, -5.0, 0.0], [0.0, 0.0, 0.0], [-1.0, 4.0, 1.0]]', 'logits', 'logits'),
    ],
    [P(0, 1)],
  ),

  py(
    'predictions assigned after evaluate',
    ['1'],
    `metric = keras.metrics.CategoricalCrossentropy()
metric.update_state(y_true, y_pred)
y_true = [[0, 1, 0], [0, 0, 1]]
y_pred = [[0.05, 0.95, 0], [0.1, 0.8, 0.1]]
`,
    [
      A('[[0, 1, 0], [0, 0, 1]]', 'one-hot', 'y_true'),
      A('[[0.05, 0.95, 0], [0.1, 0.8, 0.1]]', 'probabilities', 'y_pred'),
    ],
    [],
    { allowedPairs: [P('y_true', 'y_pred')] },
  ),

  // --- 2: shapes and sizes -----------------------------------------------------------------
  py(
    'torch.ones and torch.full shapes',
    ['2'],
    `target = torch.ones([10, 64], dtype=torch.float32)
output = torch.full([10, 64], 1.5)
pos_weight = torch.ones([64])
criterion = torch.nn.BCEWithLogitsLoss(pos_weight=pos_weight)
criterion(output, target)
`,
    [],
    [],
    { notArrays: [N('[10, 64]', 0), N('[10, 64]', 1), N('[64]')] },
  ),

  py(
    'reshape of a flat tensor',
    ['2'],
    `x = torch.tensor([0.1, 0.2, 0.7, 0.3, 0.3, 0.4])
probs = x.reshape((2, 3))
y = torch.reshape(x, (1, 1, 2, 3))
`,
    [A('[0.1, 0.2, 0.7, 0.3, 0.3, 0.4]', ['probabilities', 'unknown'], 'x')],
    [],
    { notArrays: [N('(2, 3)'), N('(1, 1, 2, 3)')] },
  ),

  py(
    'np.zeros and np.full shapes',
    ['2'],
    `counts = np.zeros((4,))
table = np.full((3, 5), 0.2)
eye = np.eye(3)
w = np.random.default_rng(42).normal(size=(3, 4))
`,
    [],
    [],
    { notArrays: [N('(4,)'), N('(3, 5)'), N('(3, 4)'), N('42')] },
  ),

  py(
    'tf.zeros and tf.reshape',
    ['2'],
    `b = tf.zeros([2])
p = tf.constant([0.25, 0.25, 0.25, 0.25])
p = tf.reshape(p, [2, 2])
`,
    [A('[0.25, 0.25, 0.25, 0.25]', 'probabilities', 'p')],
    [],
    { notArrays: [N('[2]'), N('[2, 2]')] },
  ),

  py(
    'randn shapes in a training loop',
    ['2', 'ordinary'],
    `loss_fn = nn.CrossEntropyLoss()
input = torch.randn(3, 5, requires_grad=True)
target = torch.empty(3, dtype=torch.long).random_(5)
output = loss_fn(input, target)
target = torch.randn(3, 5).softmax(dim=1)
`,
    [],
    [],
    { notArrays: [N('3, 5', 0), N('3, 5', 1)] },
  ),

  py(
    'view and permute dims',
    ['2'],
    `images = images.view(-1, 1, 28, 28).permute(0, 2, 3, 1)
layer = nn.Linear(784, 10)
sizes = [784, 256, 10]
`,
    [],
    [],
    { notArrays: [N('(-1, 1, 28, 28)'), N('(0, 2, 3, 1)'), N('[784, 256, 10]')] },
  ),

  py(
    'tensor with its shape from numpy',
    ['2'],
    `flat = np.array([1, 0, 0, 0, 1, 0], dtype=np.float32).reshape(2, 3)
onehot = torch.from_numpy(flat)
`,
    [A('[1, 0, 0, 0, 1, 0]', 'one-hot', 'flat', { shape: [2, 3] })],
    [],
    { notArrays: [N('(2, 3)')] },
  ),

  py(
    'expand and repeat arguments',
    ['2'],
    `prior = torch.tensor([0.1, 0.2, 0.7])
batch_prior = prior.expand(32, 3)
tiled = np.tile(prior.numpy(), (4, 1))
`,
    [A('[0.1, 0.2, 0.7]', 'probabilities', 'prior')],
    [],
    { notArrays: [N('(4, 1)')] },
  ),

  py(
    'transpose axes',
    ['2'],
    `x = np.transpose(x, axes=(1, 0, 2))
probs = softmax(logits, axis=-1)
y = np.sum(p, axis=(0, 1))
`,
    [],
    [],
    { notArrays: [N('(1, 0, 2)'), N('(0, 1)')] },
  ),

  // --- 3: fractions ------------------------------------------------------------------------
  py(
    'scipy entropy of a fair coin',
    ['3'],
    `>>> import numpy as np
>>> from scipy.stats import entropy
>>> base = 2  # work in units of bits
>>> pk = np.array([1/2, 1/2])  # fair coin
>>> H = entropy(pk, base=base)
>>> H
1.0
>>> qk = np.array([9/10, 1/10])  # biased coin
>>> entropy(pk, qk, base=base)
0.736...
`,
    [A('[1/2, 1/2]', ['target', 'probabilities'], 'pk'), A('[9/10, 1/10]', 'probabilities', 'qk')],
    [P('pk', 'qk')],
  ),

  py(
    'fractions with arithmetic',
    ['3'],
    `p = [1/3, 1/3, 1/3]
q = [2**-1, 2**-2, 2**-2]
r = [1e-3*5, 1 - 0.005]
`,
    [A('[1/3, 1/3, 1/3]', 'probabilities', 'p'), A('[2**-1, 2**-2, 2**-2]', 'probabilities', 'q')],
    [],
    { optional: [N('[1e-3*5, 1 - 0.005]')] },
  ),

  py(
    'fractions with unary minus',
    ['3', '6'],
    `logits = np.array([-1/2, 3/2, 0.0])
target = np.array([0, 1, 0])
`,
    [A('[-1/2, 3/2, 0.0]', 'logits', 'logits'), A('[0, 1, 0]', 'one-hot', 'target')],
    [P('target', 'logits')],
  ),

  // --- 4: names vs evidence ----------------------------------------------------------------
  py(
    'from scratch: y output, t target',
    ['4', '9'],
    `def cross_entropy_error(y, t):
    delta = 1e-7
    return -np.sum(t * np.log(y + delta))

t = [0, 0, 1, 0, 0, 0, 0, 0, 0, 0]
y = [0.1, 0.05, 0.6, 0.0, 0.05, 0.1, 0.0, 0.1, 0.0, 0.0]
cross_entropy_error(np.array(y), np.array(t))
`,
    [
      A('[0, 0, 1, 0, 0, 0, 0, 0, 0, 0]', 'one-hot', 't'),
      A('[0.1, 0.05, 0.6, 0.0, 0.05, 0.1, 0.0, 0.1, 0.0, 0.0]', 'probabilities', 'y'),
    ],
    [P('t', 'y')],
    { notArrays: [N('1e-7')] },
  ),

  py(
    't1 one-hot beside p1 soft',
    ['4'],
    `t1 = [0, 1, 0]
p1 = [0.2, 0.7, 0.1]
print(cross_entropy(t1, p1))
`,
    [A('[0, 1, 0]', 'one-hot', 't1'), A('[0.2, 0.7, 0.1]', 'probabilities', 'p1')],
    [P('t1', 'p1')],
  ),

  py(
    'yhat and y',
    ['4'],
    `y = np.array([1, 0, 0])
yhat = np.array([0.7, 0.2, 0.1])
loss = -np.sum(y * np.log(yhat))
`,
    [A('[1, 0, 0]', 'one-hot', 'y'), A('[0.7, 0.2, 0.1]', 'probabilities', 'yhat')],
    [P('y', 'yhat')],
  ),

  py(
    'y_hat before y',
    ['4'],
    `y_hat = np.array([0.1, 0.3, 0.6])
y = np.array([0, 0, 1])
`,
    [A('[0.1, 0.3, 0.6]', 'probabilities', 'y_hat'), A('[0, 0, 1]', 'one-hot', 'y')],
    [P('y', 'y_hat')],
  ),

  py(
    'pred and label',
    ['4'],
    `pred = [0.25, 0.5, 0.25]
label = [0, 1, 0]
`,
    [A('[0.25, 0.5, 0.25]', 'probabilities', 'pred'), A('[0, 1, 0]', 'one-hot', 'label')],
    [P('label', 'pred')],
  ),

  py(
    'hypothesis and actual',
    ['4'],
    `actual = [1, 0, 0, 0]
hypothesis = [0.4, 0.3, 0.2, 0.1]
`,
    [A('[1, 0, 0, 0]', 'one-hot', 'actual'), A('[0.4, 0.3, 0.2, 0.1]', 'probabilities', 'hypothesis')],
    [P('actual', 'hypothesis')],
  ),

  py(
    'p soft, q one-hot: evidence decides',
    ['4'],
    `p = [0.6, 0.3, 0.1]
q = [1, 0, 0]
`,
    [A('[0.6, 0.3, 0.1]', 'probabilities', 'p'), A('[1, 0, 0]', 'one-hot', 'q')],
    [P('q', 'p')],
  ),

  py(
    'out and target one-hot',
    ['4'],
    `out = torch.tensor([[0.1, 0.8, 0.1]])
target = torch.tensor([[0.0, 1.0, 0.0]])
`,
    [A('[[0.1, 0.8, 0.1]]', 'probabilities', 'out'), A('[[0.0, 1.0, 0.0]]', 'one-hot', 'target')],
    [P('target', 'out')],
  ),

  // --- 5: binary per-sample ----------------------------------------------------------------
  py(
    'binary labels and probabilities',
    ['5'],
    `y_true = [1, 0, 1, 1, 0]
y_pred = [0.9, 0.1, 0.8, 0.7, 0.2]
`,
    [A('[1, 0, 1, 1, 0]', 'class-indices', 'y_true'), A('[0.9, 0.1, 0.8, 0.7, 0.2]', 'probabilities', 'y_pred')],
    [P('y_true', 'y_pred')],
  ),

  py(
    'binary without names that say so',
    ['5'],
    `a = np.array([0, 0, 1, 1])
b = np.array([0.12, 0.4, 0.35, 0.8])
roc_auc_score(a, b)
`,
    [A('[0, 0, 1, 1]', 'class-indices', 'a'), A('[0.12, 0.4, 0.35, 0.8]', 'probabilities', 'b')],
    [P('a', 'b')],
  ),

  py(
    'keras binary crossentropy',
    ['5'],
    `y_true = [[0, 1], [0, 0]]
y_pred = [[0.6, 0.4], [0.4, 0.6]]
bce = keras.losses.BinaryCrossentropy()
bce(y_true, y_pred).numpy()
`,
    [A('[[0, 1], [0, 0]]', 'class-indices', 'y_true'), A('[[0.6, 0.4], [0.4, 0.6]]', 'probabilities', 'y_pred')],
    [P('y_true', 'y_pred')],
  ),

  py(
    'brier score',
    ['5'],
    `y_true = np.array([0, 1, 1, 0])
y_prob = np.array([0.1, 0.9, 0.8, 0.3])
brier_score_loss(y_true, y_prob)
`,
    [A('[0, 1, 1, 0]', 'class-indices', 'y_true'), A('[0.1, 0.9, 0.8, 0.3]', 'probabilities', 'y_prob')],
    [P('y_true', 'y_prob')],
  ),

  // --- 6: logits ---------------------------------------------------------------------------
  py(
    'from_logits=True with integer logits',
    ['6'],
    `y_true = [0, 1, 0, 0]
logits = [-18, 0, 3, 8]
bce = keras.losses.BinaryCrossentropy(from_logits=True)
bce(y_true, logits).numpy()
`,
    [A('[0, 1, 0, 0]', ['class-indices', 'one-hot'], 'y_true'), A('[-18, 0, 3, 8]', 'logits', 'logits')],
    [P('y_true', 'logits')],
  ),

  py(
    'batch logits with negatives in some rows only',
    ['6'],
    `input = torch.tensor([[1.0, 2.0, 3.0], [0.5, -0.2, 0.1]])
target = torch.tensor([2, 0])
loss = F.cross_entropy(input, target)
`,
    [A('[[1.0, 2.0, 3.0], [0.5, -0.2, 0.1]]', 'logits', 'input'), A('[2, 0]', 'class-indices', 'target')],
    [P('target', 'input')],
  ),

  py(
    'masked logits with -1e9',
    ['6'],
    `logits = torch.tensor([2.3, -1e9, 0.7, -1e9])
probs = logits.softmax(-1)
`,
    [A('[2.3, -1e9, 0.7, -1e9]', 'logits', 'logits')],
  ),

  py(
    'integer input of F.cross_entropy',
    ['6'],
    `F.cross_entropy(torch.tensor([[3, 1, 0]], dtype=torch.float), torch.tensor([0]))
`,
    [A('[[3, 1, 0]]', 'logits'), A('[0]', 'class-indices')],
    [P(1, 0)],
  ),

  py(
    'logits named only',
    ['6'],
    `logits = [0.5, 1.5, 0.1]
`,
    [A('[0.5, 1.5, 0.1]', 'logits', 'logits')],
  ),

  // --- 7: column-wise distributions ---------------------------------------------------------
  py(
    'scipy entropy axis=0',
    ['7'],
    `>>> p = np.array([[0.1, 0.6], [0.9, 0.4]])
>>> entropy(p, axis=0)
array([0.32508297, 0.67301167])
`,
    [A('[[0.1, 0.6], [0.9, 0.4]]', 'probabilities', 'p')],
    [],
    { notArrays: [N('axis=0')], optional: [N('[0.32508297, 0.67301167]')] },
  ),

  // --- 8: doctests and docstrings ----------------------------------------------------------
  py(
    'docstring doctest in a function',
    ['8'],
    `def kl_div(p, q):
    """KL divergence of two distributions.

    >>> kl_div([0.5, 0.5], [0.9, 0.1])
    0.5108256237659907
    """
    return sum(a * math.log(a / b) for a, b in zip(p, q))
`,
    [A('[0.5, 0.5]', ['target', 'probabilities']), A('[0.9, 0.1]', 'probabilities')],
    [P(0, 1)],
  ),

  py(
    'docstring example block',
    ['8'],
    `class SoftTargetCrossEntropy(nn.Module):
    """
    Example::

        >>> loss = SoftTargetCrossEntropy()
        >>> x = torch.tensor([[2.0, 0.5, 0.1]])
        >>> target = torch.tensor([[0.7, 0.2, 0.1]])
        >>> loss(x, target)
    """
`,
    [A('[[2.0, 0.5, 0.1]]', 'logits', 'x'), A('[[0.7, 0.2, 0.1]]', 'target', 'target')],
    [P('target', 'x')],
  ),

  py(
    'doctest continuation lines',
    ['8'],
    `>>> y_true = [[0, 1, 0],
...           [0, 0, 1]]
>>> y_pred = [[0.05, 0.95, 0],
...           [0.1, 0.8, 0.1]]
>>> loss = keras.losses.categorical_crossentropy(y_true, y_pred)
`,
    [
      A('[[0, 1, 0],\n...           [0, 0, 1]]', 'one-hot', 'y_true', {
        values: [
          [0, 1, 0],
          [0, 0, 1],
        ],
      }),
      A('[[0.05, 0.95, 0],\n...           [0.1, 0.8, 0.1]]', 'probabilities', 'y_pred', {
        values: [
          [0.05, 0.95, 0],
          [0.1, 0.8, 0.1],
        ],
      }),
    ],
    [P('y_true', 'y_pred')],
  ),

  // --- 9: unknown callees and functions of the document -----------------------------------
  py(
    'optax softmax_cross_entropy',
    ['9'],
    `import optax
logits = jnp.array([[1.0, -0.5, 0.2], [0.3, 2.1, -1.0]])
labels = jnp.array([[1.0, 0.0, 0.0], [0.0, 1.0, 0.0]])
loss = optax.softmax_cross_entropy(logits, labels).mean()
`,
    [
      A('[[1.0, -0.5, 0.2], [0.3, 2.1, -1.0]]', 'logits', 'logits'),
      A('[[1.0, 0.0, 0.0], [0.0, 1.0, 0.0]]', 'one-hot', 'labels'),
    ],
    [P('labels', 'logits')],
  ),

  py(
    'optax integer labels',
    ['9'],
    `loss = optax.softmax_cross_entropy_with_integer_labels(
    logits=jnp.array([[0.2, 1.4, -0.3]]),
    labels=jnp.array([1]),
)
`,
    [A('[[0.2, 1.4, -0.3]]', 'logits', 'logits'), A('[1]', 'class-indices', 'labels')],
    [P('labels', 'logits')],
  ),

  py(
    'jax.jit of a loss',
    ['9'],
    `loss_fn = jax.jit(optax.softmax_cross_entropy)
a = jnp.array([2.0, 1.0, -1.0])
b = jnp.array([0.0, 1.0, 0.0])
value = loss_fn(a, b)
also = jax.jit(optax.softmax_cross_entropy)(a, b)
`,
    [A('[2.0, 1.0, -1.0]', 'logits', 'a'), A('[0.0, 1.0, 0.0]', 'one-hot', 'b')],
    [P('b', 'a')],
  ),

  py(
    'functools.partial of a loss',
    ['9'],
    `loss = functools.partial(optax.sigmoid_binary_cross_entropy)
z = jnp.array([1.2, -0.8, 3.0])
y = jnp.array([1.0, 0.0, 1.0])
loss(z, y)
`,
    [A('[1.2, -0.8, 3.0]', 'logits', 'z'), A('[1.0, 0.0, 1.0]', 'class-indices', 'y')],
    [P('y', 'z')],
  ),

  py(
    'keras functional categorical_crossentropy',
    ['9'],
    `from keras import ops
y_true = np.array([[0.0, 0.0, 1.0]])
y_pred = np.array([[0.1, 0.2, 0.7]])
loss = keras.losses.categorical_crossentropy(y_true, y_pred)
`,
    [A('[[0.0, 0.0, 1.0]]', 'one-hot', 'y_true'), A('[[0.1, 0.2, 0.7]]', 'probabilities', 'y_pred')],
    [P('y_true', 'y_pred')],
  ),

  py(
    'own function with pred, target order',
    ['9'],
    `def soft_ce(pred, target):
    return -(target * pred.log()).sum()

a = torch.tensor([0.3, 0.4, 0.3])
b = torch.tensor([0.2, 0.5, 0.3])
soft_ce(a, b)
`,
    [A('[0.3, 0.4, 0.3]', 'probabilities', 'a'), A('[0.2, 0.5, 0.3]', 'target', 'b')],
    [P('b', 'a')],
  ),

  // --- 10: neighbours that must not pair ----------------------------------------------------
  py(
    'consecutive tutorial examples',
    ['10'],
    `# Example 1: a confident prediction
print(entropy([0.9, 0.05, 0.05]))

# Example 2: a uniform prediction
print(entropy([1/3, 1/3, 1/3]))
`,
    [A('[0.9, 0.05, 0.05]', 'probabilities'), A('[1/3, 1/3, 1/3]', 'probabilities')],
  ),

  py(
    'pytest parametrize tuples',
    ['10'],
    `@pytest.mark.parametrize(
    "target, pred, expected",
    [
        ([1, 0, 0], [0.8, 0.1, 0.1], 0.2231),
        ([0, 1, 0], [0.3, 0.4, 0.3], 0.9163),
    ],
)
def test_ce(target, pred, expected):
    assert ce(target, pred) == pytest.approx(expected, rel=1e-3)
`,
    [
      A('[1, 0, 0]', 'one-hot'),
      A('[0.8, 0.1, 0.1]', 'probabilities'),
      A('[0, 1, 0]', 'one-hot'),
      A('[0.3, 0.4, 0.3]', 'probabilities'),
    ],
    [P(0, 1), P(2, 3)],
    { notArrays: [N('1e-3')] },
  ),

  py(
    'two independent priors',
    ['10'],
    `prior_a = [0.5, 0.5]
prior_b = [0.1, 0.9]
`,
    [A('[0.5, 0.5]', 'probabilities', 'prior_a'), A('[0.1, 0.9]', 'probabilities', 'prior_b')],
  ),

  // --- printed values -----------------------------------------------------------------------
  py(
    'printed torch tensor in a doctest',
    ['printed', '8'],
    `>>> torch.softmax(torch.tensor([1.0, 2.0, 3.0]), dim=0)
tensor([0.0900, 0.2447, 0.6652])
>>> torch.tensor([0.1, 0.9], dtype=torch.float64)
tensor([0.1000, 0.9000], dtype=torch.float64)
`,
    [
      A('[1.0, 2.0, 3.0]', 'logits'),
      A('[0.0900, 0.2447, 0.6652]', 'probabilities'),
      A('[0.1, 0.9]', 'probabilities'),
      A('[0.1000, 0.9000]', 'probabilities'),
    ],
    [],
    { notArrays: [N('dim=0')] },
  ),
];
