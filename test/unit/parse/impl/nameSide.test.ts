// nameSide is indexed for speed; this checks it against the rule stated plainly:
// the longest role word (then the longest spelling) that appears as whole words
// of the snake_cased last segment, leftmost first, its last word allowed to carry
// a number; the key is the name with the role word replaced by `*<number>`.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { NAME_STEMS, nameSide, type NameSide, type Side } from '../../../../src/parse/names';
import { snakeCase } from '../../../../src/parse/callSignatures';

const STEMS = (['target', 'prediction'] as Side[])
  .flatMap((side) => NAME_STEMS[side].map((text) => ({ side, text, tokens: text.split('_') })))
  .sort((a, b) => b.tokens.length - a.tokens.length || b.text.length - a.text.length);

function plainRule(name: string): NameSide | undefined {
  if (name.length === 0 || name.length > 80) return undefined;
  const cut = Math.max(name.lastIndexOf('.'), name.lastIndexOf(':'));
  const seg = cut >= 0 ? name.slice(cut + 1) : name;
  if (seg.length === 1 && seg !== seg.toLowerCase() && seg !== 'P' && seg !== 'Q') return undefined;
  const tokens = snakeCase(seg)
    .split('_')
    .filter((t) => t.length > 0);
  for (const stem of STEMS) {
    const k = stem.tokens.length;
    for (let at = 0; at + k <= tokens.length; at++) {
      let digits = '';
      const ok = stem.tokens.every((want, j) => {
        const t = tokens[at + j]!;
        if (t === want) return true;
        if (j === k - 1 && t.startsWith(want) && /^[0-9]+$/.test(t.slice(want.length))) {
          digits = t.slice(want.length);
          return true;
        }
        return false;
      });
      if (ok)
        return {
          side: stem.side,
          key: [...tokens.slice(0, at), `*${digits}`, ...tokens.slice(at + k)].join(''),
          stem: stem.text,
        };
    }
  }
  return undefined;
}

const WORDS = [
  'y',
  'true',
  'pred',
  'hat',
  'labels',
  'label',
  'target',
  'p',
  'pk',
  'q',
  'qk',
  'truth',
  'ground',
  'gt',
  'one',
  'hot',
  'onehot',
  'dist',
  'test',
  'val',
  'train',
  'yhat',
  'probs',
  'preds',
  'logits',
  'output',
  'scores',
  'score',
  'prob',
  'proba',
  'log',
  'logprobs',
  'out',
  'x',
  'w',
  'model',
];

const word = fc
  .tuple(fc.constantFrom(...WORDS), fc.option(fc.nat(40), { nil: undefined }), fc.boolean())
  .map(([w, n, cap]) => (cap ? w[0]!.toUpperCase() + w.slice(1) : w) + (n === undefined ? '' : String(n)));
const name = fc
  .tuple(
    fc.array(word, { minLength: 1, maxLength: 4 }),
    fc.constantFrom('_', '', '__'),
    fc.constantFrom('', 'self.', 'cfg:', '_'),
  )
  .map(([ws, sep, prefix]) => prefix + ws.join(sep));

describe('nameSide', () => {
  it('reads every name as the plain rule does', () => {
    fc.assert(
      fc.property(name, (n) => {
        expect(nameSide(n)).toEqual(plainRule(n));
      }),
      { numRuns: 5000 },
    );
  });

  it('reads the usual spellings', () => {
    for (const n of [
      'P',
      'Y',
      'p',
      'y_true_1',
      'p2',
      'yTrue',
      'y_pred',
      'train_preds',
      'y_one_hot',
      'y_onehot3',
      'ground_truth2',
      'true_dist',
      'pred_probs7',
      'log_probs',
      'y2_pred',
      'loss',
      '',
    ]) {
      expect(nameSide(n)).toEqual(plainRule(n));
    }
    expect(nameSide('y_pred_1')).toEqual({ side: 'prediction', key: '*1', stem: 'y_pred' });
    expect(nameSide('train_labels')).toEqual({ side: 'target', key: 'train*', stem: 'labels' });
    expect(nameSide('Y')).toBeUndefined();
    expect(nameSide('P')?.side).toBe('target'); // KL(P ‖ Q)
  });
});
