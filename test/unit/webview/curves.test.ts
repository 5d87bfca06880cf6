import { describe, expect, it } from 'vitest';
import {
  bceVsLog10Prediction,
  bceVsPrediction,
  binaryCrossEntropy,
  departureBelow,
  gradientVsLogit,
  KERAS_EPSILON,
  linspace,
  lossVsTrueClassProbability,
  sigmoid,
  SKLEARN_EPSILON,
} from '../../../webview/curves/lossCurves';

describe('loss against the probability of the true class', () => {
  const { crossEntropy, squaredError } = lossVsTrueClassProbability(1001, 1e-3);

  it('samples p from pMin to 1 with −log p and (1 − p)²', () => {
    expect(crossEntropy.x[0]).toBeCloseTo(1e-3, 15);
    expect(crossEntropy.x[1000]).toBe(1);
    expect(crossEntropy.y[0]).toBeCloseTo(Math.log(1000), 12);
    expect(crossEntropy.y[1000]).toBe(-0);
    expect(squaredError.y[0]).toBeCloseTo(0.998001, 12);
    expect(squaredError.y[1000]).toBe(0);
  });

  it('cross-entropy punishes a confident wrong answer far more than squared error', () => {
    // Both are decreasing in p, CE exceeds 1 below p = 1/e while SE never does.
    for (let i = 1; i < 1001; i++) {
      expect(crossEntropy.y[i]!).toBeLessThanOrEqual(crossEntropy.y[i - 1]!);
      expect(squaredError.y[i]!).toBeLessThan(1);
    }
    expect(crossEntropy.y[0]! / squaredError.y[0]!).toBeGreaterThan(6);
  });
});

describe('binary cross-entropy under framework rules', () => {
  it('follows the formula exactly under "math"', () => {
    expect(binaryCrossEntropy(1, 0.25, 'math')).toBeCloseTo(Math.log(4), 14);
    expect(binaryCrossEntropy(0, 0.25, 'math')).toBeCloseTo(-Math.log(0.75), 14);
    expect(binaryCrossEntropy(1, 0, 'math')).toBe(Infinity);
  });

  it('Keras clips ŷ to [1e-7, 1 − 1e-7]: flat at −log 1e-7 below it', () => {
    const flat = -Math.log(KERAS_EPSILON);
    expect(binaryCrossEntropy(1, 1e-9, 'keras')).toBeCloseTo(flat, 10);
    expect(binaryCrossEntropy(1, 0, 'keras')).toBeCloseTo(flat, 10);
    expect(binaryCrossEntropy(0, 1, 'keras')).toBeCloseTo(-Math.log(1 - (1 - KERAS_EPSILON)), 6);
    expect(binaryCrossEntropy(1, 1e-3, 'keras')).toBeCloseTo(-Math.log(1e-3), 12); // unaffected above ε
  });

  it('scikit-learn clips at the float64 machine epsilon', () => {
    expect(SKLEARN_EPSILON).toBe(2 ** -52);
    expect(binaryCrossEntropy(1, 0, 'sklearn')).toBeCloseTo(52 * Math.log(2), 10);
  });

  it('PyTorch clamps the log at −100, so a single term never exceeds 100', () => {
    expect(binaryCrossEntropy(1, 0, 'torch')).toBe(100);
    expect(binaryCrossEntropy(0, 1, 'torch')).toBe(100);
    expect(binaryCrossEntropy(1, 1e-50, 'torch')).toBe(100);
    expect(binaryCrossEntropy(1, 1e-40, 'torch')).toBeCloseTo(40 * Math.log(10), 10); // e^-100 ≈ 3.7e-44 < 1e-40
  });

  it('marks where each rule departs from the formula', () => {
    expect(departureBelow('math')).toBeNull();
    expect(departureBelow('keras')).toBe(1e-7);
    expect(departureBelow('sklearn')).toBe(Number.EPSILON);
    expect(departureBelow('torch')).toBeCloseTo(3.720075976020836e-44, 55);
  });

  it('samples the open interval (0, 1) for both labels, mirror images of each other', () => {
    const { y1, y0 } = bceVsPrediction(999, 'math');
    expect(y1.x[0]).toBeGreaterThan(0);
    expect(y1.x[998]).toBeLessThan(1);
    for (let i = 0; i < 999; i += 37) expect(y1.y[i]!).toBeCloseTo(y0.y[998 - i]!, 9);
  });

  it('the log-scale zoom goes flat exactly where the rule clips', () => {
    const c = bceVsLog10Prediction(5001, 'keras', -50);
    const flat = -Math.log(1e-7);
    for (let i = 0; i < c.x.length; i++) {
      if (c.x[i]! < -7.001) expect(c.y[i]!).toBeCloseTo(flat, 9);
      if (c.x[i]! > -6.999) expect(c.y[i]!).toBeCloseTo(-c.x[i]! * Math.LN10, 6);
    }
    const math = bceVsLog10Prediction(11, 'math', -50);
    expect(math.y[0]).toBeCloseTo(50 * Math.LN10, 9); // no clipping under the formula
  });
});

describe('gradient against the logit', () => {
  it('σ is stable for large |z|', () => {
    expect(sigmoid(-800)).toBe(0);
    expect(sigmoid(800)).toBe(1);
    expect(sigmoid(0)).toBe(0.5);
  });

  it('CE gradient is σ(z) − y, MSE gradient 2(σ − y)σ(1 − σ)', () => {
    const { crossEntropy, squaredError } = gradientVsLogit(2001, 1, 10);
    const i = 700;
    const s = sigmoid(crossEntropy.x[i]!);
    expect(crossEntropy.y[i]).toBeCloseTo(s - 1, 14);
    expect(squaredError.y[i]).toBeCloseTo(2 * (s - 1) * s * (1 - s), 14);
  });

  it('MSE gradient saturates for a confidently wrong answer, CE does not', () => {
    const { crossEntropy, squaredError } = gradientVsLogit(2001, 1, 10);
    // z = −10 with label 1: completely wrong.
    expect(crossEntropy.y[0]).toBeCloseTo(-1, 4);
    expect(Math.abs(squaredError.y[0]!)).toBeLessThan(1e-4);
    const { crossEntropy: ce0 } = gradientVsLogit(3, 0, 10);
    expect(ce0.y[2]).toBeCloseTo(1, 4);
  });

  it('linspace hits both ends exactly', () => {
    const x = linspace(-3, 7, 11);
    expect(Array.from(x)).toEqual([-3, -2, -1, 0, 1, 2, 3, 4, 5, 6, 7]);
  });
});
