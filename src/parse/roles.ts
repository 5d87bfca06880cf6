// The role of each array: the core's classify() kind, turned into 'target'
// when the values are a probability distribution and the name says target
// (soft labels such as `y_true = [0.7, 0.2, 0.1]`).

import { classify } from '../core/classify';
import type { FoundArray, FoundPair, Role, Values } from './types';
import type { LossSignature } from './callSignatures';
import { nameSide } from './names';

export interface RoleResult {
  role: Role;
  reason: string;
}

export function roleOf(values: Values, name: string | undefined): RoleResult {
  const c = classify(values);
  const reason = capitalise(c.reason);
  const side = nameSide(name);
  if (c.kind === 'probabilities' && side?.side === 'target') {
    return { role: 'target', reason: `${reason}, and the name ${name} reads as the target` };
  }
  // Non-negative raw scores look like counts by their values alone; the name says logits.
  if (c.kind === 'counts' && side !== undefined && LOGIT_STEMS.has(side.stem)) {
    return { role: 'logits', reason: `The name ${name} says logits (every value is ≥ 0 and they do not sum to 1)` };
  }
  return { role: c.kind, reason };
}

const LOGIT_STEMS = new Set(['logits', 'y_logits', 'scores', 'y_score', 'y_scores']);

/**
 * Roles that the pairs make clear: the input of F.cross_entropy is logits even
 * when every value is ≥ 0; a 1-D integer target of a 2-D prediction holds class
 * indices (even `[1]`); a probability distribution used as a target is the target.
 */
export function refineRoles(arrays: FoundArray[], pairs: readonly FoundPair[], signatures: readonly (LossSignature | undefined)[]): void {
  pairs.forEach((pair, k) => {
    const t = arrays[pair.target]!;
    const p = arrays[pair.prediction]!;
    const signature = signatures[k];
    const wants = signature?.expects;
    const callee = pair.reason.replace(/^arguments of /, '').split('(')[0];
    // A distribution named like a target (`p`) but passed as the prediction is a prediction.
    if (p.role === 'target') {
      p.role = 'probabilities';
      p.roleReason = `${capitalise(classifyReason(p))}; it is the prediction of a pair`;
    }
    // The call site says what the prediction holds when the values alone cannot.
    if (wants === 'logits' && (p.role === 'counts' || p.role === 'unknown') && !p.issues.some((i) => i.startsWith('ragged'))) {
      p.role = 'logits';
      p.roleReason = `It is the input of ${callee}, which takes logits (${p.roleReason ?? ''})`;
    } else if (wants === 'log-probabilities' && (p.role === 'logits' || p.role === 'unknown') && allAtMost(p, 0)) {
      p.role = 'log-probabilities';
      p.roleReason = `It is the input of ${callee}, which takes log-probabilities, and every value is ≤ 0`;
    }
    // Binary losses take 0/1 labels or per-element probabilities as the target.
    if (signature?.binary && t.role !== 'target' && allWithin01(t)) {
      t.role = 'target';
      t.roleReason = `It is the target of ${callee}, a binary loss, and every value is in [0, 1]`;
      return;
    }
    if (t.shape.length === 1 && p.shape.length === 2 && t.shape[0] === p.shape[0] && (t.role === 'probabilities' || t.role === 'one-hot' || t.role === 'target')) {
      const columns = p.shape[1]!;
      const values = t.values as number[];
      if (values.every((v) => Number.isInteger(v) && v >= 0 && v < columns)) {
        t.role = 'class-indices';
        t.roleReason = `Every value is a class index below ${columns}, one per row of the prediction`;
        return;
      }
    }
    if (t.role === 'probabilities') {
      t.role = 'target';
      t.roleReason = `${t.roleReason ?? 'Every value is in [0, 1] and the values sum to 1'}, and it is the target of a pair`;
    }
  });
}

function capitalise(t: string): string {
  return t.length > 0 ? t[0]!.toUpperCase() + t.slice(1) : t;
}

function flat(a: FoundArray): number[] {
  return a.shape.length === 2 ? (a.values as number[][]).flat() : (a.values as number[]);
}

function allAtMost(a: FoundArray, limit: number): boolean {
  return flat(a).every((v) => v <= limit);
}

function allWithin01(a: FoundArray): boolean {
  return flat(a).every((v) => v >= 0 && v <= 1);
}

function classifyReason(a: FoundArray): string {
  return classify(a.values).reason;
}
