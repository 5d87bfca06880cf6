import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { derive, rowLosses, smooth } from '../../../webview/model/derive';
import { pairRows } from '../../../webview/model/rows';
import { initialState, reduce, stateForPair } from '../../../webview/model/state';

const softmaxRef = (z: number[]) => {
  const m = Math.max(...z);
  const e = z.map((v) => Math.exp(v - m));
  const s = e.reduce((a, b) => a + b);
  return e.map((v) => v / s);
};

describe('derived numbers (computed with the core)', () => {
  it('the example pair: q = softmax(z), H(p,q) = −log q_true, KL = H(p,q) for a one-hot target', () => {
    const d = derive(initialState());
    const q = softmaxRef([1.0, 2.5, -0.5]);
    d.probabilities.forEach((v, i) => expect(v).toBeCloseTo(q[i]!, 14));
    expect(d.crossEntropy).toBeCloseTo(-Math.log(q[1]!), 12);
    expect(d.entropy).toBeCloseTo(0, 14);
    expect(d.kl).toBeCloseTo(d.crossEntropy, 12);
    expect(d.trueClassProbability).toBeCloseTo(q[1]!, 12);
    d.gradient.forEach((g, i) => expect(g).toBeCloseTo(q[i]! - [0, 1, 0][i]!, 14));
    expect(Math.abs(d.gradientSum)).toBeLessThan(1e-15);
  });

  it('temperature divides the logits before softmax', () => {
    const d = derive(reduce(initialState(), { type: 'setTemperature', value: 2 }));
    const q = softmaxRef([0.5, 1.25, -0.25]);
    d.probabilities.forEach((v, i) => expect(v).toBeCloseTo(q[i]!, 14));
  });

  it('label smoothing mixes the target with the uniform distribution', () => {
    smooth([0, 1, 0], 0.3).forEach((v, i) => expect(v).toBeCloseTo([0.1, 0.8, 0.1][i]!, 14));
    const d = derive(reduce(initialState(), { type: 'setLabelSmoothing', value: 0.3 }));
    expect(d.entropy).toBeGreaterThan(0);
    expect(d.crossEntropy).toBeCloseTo(d.entropy + d.kl, 12);
  });

  it('shifting all logits leaves softmax and the loss unchanged', () => {
    const s0 = initialState();
    const s1 = reduce(s0, { type: 'shiftAll', delta: 7 });
    const a = derive(s0),
      b = derive(s1);
    b.probabilities.forEach((v, i) => expect(v).toBeCloseTo(a.probabilities[i]!, 14));
    expect(b.crossEntropy).toBeCloseTo(a.crossEntropy, 13);
    expect(b.shiftEffect).toBeLessThan(1e-15);
    expect(b.logits).toEqual([8, 9.5, 6.5]);
  });

  it('per-row losses of a batch come out worst first', () => {
    const pair = {
      target: [1, 0, 2],
      prediction: [
        [0.1, 0.8, 0.1],
        [0.9, 0.05, 0.05],
        [0.2, 0.2, 0.6],
      ],
    };
    const losses = rowLosses(pairRows(pair));
    // losses −log 0.8, −log 0.9, −log 0.6 → worst first: rows 2, 0, 1
    expect(losses.map((r) => r.row)).toEqual([2, 0, 1]);
    expect(losses[0]!.loss).toBeCloseTo(-Math.log(0.6), 12);
    expect(losses[1]!.loss).toBeCloseTo(-Math.log(0.8), 12);
    expect(losses[2]!.loss).toBeCloseTo(-Math.log(0.9), 12);
    const d = derive(stateForPair(pair));
    expect(d.rowLosses).toEqual(losses);
  });

  it('for any logits, temperature and smoothing: Σ(q − p) = 0, Σ contributions = H(p,q) = H(p) + KL', () => {
    fc.assert(
      fc.property(
        fc.array(fc.double({ min: -12, max: 12, noNaN: true }), { minLength: 2, maxLength: 12 }),
        fc.double({ min: 0.1, max: 5, noNaN: true }),
        fc.double({ min: 0, max: 0.5, noNaN: true }),
        (logits, T, eps) => {
          const k = logits.length;
          let s = stateForPair({
            target: Array.from({ length: k }, (_, i) => (i === 0 ? 1 : 0)),
            prediction: logits,
            predictionKind: 'logits',
          });
          s = reduce(reduce(s, { type: 'setTemperature', value: T }), { type: 'setLabelSmoothing', value: eps });
          const d = derive(s);
          expect(Math.abs(d.gradientSum)).toBeLessThan(1e-12);
          expect(d.contributions.reduce((a, b) => a + b, 0)).toBeCloseTo(d.crossEntropy, 9);
          expect(d.crossEntropy).toBeCloseTo(d.entropy + d.kl, 9);
        },
      ),
    );
  });
});
