// Issue #11, pattern 2: shape, size and axis arguments are not data; data that
// comes with its shape is reported with that shape.
import { describe, expect, it } from 'vitest';
import { findArrays } from '../../../../src/parse';

const found = (text: string, lang: string): [unknown, unknown, string | undefined][] =>
  findArrays(text, lang).arrays.map((a) => [a.values, a.shape, a.name]);

describe('shape and size arguments are not reported', () => {
  it('constructors and reshapers in Python, JS, C++, MATLAB, Rust', () => {
    expect(
      found(
        'w = torch.ones([8, 16])\nb = torch.full([8, 16], 0.5)\nz = np.zeros((5,))\nm = np.random.normal(0, 1, (3, 4))',
        'python',
      ),
    ).toEqual([]);
    expect(
      found(
        'h = x.reshape((4, 2))\ng = torch.reshape(x, (1, 1, 4, 2))\nq = x.permute([2, 0, 1])\nt = np.transpose(x, axes=(1, 0, 2))',
        'python',
      ),
    ).toEqual([]);
    expect(found('s = np.sum(p, axis=(0, 1))\nshape = (3, 4)\ninput_shape = [28, 28, 1]', 'python')).toEqual([]);
    expect(
      found(
        'const a = tf.zeros([3]);\nconst b = tf.randomNormal([10, 20]);\nmodel.add(tf.layers.dense({units: 8, inputShape: [20]}));',
        'javascript',
      ),
    ).toEqual([]);
    expect(
      found('auto w = torch::randn({4, 3, 28, 28});\nauto v = x.view({-1, 784});\nTensor out({1, 5});', 'cpp'),
    ).toEqual([]);
    expect(found('B = repmat(A, [100 1]);', 'matlab')).toEqual([]);
    expect(found('int[] hidden = new int[]{256, 128};', 'java')).toEqual([]);
    expect(found('{ "hidden_sizes": [300, 100], "input_shape": [32, 32, 3] }', 'json')).toEqual([]);
  });

  it('keeps integer data: the first argument of a reshape called as a function, class indices, counts', () => {
    expect(found('y = np.reshape([1, 0, 0, 1], (2, 2))', 'python')).toEqual([
      [
        [
          [1, 0],
          [0, 1],
        ],
        [2, 2],
        'y',
      ],
    ]);
    expect(found('labels = torch.tensor([2, 0, 1])\ncounts = [3, 5, 2]', 'python').map((r) => r[2])).toEqual([
      'labels',
      'counts',
    ]);
  });
});

describe('data reported with the shape it comes with', () => {
  it('a shape literal beside flat data in the same call (either order)', () => {
    expect(found('const p = tf.tensor2d([0.1, 0.9, 0.5, 0.5, 0.3, 0.7], [3, 2]);', 'javascript')).toEqual([
      [
        [
          [0.1, 0.9],
          [0.5, 0.5],
          [0.3, 0.7],
        ],
        [3, 2],
        'p',
      ],
    ]);
    expect(found('auto y = variable({2, 2}, {1, 0, 0, 1});', 'cpp')).toEqual([
      [
        [
          [1, 0],
          [0, 1],
        ],
        [2, 2],
        'y',
      ],
    ]);
    expect(
      found('var q = torch.tensor(new float[] { 0.2f, 0.8f, 0.6f, 0.4f }, new long[] { 2, 2 });', 'csharp'),
    ).toEqual([
      [
        [
          [0.2, 0.8],
          [0.6, 0.4],
        ],
        [2, 2],
        'q',
      ],
    ]);
  });

  it('a shape beside data bound to a name', () => {
    expect(found('const v = [0.25, 0.75, 0.5, 0.5];\nconst t = tf.tensor2d(v, [2, 2]);', 'javascript')).toEqual([
      [
        [
          [0.25, 0.75],
          [0.5, 0.5],
        ],
        [2, 2],
        'v',
      ],
    ]);
  });

  it('a reshape of a name elsewhere leaves the literal its own shape', () => {
    expect(found('x = torch.tensor([0.1, 0.9, 0.4, 0.6])\ny = torch.reshape(x, (2, 2))', 'python')).toEqual([
      [[0.1, 0.9, 0.4, 0.6], [4], 'x'],
    ]);
  });

  it('plain-number shapes: chained reshape, Julia and R (column-major), Math.NET Dense, candle', () => {
    expect(found('q = np.array([0.1, 0.9, 0.4, 0.6], dtype=np.float32).reshape(2, 2)', 'python')).toEqual([
      [
        [
          [0.1, 0.9],
          [0.4, 0.6],
        ],
        [2, 2],
        'q',
      ],
    ]);
    expect(found('x = reshape(Float64[0.1, 0.9, 0.4, 0.6], 2, 2)', 'julia')).toEqual([
      [
        [
          [0.1, 0.4],
          [0.9, 0.6],
        ],
        [2, 2],
        'x',
      ],
    ]);
    expect(found('m <- matrix(c(0.1, 0.9, 0.4, 0.6), nrow = 2, byrow = TRUE)', 'r')).toEqual([
      [
        [
          [0.1, 0.9],
          [0.4, 0.6],
        ],
        [2, 2],
        'm',
      ],
    ]);
    expect(found('var m = Matrix<double>.Build.Dense(2, 2, new double[] { 1, 0, 0, 1 });', 'csharp')).toEqual([
      [
        [
          [1, 0],
          [0, 1],
        ],
        [2, 2],
        'm',
      ],
    ]);
    expect(found('let t = Tensor::from_vec(vec![0.5f32, 0.5, 0.9, 0.1], (2, 2), &dev)?;', 'rust')).toEqual([
      [
        [
          [0.5, 0.5],
          [0.9, 0.1],
        ],
        [2, 2],
        't',
      ],
    ]);
  });

  it('JSON: "shape" beside "data"', () => {
    expect(found('{"shape": [2, 2], "data": [0.3, 0.7, 0.6, 0.4]}', 'json')).toEqual([
      [
        [
          [0.3, 0.7],
          [0.6, 0.4],
        ],
        [2, 2],
        'data',
      ],
    ]);
  });
});

describe('names through constructors', () => {
  it('Rust burn, C++ members', () => {
    expect(
      found('let probs = Tensor::<B, 2>::from_data(TensorData::from([[0.6, 0.4]]), &device);', 'rust').map((r) => r[2]),
    ).toEqual(['probs']);
    expect(found('logits->data = {1.5f, -0.5f};', 'cpp').map((r) => r[2])).toEqual(['logits']);
  });
});
