// What names and callees say: the side of a variable name and its key, loss signatures, snake_case.
import { describe, expect, it } from 'vitest';
import { nameSide } from '../../../../src/parse/names';
import { lossSignature, snakeCase } from '../../../../src/parse/callSignatures';

describe('nameSide', () => {
  it.each([
    ['y_true', 'target', '*'],
    ['y', 'target', '*'],
    ['labels', 'target', '*'],
    ['p', 'target', '*'],
    ['pk', 'target', '*'],
    ['truth', 'target', '*'],
    ['y_onehot', 'target', '*'],
    ['train_labels', 'target', 'train*'],
    ['y_true_1', 'target', '*1'],
    ['p2', 'target', '*2'],
    ['yTrue', 'target', '*'],
    ['self.targets', 'target', '*'],
    ['y_pred', 'prediction', '*'],
    ['q', 'prediction', '*'],
    ['qk', 'prediction', '*'],
    ['y_hat', 'prediction', '*'],
    ['logits', 'prediction', '*'],
    ['probs', 'prediction', '*'],
    ['train_preds', 'prediction', 'train*'],
    ['y_pred_1', 'prediction', '*1'],
    ['outputs', 'prediction', '*'],
    ['scores', 'prediction', '*'],
  ])('%s reads as the %s with key %s', (name, side, key) => {
    const s = nameSide(name);
    expect(s?.side).toBe(side);
    expect(s?.key).toBe(key);
  });

  it('the longest role word wins: y_pred is a prediction though it starts with y', () => {
    expect(nameSide('y_pred')!.stem).toBe('y_pred');
  });

  it('says nothing for other names and single capital letters', () => {
    for (const n of ['weights', 'x', 'Y', 'X', 'bias', 'pixels', 'query', undefined, ''])
      expect(nameSide(n)).toBeUndefined();
    // …except P and Q, as KL(P ‖ Q) is written.
    expect([nameSide('P')?.side, nameSide('Q')?.side]).toEqual(['target', 'prediction']);
  });
});

describe('snakeCase', () => {
  it.each([
    ['CrossEntropyLoss', 'cross_entropy_loss'],
    ['NLLLoss', 'nll_loss'],
    ['BCEWithLogitsLoss', 'bce_with_logits_loss'],
    ['KLDivLoss', 'kl_div_loss'],
    ['softmaxCrossEntropy', 'softmax_cross_entropy'],
    ['CategoricalCrossentropy', 'categorical_crossentropy'],
    ['log_loss', 'log_loss'],
  ])('%s → %s', (a, b) => expect(snakeCase(a)).toBe(b));
});

describe('lossSignature', () => {
  it('knows who puts the prediction first', () => {
    expect(lossSignature('F.cross_entropy')!.targetFirst).toBe(false);
    expect(lossSignature('torch.nn.functional.nll_loss')!.targetFirst).toBe(false);
    expect(lossSignature('nn.CrossEntropyLoss()')!.targetFirst).toBe(false);
    expect(lossSignature('F.kl_div')!.expects).toBe('log-probabilities');
    expect(lossSignature('optax.softmax_cross_entropy')!.targetFirst).toBe(false);
  });

  it('knows who puts the target first', () => {
    for (const c of [
      'log_loss',
      'sklearn.metrics.log_loss',
      'scipy.stats.entropy',
      'keras.losses.categorical_crossentropy',
      'tf.keras.losses.CategoricalCrossentropy()',
      'tf.losses.softmax_cross_entropy',
      'scipy.special.kl_div',
      'tf.nn.softmax_cross_entropy_with_logits',
    ]) {
      expect(lossSignature(c)?.targetFirst, c).toBe(true);
    }
  });

  it('marks binary losses and refuses what is not a loss', () => {
    expect(lossSignature('F.binary_cross_entropy_with_logits')!.binary).toBe(true);
    expect(lossSignature('F.cross_entropy')!.binary).toBeFalsy();
    expect(lossSignature('np.array')).toBeUndefined();
    expect(lossSignature('nn.CrossEntropyLoss')).toBeUndefined(); // constructing it takes no arrays
    expect(lossSignature('F.cross_entropy()')).toBeUndefined();
  });
});
