// What a name says an array is: people name predicted probabilities y_pred,
// probs, q, y_hat…; the lenses, hovers and diagnostics read names the same way.

/** Names people give predicted probabilities (last segment): y_pred, probs, q, y_hat, output2… */
const PREDICTION_NAME =
  /(^|_)(q|qk|y_?pred|y_?hat|p_?hat|probs?|probabilities|preds?|predictions?|pred_probs|y_probs?|y_proba|outputs?)\d*$/i;

/** Whether the name reads as predicted probabilities. */
export function namedLikePrediction(name: string | undefined): boolean {
  if (!name) return false;
  const cut = Math.max(name.lastIndexOf('.'), name.lastIndexOf(':'));
  return PREDICTION_NAME.test(cut >= 0 ? name.slice(cut + 1) : name);
}
