// The role of each array: the core's classify() kind, turned into 'target'
// when the values are a probability distribution and the name says target
// (soft labels such as `y_true = [0.7, 0.2, 0.1]`).

import { classifyCapitalised } from '../core/classify';
import type { FoundArray, FoundPair, Role, Values } from './types';
import type { LossSignature } from './callSignatures';
import { nameSide, type NameSide } from './names';

export interface RoleResult {
  role: Role;
  reason: string;
}

/** The role of `values` bound to `name`. */
export function roleOf(values: Values, name: string | undefined): RoleResult {
  return roleWithSide(values, name, nameSide(name));
}

/**
 * roleOf when the caller has read the name's side already (`side` is
 * nameSide(name), undefined when the name says nothing): the finder reads
 * each name's side once, for the role and then for the pairs.
 */
export function roleWithSide(values: Values, name: string | undefined, side: NameSide | undefined): RoleResult {
  const c = classifyCapitalised(values);
  if (side !== undefined) {
    if (c.kind === 'probabilities' && side.side === 'target') {
      return { role: 'target', reason: `${c.reason}, and the name ${name} reads as the target` };
    }
    // Non-negative raw scores look like counts by their values alone; the name says logits.
    if (c.kind === 'counts' && LOGIT_STEMS.has(side.stem)) {
      return { role: 'logits', reason: `The name ${name} says logits (every value is ≥ 0 and they do not sum to 1)` };
    }
  }
  return { role: c.kind, reason: c.reason };
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
    // A distribution named like a target (`p`) but passed as the prediction is a prediction.
    if (p.role === 'target') {
      p.role = 'probabilities';
      p.roleReason = `${classifyCapitalised(p.values).reason}; it is the prediction of a pair`;
    }
    // The call site says what the prediction holds when the values alone cannot.
    if (wants === 'logits' && (p.role === 'counts' || p.role === 'unknown') && !p.issues.some((i) => i.startsWith('ragged'))) {
      p.role = 'logits';
      p.roleReason = `It is the input of ${calleeOf(pair)}, which takes logits (${p.roleReason ?? ''})`;
    } else if (wants === 'log-probabilities' && (p.role === 'logits' || p.role === 'unknown') && allAtMost(p, 0)) {
      p.role = 'log-probabilities';
      p.roleReason = `It is the input of ${calleeOf(pair)}, which takes log-probabilities, and every value is ≤ 0`;
    }
    // Binary losses take 0/1 labels or per-element probabilities as the target.
    if (signature?.binary && t.role !== 'target' && allWithin01(t)) {
      t.role = 'target';
      t.roleReason = `It is the target of ${calleeOf(pair)}, a binary loss, and every value is in [0, 1]`;
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

/** The callee of a pair made by a call (`F.cross_entropy`), from its reason. */
function calleeOf(pair: FoundPair): string {
  const PREFIX = 'arguments of ';
  const rest = pair.reason.startsWith(PREFIX) ? pair.reason.slice(PREFIX.length) : pair.reason;
  const paren = rest.indexOf('(');
  return paren < 0 ? rest : rest.slice(0, paren);
}

/** Every value (of every row) ≤ limit; rows are read in place, not copied into one list. */
function allAtMost(a: FoundArray, limit: number): boolean {
  const rows = a.shape.length === 2 ? (a.values as number[][]) : [a.values as number[]];
  for (const row of rows) for (let i = 0; i < row.length; i++) if (!(row[i]! <= limit)) return false;
  return true;
}

function allWithin01(a: FoundArray): boolean {
  const rows = a.shape.length === 2 ? (a.values as number[][]) : [a.values as number[]];
  for (const row of rows) for (let i = 0; i < row.length; i++) if (!(row[i]! >= 0 && row[i]! <= 1)) return false;
  return true;
}

