// emulate(): properties of the framework rules, the reasons, the options and the callee table.
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import {
  CoreError,
  emulate,
  emulationForCallee,
  FRAMEWORKS,
  FRAMEWORK_IDS,
  type EmulateResult,
} from '../../../../src/core';

const num = (r: EmulateResult): number => r.value as number;
const exact = (r: EmulateResult): number => r.exact as number;
const F32 = 2 ** -24;

const dist = (c: number) =>
  fc
    .array(fc.double({ min: 0.01, max: 1, noNaN: true }), { minLength: c, maxLength: c })
    .map((v) => v.map((x) => x / v.reduce((a, b) => a + b, 0)));

describe('the issue’s example', () => {
  test('PyTorch binary_cross_entropy of [0, 1] against [1, 1] returns 50: the log clamped at −100', () => {
    const r = emulate('pytorch', 'binary_cross_entropy', { prediction: [0, 1], target: [1, 1] });
    expect(r).toMatchObject({ value: 50, exact: Infinity, dtype: 'float32', reason: 'log clamped at −100' });
  });
});

describe('float32 within rounding of exact where no rule applies (properties)', () => {
  test('PyTorch cross_entropy from logits', () => {
    fc.assert(
      fc.property(
        fc
          .integer({ min: 2, max: 8 })
          .chain((c) =>
            fc.tuple(fc.array(fc.double({ min: -10, max: 10, noNaN: true }), { minLength: c, maxLength: c }), dist(c)),
          ),
        ([z, p]) => {
          const r = emulate('pytorch', 'cross_entropy', { prediction: [z], target: [p] });
          // Inputs rounded to float32 move each logit by 2^-24·|z|: the loss by at most that much per logit.
          const bound = 8 * F32 * (Math.max(...z.map(Math.abs)) + exact(r) + 1);
          expect(Math.abs(num(r) - exact(r))).toBeLessThanOrEqual(bound);
          expect(['same as exact', 'float32 rounding']).toContain(r.reason);
        },
      ),
    );
  });

  test('Keras categorical on rows inside [1e-7, 1 − 1e-7] that sum to 1: no clip, no renormalisation', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 2, max: 6 }).chain((c) => fc.tuple(dist(c), dist(c))),
        ([p, q]) => {
          const r = emulate('keras', 'CategoricalCrossentropy', { prediction: [q], target: [p] });
          expect(Math.abs(num(r) - exact(r))).toBeLessThanOrEqual(64 * F32 * Math.max(exact(r), 1) + 8 * F32 * 100);
          expect(r.reason).not.toMatch(/clipped/);
        },
      ),
    );
  });
});

describe('clamps and clips are monotone and bounded (properties)', () => {
  test('PyTorch BCE: each element at most 100, never above the exact loss, non-increasing in q for y = 1', () => {
    // q from float32's smallest normal up: a subnormal q rounds to float32 by far more than 2 ulp of the loss.
    const q = fc.double({ min: 2 ** -126, max: 1, noNaN: true });
    fc.assert(
      fc.property(q, q, (a, b) => {
        const [lo, hi] = a < b ? [a, b] : [b, a];
        const at = (q: number) => emulate('pytorch', 'binary_cross_entropy', { prediction: [q], target: [1] });
        const rl = at(lo),
          rh = at(hi);
        expect(num(rl)).toBeLessThanOrEqual(100);
        expect(num(rl)).toBeGreaterThanOrEqual(num(rh));
        expect(num(rl)).toBeLessThanOrEqual(exact(rl) * (1 + 2 * F32) + 2 * F32);
      }),
    );
  });

  test('Keras BCE: bounded by −log(1e-7) ≈ 16.12 and monotone', () => {
    fc.assert(
      fc.property(fc.double({ min: 0, max: 1, noNaN: true }), fc.double({ min: 0, max: 1, noNaN: true }), (a, b) => {
        const [lo, hi] = a < b ? [a, b] : [b, a];
        const at = (q: number) => num(emulate('keras', 'BinaryCrossentropy', { prediction: [q], target: [1] }));
        expect(at(lo)).toBeLessThanOrEqual(16.1181);
        expect(at(lo)).toBeGreaterThanOrEqual(at(hi));
      }),
    );
  });

  test('scikit-learn ≥ 1.5: −log(eps) at most; the 1.2 rule renormalises', () => {
    const zero = emulate('sklearn', 'log_loss', { prediction: [0], target: [1] });
    expect(num(zero)).toBeCloseTo(-Math.log(2 ** -52), 10);
    expect(zero.version).toBe('1.5 and later');
    const r = emulate('sklearn', 'log_loss', { prediction: [[0.2, 0.2]], target: [0] }, { version: '1.2' });
    expect(num(r)).toBeCloseTo(Math.log(2), 12);
    expect(r.reason).toMatch(/renormalised/);
    const modern = emulate('sklearn', 'log_loss', { prediction: [[0.2, 0.2]], target: [0] });
    expect(num(modern)).toBeCloseTo(-Math.log(0.2), 12);
    expect(modern.reason).toMatch(/do not sum to 1.*not renormalised/);
  });
});

describe('rules named in the reason', () => {
  test.each([
    [
      'keras',
      'CategoricalCrossentropy',
      { prediction: [[0, 1]], target: [[1, 0]] },
      /clipped to \[1e-7, 1 − 1e-7\]/,
      16.118,
    ],
    ['tfjs', 'logLoss', { prediction: [0, 1], target: [1, 1] }, /epsilon 1e-7 added inside the log/, 8.059],
    ['flux', 'crossentropy', { prediction: [0, 1], target: [1, 0] }, /ϵ = 1\.19e-7/, 15.942],
    ['flux', 'binarycrossentropy', { prediction: [0], target: [1] }, /ϵ = 1\.19e-7/, 15.942],
  ] as const)('%s %s', (framework, loss, args, reason, value) => {
    const r = emulate(framework, loss, args);
    expect(r.reason).toMatch(reason);
    expect(num(r)).toBeCloseTo(value, 2);
    expect(r.exact).toBe(Infinity);
  });

  test('PyTorch cross_entropy with every target ignored: NaN, and why', () => {
    const r = emulate('pytorch', 'cross_entropy', { prediction: [[1, 2, 3]], target: [-100] });
    expect(r.value).toBeNaN();
    expect(r.reason).toMatch(/every target is ignore_index \(-100\)/);
  });

  test('optax softmax_cross_entropy: a −∞ logit under a zero label is NaN, safe_ is not', () => {
    const args = { prediction: [[0, -Infinity]], target: [[1, 0]] };
    expect(emulate('optax', 'softmax_cross_entropy', args).value).toBeNaN();
    expect(emulate('optax', 'safe_softmax_cross_entropy', args).value).toBe(0);
  });

  test('float16: the result and the inputs rounded to half precision', () => {
    const r = emulate('pytorch', 'binary_cross_entropy', { prediction: [0.1], target: [1] }, { dtype: 'float16' });
    expect(r.dtype).toBe('float16');
    expect(num(r)).toBe(2.302734375); // −log(0.0999755859375) = 2.30283… rounded to float16
    expect(r.reason).toBe('float16 rounding');
  });

  test('label smoothing and class weights follow the weighted mean', () => {
    const r = emulate(
      'pytorch',
      'cross_entropy',
      {
        prediction: [
          [2, 0, 0],
          [0, 2, 0],
        ],
        target: [0, 2],
      },
      { weight: [1, 1, 3], dtype: 'float64' },
    );
    const lse = Math.log(Math.exp(2) + 2);
    expect(num(r)).toBeCloseTo((1 * (lse - 2) + 3 * lse) / 4, 14);
  });
});

describe('bad options are typed errors naming the option', () => {
  test.each([
    ['pytorch', 'binary_cross_entropy', { reduction: 'avg' }, 'INVALID_OPTION', /reduction is "avg"/],
    ['pytorch', 'binary_cross_entropy', { labelSmoothing: 0.1 }, 'INVALID_OPTION', /no option "labelSmoothing"/],
    ['keras', 'CategoricalCrossentropy', { labelSmoothing: 2 }, 'OUT_OF_RANGE', /labelSmoothing is 2/],
    ['sklearn', 'log_loss', { eps: 1e-15 }, 'INVALID_OPTION', /1\.5 removed/],
    ['pytorch', 'kl_div', { dtype: 'float8' }, 'INVALID_OPTION', /dtype/],
  ] as const)('%s %s %j', (framework, loss, options, code, message) => {
    const call = () => emulate(framework, loss, { prediction: [0.5], target: [1] }, options as never);
    expect(call).toThrow(CoreError);
    expect(call).toThrow(message);
    try {
      call();
    } catch (e) {
      expect((e as CoreError).code).toBe(code);
    }
  });

  test('unknown framework or loss, NaN, shapes that differ', () => {
    expect(() => emulate('mxnet' as never, 'x', { prediction: [1], target: [1] })).toThrow(/unknown framework "mxnet"/);
    expect(() => emulate('keras', 'Hinge', { prediction: [1], target: [1] })).toThrow(/no emulated loss "Hinge"/);
    expect(() => emulate('pytorch', 'binary_cross_entropy', { prediction: [NaN], target: [1] })).toThrow(
      /input\[0\] is NaN/,
    );
    expect(() => emulate('pytorch', 'binary_cross_entropy', { prediction: [0.5, 0.5], target: [1] })).toThrow(
      /same shape/,
    );
  });
});

describe('emulationForCallee resolves the finder’s callees by the table', () => {
  test.each([
    ['F.binary_cross_entropy', 'pytorch', 'binary_cross_entropy'],
    ['torch.nn.functional.cross_entropy', 'pytorch', 'cross_entropy'],
    ['nn.CrossEntropyLoss()', 'pytorch', 'cross_entropy'],
    ['nn.BCEWithLogitsLoss()', 'pytorch', 'binary_cross_entropy_with_logits'],
    ['F.kl_div', 'pytorch', 'kl_div'],
    ['keras.losses.BinaryCrossentropy()', 'keras', 'BinaryCrossentropy'],
    ['tf.keras.losses.sparse_categorical_crossentropy', 'keras', 'SparseCategoricalCrossentropy'],
    ['log_loss', 'sklearn', 'log_loss'],
    ['sklearn.metrics.log_loss', 'sklearn', 'log_loss'],
    ['tf.losses.logLoss', 'tfjs', 'logLoss'],
    ['tf.losses.softmaxCrossEntropy', 'tfjs', 'softmaxCrossEntropy'],
    ['optax.softmax_cross_entropy_with_integer_labels', 'optax', 'softmax_cross_entropy_with_integer_labels'],
    ['Flux.logitcrossentropy', 'flux', 'logitcrossentropy'],
    ['crossentropy', 'flux', 'crossentropy'],
  ])('%s → %s %s', (callee, framework, loss) => {
    expect(emulationForCallee(callee)).toEqual({ framework, loss });
  });

  test('no emulation for TF 1 snake_case losses or unknown calls', () => {
    expect(emulationForCallee('tf.losses.log_loss')).toBeUndefined();
    expect(emulationForCallee('np.mean')).toBeUndefined();
  });

  test('every loss of the table is emulated and reachable by one of its names', () => {
    for (const f of FRAMEWORK_IDS)
      for (const [loss, entry] of Object.entries(FRAMEWORKS[f].losses)) {
        expect(entry.reductions.length).toBeGreaterThan(0);
        const prefix = {
          pytorch: 'F.',
          keras: 'keras.losses.',
          sklearn: 'sklearn.metrics.',
          tfjs: 'tf.losses.',
          optax: 'optax.',
          flux: 'Flux.',
        }[f];
        expect(emulationForCallee(entry.call) ?? emulationForCallee(prefix + loss)).toEqual({ framework: f, loss });
      }
  });
});
