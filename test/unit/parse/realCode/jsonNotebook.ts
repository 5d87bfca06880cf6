// Raw .ipynb opened as text (cell sources are JSON strings, outputs' text/plain
// is printed output) and plain JSON fixtures / configs as ML projects keep them.
import { A, N, P, snippet } from './dsl';
import type { RealSnippet } from './types';

const nb = snippet('jupyter');
const json = snippet('json');

export const notebookSnippets: RealSnippet[] = [
  nb(
    'notebook cell with log_loss',
    ['8', 'ordinary'],
    String.raw`{
 "cells": [
  {
   "cell_type": "code",
   "execution_count": 3,
   "metadata": {},
   "outputs": [],
   "source": [
    "from sklearn.metrics import log_loss\n",
    "y_true = [0, 1, 1]\n",
    "y_pred = [0.2, 0.7, 0.9]\n",
    "log_loss(y_true, y_pred)"
   ]
  }
 ],
 "nbformat": 4,
 "nbformat_minor": 5
}
`,
    [A('[0, 1, 1]', 'class-indices', 'y_true'), A('[0.2, 0.7, 0.9]', 'probabilities', 'y_pred')],
    [P('y_true', 'y_pred')],
  ),

  nb(
    'notebook cell with its printed output',
    ['8', 'printed'],
    String.raw`{
 "cells": [
  {
   "cell_type": "code",
   "execution_count": 7,
   "metadata": {},
   "outputs": [
    {
     "data": {
      "text/plain": [
       "array([0.09003057, 0.24472847, 0.66524096])"
      ]
     },
     "execution_count": 7,
     "metadata": {},
     "output_type": "execute_result"
    }
   ],
   "source": [
    "logits = np.array([1.0, 2.0, 3.0])\n",
    "softmax(logits)"
   ]
  }
 ]
}
`,
    [A('[0.09003057, 0.24472847, 0.66524096]', 'probabilities'), A('[1.0, 2.0, 3.0]', 'logits', 'logits')],
    [],
    { notArrays: [N('"execution_count": 7', 0), N('"execution_count": 7', 1)] },
  ),

  nb(
    'notebook torch cross entropy',
    ['8', 'ordinary'],
    String.raw`{
 "cells": [
  {
   "cell_type": "markdown",
   "metadata": {},
   "source": [
    "## Cross-entropy on a toy batch\n",
    "Three classes, two samples."
   ]
  },
  {
   "cell_type": "code",
   "execution_count": null,
   "metadata": {},
   "outputs": [],
   "source": [
    "logits = torch.tensor([[1.5, -0.5, 0.0], [0.2, 0.2, 2.0]])\n",
    "targets = torch.tensor([0, 2])\n",
    "nn.CrossEntropyLoss()(logits, targets)"
   ]
  }
 ]
}
`,
    [A('[[1.5, -0.5, 0.0], [0.2, 0.2, 2.0]]', 'logits', 'logits'), A('[0, 2]', 'class-indices', 'targets')],
    [P('targets', 'logits')],
  ),

  nb(
    'notebook shapes are not data',
    ['8', '2'],
    String.raw`{
 "cells": [
  {
   "cell_type": "code",
   "execution_count": 2,
   "metadata": {},
   "outputs": [],
   "source": [
    "x = torch.randn(8, 3)\n",
    "w = torch.zeros([3, 4])\n",
    "p = torch.tensor([0.1, 0.6, 0.3])"
   ]
  }
 ]
}
`,
    [A('[0.1, 0.6, 0.3]', 'probabilities', 'p')],
    [],
    { notArrays: [N('[3, 4]'), N('8, 3')] },
  ),

  nb(
    'notebook printed tensor output',
    ['8', 'printed'],
    String.raw`{
 "cells": [
  {
   "cell_type": "code",
   "execution_count": 4,
   "metadata": {},
   "outputs": [
    {
     "name": "stdout",
     "output_type": "stream",
     "text": [
      "tensor([[0.6590, 0.2424, 0.0986],\n",
      "        [0.1173, 0.8668, 0.0159]])\n"
     ]
    }
   ],
   "source": [
    "print(F.softmax(out, dim=1))"
   ]
  }
 ]
}
`,
    [
      A('[[0.6590, 0.2424, 0.0986],\\n",\n      "        [0.1173, 0.8668, 0.0159]]', 'probabilities', undefined, {
        values: [
          [0.659, 0.2424, 0.0986],
          [0.1173, 0.8668, 0.0159],
        ],
      }),
    ],
    [],
    { notArrays: [N('dim=1')] },
  ),

  nb(
    'notebook two cells, independent examples',
    ['8', '10'],
    String.raw`{
 "cells": [
  {
   "cell_type": "code",
   "metadata": {},
   "source": [
    "entropy([0.5, 0.5])"
   ]
  },
  {
   "cell_type": "code",
   "metadata": {},
   "source": [
    "entropy([0.99, 0.01])"
   ]
  }
 ]
}
`,
    [A('[0.5, 0.5]', 'probabilities'), A('[0.99, 0.01]', 'probabilities')],
  ),
];

export const jsonSnippets: RealSnippet[] = [
  json(
    'test fixture with labels and probs',
    ['ordinary'],
    `{
  "name": "three-class batch",
  "labels": [2, 0, 1],
  "probs": [[0.1, 0.2, 0.7], [0.6, 0.3, 0.1], [0.25, 0.5, 0.25]],
  "expected_loss": 0.5108
}
`,
    [
      A('[2, 0, 1]', 'class-indices', 'labels'),
      A('[[0.1, 0.2, 0.7], [0.6, 0.3, 0.1], [0.25, 0.5, 0.25]]', 'probabilities', 'probs'),
    ],
    [P('labels', 'probs')],
  ),

  json(
    'model config with sizes',
    ['2'],
    `{
  "model_type": "mlp",
  "hidden_sizes": [512, 256, 128],
  "input_shape": [28, 28, 1],
  "num_classes": 10,
  "dropout": 0.1,
  "seed": 42
}
`,
    [],
    [],
    { notArrays: [N('[512, 256, 128]'), N('[28, 28, 1]'), N('42')] },
  ),

  json(
    'class weights and prior',
    ['ordinary'],
    `{
  "id2label": {"0": "cat", "1": "dog", "2": "bird"},
  "class_prior": [0.5, 0.3, 0.2]
}
`,
    [A('[0.5, 0.3, 0.2]', 'probabilities', 'class_prior')],
  ),

  json(
    'golden outputs of a test',
    ['ordinary', '6'],
    `{
  "input_logits": [[2.0, 1.0, 0.1], [-0.5, 0.0, 3.2]],
  "target": [0, 2],
  "softmax": [[0.659, 0.2424, 0.0986], [0.0227, 0.0374, 0.9399]]
}
`,
    [
      A('[[2.0, 1.0, 0.1], [-0.5, 0.0, 3.2]]', 'logits', 'input_logits'),
      A('[0, 2]', 'class-indices', 'target'),
      A('[[0.659, 0.2424, 0.0986], [0.0227, 0.0374, 0.9399]]', 'probabilities', 'softmax'),
    ],
    [P('target', 'input_logits')],
    { allowedPairs: [P('target', 'softmax')] },
  ),

  json(
    'json lines of predictions',
    ['ordinary', '5'],
    `{"id": 1, "label": 1, "score": 0.92}
{"id": 2, "label": 0, "score": 0.13}
{"y_true": [1, 0, 1, 0], "y_score": [0.92, 0.13, 0.67, 0.41]}
`,
    [A('[1, 0, 1, 0]', 'class-indices', 'y_true'), A('[0.92, 0.13, 0.67, 0.41]', 'probabilities', 'y_score')],
    [P('y_true', 'y_score')],
  ),

  json(
    'one-hot and soft target',
    ['ordinary'],
    `{
  "target": [0, 0, 1, 0],
  "prediction": [0.05, 0.15, 0.7, 0.1]
}
`,
    [A('[0, 0, 1, 0]', 'one-hot', 'target'), A('[0.05, 0.15, 0.7, 0.1]', 'probabilities', 'prediction')],
    [P('target', 'prediction')],
  ),

  json(
    'tensor serialised with its shape',
    ['2'],
    `{
  "dtype": "float32",
  "shape": [2, 3],
  "data": [0.2, 0.3, 0.5, 0.1, 0.1, 0.8]
}
`,
    [A('[0.2, 0.3, 0.5, 0.1, 0.1, 0.8]', 'probabilities', 'data', { shape: [2, 3] })],
    [],
    { notArrays: [N('[2, 3]')] },
  ),
];
