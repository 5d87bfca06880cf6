// The role of each array: the core's classify() kind, turned into 'target'
// when the values are a probability distribution and the name says target
// (soft labels such as `y_true = [0.7, 0.2, 0.1]`).

import { classifyCapitalised } from '../core/classify';
import { isMatrix, rowsOf, type ValueRow } from '../core/elements';
import type { AnyValues, FoundArray, FoundPair, Role } from './types';
import type { LossSignature } from './callSignatures';
import { nameSide, type NameSide } from './names';

export interface RoleResult {
  role: Role;
  reason: string;
}

/** The role of `values` bound to `name`. */
export function roleOf(values: AnyValues, name: string | undefined, argumentOf = ''): RoleResult {
  return roleWithSide(values, name, nameSide(name), argumentOf);
}

/**
 * roleOf when the caller has read the name's side already (`side` is
 * nameSide(name), undefined when the name says nothing): the finder reads
 * each name's side once, for the role and then for the pairs. `argumentOf`
 * is the call the array is an argument of (`softmax`, `entropy`), '' if none.
 * A name alone does not make a distribution the target: a pair does
 * (refineRoles), so a lone `p = [0.2, 0.8]` stays probabilities.
 */
export function roleWithSide(
  values: AnyValues,
  name: string | undefined,
  side: NameSide | undefined,
  argumentOf = '',
): RoleResult {
  const c = classifyCapitalised(values);
  const call =
    argumentOf === '' ? '' : argumentOf.slice(Math.max(argumentOf.lastIndexOf('.'), argumentOf.lastIndexOf(':')) + 1);
  // The input of softmax / sigmoid is logits, whatever its values.
  if (
    call !== '' &&
    LOGIT_TAKERS.has(call) &&
    (c.kind === 'class-indices' || c.kind === 'counts' || c.kind === 'unknown') &&
    !hasNonFinite(values)
  ) {
    return { role: 'logits', reason: `It is the input of ${call}, which takes raw scores (logits)` };
  }
  // entropy(counts): SciPy and R's entropy normalise counts.
  if (call === 'entropy' && c.kind === 'class-indices') {
    return {
      role: 'counts',
      reason: 'Every value is a whole number ≥ 0 and it is passed to entropy, which normalises counts',
    };
  }
  if (side !== undefined && c.kind === 'probabilities' && side.side === 'target' && !WEAK_TARGET_STEMS.has(side.stem)) {
    return { role: 'target', reason: `${c.reason}, and the name ${name} reads as the target` };
  }
  if (side !== undefined || (name !== undefined && /logit/i.test(name))) {
    // Raw scores look like counts or indices by their values alone; the name says logits.
    if (
      (c.kind === 'counts' || c.kind === 'class-indices' || c.kind === 'unknown') &&
      isLogitName(name, side) &&
      !hasNonFinite(values)
    ) {
      return { role: 'logits', reason: `The name ${name} says logits (${lowerFirst(c.reason)})` };
    }
  }
  if (c.kind === 'unknown' && isMatrix(values) && !hasNonFinite(values) && someNegative(values)) {
    return {
      role: 'logits',
      reason: 'Some rows have negative values and some do not, and no row is a distribution: raw scores (logits)',
    };
  }
  // Printed values are rounded: `[0.0900, 0.2447, 0.6652]` sums to 1 up to the last digit.
  if (c.kind === 'counts' && roundedDistribution(values)) {
    return {
      role: 'probabilities',
      reason: `Every value is in [0, 1] and ${isMatrix(values) ? 'each row sums' : 'the values sum'} to 1 up to rounding`,
    };
  }
  if (
    (c.kind === 'counts' || c.kind === 'unknown' || c.kind === 'probabilities') &&
    isMatrix(values) &&
    columnsAreOneHot(values as readonly ValueRow[])
  ) {
    return {
      role: 'one-hot',
      reason: 'Each column has a single 1 and 0 elsewhere: one-hot labels by column (classes × samples)',
    };
  }
  if (c.kind === 'counts' && isMatrix(values) && columnsAreDistributions(values as readonly ValueRow[])) {
    return {
      role: 'probabilities',
      reason: 'Every value is in [0, 1] and each column sums to 1: a distribution per column (classes × samples)',
    };
  }
  return { role: c.kind, reason: c.reason };
}

/** Target names that also name any distribution (`p` in entropy(p), `y` in from-scratch code): a pair decides. */
const WEAK_TARGET_STEMS = new Set(['p', 'pk', 'y', 't', 'true', 'expected']);

const LOGIT_STEMS = new Set([
  'logits',
  'y_logits',
  'scores',
  'y_score',
  'y_scores',
  'logit',
  'pre_output',
  'preoutput',
  'z',
]);
/** Calls whose argument is raw scores. */
const LOGIT_TAKERS = new Set([
  'softmax',
  'log_softmax',
  'logsoftmax',
  'sigmoid',
  'logsumexp',
  'logSoftmax',
  'logSumExp',
  'softmax_cross_entropy_with_logits',
]);

function isLogitName(name: string | undefined, side: NameSide | undefined): boolean {
  if (name === undefined) return false;
  if (side !== undefined && LOGIT_STEMS.has(side.stem)) return true;
  const seg = name.slice(Math.max(name.lastIndexOf('.'), name.lastIndexOf(':'), name.lastIndexOf('>')) + 1);
  return /logit|^pre_?output$|preOutput/i.test(seg);
}

function lowerFirst(t: string): string {
  return t.length > 0 ? t[0]!.toLowerCase() + t.slice(1) : t;
}

function hasNonFinite(values: AnyValues): boolean {
  const rows = rowsOf(values);
  for (const row of rows) for (const v of row) if (!Number.isFinite(v)) return true;
  return false;
}

function someNegative(values: AnyValues): boolean {
  for (const row of values as readonly ValueRow[]) for (const v of row) if (v < 0) return true;
  return false;
}

/**
 * `y_pred = [0.9, 0.2, 0.7]` in no pair: a prediction-named vector in [0, 1]
 * that does not sum to 1 is P(class 1) per element (a pair decides otherwise).
 */
export function refineUnpaired(
  arrays: FoundArray[],
  pairs: readonly FoundPair[],
  sides: readonly (NameSide | undefined)[],
): void {
  const paired = new Uint8Array(arrays.length);
  for (const p of pairs) paired[p.target] = paired[p.prediction] = 1;
  arrays.forEach((a, k) => {
    const side = sides[k];
    if (
      paired[k] ||
      a.role !== 'counts' ||
      side?.side !== 'prediction' ||
      a.shape.length !== 1 ||
      isLogitName(a.name, side)
    )
      return;
    if (!perElementProbabilities(a.values as number[])) return;
    a.role = 'probabilities';
    a.roleReason = `Every value is in [0, 1] and the name ${a.name} reads as a prediction: P(class 1) for each element`;
  });
}

function perElementProbabilities(values: readonly number[]): boolean {
  let fractional = false;
  for (const v of values) {
    if (!(v >= 0 && v <= 1)) return false;
    if (v !== 0 && v !== 1) fractional = true;
  }
  return fractional && values.length >= 2;
}

/** Rows (or the vector) in [0, 1], not all whole numbers, each summing to 1 within 0.002 (rounded printouts). */
function roundedDistribution(values: AnyValues): boolean {
  const rows = rowsOf(values);
  for (const row of rows) {
    let sum = 0;
    let fractional = false;
    for (const v of row) {
      if (!(v >= 0 && v <= 1)) return false;
      if (v !== 0 && v !== 1) fractional = true;
      sum += v;
      // Sums of non-negatives only grow: a row past 1.002 already fails (counts of 10^7 need not be read to the end).
      if (sum - 1 > 0.002) return false;
    }
    if (!fractional || Math.abs(sum - 1) > 0.002) return false;
  }
  return true;
}

/** Classes × samples one-hot: every column a single 1 among 0s, and not every row so. */
function columnsAreOneHot(rows: readonly ValueRow[]): boolean {
  const width = rows[0]!.length;
  if (rows.length < 2 || width < 1 || rows.some((r) => r.length !== width)) return false;
  for (let j = 0; j < width; j++) {
    let ones = 0;
    for (const r of rows) {
      const v = r[j];
      if (v === 1) ones++;
      else if (v !== 0) return false;
    }
    if (ones !== 1) return false;
  }
  return !rows.every((r) => r.filter((v) => v === 1).length === 1);
}

/** Classes × samples (Flux, SciPy's axis=0): every column sums to 1, values in [0, 1]. */
function columnsAreDistributions(rows: readonly ValueRow[]): boolean {
  const width = rows[0]!.length;
  if (rows.length < 2 || width < 1 || rows.some((r) => r.length !== width)) return false;
  for (let j = 0; j < width; j++) {
    let sum = 0;
    for (const r of rows) {
      const v = r[j]!;
      if (!(v >= 0 && v <= 1)) return false;
      sum += v;
    }
    if (Math.abs(sum - 1) > 1e-6) return false;
  }
  return true;
}

/**
 * Roles that the pairs make clear: the input of F.cross_entropy is logits even
 * when every value is ≥ 0; a 1-D integer target of a 2-D prediction holds class
 * indices (even `[1]`); a probability distribution used as a target is the target.
 */
export function refineRoles(
  arrays: FoundArray[],
  pairs: readonly FoundPair[],
  signatures: readonly (LossSignature | undefined)[],
): void {
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
    if (
      wants === 'logits' &&
      (p.role === 'counts' ||
        p.role === 'unknown' ||
        p.role === 'class-indices' ||
        (p.role === 'logits' && (p.roleReason ?? '').startsWith('The name'))) &&
      !p.issues.some((i) => i.startsWith('ragged'))
    ) {
      p.role = 'logits';
      p.roleReason = `It is the input of ${calleeOf(pair)}, which takes logits (${p.roleReason ?? ''})`;
    } else if (wants === 'log-probabilities' && (p.role === 'logits' || p.role === 'unknown') && allAtMost(p, 0)) {
      p.role = 'log-probabilities';
      p.roleReason = `It is the input of ${calleeOf(pair)}, which takes log-probabilities, and every value is ≤ 0`;
    }
    // A binary problem: the prediction is P(class 1) per element, the target 0/1 labels (or soft labels in [0, 1]).
    if (pair.binary || signature?.binary) {
      const what = signature?.binary
        ? `${calleeOf(pair)}, a binary loss`
        : 'a binary pair (0/1 labels beside values in [0, 1] of the same length)';
      if (
        (p.role === 'counts' || p.role === 'one-hot' || p.role === 'class-indices' || p.role === 'logits') &&
        allWithin01(p) &&
        wants !== 'logits'
      ) {
        p.role = 'probabilities';
        p.roleReason = `Every value is in [0, 1]: P(class 1) for each element of ${what}`;
      }
      if (allWithin01(t)) {
        const labels = allZeroOne(t);
        t.role = labels ? 'class-indices' : 'target';
        t.roleReason = labels
          ? `Every value is 0 or 1: the class of each element of ${what}`
          : `Every value is in [0, 1]: soft labels of ${what}`;
      }
      return;
    }
    if (
      t.shape.length === 1 &&
      p.shape.length === 2 &&
      t.shape[0] === p.shape[0] &&
      (t.role === 'probabilities' || t.role === 'one-hot' || t.role === 'target')
    ) {
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

/** The callee of a pair made by a call (`F.cross_entropy`). */
function calleeOf(pair: FoundPair): string {
  if (pair.callee !== undefined) return pair.callee;
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

function allZeroOne(a: FoundArray): boolean {
  const rows = a.shape.length === 2 ? (a.values as number[][]) : [a.values as number[]];
  for (const row of rows) for (let i = 0; i < row.length; i++) if (row[i] !== 0 && row[i] !== 1) return false;
  return true;
}

function allWithin01(a: FoundArray): boolean {
  const rows = a.shape.length === 2 ? (a.values as number[][]) : [a.values as number[]];
  for (const row of rows) for (let i = 0; i < row.length; i++) if (!(row[i]! >= 0 && row[i]! <= 1)) return false;
  return true;
}
