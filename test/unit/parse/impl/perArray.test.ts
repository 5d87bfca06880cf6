// The per-array work after the scan (roles from classify and the name, pairs by
// call, name and neighbour) on documents of many small named arrays: the same
// answers however many arrays there are, and the paths that only run when
// something needs them (the index of names for calls, the index of targets).
import { describe, expect, it } from 'vitest';
import { findArrays, lossSignature } from '../../../../src/parse';
import { findPairs } from '../../../../src/parse/pairs';
import { nameSide } from '../../../../src/parse/names';
import { roleOf, roleWithSide } from '../../../../src/parse/roles';
import { classify } from '../../../../src/core/classify';

const capitalise = (t: string): string => t[0]!.toUpperCase() + t.slice(1);

describe('roles', () => {
  it('a role reason is classify’s sentence with a capital first letter, whatever the kind', () => {
    for (const values of [
      [0.2, 0.8],
      [0.2, 0.7],
      [0, 1, 0],
      [2, 0, 1],
      [-1, 2],
      [Math.log(0.5), Math.log(0.5)],
      [0.5, NaN],
      [0.5, Infinity],
      [],
      [
        [0.5, 0.5],
        [1, 0],
      ],
      [[1, 2], [3]],
    ]) {
      const r = roleOf(values as number[], 'weights');
      expect(r.role).toBe(classify(values).kind);
      expect(r.reason).toBe(capitalise(classify(values).reason));
    }
  });

  it('the side passed in is the one the name has', () => {
    for (const [values, name] of [
      [[0.2, 0.8], 'y_true'],
      [[2.5, 0.5], 'logits'],
      [[0.2, 0.8], 'weights'],
      [[0.2, 0.8], undefined],
    ] as const) {
      expect(roleWithSide([...values], name, nameSide(name))).toEqual(roleOf([...values], name));
    }
    expect(roleOf([0.2, 0.8], 'y_true').role).toBe('target');
    expect(roleWithSide([2.5, 0.5], 'logits', nameSide('logits')).role).toBe('logits');
  });
});

describe('many small named arrays', () => {
  /** `count` pairs y_true_k / y_pred_k of three values each, then weights w_k (which name nothing). */
  function doc(count: number): string {
    const out: string[] = [];
    for (let k = 0; k < count; k++) {
      out.push(`y_true_${k} = [0, 1, 0]`, `y_pred_${k} = [0.2, 0.7, 0.1]`, '', `w${k} = [0.5, 0.25]`, '');
    }
    return out.join('\n');
  }

  it('pairs every y_true_k with its y_pred_k by name, past 10 000 distinct names', () => {
    const count = 6000; // 18 000 arrays, 18 000 distinct names
    const r = findArrays(doc(count), 'python', { maxArrays: 100_000 });
    expect(r.arrays).toHaveLength(3 * count);
    expect(r.pairs).toHaveLength(count);
    for (let k = 0; k < count; k += 997) {
      const pair = r.pairs[k]!;
      expect(r.arrays[pair.target]!.name).toBe(`y_true_${k}`);
      expect(r.arrays[pair.prediction]!.name).toBe(`y_pred_${k}`);
      expect(pair.reason).toBe(`names: y_true_${k} reads as the target and y_pred_${k} as the prediction`);
      expect(r.arrays[pair.target]!.role).toBe('one-hot');
      expect(r.arrays[3 * k + 1]!.role).toBe('probabilities');
      expect(r.arrays[3 * k + 2]!.role).toBe('counts');
    }
  });

  it('findPairs gives the same pairs with the sides passed in as without', () => {
    const text = doc(300) + '\nloss = log_loss(y_true_3, y_pred_5)\nq = [0.5, 0.5]\np = [0.4, 0.6]\n';
    const r = findArrays(text, 'python');
    const calls = [
      {
        callee: 'log_loss',
        signature: lossSignature('log_loss')!,
        start: text.indexOf('loss ='),
        args: [
          { keyword: undefined, array: undefined, name: 'y_true_3' },
          { keyword: undefined, array: undefined, name: 'y_pred_5' },
        ],
      },
    ];
    const withSides = findPairs(
      text,
      r.arrays,
      calls,
      r.arrays.map((a) => nameSide(a.name)),
    );
    const without = findPairs(text, r.arrays, calls);
    expect(withSides).toEqual(without);
    expect(withSides.pairs[0]).toMatchObject({ target: 9, prediction: 16 });
  });
});

describe('pairs by call, name and neighbour', () => {
  it('a name bound once or many times resolves to the latest binding before the call, also through self.', () => {
    const text = 'p = [0.2, 0.8]\nq = [0.5, 0.5]\nq = [0.3, 0.7]\nl = log_loss(self.p, q)\nq = [0.9, 0.1]\n';
    const r = findArrays(text, 'python');
    const call = r.pairs.find((p) => p.reason.startsWith('arguments of log_loss'));
    expect(call).toMatchObject({ target: 0, prediction: 2 });
  });

  it('a call finds its arguments near it or far before it, by name or by last segment', () => {
    const filler = (n: number): string => Array.from({ length: n }, (_, k) => `w${k} = [3, 4]`).join('\n');
    // y_true is 40 arrays before the call (beyond the few looked at first), y_pred right before it.
    const text = `self.y_true = [0, 1]\n${filler(40)}\ny_pred = [0.3, 0.7]\nl = log_loss(y_true, y_pred)\ny_true = [1, 0]\n`;
    const r = findArrays(text, 'python');
    const call = r.pairs.find((p) => p.reason.startsWith('arguments of log_loss'))!;
    expect(r.arrays[call.target]!.name).toBe('self.y_true');
    expect(r.arrays[call.prediction]!.name).toBe('y_pred');
    // Bound only after the call: not the call's arguments (the call reads what was bound before it).
    const after = findArrays('l = log_loss(t, q)\nt = [0, 1]\nq = [0.3, 0.7]\n', 'python');
    expect(after.pairs.filter((p) => p.rule === 'call')).toEqual([]);
    // A dotted argument matches the array of its last segment.
    const dotted = findArrays('t = [0, 1]\nq = [0.3, 0.7]\nl = log_loss(self.t, self.q)\n', 'python');
    expect(dotted.pairs[0]).toMatchObject({
      target: 0,
      prediction: 1,
      reason: expect.stringMatching(/^arguments of log_loss/),
    });
  });

  it('a new test function keeps neighbours apart; a blank line or a single line break does not', () => {
    const apart = findArrays('def test_a():\n    a = [0, 1, 0]\n\ndef test_b():\n    b = [0.2, 0.7, 0.1]', 'python');
    expect(apart.pairs).toEqual([]);
    const blank = findArrays('a = [0, 1, 0]\n\nb = [0.2, 0.7, 0.1]', 'python');
    expect(blank.pairs).toHaveLength(1);
    const near = findArrays('a = [0, 1, 0]\nb = [0.2, 0.7, 0.1]', 'python');
    expect(near.pairs).toEqual([
      { target: 0, prediction: 1, reason: expect.stringMatching(/^neighbours/), rule: 'neighbours', binary: false },
    ]);
    const crlf = findArrays('a = [0, 1, 0]\r\n\r\nb = [0.2, 0.7, 0.1]', 'python');
    expect(crlf.pairs).toHaveLength(1);
  });

  it('a prediction name with no target of its key pairs nothing by name', () => {
    const r = findArrays('y_pred_1 = [0.2, 0.8]\n\n\ny_true_2 = [0, 1]', 'python');
    expect(r.pairs).toEqual([]);
  });

  it('the nearest earlier target of the same key wins among several', () => {
    const r = findArrays('y_true = [0, 1]\n\n\ny_true = [1, 0]\n\n\ny_pred = [0.3, 0.7]', 'python');
    expect(r.pairs).toEqual([
      {
        target: 1,
        prediction: 2,
        reason: 'names: y_true reads as the target and y_pred as the prediction',
        rule: 'names',
        binary: false,
      },
    ]);
  });
});
