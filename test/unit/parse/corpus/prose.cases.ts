// Markdown and plain text: numbers pasted into notes, logs and printouts
// (numpy, torch), fenced code, and the brackets of links, citations and task
// lists that are not arrays.
import type { CorpusCase } from './types';

const at =
  (lang: string) =>
  (name: string, text: string, rest: Omit<CorpusCase, 'name' | 'lang' | 'text'>): CorpusCase => ({
    name,
    lang,
    text,
    ...rest,
  });
const md = at('markdown');
const txt = at('plaintext');

export const proseCases: CorpusCase[] = [
  // --- Markdown -------------------------------------------------------------------------------
  md('inline lists in a sentence', 'The model predicted [0.7, 0.2, 0.1] for the label [1, 0, 0].\n', {
    arrays: [
      { src: '[0.7, 0.2, 0.1]', values: [0.7, 0.2, 0.1], role: 'probabilities' },
      { src: '[1, 0, 0]', values: [1, 0, 0], role: 'one-hot' },
    ],
  }),
  md(
    'links, citations, footnotes and task lists are not arrays',
    '- [ ] train\n- [x] evaluate\nSee [the docs](https://example.com/a[1]) and [1], [^2].\n',
    { arrays: [] },
  ),
  md('fenced python block', '# Results\n\n```python\ny_true = [0, 1]\ny_pred = [0.3, 0.7]\n```\n', {
    arrays: [
      { src: '[0, 1]', name: 'y_true', values: [0, 1], role: 'one-hot' },
      { src: '[0.3, 0.7]', name: 'y_pred', values: [0.3, 0.7], role: 'probabilities' },
    ],
  }),
  md('inline code span', 'Use `p = [0.5, 0.5]` as the uniform prior.\n', {
    arrays: [{ src: '[0.5, 0.5]', anyName: true, values: [0.5, 0.5] }],
  }),
  md('table cells holding vectors', '| run | probs |\n|---|---|\n| a | [0.1, 0.9] |\n| b | [0.4, 0.6] |\n', {
    arrays: [
      { src: '[0.1, 0.9]', anyName: true, values: [0.1, 0.9] },
      { src: '[0.4, 0.6]', anyName: true, values: [0.4, 0.6] },
    ],
  }),
  md('single number in brackets is a citation', 'As shown in [12], the loss is 0.3 [see 4].\n', { arrays: [] }),
  md('math with intervals is not a list of values', 'Values lie in [0, 1) and the limit is $[a, b]$.\n', {
    arrays: [],
  }),

  // --- plain text -----------------------------------------------------------------------------
  txt('training log line', 'epoch 3: probs=[0.1, 0.9] loss=0.105\n', {
    arrays: [{ src: '[0.1, 0.9]', anyName: true, values: [0.1, 0.9] }],
  }),
  txt('numpy repr of a 2-D array', 'array([[0.1, 0.9],\n       [0.3, 0.7]])\n', {
    arrays: [
      {
        src: '[[0.1, 0.9],\n       [0.3, 0.7]]',
        values: [
          [0.1, 0.9],
          [0.3, 0.7],
        ],
        role: 'probabilities',
      },
    ],
  }),
  txt('torch repr with trailing zeros', 'tensor([0.2000, 0.8000])\n', {
    arrays: [{ src: '[0.2000, 0.8000]', values: [0.2, 0.8], role: 'probabilities' }],
  }),
  txt('nan and inf in a printout are reported', 'loss history: [0.69, nan, inf]\n', {
    arrays: [{ src: '[0.69, nan, inf]', anyName: true, values: [0.69, NaN, Infinity], issues: ['non-finite'] }],
  }),
  txt('dates, versions and ranges are not arrays', '[2024-01-05] released [v1.2.3], pages [10-12]\n', { arrays: [] }),
  txt('words in brackets are not arrays', '[INFO] started [worker 2]\n', { arrays: [] }),
  txt('scientific notation in a log', 'grad norms [1.2e-05, 3.4E-04, 5e-3]\n', {
    arrays: [{ src: '[1.2e-05, 3.4E-04, 5e-3]', values: [1.2e-5, 3.4e-4, 5e-3] }],
  }),
  txt('numpy print of a 1-D array has no commas', 'probs: [0.1 0.2 0.7]\n', {
    arrays: [{ src: '[0.1 0.2 0.7]', anyName: true, values: [0.1, 0.2, 0.7], role: 'probabilities' }],
  }),
  txt('numpy print of a 2-D array has no commas', '[[0.1 0.9]\n [0.3 0.7]]\n', {
    arrays: [
      {
        src: '[[0.1 0.9]\n [0.3 0.7]]',
        values: [
          [0.1, 0.9],
          [0.3, 0.7],
        ],
        role: 'probabilities',
      },
    ],
  }),
  md(
    'blockquote, ordered list and indented code',
    '> Quote with [0.2, 0.8]\n\n1. [0.3, 0.7]\n\n    indented [0.4, 0.6]\n',
    {
      arrays: [
        { src: '[0.2, 0.8]', values: [0.2, 0.8] },
        { src: '[0.3, 0.7]', values: [0.3, 0.7] },
        { src: '[0.4, 0.6]', values: [0.4, 0.6] },
      ],
    },
  ),
  txt(
    'torch print of a 2-D tensor with grad_fn',
    'tensor([[ 0.1000, -1.2000],\n        [ 2.3000,  0.4000]], grad_fn=<AddmmBackward0>)\n',
    {
      arrays: [
        {
          src: '[[ 0.1000, -1.2000],\n        [ 2.3000,  0.4000]]',
          values: [
            [0.1, -1.2],
            [2.3, 0.4],
          ],
        },
      ],
    },
  ),
  txt('numpy repr with trailing-dot exponents', 'array([ 1.e-03,  5.e-01, -2.e+00])\n', {
    arrays: [{ src: '[ 1.e-03,  5.e-01, -2.e+00]', values: [0.001, 0.5, -2] }],
  }),
  txt('numpy print wrapped over lines without commas', '[ 0.1  0.2\n  0.7]\n', {
    arrays: [{ src: '[ 0.1  0.2\n  0.7]', values: [0.1, 0.2, 0.7], role: 'probabilities' }],
  }),
  txt('IPython Out[] prompt: the prompt is not an array', 'Out[3]: [0.25, 0.75]\nIn [4]: x[0]\n', {
    arrays: [{ src: '[0.25, 0.75]', anyName: true, values: [0.25, 0.75] }],
  }),
  md('display-math delimiters are not part of a name', '$$p = [0.1, 0.9]$$\n', {
    arrays: [{ src: '[0.1, 0.9]', name: 'p', values: [0.1, 0.9] }],
  }),
];
