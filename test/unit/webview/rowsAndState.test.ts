import { describe, expect, it } from 'vitest';
import { logitsOf, MIN_PROBABILITY_FOR_LOGIT, pairRows } from '../../../webview/model/rows';
import {
  EXAMPLE_PAIR,
  initialState,
  LOGIT_RANGE,
  pairKey,
  reduce,
  restoreState,
  stateForPair,
  TEMPERATURE_RANGE,
} from '../../../webview/model/state';

describe('pair rows', () => {
  it('treats a 1-D pair as one row and recognizes probabilities', () => {
    const r = pairRows({ target: [0, 1, 0], prediction: [0.2, 0.7, 0.1] });
    expect(r).toEqual({
      targets: [[0, 1, 0]],
      predictions: [[0.2, 0.7, 0.1]],
      predictionKind: 'probabilities',
      classes: 3,
    });
  });

  it('recognizes logits (values outside [0, 1] or not summing to 1)', () => {
    expect(pairRows({ target: [0, 1], prediction: [2.5, -1] }).predictionKind).toBe('logits');
    expect(pairRows({ target: [0, 1], prediction: [0.2, 0.3] }).predictionKind).toBe('logits');
    expect(pairRows({ target: [0, 1], prediction: [0.2, 0.8], predictionKind: 'logits' }).predictionKind).toBe(
      'logits',
    );
  });

  it('turns class indices of a batch into one-hot rows', () => {
    const r = pairRows({
      target: [2, 0],
      prediction: [
        [0.1, -1.2, 3.0],
        [0.5, 0.5, 0.0],
      ],
    });
    expect(r.targets).toEqual([
      [0, 0, 1],
      [1, 0, 0],
    ]);
    expect(r.predictionKind).toBe('logits');
  });

  it('accepts a single class index for a 1-D prediction', () => {
    expect(pairRows({ target: [1], prediction: [0.3, 0.7] }).targets).toEqual([[0, 1]]);
  });

  it('says what is wrong with a pair that cannot be shown', () => {
    expect(() =>
      pairRows({
        target: [3, 0],
        prediction: [
          [1, 2, 3],
          [1, 2, 3],
        ],
      }),
    ).toThrow('target[0]: class index 3 is not an integer in 0…2');
    expect(() =>
      pairRows({
        target: [
          [0, 1],
          [1, 0],
          [0, 1],
        ],
        prediction: [
          [1, 2],
          [1, 2],
        ],
      }),
    ).toThrow('target has 3 rows but prediction has 2');
    expect(() => pairRows({ target: [0, 1, 0], prediction: [0.5, 0.5] })).toThrow(
      'target row 0 has 3 classes but prediction has 2',
    );
    expect(() => pairRows({ target: [0, 2], prediction: [0.5, 0.5] })).toThrow(
      'target[0][1] = 2 is not a probability in [0, 1]',
    );
    expect(() => pairRows({ target: [0, 1], prediction: [NaN, 0.5] })).toThrow(
      'prediction[0][0] = NaN is not a finite number',
    );
  });

  it('makes logits from probabilities with a floor for zeros', () => {
    expect(logitsOf([0.5, 0.5, 0], 'probabilities')).toEqual([
      Math.log(0.5),
      Math.log(0.5),
      Math.log(MIN_PROBABILITY_FOR_LOGIT),
    ]);
    expect(logitsOf([3, -1], 'logits')).toEqual([3, -1]);
  });
});

describe('state transitions', () => {
  const s0 = initialState();

  it('starts from the example pair', () => {
    expect(s0.pair).toEqual(EXAMPLE_PAIR);
    expect(s0.logits).toEqual([1.0, 2.5, -0.5]);
    expect(s0.pairKey).toBe(pairKey(EXAMPLE_PAIR));
  });

  it('setLogit changes one logit, clamped to the editable range, and ignores bad input', () => {
    const s = reduce(s0, { type: 'setLogit', index: 2, value: 99 });
    expect(s.logits).toEqual([1.0, 2.5, LOGIT_RANGE.max]);
    expect(s0.logits).toEqual([1.0, 2.5, -0.5]); // not mutated
    expect(reduce(s0, { type: 'setLogit', index: 7, value: 1 })).toBe(s0);
    expect(reduce(s0, { type: 'setLogit', index: 0, value: NaN })).toBe(s0);
  });

  it('setProbability keeps q summing to 1 and the others in proportion; logits reproduce q at the temperature', () => {
    const withT = reduce(s0, { type: 'setTemperature', value: 2 });
    const s = reduce(withT, { type: 'setProbability', index: 0, value: 0.6, current: [0.2, 0.5, 0.3] });
    const z = s.logits.map((v) => v / 2);
    const m = Math.max(...z);
    const e = z.map((v) => Math.exp(v - m));
    const sum = e.reduce((a, b) => a + b);
    const q = e.map((v) => v / sum);
    expect(q[0]).toBeCloseTo(0.6, 12);
    expect(q[1]! / q[2]!).toBeCloseTo(0.5 / 0.3, 12);
  });

  it('shiftAll moves every logit by the same amount and records the shift', () => {
    const s = reduce(reduce(s0, { type: 'shiftAll', delta: 1 }), { type: 'shiftAll', delta: 2.5 });
    expect(s.logits).toEqual([4.5, 6, 3]);
    expect(s.shift).toBe(3.5);
  });

  it('clamps temperature and smoothing to their slider ranges', () => {
    expect(reduce(s0, { type: 'setTemperature', value: 0 }).temperature).toBe(TEMPERATURE_RANGE.min);
    expect(reduce(s0, { type: 'setLabelSmoothing', value: 3 }).labelSmoothing).toBe(0.5);
    expect(reduce(s0, { type: 'setTemperature', value: Infinity })).toBe(s0);
  });

  it('selectRow loads that row’s logits; resetRow undoes edits', () => {
    const pair = {
      target: [1, 0],
      prediction: [
        [0.9, 0.1],
        [0.2, 0.8],
      ],
    };
    const rows = pairRows(pair);
    const s = stateForPair(pair);
    const r1 = reduce(s, { type: 'selectRow', row: 1, rows });
    expect(r1.row).toBe(1);
    expect(r1.logits).toEqual([Math.log(0.2), Math.log(0.8)]);
    expect(reduce(s, { type: 'selectRow', row: 2, rows })).toBe(s);
    const edited = reduce(reduce(r1, { type: 'setLogit', index: 0, value: 5 }), { type: 'setTemperature', value: 3 });
    const reset = reduce(edited, { type: 'resetRow', rows });
    expect(reset.logits).toEqual(r1.logits);
    expect(reset.temperature).toBe(1);
  });

  it('a batch opens on its worst row, the top of the batch list', () => {
    const pair = {
      target: [0, 2, 1],
      prediction: [
        [2, 0, 0],
        [3, 0, -1],
        [0, 1, 0],
      ],
      predictionKind: 'logits' as const,
    };
    const s = stateForPair(pair);
    // Row 1 gives its true class 2 the least of the three: its loss is the largest.
    expect(s.row).toBe(1);
    expect(s.logits).toEqual([3, 0, -1]);
    expect(stateForPair({ target: [0, 1], prediction: [0.4, 0.6] }).row).toBe(0);
  });

  it('a new pair keeps the display choices but not the edits', () => {
    const s = reduce(reduce(s0, { type: 'setClip', value: 'torch' }), { type: 'setTemperature', value: 2 });
    const n = stateForPair({ target: [0, 1], prediction: [0.4, 0.6] }, s);
    expect(n.clip).toBe('torch');
    expect(n.temperature).toBe(1);
  });
});

describe('restoring saved state', () => {
  it('round-trips through JSON (what setState stores)', () => {
    let s = stateForPair({
      target: [
        [0, 1],
        [1, 0],
      ],
      prediction: [
        [0.3, 0.7],
        [0.4, 0.6],
      ],
      source: { uri: 'file:///x.py' },
    });
    s = reduce(s, { type: 'selectRow', row: 1, rows: pairRows(s.pair) });
    s = reduce(s, { type: 'setLogit', index: 0, value: 2 });
    s = reduce(s, { type: 'setClip', value: 'keras' });
    expect(restoreState(JSON.parse(JSON.stringify(s)))).toEqual(s);
  });

  it('falls back to the initial state for anything that does not check out', () => {
    const init = initialState();
    for (const bad of [undefined, null, 42, { version: 2 }, { version: 1, pair: { target: 'x' } }]) {
      expect(restoreState(bad)).toEqual(init);
    }
  });

  it('repairs individual bad fields', () => {
    const s = restoreState({ ...initialState(), temperature: 'hot', logits: [1], clip: 'numpy', row: 9 });
    expect(s.temperature).toBe(1);
    expect(s.logits).toEqual([1.0, 2.5, -0.5]);
    expect(s.clip).toBe('math');
    expect(s.row).toBe(0);
  });
});
