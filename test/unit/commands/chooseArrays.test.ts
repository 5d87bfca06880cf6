import { describe, expect, it } from 'vitest';
import { chooseArrays, NEAR_LINES, orderPartner } from '../../../src/extension/commands/chooseArrays';
import { arrayIn, found, positionsOf, spanOf } from './helpers';
import { findArrays } from '../../../src/parse';

const TEXT = [
  'y_true = [0, 1, 0]', // 0
  'y_pred = [0.2, 0.7, 0.1]', // 1
  'loss = log_loss(y_true, y_pred)', // 2
  '', // 3
  'p = [0.5, 0.3, 0.2]', // 4
  'q = [0.05, 0.05, 0.9]', // 5
].join('\n');

const arrays = [
  arrayIn(TEXT, '[0, 1, 0]', [0, 1, 0], { name: 'y_true', role: 'one-hot' }),
  arrayIn(TEXT, '[0.2, 0.7, 0.1]', [0.2, 0.7, 0.1], { name: 'y_pred' }),
  arrayIn(TEXT, '[0.5, 0.3, 0.2]', [0.5, 0.3, 0.2], { name: 'p' }),
  arrayIn(TEXT, '[0.05, 0.05, 0.9]', [0.05, 0.05, 0.9], { name: 'q' }),
];
const FIND = found(arrays, [{ target: 0, prediction: 1, reason: 'arguments of log_loss' }]);
const { lineOf } = positionsOf(TEXT);
const at = (offset: number, ...selections: { start: number; end: number }[]) => ({
  selections: selections.length ? selections : [{ start: offset, end: offset }],
  cursor: offset,
  lineOf,
});

describe('chooseArrays with a selection', () => {
  it('takes the pair the finder made when both of its arrays are selected', () => {
    const sel = { start: 0, end: TEXT.indexOf('loss') };
    expect(chooseArrays(FIND, at(sel.end, sel), 'crossEntropy')).toEqual({
      type: 'pair',
      target: 0,
      prediction: 1,
      reason: 'arguments of log_loss',
    });
  });

  it("keeps the finder's order even when the selection runs backwards over a prediction-first pair", () => {
    const swapped = found(arrays, [{ target: 1, prediction: 0, reason: 'call site' }]);
    const sel = { start: 0, end: TEXT.indexOf('loss') };
    expect(chooseArrays(swapped, at(0, sel), 'klDivergence')).toMatchObject({ type: 'pair', target: 1, prediction: 0 });
  });

  it('takes two unpaired selected arrays in document order, the first as the target', () => {
    const sel = { start: TEXT.indexOf('p ='), end: TEXT.length };
    expect(chooseArrays(FIND, at(TEXT.length, sel), 'crossEntropy')).toMatchObject({
      type: 'pair',
      target: 2,
      prediction: 3,
    });
  });

  it('counts arrays across several selections', () => {
    const choice = chooseArrays(FIND, at(0, spanOf(TEXT, '0.5'), spanOf(TEXT, '0.9')), 'crossEntropy');
    expect(choice).toMatchObject({ type: 'pair', target: 2, prediction: 3 });
  });

  it("asks for a partner when one array is selected, the finder's partner first", () => {
    const choice = chooseArrays(FIND, at(0, spanOf(TEXT, '0.7')), 'crossEntropy');
    expect(choice).toEqual({ type: 'partner', index: 1, candidates: [0, 2, 3], paired: 0 });
  });

  it('says what to select when the selection holds no array', () => {
    const choice = chooseArrays(FIND, at(0, spanOf(TEXT, 'log_loss')), 'crossEntropy');
    expect(choice.type).toBe('none');
    if (choice.type === 'none') {
      expect(choice.code).toBe('NO_ARRAYS');
      expect(choice.message).toMatch(/no numeric array: select the target and the prediction/);
    }
  });

  it('gives entropy every selected array', () => {
    const sel = { start: 0, end: TEXT.length };
    expect(chooseArrays(FIND, at(0, sel), 'entropy')).toEqual({ type: 'arrays', indices: [0, 1, 2, 3] });
  });
});

describe('chooseArrays at the cursor', () => {
  it('takes the pair of the array under the cursor', () => {
    expect(chooseArrays(FIND, at(TEXT.indexOf('0.7')), 'crossEntropy')).toMatchObject({
      type: 'pair',
      target: 0,
      prediction: 1,
    });
  });

  it('asks for a partner when the array under the cursor is unpaired', () => {
    expect(chooseArrays(FIND, at(TEXT.indexOf('0.9')), 'crossEntropy')).toEqual({
      type: 'partner',
      index: 3,
      candidates: [0, 1, 2],
      paired: undefined,
    });
  });

  it("takes the pair around the cursor when it is between the two arrays' lines or on a nearby line", () => {
    expect(chooseArrays(FIND, at(TEXT.indexOf('loss =')), 'crossEntropy')).toMatchObject({
      type: 'pair',
      target: 0,
      prediction: 1,
    });
    expect(chooseArrays(FIND, at(TEXT.indexOf('y_true =') + 3), 'crossEntropy')).toMatchObject({
      type: 'pair',
      target: 0,
      prediction: 1,
    });
  });

  it('gives entropy the array under the cursor, or the nearest one', () => {
    expect(chooseArrays(FIND, at(TEXT.indexOf('0.05')), 'entropy')).toEqual({ type: 'arrays', indices: [3] });
    expect(chooseArrays(FIND, at(TEXT.indexOf('p =')), 'entropy')).toEqual({ type: 'arrays', indices: [2] });
  });

  it('reports no arrays near a cursor far away, saying what to select', () => {
    const far = TEXT + '\n'.repeat(NEAR_LINES + 2) + 'print(1)';
    const where = {
      selections: [{ start: far.length, end: far.length }],
      cursor: far.length,
      lineOf: positionsOf(far).lineOf,
    };
    const choice = chooseArrays(FIND, where, 'crossEntropy');
    expect(choice).toMatchObject({ type: 'none', code: 'NO_ARRAYS' });
    if (choice.type === 'none')
      expect(choice.message).toMatch(/within 10 lines of the cursor: select the target and the prediction/);
  });

  it('reports an empty document as having no arrays', () => {
    const choice = chooseArrays(
      found([]),
      { selections: [{ start: 0, end: 0 }], cursor: 0, lineOf: () => 0 },
      'entropy',
    );
    expect(choice).toMatchObject({ type: 'none', code: 'NO_ARRAYS' });
    if (choice.type === 'none')
      expect(choice.message).toMatch(/^this document has no numeric array: put the cursor on an array/);
  });

  it('says a lone array cannot make a cross-entropy and points to entropy', () => {
    const text = 'q = [0.2, 0.8]';
    const one = found([arrayIn(text, '[0.2, 0.8]', [0.2, 0.8], { name: 'q' })]);
    const choice = chooseArrays(
      one,
      { selections: [{ start: 6, end: 6 }], cursor: 6, lineOf: () => 0 },
      'crossEntropy',
    );
    expect(choice).toMatchObject({ type: 'none', code: 'ONE_ARRAY' });
    if (choice.type === 'none') expect(choice.message).toMatch(/`q` is the only array here.*Compute entropy/);
  });
});

describe('orderPartner', () => {
  it("uses the finder's order for a pair it knows", () => {
    expect(orderPartner(FIND, 1, 0)).toMatchObject({ target: 0, prediction: 1, reason: 'arguments of log_loss' });
  });

  it('makes a label-like pick the target of a distribution', () => {
    expect(orderPartner(FIND, 3, 0)).toMatchObject({ target: 0, prediction: 3 });
  });

  it('otherwise keeps the array the user started from as the target', () => {
    expect(orderPartner(FIND, 2, 3)).toMatchObject({ target: 2, prediction: 3 });
    expect(orderPartner(FIND, 3, 2)).toMatchObject({ target: 3, prediction: 2 });
  });
});

describe('brackets nested too deep', () => {
  it('the message says why the selection holds no array', () => {
    const text = `x = ${'['.repeat(100_000)}0.5${']'.repeat(100_000)}\n`;
    const where = { selections: [{ start: 0, end: text.length }], cursor: 0, lineOf: () => 0 };
    const choice = chooseArrays(findArrays(text, 'python'), where, 'entropy');
    expect(choice).toMatchObject({ type: 'none', code: 'NO_ARRAYS' });
    expect(choice.type === 'none' && choice.message).toMatch(
      /^the selection holds no numeric array \(brackets nested deeper than 64 levels are not read\): /,
    );
    const flat = chooseArrays(findArrays('x = 1\n', 'python'), where, 'entropy');
    expect(flat.type === 'none' && flat.message).toMatch(/^the selection holds no numeric array: /);
  });
});
