// The repr reader (src/parse/reprs.ts) on values as Python prints them.
// Reprs printed by Debian's python3-torch 1.13.0a0, numpy 1.24.2 and pandas
// 1.5.3 (repr()/str() of the values named in each test); the CUDA one is
// torch's format with a device, as no GPU prints here.
import { describe, expect, it } from 'vitest';
import { readPrinted } from '../../../../src/parse';

const one = (text: string) => {
  const found = readPrinted(text);
  expect(found).toHaveLength(1);
  return found[0]!;
};

describe('readPrinted: PyTorch', () => {
  it('reads tensor([...], dtype=torch.float64)', () => {
    const text = 'tensor([0.1000, 0.8500, 0.0500], dtype=torch.float64)';
    const v = one(text);
    expect(v).toMatchObject({ kind: 'torch', values: [0.1, 0.85, 0.05], shape: [3], complete: true });
    expect(v.dtype).toBe('torch.float64');
    expect([v.start, v.end]).toEqual([0, text.length]);
  });

  it('reads requires_grad=True', () => {
    const v = one('tensor([2.0000, 1.0000, 0.1000], requires_grad=True)');
    expect(v.values).toEqual([2, 1, 0.1]);
    expect(v.requiresGrad).toBe(true);
  });

  it('reads grad_fn=<...> on a batch of rows', () => {
    const v = one('tensor([[0.6590, 0.2424, 0.0986]], grad_fn=<SoftmaxBackward0>)');
    expect(v.values).toEqual([[0.659, 0.2424, 0.0986]]);
    expect(v.shape).toEqual([1, 3]);
    expect(v.gradFn).toBe('SoftmaxBackward0');
  });

  it("reads device='cuda:0' beside grad_fn", () => {
    const v = one("tensor([0.1000, 0.8500, 0.0500], device='cuda:0', grad_fn=<SoftmaxBackward0>)");
    expect(v.device).toBe('cuda:0');
    expect(v.gradFn).toBe('SoftmaxBackward0');
    expect(v.values).toEqual([0.1, 0.85, 0.05]);
  });

  it('reads scientific notation', () => {
    expect(one('tensor([1.0000e-05, 5.0000e-01, 4.9999e-01])').values).toEqual([1e-5, 0.5, 0.49999]);
  });

  it('reports a summarised tensor (...) as incomplete, 1-D and 2-D', () => {
    const v = one('tensor([0.0005, 0.0005, 0.0005,  ..., 0.0005, 0.0005, 0.0005])');
    expect(v.complete).toBe(false);
    const rows = '[0.1000, 0.1000, 0.1000,  ..., 0.1000, 0.1000, 0.1000]';
    const m = one(`tensor([${rows},\n        ${rows},\n        ...,\n        ${rows}])`);
    expect(m.complete).toBe(false);
    expect(m.shape).toEqual([3, 6]);
  });
});

describe('readPrinted: NumPy', () => {
  it('reads array([...], dtype=float32)', () => {
    const v = one('array([0.2, 0.7, 0.1], dtype=float32)');
    expect(v).toMatchObject({ kind: 'numpy', values: [0.2, 0.7, 0.1], dtype: 'float32', complete: true });
  });

  it('reads rows wrapped over lines, in repr and print forms', () => {
    expect(one('array([[0.2, 0.7, 0.1],\n       [0.5, 0.5, 0. ]])').values).toEqual([
      [0.2, 0.7, 0.1],
      [0.5, 0.5, 0],
    ]);
    const printed = one('[[0.2 0.7 0.1]\n [0.5 0.5 0. ]]');
    expect(printed).toMatchObject({ kind: 'numpy', shape: [2, 3], complete: true });
    expect(one('[0.2 0.7 0.1]').values).toEqual([0.2, 0.7, 0.1]);
  });

  it('reports a summarised array (...) as incomplete', () => {
    expect(one('array([0.0005, 0.0005, 0.0005, ..., 0.0005, 0.0005, 0.0005])').complete).toBe(false);
    expect(one('[0.1 0.2 ... 0.3 0.4]').complete).toBe(false);
  });
});

describe('readPrinted: pandas Series', () => {
  it('reads the index, the values and the Name', () => {
    const v = one('cat    0.2\ndog    0.7\nfox    0.1\nName: probs, dtype: float64');
    expect(v).toMatchObject({ kind: 'series', values: [0.2, 0.7, 0.1], index: ['cat', 'dog', 'fox'] });
    expect(v.name).toBe('probs');
    expect(v.dtype).toBe('float64');
    expect(v.complete).toBe(true);
  });

  it('reports a summarised Series (... and Length:) as incomplete', () => {
    const lines = [0, 1, 2, 3, 4].map((i) => `${i}     0.01`);
    const tail = [95, 96, 97, 98, 99].map((i) => `${i}    0.01`);
    const v = one([...lines, '      ... ', ...tail, 'Length: 100, dtype: float64'].join('\n'));
    expect(v.complete).toBe(false);
    expect(v.index).toHaveLength(10);
  });

  it('reads nothing from a table that is not a Series', () => {
    expect(readPrinted('   a    b\n0  0.1  0.9\n1  0.2  0.8')).toEqual([]);
  });
});

describe('readPrinted: lists and text around values', () => {
  it('reads a plain list, and a label printed before a value', () => {
    expect(one('[0.2, 0.7, 0.1]')).toMatchObject({ kind: 'list', values: [0.2, 0.7, 0.1] });
    expect(one('probs: [0.2, 0.7, 0.1]').name).toBe('probs');
    expect(one('y_pred = tensor([0.2000, 0.8000])').name).toBe('y_pred');
  });

  it('reads several values in order and leaves other text alone', () => {
    const found = readPrinted('epoch 1 loss 0.3\n(array([0, 1]), array([0.2, 0.8]))\nx[0] = 3\ndone [1]');
    expect(found.map((v) => v.values)).toEqual([
      [0, 1],
      [0.2, 0.8],
    ]);
  });

  it('reads nan and inf as values', () => {
    const v = one('tensor([0.5000,    nan,    inf])');
    expect(v.values[0]).toBe(0.5);
    expect(Number.isNaN(v.values[1])).toBe(true);
    expect(v.values[2]).toBe(Infinity);
  });

  it('never throws on malformed prints', () => {
    for (const t of ['tensor([0.1, 0.2', 'array([[0.1], [0.2', '[[[0.1]]]', 'tensor([0.1], dtype=)', '[', '']) {
      expect(() => readPrinted(t)).not.toThrow();
    }
    expect(readPrinted('tensor([0.1, 0.2')).toEqual([]);
  });
});
