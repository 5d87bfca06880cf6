// Python as people write it: plain lists, numpy/torch/tf/jax wrappers, keyword
// arguments, tuples, batches, notebook cells, and the loss calls whose argument
// order decides which array is the target.
import { BY_CALL, BY_NAMES, BY_NEIGHBOURS, type CorpusCase } from './types';

const py = (name: string, text: string, rest: Omit<CorpusCase, 'name' | 'lang' | 'text'>): CorpusCase => ({
  name,
  lang: 'python',
  text,
  ...rest,
});

export const pythonCases: CorpusCase[] = [
  // --- plain lists and names ------------------------------------------------------------
  py('probabilities bound to a name', 'probs = [0.7, 0.2, 0.1]\n', {
    arrays: [{ src: '[0.7, 0.2, 0.1]', name: 'probs', values: [0.7, 0.2, 0.1], role: 'probabilities' }],
  }),
  py('soft target named y_true', 'y_true = [0.7, 0.2, 0.1]\n', {
    arrays: [{ src: '[0.7, 0.2, 0.1]', name: 'y_true', values: [0.7, 0.2, 0.1], role: 'target' }],
  }),
  py('one-hot label', 'label = [0, 0, 1, 0]\n', {
    arrays: [{ src: '[0, 0, 1, 0]', name: 'label', values: [0, 0, 1, 0], role: 'one-hot' }],
  }),
  py('class indices', 'y = [2, 0, 1, 1]\n', {
    arrays: [{ src: '[2, 0, 1, 1]', name: 'y', values: [2, 0, 1, 1], role: 'class-indices' }],
  }),
  py('logits with negatives', 'logits = [2.0, -1.0, 0.5]\n', {
    arrays: [{ src: '[2.0, -1.0, 0.5]', name: 'logits', values: [2.0, -1.0, 0.5], role: 'logits' }],
  }),
  py('log-probabilities of a fair coin', 'log_q = [-0.6931471805599453, -0.6931471805599453]\n', {
    arrays: [
      {
        src: '[-0.6931471805599453, -0.6931471805599453]',
        name: 'log_q',
        values: [-0.6931471805599453, -0.6931471805599453],
        role: 'log-probabilities',
      },
    ],
  }),
  py('annotated assignment', 'q: list[float] = [0.25, 0.25, 0.5]\n', {
    arrays: [{ src: '[0.25, 0.25, 0.5]', name: 'q', values: [0.25, 0.25, 0.5], role: 'probabilities' }],
  }),
  py('no spaces after commas', 'p=[0.5,0.25,0.25]\n', {
    arrays: [{ src: '[0.5,0.25,0.25]', name: 'p', values: [0.5, 0.25, 0.25] }],
  }),
  py('returned literal has no name', 'def prior():\n    return [0.25, 0.75]\n', {
    arrays: [{ src: '[0.25, 0.75]', values: [0.25, 0.75], role: 'probabilities' }],
  }),
  py('attribute assignment keeps the dotted name', 'self.weights = [0.2, 0.3, 0.5]\n', {
    arrays: [{ src: '[0.2, 0.3, 0.5]', name: 'self.weights', values: [0.2, 0.3, 0.5] }],
  }),

  // --- wrappers: the range is the bracket literal, the name goes through the call -------
  py('np.array wrapper', 'import numpy as np\np = np.array([0.25, 0.25, 0.5])\n', {
    arrays: [{ src: '[0.25, 0.25, 0.5]', name: 'p', values: [0.25, 0.25, 0.5] }],
  }),
  py('numpy.asarray wrapper', 'import numpy\nq = numpy.asarray([0.1, 0.6, 0.3])\n', {
    arrays: [{ src: '[0.1, 0.6, 0.3]', name: 'q', values: [0.1, 0.6, 0.3], role: 'probabilities' }],
  }),
  py('torch.tensor with dtype keyword', 'logits = torch.tensor([2.0, 1.0, 0.1], dtype=torch.float32)\n', {
    arrays: [{ src: '[2.0, 1.0, 0.1]', name: 'logits', values: [2.0, 1.0, 0.1], role: 'logits' }],
  }),
  py('torch.tensor with requires_grad', 'scores = torch.tensor([[1.5, -0.3, 0.2]], requires_grad=True)\n', {
    arrays: [{ src: '[[1.5, -0.3, 0.2]]', name: 'scores', values: [[1.5, -0.3, 0.2]], role: 'logits' }],
  }),
  py('tf.constant batch', 'y_pred = tf.constant([[0.9, 0.05, 0.05], [0.1, 0.8, 0.1]])\n', {
    arrays: [
      {
        src: '[[0.9, 0.05, 0.05], [0.1, 0.8, 0.1]]',
        name: 'y_pred',
        values: [
          [0.9, 0.05, 0.05],
          [0.1, 0.8, 0.1],
        ],
        shape: [2, 3],
        role: 'probabilities',
      },
    ],
  }),
  py('jnp.array', 'import jax.numpy as jnp\nlogits = jnp.array([0.3, -1.2, 2.2])\n', {
    arrays: [{ src: '[0.3, -1.2, 2.2]', name: 'logits', values: [0.3, -1.2, 2.2], role: 'logits' }],
  }),
  py('method chained after the wrapper', 'y = torch.tensor([0, 1, 0]).float()\n', {
    arrays: [{ src: '[0, 1, 0]', name: 'y', values: [0, 1, 0], role: 'one-hot' }],
  }),
  py('np.array of a tuple', 'p = np.array((0.5, 0.5))\n', {
    arrays: [{ src: '(0.5, 0.5)', name: 'p', values: [0.5, 0.5] }],
  }),
  py(
    'wrapper call split over lines with dtype',
    'batch = np.array(\n    [\n        [0.1, 0.2, 0.7],\n        [0.3, 0.3, 0.4],\n    ],\n    dtype=np.float32,\n)\n',
    {
      arrays: [
        {
          src: '[\n        [0.1, 0.2, 0.7],\n        [0.3, 0.3, 0.4],\n    ]',
          name: 'batch',
          values: [
            [0.1, 0.2, 0.7],
            [0.3, 0.3, 0.4],
          ],
          role: 'probabilities',
        },
      ],
    },
  ),

  // --- keyword arguments and dicts --------------------------------------------------------
  py('keyword arguments name the arrays', 'loss = log_loss(y_true=[0, 1, 1], y_pred=[0.2, 0.7, 0.9])\n', {
    arrays: [
      { src: '[0, 1, 1]', name: 'y_true', values: [0, 1, 1] },
      { src: '[0.2, 0.7, 0.9]', name: 'y_pred', values: [0.2, 0.7, 0.9] },
    ],
    pairs: [{ target: 'y_true', prediction: 'y_pred', why: BY_CALL }],
  }),
  py('dict keys name the arrays', 'd = {"target": [0, 1], "pred": [0.3, 0.7]}\n', {
    arrays: [
      { src: '[0, 1]', name: 'target', values: [0, 1], role: 'one-hot' },
      { src: '[0.3, 0.7]', name: 'pred', values: [0.3, 0.7], role: 'probabilities' },
    ],
  }),
  py('keyword arguments reversed: keywords win over positions', 'loss = log_loss(y_pred=[0.3, 0.7], y_true=[0, 1])\n', {
    arrays: [
      { src: '[0.3, 0.7]', name: 'y_pred', values: [0.3, 0.7] },
      { src: '[0, 1]', name: 'y_true', values: [0, 1] },
    ],
    pairs: [{ target: 'y_true', prediction: 'y_pred', why: BY_CALL }],
  }),

  // --- tuples -----------------------------------------------------------------------------
  py('tuple literal', 'p = (0.5, 0.5)\n', {
    arrays: [{ src: '(0.5, 0.5)', name: 'p', values: [0.5, 0.5] }],
  }),
  py('tuple with a trailing comma', 'q = (0.9, 0.1,)\n', {
    arrays: [{ src: '(0.9, 0.1,)', name: 'q', values: [0.9, 0.1] }],
  }),
  py('call arguments are not a tuple', 'x = f(0.5, 0.5)\nz = rng.normal(0.0, 1.0)\n', { arrays: [] }),
  py('one-element tuple and parenthesised number are not arrays', 'a = (0.5,)\nb = (1)\n', { arrays: [] }),
  py('reshape arguments and a shape tuple are not arrays', 'x = x.reshape(3, 4)\nshape = (3, 4)\n', { arrays: [] }),

  // --- numbers as people spell them -------------------------------------------------------
  py('leading and trailing dots, exponents, underscores, signs', 'w = [.5, 5., 1e-3, 1_000, -2, +3, 2.5E+2]\n', {
    arrays: [{ src: '[.5, 5., 1e-3, 1_000, -2, +3, 2.5E+2]', name: 'w', values: [0.5, 5, 0.001, 1000, -2, 3, 250] }],
  }),
  py('hex, octal and binary integers', 'codes = [0x1F, 0o17, 0b101]\n', {
    arrays: [{ src: '[0x1F, 0o17, 0b101]', name: 'codes', values: [31, 15, 5] }],
  }),
  py(
    'long decimals keep full precision',
    'p = [0.333333333333333314829616256247, 0.666666666666666629659232512495]\n',
    {
      arrays: [
        {
          src: '[0.333333333333333314829616256247, 0.666666666666666629659232512495]',
          name: 'p',
          values: [1 / 3, 2 / 3],
        },
      ],
    },
  ),
  py('tiny and huge exponents', 'eps = [1e-300, 5e-324, 1.7976931348623157e308]\n', {
    arrays: [
      {
        src: '[1e-300, 5e-324, 1.7976931348623157e308]',
        name: 'eps',
        values: [1e-300, 5e-324, 1.7976931348623157e308],
      },
    ],
  }),
  py('negative zero', 'v = [-0.0, 1.0]\n', {
    arrays: [{ src: '[-0.0, 1.0]', name: 'v', values: [-0, 1] }],
  }),

  // --- non-finite spellings are read and reported -----------------------------------------
  py('float inf and nan strings', "x = [float('inf'), float(\"-inf\"), float('nan'), 0.5]\n", {
    arrays: [
      {
        src: "[float('inf'), float(\"-inf\"), float('nan'), 0.5]",
        name: 'x',
        values: [Infinity, -Infinity, NaN, 0.5],
        issues: ['non-finite'],
      },
    ],
  }),
  py('numpy and math constants', 'import math\nz = [np.inf, -np.inf, math.nan, 1.0]\n', {
    arrays: [
      {
        src: '[np.inf, -np.inf, math.nan, 1.0]',
        name: 'z',
        values: [Infinity, -Infinity, NaN, 1],
        issues: ['non-finite'],
      },
    ],
  }),
  py('masked logits with -torch.inf', 'logits = torch.tensor([1.2, -torch.inf, 0.3])\n', {
    arrays: [
      {
        src: '[1.2, -torch.inf, 0.3]',
        name: 'logits',
        values: [1.2, -Infinity, 0.3],
        role: 'logits',
        issues: ['non-finite'],
      },
    ],
  }),
  py('bare inf and nan imported from math', 'from math import inf, nan\nv = [inf, -inf, nan]\n', {
    arrays: [{ src: '[inf, -inf, nan]', name: 'v', values: [Infinity, -Infinity, NaN], issues: ['non-finite'] }],
  }),
  py('finite spelling that overflows', 'big = [1e400, 1.0]\n', {
    arrays: [{ src: '[1e400, 1.0]', name: 'big', values: [Infinity, 1], issues: ['non-finite'] }],
  }),
  py('np.nan inside a batch row', 'P = np.array([[0.5, 0.5], [np.nan, 1.0]])\n', {
    arrays: [
      {
        src: '[[0.5, 0.5], [np.nan, 1.0]]',
        name: 'P',
        values: [
          [0.5, 0.5],
          [NaN, 1],
        ],
        issues: ['non-finite'],
      },
    ],
  }),

  // --- comments, trailing commas, line breaks ---------------------------------------------
  py(
    'comments and trailing comma inside a list',
    'probs = [\n    0.1,  # cat\n    0.7,  # dog [best]\n    0.2,  # bird\n]\n',
    {
      arrays: [
        {
          src: '[\n    0.1,  # cat\n    0.7,  # dog [best]\n    0.2,  # bird\n]',
          name: 'probs',
          values: [0.1, 0.7, 0.2],
          role: 'probabilities',
        },
      ],
    },
  ),
  py(
    'batch with one row per line and trailing commas',
    'y_true = [\n    [1, 0, 0],\n    [0, 1, 0],\n    [0, 0, 1],\n]\n',
    {
      arrays: [
        {
          src: '[\n    [1, 0, 0],\n    [0, 1, 0],\n    [0, 0, 1],\n]',
          name: 'y_true',
          values: [
            [1, 0, 0],
            [0, 1, 0],
            [0, 0, 1],
          ],
          role: 'one-hot',
        },
      ],
    },
  ),
  py('backslash continuation', 'q = [0.2, \\\n     0.8]\n', {
    arrays: [{ src: '[0.2, \\\n     0.8]', name: 'q', values: [0.2, 0.8] }],
  }),
  py('unclosed list is reported', 'p = [0.1, 0.9\nq = 3\n', { arrays: [], docIssues: ['unclosed'] }),
  py('windows line endings inside a list', 'p = [\r\n  0.4,\r\n  0.6,\r\n]\r\n', {
    arrays: [{ src: '[\r\n  0.4,\r\n  0.6,\r\n]', name: 'p', values: [0.4, 0.6] }],
  }),
  py('tabs between values', 'q =\t[0.5,\t0.5]\n', {
    arrays: [{ src: '[0.5,\t0.5]', name: 'q', values: [0.5, 0.5] }],
  }),

  // --- brackets that are not arrays ---------------------------------------------------------
  py('brackets inside strings', 's = "[0.1, 0.9]"\nt = \'[1, 2, 3]\'\nu = b"[4, 5]"\nr = r"\\[0.5, 0.5\\]"\n', {
    arrays: [],
  }),
  py(
    'brackets inside a docstring are not read, its doctest lines and their output are',
    'def f():\n    """Example [0.5, 0.5]:\n\n    >>> f([0.1, 0.9])\n    [0.9, 0.1]\n    """\n    return None\n',
    {
      arrays: [
        { src: '[0.1, 0.9]', values: [0.1, 0.9] },
        { src: '[0.9, 0.1]', values: [0.9, 0.1] },
      ],
    },
  ),
  py('brackets inside comments', '# p = [0.5, 0.5]\nx = 1  # [0.1, 0.9]\n', { arrays: [] }),
  py('f-string with subscripts and brackets', 'msg = f"{p[0]:.2f} of [{q[1]}, 2]"\n', { arrays: [] }),
  py('index and slice expressions', 'a = x[0]\nb = a[1:3]\nc = v[::2]\nd = m[0, 1]\ne = arr[-1]\nf = df["col"][0]\n', {
    arrays: [],
  }),
  py(
    'type hints are not arrays',
    'def f(x: list[float], idx: tuple[int, int]) -> dict[str, list[int]]:\n    return {}\n',
    { arrays: [] },
  ),
  py(
    'list of strings, bools and None is not numeric',
    'a = ["cat", "dog"]\nb = [True, False]\nc = [0.1, None]\nd = [1, "a"]\n',
    { arrays: [] },
  ),
  py('comprehension is not a literal', 'sq = [x * 2 for x in range(3)]\nz = [i for i in [1, 2, 3] if i]\n', {
    arrays: [{ src: '[1, 2, 3]', values: [1, 2, 3] }],
  }),
  py('complex numbers are not real arrays', 'a = [1j, 2 + 3j]\n', { arrays: [] }),
  py('constant arithmetic inside a list is a value', 'p = [1 - 0.3, 0.3]\n', {
    arrays: [{ src: '[1 - 0.3, 0.3]', name: 'p', values: [1 - 0.3, 0.3] }],
  }),
  py('arithmetic with a name inside a list is not a literal', 'p = [1 - x, x]\n', { arrays: [] }),
  py('empty lists', 'a = []\nb = [[]]\nc = np.array([])\n', { arrays: [] }),
  py('string with a quote and brackets before an array', 's = "it\'s [1, 2]"\np = [0.5, 0.5]\n', {
    arrays: [{ src: '[0.5, 0.5]', name: 'p', values: [0.5, 0.5] }],
  }),
  py('triple-quoted string spanning a list, then a real list', 'doc = """\n[0.1, 0.9]\n"""\nq = [0.3, 0.7]\n', {
    arrays: [{ src: '[0.3, 0.7]', name: 'q', values: [0.3, 0.7] }],
  }),
  py('unicode before an array keeps UTF-16 offsets', 'label = "猫🐱 [0.1]"\np = [0.5, 0.5]\n', {
    arrays: [{ src: '[0.5, 0.5]', name: 'p', values: [0.5, 0.5] }],
  }),

  // --- shapes ---------------------------------------------------------------------------------
  py('2-D one-hot batch', 'Y = np.array([[1, 0], [0, 1]])\n', {
    arrays: [
      {
        src: '[[1, 0], [0, 1]]',
        name: 'Y',
        values: [
          [1, 0],
          [0, 1],
        ],
        shape: [2, 2],
        role: 'one-hot',
      },
    ],
  }),
  py('ragged rows are reported', 'P = [[0.1, 0.9], [0.2, 0.3, 0.5]]\n', {
    arrays: [
      {
        src: '[[0.1, 0.9], [0.2, 0.3, 0.5]]',
        name: 'P',
        values: [
          [0.1, 0.9],
          [0.2, 0.3, 0.5],
        ],
        shape: [2, 2],
        issues: ['ragged'],
      },
    ],
  }),
  py('3-D literal is reported, not read', 'x = [[[1, 2]], [[3, 4]]]\n', {
    arrays: [],
    docIssues: ['3 or more levels'],
  }),
  py('outer list with a string keeps its inner lists', 'rows = [[0.2, 0.8], "skip", [0.6, 0.4]]\n', {
    arrays: [
      { src: '[0.2, 0.8]', anyName: true, values: [0.2, 0.8] },
      { src: '[0.6, 0.4]', anyName: true, values: [0.6, 0.4] },
    ],
  }),
  py('single-row batch', 'y_pred = [[0.05, 0.9, 0.05]]\n', {
    arrays: [
      { src: '[[0.05, 0.9, 0.05]]', name: 'y_pred', values: [[0.05, 0.9, 0.05]], shape: [1, 3], role: 'probabilities' },
    ],
  }),

  // --- broken text ------------------------------------------------------------------------
  py('unclosed list does not hide a later one on another statement', 'p = [0.1, 0.9]\nbroken = [1, 2,\n', {
    arrays: [{ src: '[0.1, 0.9]', name: 'p', values: [0.1, 0.9] }],
    docIssues: ['unclosed'],
  }),

  // --- pairs by call site: argument order ---------------------------------------------------
  py(
    'sklearn log_loss(y_true, y_pred)',
    'from sklearn.metrics import log_loss\na = [0, 1, 0]\nb = [0.1, 0.7, 0.2]\nsklearn.metrics.log_loss(a, b)\n',
    {
      arrays: [
        { src: '[0, 1, 0]', name: 'a', values: [0, 1, 0], role: 'one-hot' },
        { src: '[0.1, 0.7, 0.2]', name: 'b', values: [0.1, 0.7, 0.2], role: 'probabilities' },
      ],
      pairs: [{ target: 'a', prediction: 'b', why: 'log_loss' }],
    },
  ),
  py(
    'scipy entropy(pk, qk) with inline literals',
    'from scipy.stats import entropy\nkl = entropy([0.5, 0.5], [0.9, 0.1])\n',
    {
      arrays: [
        { src: '[0.5, 0.5]', values: [0.5, 0.5], role: 'target' },
        { src: '[0.9, 0.1]', values: [0.9, 0.1], role: 'probabilities' },
      ],
      pairs: [{ target: 0, prediction: 1, why: 'entropy' }],
    },
  ),
  py('call site wins over names: entropy(q, p)', 'p = [0.9, 0.1]\nq = [0.5, 0.5]\nkl = scipy.stats.entropy(q, p)\n', {
    arrays: [
      { src: '[0.9, 0.1]', name: 'p', values: [0.9, 0.1] },
      { src: '[0.5, 0.5]', name: 'q', values: [0.5, 0.5] },
    ],
    pairs: [{ target: 'q', prediction: 'p', why: BY_CALL }],
  }),
  py(
    'F.cross_entropy(input, target) takes the prediction first',
    'import torch.nn.functional as F\nloss = F.cross_entropy(torch.tensor([[2.0, 0.5, -1.0]]), torch.tensor([0]))\n',
    {
      arrays: [
        { src: '[[2.0, 0.5, -1.0]]', values: [[2.0, 0.5, -1.0]], role: 'logits' },
        { src: '[0]', values: [0], role: 'class-indices' },
      ],
      pairs: [{ target: 1, prediction: 0, why: 'cross_entropy' }],
    },
  ),
  py(
    'F.cross_entropy with named logits and labels',
    'logits = torch.tensor([[2.0, 1.0, 0.1], [0.5, 2.5, 0.3]])\nlabels = torch.tensor([0, 1])\nloss = F.cross_entropy(logits, labels)\n',
    {
      arrays: [
        {
          src: '[[2.0, 1.0, 0.1], [0.5, 2.5, 0.3]]',
          name: 'logits',
          values: [
            [2.0, 1.0, 0.1],
            [0.5, 2.5, 0.3],
          ],
          role: 'logits',
        },
        { src: '[0, 1]', name: 'labels', values: [0, 1], role: 'class-indices' },
      ],
      pairs: [{ target: 'labels', prediction: 'logits', why: BY_CALL }],
    },
  ),
  py(
    'nn.CrossEntropyLoss()(input, target) with neutral names',
    'a = torch.tensor([[1.0, -0.5, 0.2]])\nb = torch.tensor([2])\nloss = nn.CrossEntropyLoss()(a, b)\n',
    {
      arrays: [
        { src: '[[1.0, -0.5, 0.2]]', name: 'a', values: [[1.0, -0.5, 0.2]], role: 'logits' },
        { src: '[2]', name: 'b', values: [2], role: 'class-indices' },
      ],
      pairs: [{ target: 'b', prediction: 'a', why: BY_CALL }],
    },
  ),
  py(
    'loss object bound to a name, then called',
    'crit = nn.CrossEntropyLoss()\nout = torch.tensor([[0.2, 1.3, -0.4]])\ny = torch.tensor([1])\nloss = crit(out, y)\n',
    {
      arrays: [
        { src: '[[0.2, 1.3, -0.4]]', name: 'out', values: [[0.2, 1.3, -0.4]], role: 'logits' },
        { src: '[1]', name: 'y', values: [1], role: 'class-indices' },
      ],
      pairs: [{ target: 'y', prediction: 'out', why: BY_CALL }],
    },
  ),
  py(
    'F.binary_cross_entropy(input, target)',
    'p = torch.tensor([0.8, 0.3, 0.6])\nt = torch.tensor([1.0, 0.0, 1.0])\nF.binary_cross_entropy(p, t)\n',
    {
      arrays: [
        { src: '[0.8, 0.3, 0.6]', name: 'p', values: [0.8, 0.3, 0.6] },
        { src: '[1.0, 0.0, 1.0]', name: 't', values: [1, 0, 1] },
      ],
      pairs: [{ target: 't', prediction: 'p', why: 'binary_cross_entropy' }],
    },
  ),
  py(
    'F.binary_cross_entropy_with_logits(input, target)',
    'F.binary_cross_entropy_with_logits(torch.tensor([1.2, -0.8]), torch.tensor([1.0, 0.0]))\n',
    {
      arrays: [
        { src: '[1.2, -0.8]', values: [1.2, -0.8], role: 'logits' },
        { src: '[1.0, 0.0]', values: [1, 0] },
      ],
      pairs: [{ target: 1, prediction: 0, why: 'binary_cross_entropy_with_logits' }],
    },
  ),
  py(
    'F.kl_div(input, target): log-prediction first',
    'log_q = torch.tensor([-0.6931471805599453, -0.6931471805599453])\np = torch.tensor([0.9, 0.1])\nF.kl_div(log_q, p, reduction="batchmean")\n',
    {
      arrays: [
        {
          src: '[-0.6931471805599453, -0.6931471805599453]',
          name: 'log_q',
          values: [-0.6931471805599453, -0.6931471805599453],
          role: 'log-probabilities',
        },
        { src: '[0.9, 0.1]', name: 'p', values: [0.9, 0.1], role: 'target' },
      ],
      pairs: [{ target: 'p', prediction: 'log_q', why: 'kl_div' }],
    },
  ),
  py(
    'keras.losses.categorical_crossentropy(y_true, y_pred) with neutral names',
    'a = [[0, 1, 0]]\nb = [[0.05, 0.95, 0.0]]\nkeras.losses.categorical_crossentropy(a, b)\n',
    {
      arrays: [
        { src: '[[0, 1, 0]]', name: 'a', values: [[0, 1, 0]], role: 'one-hot' },
        { src: '[[0.05, 0.95, 0.0]]', name: 'b', values: [[0.05, 0.95, 0]], role: 'probabilities' },
      ],
      pairs: [{ target: 'a', prediction: 'b', why: 'categorical_crossentropy' }],
    },
  ),
  py(
    'tf.keras loss object called on literals',
    'cce = tf.keras.losses.CategoricalCrossentropy()\ncce([[0.0, 1.0]], [[0.4, 0.6]])\n',
    {
      arrays: [
        { src: '[[0.0, 1.0]]', values: [[0, 1]], role: 'one-hot' },
        { src: '[[0.4, 0.6]]', values: [[0.4, 0.6]], role: 'probabilities' },
      ],
      pairs: [{ target: 0, prediction: 1, why: BY_CALL }],
    },
  ),
  py(
    'tf.losses with labels and logits keywords',
    'tf.nn.softmax_cross_entropy_with_logits(logits=[[2.0, -1.0]], labels=[[1.0, 0.0]])\n',
    {
      arrays: [
        { src: '[[2.0, -1.0]]', name: 'logits', values: [[2, -1]], role: 'logits' },
        { src: '[[1.0, 0.0]]', name: 'labels', values: [[1, 0]], role: 'one-hot' },
      ],
      pairs: [{ target: 'labels', prediction: 'logits', why: BY_CALL }],
    },
  ),
  py('tf.compat.v1.losses.log_loss(labels, predictions)', 'tf.compat.v1.losses.log_loss([1.0, 0.0], [0.7, 0.3])\n', {
    arrays: [
      { src: '[1.0, 0.0]', values: [1, 0], role: 'one-hot' },
      { src: '[0.7, 0.3]', values: [0.7, 0.3], role: 'probabilities' },
    ],
    pairs: [{ target: 0, prediction: 1, why: 'log_loss' }],
  }),

  // --- pairs by names, then by order --------------------------------------------------------
  py('names: y and y_hat', 'y = [0, 0, 1]\ny_hat = [0.1, 0.2, 0.7]\n', {
    arrays: [
      { src: '[0, 0, 1]', name: 'y', values: [0, 0, 1], role: 'one-hot' },
      { src: '[0.1, 0.2, 0.7]', name: 'y_hat', values: [0.1, 0.2, 0.7], role: 'probabilities' },
    ],
    pairs: [{ target: 'y', prediction: 'y_hat' }],
  }),
  py('names: prediction written before the target', 'preds = [0.6, 0.4]\n\n\nlabels = [1, 0]\n', {
    arrays: [
      { src: '[0.6, 0.4]', name: 'preds', values: [0.6, 0.4] },
      { src: '[1, 0]', name: 'labels', values: [1, 0], role: 'one-hot' },
    ],
    pairs: [{ target: 'labels', prediction: 'preds', why: BY_NAMES }],
  }),
  py('names: p and q', 'p = [0.1, 0.4, 0.5]\nq = [0.3, 0.3, 0.4]\n', {
    arrays: [
      { src: '[0.1, 0.4, 0.5]', name: 'p', values: [0.1, 0.4, 0.5], role: 'target' },
      { src: '[0.3, 0.3, 0.4]', name: 'q', values: [0.3, 0.3, 0.4], role: 'probabilities' },
    ],
    pairs: [{ target: 'p', prediction: 'q' }],
  }),
  py(
    'names: numbered pairs interleaved',
    'y_true_1 = [1, 0]\ny_true_2 = [0, 1]\ny_pred_1 = [0.8, 0.2]\ny_pred_2 = [0.3, 0.7]\n',
    {
      arrays: [
        { src: '[1, 0]', name: 'y_true_1', values: [1, 0] },
        { src: '[0, 1]', name: 'y_true_2', values: [0, 1] },
        { src: '[0.8, 0.2]', name: 'y_pred_1', values: [0.8, 0.2] },
        { src: '[0.3, 0.7]', name: 'y_pred_2', values: [0.3, 0.7] },
      ],
      pairs: [
        { target: 'y_true_1', prediction: 'y_pred_1', why: BY_NAMES },
        { target: 'y_true_2', prediction: 'y_pred_2', why: BY_NAMES },
      ],
    },
  ),
  py(
    'names: targets and outputs far apart',
    'targets = [0, 1, 0]\n\n# ... training loop ...\n\noutputs = [0.2, 0.5, 0.3]\n',
    {
      arrays: [
        { src: '[0, 1, 0]', name: 'targets', values: [0, 1, 0] },
        { src: '[0.2, 0.5, 0.3]', name: 'outputs', values: [0.2, 0.5, 0.3] },
      ],
      pairs: [{ target: 'targets', prediction: 'outputs', why: BY_NAMES }],
    },
  ),
  py('order: neutral neighbours, one-hot then probabilities', 'a = [0, 1, 0]\nb = [0.2, 0.5, 0.3]\n', {
    arrays: [
      { src: '[0, 1, 0]', name: 'a', values: [0, 1, 0], role: 'one-hot' },
      { src: '[0.2, 0.5, 0.3]', name: 'b', values: [0.2, 0.5, 0.3], role: 'probabilities' },
    ],
    pairs: [{ target: 'a', prediction: 'b', why: BY_NEIGHBOURS }],
  }),
  py('order: shapes that do not fit are not paired', 'a = [0, 1, 0]\nb = [0.5, 0.5]\n', {
    arrays: [
      { src: '[0, 1, 0]', name: 'a', values: [0, 1, 0] },
      { src: '[0.5, 0.5]', name: 'b', values: [0.5, 0.5] },
    ],
    pairs: [],
  }),
  py('order: a blank line alone does not keep a label and a distribution apart', 'a = [0, 1]\n\nb = [0.5, 0.5]\n', {
    arrays: [
      { src: '[0, 1]', name: 'a', values: [0, 1] },
      { src: '[0.5, 0.5]', name: 'b', values: [0.5, 0.5] },
    ],
    pairs: [{ target: 'a', prediction: 'b', why: BY_NEIGHBOURS }],
  }),
  py(
    'order: a new test function keeps neighbours apart',
    'def test_a():\n    a = [0, 1]\n\ndef test_b():\n    b = [0.5, 0.5]\n',
    {
      arrays: [
        { src: '[0, 1]', name: 'a', values: [0, 1] },
        { src: '[0.5, 0.5]', name: 'b', values: [0.5, 0.5] },
      ],
      pairs: [],
    },
  ),

  // --- notebook cells (each cell is a python document) ------------------------------------
  py(
    'notebook cell with magics and shell escapes',
    '%matplotlib inline\n!pip install torch\ny_true = [1, 0, 0]\ny_pred = [0.7, 0.2, 0.1]\ny_pred\n',
    {
      arrays: [
        { src: '[1, 0, 0]', name: 'y_true', values: [1, 0, 0], role: 'one-hot' },
        { src: '[0.7, 0.2, 0.1]', name: 'y_pred', values: [0.7, 0.2, 0.1], role: 'probabilities' },
      ],
      pairs: [{ target: 'y_true', prediction: 'y_pred' }],
    },
  ),
  py(
    'interactive-window cells marked with # %%',
    '# %% [markdown]\n# Loss of [0.5, 0.5]\n# %%\nq = np.array([0.5, 0.5])\n',
    {
      arrays: [{ src: '[0.5, 0.5]', name: 'q', values: [0.5, 0.5] }],
    },
  ),
  py(
    'notebook cell with a cell magic and a print',
    '%%time\nprobs = softmax(np.array([1.0, 2.0, 3.0]))\nprint(probs[0], probs[-1])\n',
    {
      arrays: [{ src: '[1.0, 2.0, 3.0]', anyName: true, values: [1, 2, 3] }],
    },
  ),

  // --- more wrappers, loss calls and shapes seen in real code -------------------------------------
  py(
    'np.array with dtype, torch.Tensor and tf.convert_to_tensor',
    'x = np.array([0.1, 0.9], dtype=float)\ny = torch.Tensor([1, 0])\nz = tf.convert_to_tensor([0.5, 0.5])\n',
    {
      arrays: [
        { src: '[0.1, 0.9]', name: 'x', values: [0.1, 0.9], role: 'probabilities' },
        { src: '[1, 0]', name: 'y', values: [1, 0], role: 'one-hot' },
        { src: '[0.5, 0.5]', name: 'z', values: [0.5, 0.5] },
      ],
    },
  ),
  py(
    'keras sparse_categorical_crossentropy: class indices against rows',
    'loss = tf.keras.losses.sparse_categorical_crossentropy([1, 2], [[0.05, 0.95, 0], [0.1, 0.8, 0.1]])\n',
    {
      arrays: [
        { src: '[1, 2]', values: [1, 2], role: 'class-indices' },
        {
          src: '[[0.05, 0.95, 0], [0.1, 0.8, 0.1]]',
          values: [
            [0.05, 0.95, 0],
            [0.1, 0.8, 0.1],
          ],
          role: 'probabilities',
        },
      ],
      pairs: [{ target: 0, prediction: 1, why: 'sparse_categorical_crossentropy' }],
    },
  ),
  py(
    'keras BinaryCrossentropy(from_logits=True) object called on literals',
    'bce = tf.keras.losses.BinaryCrossentropy(from_logits=True)\nbce([0, 1, 0, 0], [-18.6, 0.51, 2.94, -12.8])\n',
    {
      arrays: [
        { src: '[0, 1, 0, 0]', values: [0, 1, 0, 0] },
        { src: '[-18.6, 0.51, 2.94, -12.8]', values: [-18.6, 0.51, 2.94, -12.8], role: 'logits' },
      ],
      pairs: [{ target: 0, prediction: 1, why: BY_CALL }],
    },
  ),
  py(
    'F.nll_loss(input, target) takes log-probabilities first',
    'loss = F.nll_loss(torch.tensor([[-0.1, -2.4]]), torch.tensor([0]))\n',
    {
      arrays: [
        { src: '[[-0.1, -2.4]]', values: [[-0.1, -2.4]] },
        { src: '[0]', values: [0], role: 'class-indices' },
      ],
      pairs: [{ target: 1, prediction: 0, why: 'nll_loss' }],
    },
  ),
  py(
    'log_loss with string labels: only the prediction is numeric, no pair',
    'log_loss(["spam", "ham"], [[.1, .9], [.9, .1]])\n',
    {
      arrays: [
        {
          src: '[[.1, .9], [.9, .1]]',
          values: [
            [0.1, 0.9],
            [0.9, 0.1],
          ],
          role: 'probabilities',
        },
      ],
      pairs: [],
    },
  ),
  py('dict(p=..., q=...) keyword names pair by name', 'd = dict(p=[0.5, 0.5], q=[0.9, 0.1])\n', {
    arrays: [
      { src: '[0.5, 0.5]', name: 'p', values: [0.5, 0.5], role: 'target' },
      { src: '[0.9, 0.1]', name: 'q', values: [0.9, 0.1], role: 'probabilities' },
    ],
    pairs: [{ target: 'p', prediction: 'q', why: BY_NAMES }],
  }),
  py('commented-out values inside a list are skipped', 'x = [\n    1, 2,\n    # 3, 4\n]\n', {
    arrays: [{ src: '[\n    1, 2,\n    # 3, 4\n]', name: 'x', values: [1, 2] }],
  }),
  py('list repeated with * keeps the literal and its name', 'p = [0.1, 0.2, 0.3, 0.4] * 2\n', {
    arrays: [{ src: '[0.1, 0.2, 0.3, 0.4]', name: 'p', values: [0.1, 0.2, 0.3, 0.4] }],
  }),
  py(
    'dict of numbers is not an array, a list of milestones is',
    'lr_schedule = {0: 0.1, 10: 0.01}\nmilestones = [30, 60, 90]\n',
    {
      arrays: [{ src: '[30, 60, 90]', name: 'milestones', values: [30, 60, 90] }],
    },
  ),
  py(
    'shape comparison tuple is an unnamed tuple of numbers',
    'y_pred = model.predict(x)\nassert y_pred.shape == (10, 3)\n',
    {
      arrays: [{ src: '(10, 3)', values: [10, 3] }],
    },
  ),
  py(
    'pytest parametrize with a batch argument',
    '@pytest.mark.parametrize("p", [[0.5, 0.5], [0.9, 0.1]])\ndef test(p): pass\n',
    {
      arrays: [
        {
          src: '[[0.5, 0.5], [0.9, 0.1]]',
          values: [
            [0.5, 0.5],
            [0.9, 0.1],
          ],
          role: 'probabilities',
        },
      ],
    },
  ),
  py(
    'one line with semicolons and a log_loss call',
    'y_pred = np.array([0.9, 0.1]); y_true = np.array([1, 0]); log_loss(y_true, y_pred)\n',
    {
      arrays: [
        { src: '[0.9, 0.1]', name: 'y_pred', values: [0.9, 0.1] },
        { src: '[1, 0]', name: 'y_true', values: [1, 0], role: 'one-hot' },
      ],
      pairs: [{ target: 'y_true', prediction: 'y_pred', why: 'log_loss' }],
    },
  ),
  py(
    'prefixed and triple-quoted f-strings hide their brackets',
    "s = rb\"[1, 2]\" + Rb'[3, 4]' + f'''{x} [5, 6]'''\nq = [0.5, 0.5]\n",
    {
      arrays: [{ src: '[0.5, 0.5]', name: 'q', values: [0.5, 0.5] }],
    },
  ),
  py('nested quotes inside an f-string (Python 3.12)', 'msg = f"{d["k"]} [1, 2]"\nq = [0.1, 0.9]\n', {
    arrays: [{ src: '[0.1, 0.9]', name: 'q', values: [0.1, 0.9] }],
  }),
  py('walrus and lambda defaults bind names', 'if (p := [0.5, 0.5]):\n    pass\nf = lambda q=[0.9, 0.1]: q\n', {
    arrays: [
      { src: '[0.5, 0.5]', name: 'p', values: [0.5, 0.5] },
      { src: '[0.9, 0.1]', name: 'q', values: [0.9, 0.1] },
    ],
  }),
  py('attribute after the wrapper (.T)', 'x = np.array([[0.1, 0.9]]).T\n', {
    arrays: [{ src: '[[0.1, 0.9]]', name: 'x', values: [[0.1, 0.9]] }],
  }),
  py(
    'class weights passed as weight= are not a prediction',
    'weights = torch.tensor([0.1, 0.9], device="cuda:0")\nloss = F.cross_entropy(logits, target, weight=weights)\n',
    {
      arrays: [{ src: '[0.1, 0.9]', name: 'weights', values: [0.1, 0.9] }],
      pairs: [],
    },
  ),
  py('cross-entropy written out by hand', 'ce = -np.sum(np.array([0, 1, 0]) * np.log(np.array([0.2, 0.7, 0.1])))\n', {
    arrays: [
      { src: '[0, 1, 0]', values: [0, 1, 0], role: 'one-hot' },
      { src: '[0.2, 0.7, 0.1]', values: [0.2, 0.7, 0.1], role: 'probabilities' },
    ],
    pairs: [{ target: 0, prediction: 1 }],
  }),
  py('log_loss labels= is the class list, not the target', 'log_loss([1, 0], [[.1, .9], [.9, .1]], labels=[0, 1])\n', {
    arrays: [
      { src: '[1, 0]', values: [1, 0] },
      {
        src: '[[.1, .9], [.9, .1]]',
        values: [
          [0.1, 0.9],
          [0.9, 0.1],
        ],
        role: 'probabilities',
      },
      { src: '[0, 1]', name: 'labels', values: [0, 1] },
    ],
    pairs: [{ target: 0, prediction: 1, why: 'log_loss' }],
  }),
  py('tuple unpacking binds names by position', 'y_true, y_pred = [0, 1], [0.2, 0.8]\n', {
    arrays: [
      { src: '[0, 1]', name: 'y_true', values: [0, 1], role: 'one-hot' },
      { src: '[0.2, 0.8]', name: 'y_pred', values: [0.2, 0.8], role: 'probabilities' },
    ],
    pairs: [{ target: 'y_true', prediction: 'y_pred' }],
  }),
  py(
    'KLDivLoss input wrapped in torch.log is still the prediction',
    'criterion = torch.nn.KLDivLoss(reduction="batchmean")\nout = criterion(torch.log(torch.tensor([0.25, 0.75])), torch.tensor([0.5, 0.5]))\n',
    {
      arrays: [
        { src: '[0.25, 0.75]', values: [0.25, 0.75] },
        { src: '[0.5, 0.5]', values: [0.5, 0.5] },
      ],
      pairs: [{ target: 1, prediction: 0, why: BY_CALL }],
    },
  ),

  // --- more pairing by names and shapes ------------------------------------------------------------
  py('names: labels and logits as 2-D batches', 'labels = [[0, 1], [1, 0]]\nlogits = [[-1.2, 0.8], [2.0, 0.1]]\n', {
    arrays: [
      {
        src: '[[0, 1], [1, 0]]',
        name: 'labels',
        values: [
          [0, 1],
          [1, 0],
        ],
        role: 'one-hot',
      },
      {
        src: '[[-1.2, 0.8], [2.0, 0.1]]',
        name: 'logits',
        values: [
          [-1.2, 0.8],
          [2, 0.1],
        ],
      },
    ],
    pairs: [{ target: 'labels', prediction: 'logits', why: BY_NAMES }],
  }),
  py('names: y and output', 'y = [1, 0, 0]\noutput = [0.6, 0.3, 0.1]\n', {
    arrays: [
      { src: '[1, 0, 0]', name: 'y', values: [1, 0, 0], role: 'one-hot' },
      { src: '[0.6, 0.3, 0.1]', name: 'output', values: [0.6, 0.3, 0.1], role: 'probabilities' },
    ],
    pairs: [{ target: 'y', prediction: 'output', why: BY_NAMES }],
  }),
  py('names: soft target written after the probs', 'probs = [0.3, 0.7]\ntarget = [0.2, 0.8]\n', {
    arrays: [
      { src: '[0.3, 0.7]', name: 'probs', values: [0.3, 0.7], role: 'probabilities' },
      { src: '[0.2, 0.8]', name: 'target', values: [0.2, 0.8], role: 'target' },
    ],
    pairs: [{ target: 'target', prediction: 'probs', why: BY_NAMES }],
  }),
  py(
    'names: class indices against a batch with one row per index',
    'y_true = [0, 2, 1]\ny_pred = [[0.8, 0.1, 0.1], [0.1, 0.1, 0.8], [0.2, 0.6, 0.2]]\n',
    {
      arrays: [
        { src: '[0, 2, 1]', name: 'y_true', values: [0, 2, 1], role: 'class-indices' },
        {
          src: '[[0.8, 0.1, 0.1], [0.1, 0.1, 0.8], [0.2, 0.6, 0.2]]',
          name: 'y_pred',
          values: [
            [0.8, 0.1, 0.1],
            [0.1, 0.1, 0.8],
            [0.2, 0.6, 0.2],
          ],
          role: 'probabilities',
        },
      ],
      pairs: [{ target: 'y_true', prediction: 'y_pred', why: BY_NAMES }],
    },
  ),
  py(
    'names do not pair an index beyond the columns',
    'y_true = [0, 2, 1]\ny_pred = [[0.8, 0.2], [0.1, 0.9], [0.2, 0.8]]\n',
    {
      arrays: [
        { src: '[0, 2, 1]', name: 'y_true', values: [0, 2, 1] },
        {
          src: '[[0.8, 0.2], [0.1, 0.9], [0.2, 0.8]]',
          name: 'y_pred',
          values: [
            [0.8, 0.2],
            [0.1, 0.9],
            [0.2, 0.8],
          ],
          role: 'probabilities',
        },
      ],
      pairs: [],
    },
  ),
  py(
    'names: train_/test_ prefixes pair with their own kind',
    'train_labels = [1, 0]\ntest_labels = [0, 1]\ntrain_preds = [0.9, 0.1]\ntest_preds = [0.4, 0.6]\n',
    {
      arrays: [
        { src: '[1, 0]', name: 'train_labels', values: [1, 0] },
        { src: '[0, 1]', name: 'test_labels', values: [0, 1] },
        { src: '[0.9, 0.1]', name: 'train_preds', values: [0.9, 0.1] },
        { src: '[0.4, 0.6]', name: 'test_preds', values: [0.4, 0.6] },
      ],
      pairs: [
        { target: 'train_labels', prediction: 'train_preds', why: BY_NAMES },
        { target: 'test_labels', prediction: 'test_preds', why: BY_NAMES },
      ],
    },
  ),
  py(
    'names: p/q and p2/q2 written in a different order',
    'p = np.array([0.2, 0.8])\nq = np.array([0.5, 0.5])\nkl = np.sum(p * np.log(p / q))\nq2 = [0.9, 0.1]\np2 = [0.6, 0.4]\n',
    {
      arrays: [
        { src: '[0.2, 0.8]', name: 'p', values: [0.2, 0.8] },
        { src: '[0.5, 0.5]', name: 'q', values: [0.5, 0.5] },
        { src: '[0.9, 0.1]', name: 'q2', values: [0.9, 0.1] },
        { src: '[0.6, 0.4]', name: 'p2', values: [0.6, 0.4] },
      ],
      pairs: [
        { target: 'p', prediction: 'q', why: BY_NAMES },
        { target: 'p2', prediction: 'q2', why: BY_NAMES },
      ],
    },
  ),
  py(
    'F.cross_entropy with input= and target= keywords',
    'F.cross_entropy(input=torch.tensor([[0.5, 1.5]]), target=torch.tensor([1]))\n',
    {
      arrays: [
        { src: '[[0.5, 1.5]]', name: 'input', values: [[0.5, 1.5]], role: 'logits' },
        { src: '[1]', name: 'target', values: [1], role: 'class-indices' },
      ],
      pairs: [{ target: 'target', prediction: 'input', why: 'cross_entropy' }],
    },
  ),
  py(
    'nn.BCEWithLogitsLoss()(input, target)',
    'loss = nn.BCEWithLogitsLoss()(torch.tensor([0.3, -1.1]), torch.tensor([1.0, 0.0]))\n',
    {
      arrays: [
        { src: '[0.3, -1.1]', values: [0.3, -1.1], role: 'logits' },
        { src: '[1.0, 0.0]', values: [1, 0] },
      ],
      pairs: [{ target: 1, prediction: 0, why: BY_CALL }],
    },
  ),
  py('scipy entropy with pk= and qk= keywords and base', 'entropy(pk=[0.5, 0.5], qk=[0.8, 0.2], base=2)\n', {
    arrays: [
      { src: '[0.5, 0.5]', name: 'pk', values: [0.5, 0.5], role: 'target' },
      { src: '[0.8, 0.2]', name: 'qk', values: [0.8, 0.2], role: 'probabilities' },
    ],
    pairs: [{ target: 'pk', prediction: 'qk', why: 'entropy' }],
  }),
  py(
    'apostrophes and quotes in comments inside and after a list',
    "p = [0.5,  # it's the cat\n     0.5]  # don't\nq = [0.1, 0.9]\n",
    {
      arrays: [
        { src: "[0.5,  # it's the cat\n     0.5]", name: 'p', values: [0.5, 0.5] },
        { src: '[0.1, 0.9]', name: 'q', values: [0.1, 0.9] },
      ],
    },
  ),
  py('a string holding # before an array on the same line', 'u = "#"; v = [0.25, 0.75]  # "[1, 2]"\n', {
    arrays: [{ src: '[0.25, 0.75]', name: 'v', values: [0.25, 0.75], role: 'probabilities' }],
  }),
  py('tuple of tuples is a 2-D batch', 'P = ((0.1, 0.9), (0.3, 0.7))\n', {
    arrays: [
      {
        src: '((0.1, 0.9), (0.3, 0.7))',
        name: 'P',
        values: [
          [0.1, 0.9],
          [0.3, 0.7],
        ],
        role: 'probabilities',
      },
    ],
  }),
  py('list of tuples inside np.array is a 2-D batch', 'P = np.array([(0.1, 0.9), (0.3, 0.7)])\n', {
    arrays: [
      {
        src: '[(0.1, 0.9), (0.3, 0.7)]',
        name: 'P',
        values: [
          [0.1, 0.9],
          [0.3, 0.7],
        ],
        role: 'probabilities',
      },
    ],
  }),
  py('positional dtype after the literal', 'x = np.array([1, 2, 3], np.float32)\n', {
    arrays: [{ src: '[1, 2, 3]', name: 'x', values: [1, 2, 3] }],
  }),
  py('a loss call on names with no arrays found pairs nothing', 'print(log_loss(y_true, y_pred))\n', {
    arrays: [],
    pairs: [],
  }),
  py(
    'default arguments are found, named and paired by the call in the body',
    'def loss(y_true=[0, 1], y_pred=[0.4, 0.6]):\n    return log_loss(y_true, y_pred)\n',
    {
      arrays: [
        { src: '[0, 1]', name: 'y_true', values: [0, 1], role: 'one-hot' },
        { src: '[0.4, 0.6]', name: 'y_pred', values: [0.4, 0.6], role: 'probabilities' },
      ],
      pairs: [{ target: 'y_true', prediction: 'y_pred', why: 'log_loss' }],
    },
  ),
];
