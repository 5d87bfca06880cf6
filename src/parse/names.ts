// What a variable's name says about its side: `y_true`, `labels`, `p` read as
// the target; `y_pred`, `logits`, `q` as the prediction. The rest of the name
// (`y_true_1` → `*1`, `train_labels` → `train*`) is the key that matches a
// target with its prediction.

import { snakeCase } from './callSignatures';

export type Side = 'target' | 'prediction';

export interface NameSide {
  side: Side;
  /** The name with the role word replaced by `*`: `y_pred_1` → `*1`. */
  key: string;
  /** The role word found: `y_pred`. */
  stem: string;
}

const TARGET_STEMS = [
  'y',
  'y_true',
  'labels',
  'label',
  'targets',
  'target',
  'p',
  'pk',
  'truth',
  'ground_truth',
  'gt',
  'onehot',
  'one_hot',
  'y_onehot',
  'y_one_hot',
  'true_dist',
  'true',
  'y_test',
  'y_val',
  'y_train',
  't',
  'expected',
  'actual_labels',
  'label_ids',
];
const PREDICTION_STEMS = [
  'q',
  'qk',
  'y_pred',
  'y_hat',
  'yhat',
  'probs',
  'probabilities',
  'preds',
  'pred',
  'predictions',
  'prediction',
  'logits',
  'output',
  'outputs',
  'scores',
  'y_prob',
  'y_proba',
  'y_score',
  'y_scores',
  'p_hat',
  'log_probs',
  'logprobs',
  'pred_probs',
  'y_logits',
  'out',
  'pre_output',
  'ŷ',
  'y_hat_probs',
  'hypothesis',
  'y_probs',
  'predicted',
  'pred_prob',
  'input_logits',
  'actual',
];

/** The role words, for tests that check nameSide against the rule stated plainly. */
export const NAME_STEMS: Readonly<Record<Side, readonly string[]>> = {
  target: TARGET_STEMS,
  prediction: PREDICTION_STEMS,
};

interface Stem {
  tokens: string[];
  side: Side;
  text: string;
}

/** Longest stems first, so `y_pred` wins over `y`. */
const STEMS: Stem[] = [
  ...TARGET_STEMS.map((t) => ({ tokens: t.split('_'), side: 'target' as Side, text: t })),
  ...PREDICTION_STEMS.map((t) => ({ tokens: t.split('_'), side: 'prediction' as Side, text: t })),
].sort((a, b) => b.tokens.length - a.tokens.length || b.text.length - a.text.length);

/** Each stem's rank in STEMS (the order that decides), by its first word. */
const BY_FIRST = new Map<string, { stem: Stem; rank: number }[]>();
STEMS.forEach((stem, rank) => {
  const first = stem.tokens[0]!;
  const list = BY_FIRST.get(first);
  if (list) list.push({ stem, rank });
  else BY_FIRST.set(first, [{ stem, rank }]);
});

const sideCache = new Map<string, NameSide | null>();

/** The side a name reads as, or undefined when it says nothing. */
export function nameSide(name: string | undefined): NameSide | undefined {
  if (name === undefined || name.length === 0 || name.length > 80) return undefined;
  const cached = sideCache.get(name);
  if (cached !== undefined) return cached ?? undefined;
  const found = computeSide(name);
  if (sideCache.size < 10_000) sideCache.set(name, found ?? null);
  return found;
}

function computeSide(name: string): NameSide | undefined {
  // Last segment (`self.y_true` → `y_true`), snake_case (`yTrue` → `y_true`).
  let seg = name;
  const cut = Math.max(name.lastIndexOf('.'), name.lastIndexOf(':'));
  if (cut >= 0) seg = name.slice(cut + 1);
  // A single capital letter names a matrix, not a side; but KL(P ‖ Q) is written with P and Q.
  if (seg.length === 1 && seg !== seg.toLowerCase() && seg !== 'P' && seg !== 'Q') return undefined;
  const tokens = snakeCase(seg)
    .split('_')
    .filter((t) => t.length > 0);
  if (tokens.length === 0) return undefined;
  // The first stem in STEMS order that matches at some position (the leftmost
  // for that stem): only stems whose first word is the token (or, for one-word
  // stems, the token without its trailing digits) are tried.
  let bestRank = Infinity;
  let bestAt = 0;
  let bestDigits = '';
  for (let at = 0; at < tokens.length; at++) {
    const t = tokens[at]!;
    const exact = BY_FIRST.get(t);
    if (exact !== undefined) {
      for (const { stem, rank } of exact) {
        if (rank >= bestRank) break;
        const digits = matchAt(stem, tokens, at);
        if (digits !== undefined) {
          bestRank = rank;
          bestAt = at;
          bestDigits = digits;
          break;
        }
      }
    }
    // A word with a number (`p1`, `logits3`, `y_pred2`): the stem's last word carries it.
    let d = t.length;
    while (d > 0 && t.charCodeAt(d - 1) >= 48 && t.charCodeAt(d - 1) <= 57) d--;
    if (d < t.length && d > 0) {
      const base = t.slice(0, d);
      const list = BY_FIRST.get(base);
      if (list !== undefined) {
        for (const { stem, rank } of list) {
          if (rank >= bestRank) break;
          if (stem.tokens.length === 1) {
            bestRank = rank;
            bestAt = at;
            bestDigits = t.slice(d);
            break;
          }
        }
      }
    }
  }
  if (bestRank === Infinity) return undefined;
  const stem = STEMS[bestRank]!;
  const k = stem.tokens.length;
  let key = '';
  for (let j = 0; j < bestAt; j++) key += tokens[j];
  key += '*' + bestDigits;
  for (let j = bestAt + k; j < tokens.length; j++) key += tokens[j];
  return { side: stem.side, key, stem: stem.text };
}

/** Does `stem` match `tokens` from `at`? The digits its last word carries ('' for none), or undefined. */
function matchAt(stem: Stem, tokens: readonly string[], at: number): string | undefined {
  const k = stem.tokens.length;
  if (at + k > tokens.length) return undefined;
  for (let j = 0; j < k - 1; j++) if (tokens[at + j] !== stem.tokens[j]) return undefined;
  const t = tokens[at + k - 1]!;
  const want = stem.tokens[k - 1]!;
  if (t === want) return '';
  if (t.startsWith(want) && isAllDigits(t.slice(want.length))) return t.slice(want.length);
  return undefined;
}

function isAllDigits(t: string): boolean {
  if (t.length === 0) return false;
  for (let k = 0; k < t.length; k++) {
    const c = t.charCodeAt(k);
    if (c < 48 || c > 57) return false;
  }
  return true;
}
