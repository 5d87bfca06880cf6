// JSON as it comes out of experiment logs, configs and json.dumps (which
// writes NaN and Infinity), plus JSON with comments.
import { BY_NAMES, type CorpusCase } from './types';

const json = (
  name: string,
  text: string,
  rest: Omit<CorpusCase, 'name' | 'lang' | 'text'>,
  lang = 'json',
): CorpusCase => ({ name, lang, text, ...rest });

export const jsonCases: CorpusCase[] = [
  json('keys name a target and a prediction', '{"y_true": [0, 1, 0], "y_pred": [0.1, 0.8, 0.1]}\n', {
    arrays: [
      { src: '[0, 1, 0]', name: 'y_true', values: [0, 1, 0], role: 'one-hot' },
      { src: '[0.1, 0.8, 0.1]', name: 'y_pred', values: [0.1, 0.8, 0.1], role: 'probabilities' },
    ],
    pairs: [{ target: 'y_true', prediction: 'y_pred', why: BY_NAMES }],
  }),
  json('pretty-printed with one value per line', '{\n  "probs": [\n    0.25,\n    0.25,\n    0.5\n  ]\n}\n', {
    arrays: [
      { src: '[\n    0.25,\n    0.25,\n    0.5\n  ]', name: 'probs', values: [0.25, 0.25, 0.5], role: 'probabilities' },
    ],
  }),
  json('nested object holding a batch', '{"model": {"outputs": {"logits": [[2.1, -0.3, 0.4], [0.0, 1.5, -2.0]]}}}\n', {
    arrays: [
      {
        src: '[[2.1, -0.3, 0.4], [0.0, 1.5, -2.0]]',
        name: 'logits',
        values: [
          [2.1, -0.3, 0.4],
          [0, 1.5, -2],
        ],
        role: 'logits',
      },
    ],
  }),
  json('top-level array of rows has no name', '[[0.5, 0.5], [0.9, 0.1]]\n', {
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
  }),
  json('exponents and signs', '{"eps": [1e-3, -0.5, 1E+2, 2.5e-10, -0]}\n', {
    arrays: [{ src: '[1e-3, -0.5, 1E+2, 2.5e-10, -0]', name: 'eps', values: [0.001, -0.5, 100, 2.5e-10, -0] }],
  }),
  json('NaN and Infinity written by json.dumps are reported', '{"loss_curve": [0.69, NaN, Infinity, -Infinity]}\n', {
    arrays: [
      {
        src: '[0.69, NaN, Infinity, -Infinity]',
        name: 'loss_curve',
        values: [0.69, NaN, Infinity, -Infinity],
        issues: ['non-finite'],
      },
    ],
  }),
  json('brackets inside string values', '{"note": "[1, 2, 3]", "expr": "x[0]", "p": [0.5, 0.5]}\n', {
    arrays: [{ src: '[0.5, 0.5]', name: 'p', values: [0.5, 0.5] }],
  }),
  json('escaped quotes inside a string before an array', '{"s": "he said \\"[1, 2]\\" twice", "q": [0.3, 0.7]}\n', {
    arrays: [{ src: '[0.3, 0.7]', name: 'q', values: [0.3, 0.7] }],
  }),
  json(
    'empty arrays and arrays of strings are not numeric arrays',
    '{"a": [], "classes": ["cat", "dog"], "b": [[]]}\n',
    { arrays: [] },
  ),
  json('null and booleans make a list non-numeric', '{"a": [1, null], "b": [true, false], "c": [0.5, "0.5"]}\n', {
    arrays: [],
  }),
  json('array of objects, each with its own array', '[{"id": 1, "p": [0.5, 0.5]}, {"id": 2, "p": [0.2, 0.8]}]\n', {
    arrays: [
      { src: '[0.5, 0.5]', name: 'p', values: [0.5, 0.5] },
      { src: '[0.2, 0.8]', name: 'p', values: [0.2, 0.8] },
    ],
  }),
  json(
    'comments and trailing commas in jsonc',
    '{\n  // [0.1, 0.9] is the old value\n  "q": [0.4, 0.6,], /* [1, 2] */\n}\n',
    {
      arrays: [{ src: '[0.4, 0.6,]', name: 'q', values: [0.4, 0.6] }],
    },
    'jsonc',
  ),
  json('ragged rows in a log', '{"batch": [[0.2, 0.8], [0.1, 0.1, 0.8]]}\n', {
    arrays: [
      {
        src: '[[0.2, 0.8], [0.1, 0.1, 0.8]]',
        name: 'batch',
        values: [
          [0.2, 0.8],
          [0.1, 0.1, 0.8],
        ],
        shape: [2, 2],
        issues: ['ragged'],
      },
    ],
  }),
  json('class labels and a probability matrix', '{"labels": [2, 0], "probs": [[0.1, 0.2, 0.7], [0.8, 0.1, 0.1]]}\n', {
    arrays: [
      { src: '[2, 0]', name: 'labels', values: [2, 0], role: 'class-indices' },
      {
        src: '[[0.1, 0.2, 0.7], [0.8, 0.1, 0.1]]',
        name: 'probs',
        values: [
          [0.1, 0.2, 0.7],
          [0.8, 0.1, 0.1],
        ],
        role: 'probabilities',
      },
    ],
    pairs: [{ target: 'labels', prediction: 'probs' }],
  }),
  json(
    'notebook file text: code in source strings and printed outputs are read',
    '{"cells": [{"cell_type": "code", "execution_count": 3, "source": ["y = [0, 1]\\n", "q = [0.2, 0.8]"], "outputs": [{"data": {"text/plain": ["array([0.2, 0.8])"]}}]}]}\n',
    {
      arrays: [
        { src: '[0, 1]', name: 'y', values: [0, 1] },
        { src: '[0.2, 0.8]', name: 'q', values: [0.2, 0.8] },
        { src: '[0.2, 0.8]', values: [0.2, 0.8] },
      ],
    },
  ),
  json(
    'notebook markdown cells are not code',
    '{"cells": [{"cell_type": "markdown", "source": ["p = [0.5, 0.5]"]}]}\n',
    { arrays: [] },
  ),
  json('unicode key', '{"wahrscheinlichkeit_ü": [0.6, 0.4]}\n', {
    arrays: [{ src: '[0.6, 0.4]', name: 'wahrscheinlichkeit_ü', values: [0.6, 0.4] }],
  }),
  json('minified log line with many keys', '{"step":10,"lr":[0.001,0.0005],"acc":0.9,"probs":[0.05,0.9,0.05]}', {
    arrays: [
      { src: '[0.001,0.0005]', name: 'lr', values: [0.001, 0.0005] },
      { src: '[0.05,0.9,0.05]', name: 'probs', values: [0.05, 0.9, 0.05], role: 'probabilities' },
    ],
  }),
  json('overflowing exponents are reported as non-finite', '{"a": [1e999, -1e999]}\n', {
    arrays: [{ src: '[1e999, -1e999]', name: 'a', values: [Infinity, -Infinity], issues: ['non-finite'] }],
  }),
  json('truncated file: the unclosed array is reported', '[\n  0.1,\n  0.9\n', { arrays: [], docIssues: ['unclosed'] }),
  json('duplicate keys: both arrays, both named', '{"probs": [0.1, 0.9], "probs": [0.2, 0.8]}\n', {
    arrays: [
      { src: '[0.1, 0.9]', name: 'probs', values: [0.1, 0.9] },
      { src: '[0.2, 0.8]', name: 'probs', values: [0.2, 0.8] },
    ],
  }),
  json(
    'block comment between values in jsonc',
    '{\n  "a": [1, 2, /* 3 */ 4],\n}\n',
    {
      arrays: [{ src: '[1, 2, /* 3 */ 4]', name: 'a', values: [1, 2, 4] }],
    },
    'jsonc',
  ),
  json(
    'notebook file: a JSON output holds an array, the code in source strings does not',
    '{"cells": [{"source": ["p = [0.5, 0.5]"], "outputs": [{"data": {"application/json": {"probs": [0.2, 0.8]}}}]}]}\n',
    {
      arrays: [{ src: '[0.2, 0.8]', name: 'probs', values: [0.2, 0.8], role: 'probabilities' }],
    },
    'jupyter',
  ),
];
