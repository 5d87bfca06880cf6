// Loss-like functions defined in the same document: `def cross_entropy_error(y, t)`,
// `function crossEntropyCost(pred, target)`, `fn bce(target: &[f64], pred: &[f64])`,
// `kl <- function(p, q)`. Their first two parameter names say which argument
// is the target, so calls of them pair like known losses.

import type { LossSignature } from './callSignatures';
import { nameSide } from './names';

/** Documents up to this size are searched for definitions (one regular-expression pass). */
const MAX_TEXT = 2_000_000;

const DEFINITION =
  /(?:\bdef|\bfunction|\bfn|\bfun)\s+([A-Za-z_$][\w$]*)\s*(?:<[^>]*>)?\s*\(\s*(?:self\s*,\s*)?([A-Za-z_$][\w$]*)[^,()]*,\s*([A-Za-z_$][\w$]*)|([A-Za-z_.][\w.]*)\s*(?:<-|=)\s*function\s*\(\s*([A-Za-z_.][\w.]*)[^,()]*,\s*([A-Za-z_.][\w.]*)/g;

/** Function name → the signature its parameter names give (only functions whose names say a side). */
export function localSignatures(text: string): Map<string, LossSignature> {
  const out = new Map<string, LossSignature>();
  if (text.length > MAX_TEXT) return out;
  if (text.indexOf('def ') < 0 && text.indexOf('function') < 0 && text.indexOf('fn ') < 0 && text.indexOf('fun ') < 0)
    return out;
  DEFINITION.lastIndex = 0;
  for (let m = DEFINITION.exec(text); m !== null && out.size < 200; m = DEFINITION.exec(text)) {
    const name = m[1] ?? m[4]!;
    const a = m[2] ?? m[5]!;
    const b = m[3] ?? m[6]!;
    const sa = nameSide(a)?.side;
    const sb = nameSide(b)?.side;
    let targetFirst: boolean;
    if (sa === 'target' && sb !== 'target') targetFirst = true;
    else if (sb === 'target' && sa !== 'target') targetFirst = false;
    else if (sa === 'prediction' && sb !== 'prediction') targetFirst = false;
    else if (sb === 'prediction' && sa !== 'prediction') targetFirst = true;
    else continue;
    const lower = name.toLowerCase();
    out.set(name, {
      name,
      targetFirst,
      parameters: [a, b],
      params: `(${a}, ${b})`,
      expects: lower.includes('logit') ? 'logits' : 'probabilities',
      binary: lower.includes('binary') || lower.includes('bce'),
    });
  }
  return out;
}
