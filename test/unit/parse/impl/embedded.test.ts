// Issue #11, pattern 8: code inside strings — raw .ipynb cells and outputs,
// Python doctests and their printed output.
import { describe, expect, it } from 'vitest';
import { findArrays } from '../../../../src/parse';

const nb = (cells: object[], language = 'python'): string =>
  JSON.stringify({ cells, metadata: { language_info: { name: language } }, nbformat: 4, nbformat_minor: 5 }, null, 1);

describe('raw notebooks', () => {
  it('reads code cells (JSON strings) at their offsets in the raw text, with names and call pairs', () => {
    const text = nb([
      { cell_type: 'markdown', metadata: {}, source: ['Toy batch: [0.5, 0.5]\n'] },
      {
        cell_type: 'code',
        metadata: {},
        outputs: [],
        source: ['labels = [1, 0, 1]\n', 'probs = [0.8, 0.3, 0.6]\n', 'log_loss(labels, probs)'],
      },
    ]);
    const r = findArrays(text, 'jupyter');
    expect(r.arrays.map((a) => [a.name, a.values, text.slice(a.start, a.end)])).toEqual([
      ['labels', [1, 0, 1], '[1, 0, 1]'],
      ['probs', [0.8, 0.3, 0.6], '[0.8, 0.3, 0.6]'],
    ]);
    expect(r.pairs).toMatchObject([{ target: 0, prediction: 1, rule: 'call', binary: true }]);
  });

  it('reads printed outputs as printed values, and cells in the kernel language', () => {
    const printed = nb([
      {
        cell_type: 'code',
        metadata: {},
        source: ['torch.softmax(z, 0)'],
        outputs: [{ data: { 'text/plain': ['tensor([0.2000, 0.3000, 0.5000])'] }, output_type: 'execute_result' }],
      },
    ]);
    expect(findArrays(printed, 'jupyter').arrays.map((a) => a.values)).toEqual([[0.2, 0.3, 0.5]]);
    const r = nb([{ cell_type: 'code', metadata: {}, outputs: [], source: ['p <- c(1/4, 3/4)'] }], 'R');
    expect(findArrays(r, 'jupyter').arrays.map((a) => [a.name, a.values])).toEqual([['p', [0.25, 0.75]]]);
  });
});

describe('doctests', () => {
  it('reads >>> lines in a docstring as code and the lines after them as printed output', () => {
    const text =
      'def ce(t, q):\n    """Cross-entropy.\n\n    >>> ce([0, 1], [0.25, 0.75])\n    0.2876820724517809\n    >>> softmax([1.0, 2.0])\n    array([0.26894142, 0.73105858])\n    """\n';
    const r = findArrays(text, 'python');
    expect(r.arrays.map((a) => a.values)).toEqual([
      [0, 1],
      [0.25, 0.75],
      [1, 2],
      [0.26894142, 0.73105858],
    ]);
    expect(r.arrays.map((a) => a.role)).toEqual(['one-hot', 'probabilities', 'logits', 'probabilities']);
  });
});

describe('printed values', () => {
  it("R's [1] lines (wrapped ones go on), not their index; sizes after dim() are not data", () => {
    const r = findArrays(
      '> softmax(c(1, 2, 3))\n[1] 0.09003057 0.24472847\n[3] 0.66524096\n> dim(m)\n[1] 150   4\n',
      'r',
    );
    expect(r.arrays.map((a) => [a.values, a.role, a.printed])).toEqual([
      [[1, 2, 3], 'logits', undefined],
      [[0.09003057, 0.24472847, 0.66524096], 'probabilities', 'r'],
    ]);
  });

  it("Julia's n-element Vector column and Octave's name = block", () => {
    expect(
      findArrays(
        'julia> softmax([1.0, 2.0])\n2-element Vector{Float64}:\n 0.2689414213699951\n 0.7310585786300049\n',
        'julia',
      ).arrays.map((a) => a.values),
    ).toEqual([
      [1, 2],
      [0.2689414213699951, 0.7310585786300049],
    ]);
    expect(findArrays('>> p = [0.2 0.8]\np =\n\n   0.2000   0.8000\n\n', 'octave').arrays.map((a) => a.values)).toEqual(
      [[0.2, 0.8], [[0.2, 0.8]]],
    );
  });
});

describe('printed values inside notebook outputs', () => {
  it("an R kernel's [1] line", () => {
    const text = nb(
      [
        {
          cell_type: 'code',
          metadata: {},
          source: ['p <- c(1/5, 1/5, 3/5)\n', 'p'],
          outputs: [{ name: 'stdout', output_type: 'stream', text: ['[1] 0.2 0.2 0.6\n'] }],
        },
      ],
      'R',
    );
    expect(findArrays(text, 'jupyter').arrays.map((a) => [a.values, a.printed])).toEqual([
      [[0.2, 0.2, 0.6], undefined],
      [[0.2, 0.2, 0.6], 'r'],
    ]);
  });
});
