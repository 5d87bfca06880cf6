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
  'y', 'y_true', 'labels', 'label', 'targets', 'target', 'p', 'pk', 'truth', 'ground_truth', 'gt', 'onehot', 'one_hot',
  'y_onehot', 'y_one_hot', 'true_dist', 'true', 'y_test', 'y_val', 'y_train',
];
const PREDICTION_STEMS = [
  'q', 'qk', 'y_pred', 'y_hat', 'yhat', 'probs', 'probabilities', 'preds', 'pred', 'predictions', 'prediction',
  'logits', 'output', 'outputs', 'scores', 'y_prob', 'y_proba', 'y_score', 'y_scores', 'p_hat', 'log_probs', 'logprobs',
  'pred_probs', 'y_logits', 'out',
];

interface Stem { tokens: string[]; side: Side; text: string }

/** Longest stems first, so `y_pred` wins over `y`. */
const STEMS: Stem[] = [
  ...TARGET_STEMS.map((t) => ({ tokens: t.split('_'), side: 'target' as Side, text: t })),
  ...PREDICTION_STEMS.map((t) => ({ tokens: t.split('_'), side: 'prediction' as Side, text: t })),
].sort((a, b) => b.tokens.length - a.tokens.length || b.text.length - a.text.length);

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
  // A single capital letter (`P`, `Y`, `Q`) names a matrix, not a side.
  if (seg.length === 1 && seg !== seg.toLowerCase()) return undefined;
  const tokens = snakeCase(seg).split('_').filter((t) => t.length > 0);
  if (tokens.length === 0) return undefined;
  for (const stem of STEMS) {
    const k = stem.tokens.length;
    for (let at = 0; at + k <= tokens.length; at++) {
      let ok = true;
      let digits = '';
      for (let j = 0; j < k; j++) {
        const t = tokens[at + j]!;
        const want = stem.tokens[j]!;
        if (t === want) continue;
        // The last word may carry a number: `p1`, `y2`, `logits3`.
        if (j === k - 1 && t.startsWith(want) && isAllDigits(t.slice(want.length))) {
          digits = t.slice(want.length);
          continue;
        }
        ok = false;
        break;
      }
      if (!ok) continue;
      const key = [...tokens.slice(0, at), '*' + digits, ...tokens.slice(at + k)].join('');
      return { side: stem.side, key, stem: stem.text };
    }
  }
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
