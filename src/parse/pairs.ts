// Which array is the target and which the prediction. In this order:
//   1. call sites, knowing each function's argument order (callSignatures.ts);
//   2. names: a target-ish and a prediction-ish name with the same rest
//      (`y_true_1` / `y_pred_1`, `labels` / `logits`);
//   3. neighbours in the text with the same shape whose roles fit.
// An array is the prediction of at most one pair, and never both sides.

import type { FoundArray, FoundPair, PairRule } from './types';
import type { CallArgument, CallSite } from './scanner';
import { keywordRole, snakeCase, type LossSignature } from './callSignatures';
import { nameSide, type NameSide } from './names';

const TARGET_ROLES = new Set(['one-hot', 'class-indices', 'target']);
const PREDICTION_ROLES = new Set(['probabilities', 'logits', 'log-probabilities']);

/** Targets with the same key looked at on each side of a prediction. */
const NAME_WINDOW = 8;

/** Largest gap (characters) between neighbours paired by order. */
const NEIGHBOUR_GAP = 400;

export interface PairsResult {
  pairs: FoundPair[];
  /** Per pair (same index): the signature of the call that paired it, if a call did. */
  signatures: (LossSignature | undefined)[];
}

export function findPairs(
  text: string,
  arrays: readonly FoundArray[],
  calls: readonly CallSite[],
  sides: readonly (NameSide | undefined)[] = arrays.map((a) => nameSide(a.name)),
): PairsResult {
  const pairs: FoundPair[] = [];
  const signatures: (LossSignature | undefined)[] = [];
  let currentSignature: LossSignature | undefined;
  const asPrediction = new Uint8Array(arrays.length);
  const asTarget = new Uint8Array(arrays.length);
  // A pair once added marks its prediction, so the same pair can never be added twice.
  const add = (target: number, prediction: number, reason: string, rule: PairRule, callee?: string): boolean => {
    if (target === prediction || asPrediction[prediction] || asTarget[prediction] || asPrediction[target]) return false;
    asPrediction[prediction] = 1;
    asTarget[target] = 1;
    const binary = currentSignature !== undefined ? currentSignature.binary : isBinaryPair(arrays[target]!, arrays[prediction]!);
    const pair: FoundPair = { target, prediction, reason, rule, binary };
    if (callee !== undefined) {
      pair.callee = callee;
      pair.signature = currentSignature;
    }
    pairs.push(pair);
    signatures.push(currentSignature);
    return true;
  };

  // 1. Call sites. A named argument is first looked for among the few arrays
  // just before the call; arrays are indexed by name only when that fails.
  let byName: Map<string, number | number[]> | undefined;
  const index = (): Map<string, number | number[]> => (byName ??= indexByName(arrays));
  for (const call of calls) {
    let target: CallArgument | undefined;
    let prediction: CallArgument | undefined;
    const positional: CallArgument[] = [];
    for (const arg of call.args) {
      if (arg.keyword === undefined) {
        positional.push(arg);
        continue;
      }
      const side = keywordRole(arg.keyword, call.signature);
      if (side === 'target') target ??= arg;
      else if (side === 'prediction') prediction ??= arg;
    }
    const [first, second] = [positional[0], positional[1]];
    if (call.signature.targetFirst) {
      target ??= first;
      prediction ??= target === first ? second : first;
    } else {
      prediction ??= first;
      target ??= prediction === first ? second : first;
    }
    if (target === undefined || prediction === undefined) continue;
    const t = resolve(target, call.start, arrays, index);
    const p = resolve(prediction, call.start, arrays, index);
    if (t === undefined || p === undefined) continue;
    const order = call.signature.targetFirst ? 'the target first' : 'the prediction first';
    currentSignature = call.signature;
    add(t, p, `arguments of ${call.callee}${call.signature.params}, which takes ${order}`, 'call', call.callee);
  }
  currentSignature = undefined;

  // 2. Names. Targets are indexed by key; each prediction looks at the few
  // nearest targets with its key (linear overall, even with thousands of arrays).
  // Nothing is indexed when no name reads as a prediction.
  let targetsByKey: Map<string, number | number[]> | undefined;
  for (let q = 0; q < arrays.length; q++) {
    const qs = sides[q];
    if (qs === undefined || qs.side !== 'prediction' || asPrediction[q] || asTarget[q]) continue;
    targetsByKey ??= indexTargets(sides);
    const entry = targetsByKey.get(qs.key);
    if (entry === undefined) continue;
    const list = typeof entry === 'number' ? [entry] : entry;
    const at = lowerBound(list, q);
    let best = -1;
    let bestScore = Infinity;
    for (let j = Math.max(0, at - NAME_WINDOW); j < Math.min(list.length, at + NAME_WINDOW); j++) {
      const t = list[j]!;
      // Names pair only arrays whose shapes fit, and a target only once.
      if (asPrediction[t] || asTarget[t] || !shapesFit(arrays[t]!, arrays[q]!)) continue;
      // Nearest wins; a target before its prediction is preferred.
      const distance = Math.abs(arrays[t]!.start - arrays[q]!.start);
      const score = distance + (t > q ? 1e9 : 0);
      if (score < bestScore) {
        bestScore = score;
        best = t;
      }
    }
    if (best >= 0) {
      const tn = arrays[best]!.name!;
      const qn = arrays[q]!.name!;
      add(best, q, `names: ${tn} reads as the target and ${qn} as the prediction`, 'names');
    }
  }

  // 3. Neighbours with the same shape.
  let prev = -1;
  for (let k = 0; k < arrays.length; k++) {
    if (asPrediction[k] || asTarget[k]) {
      prev = -1;
      continue;
    }
    if (prev >= 0) {
      const a = arrays[prev]!;
      const b = arrays[k]!;
      if (b.start - a.end <= NEIGHBOUR_GAP && !hasBlankLine(text, a.end, b.start)) {
        const order = neighbourOrder(a, b, sides[prev], sides[k]);
        if (order !== undefined && (order === 'ab' ? shapesFit(a, b) : shapesFit(b, a))) {
          const [t, p] = order === 'ab' ? [prev, k] : [k, prev];
          if (add(t, p, `neighbours of the same shape: ${describe(arrays[t]!)} as the target, ${describe(arrays[p]!)} as the prediction`, 'neighbours')) {
            prev = -1;
            continue;
          }
        }
      }
    }
    prev = k;
  }
  return { pairs, signatures };
}

/**
 * A binary problem without a binary loss to say so: 1-D labels that are all
 * 0 or 1 beside 1-D values in [0, 1] of the same length that are not a
 * distribution over classes themselves (P(class 1) per sample).
 */
export function isBinaryPair(t: FoundArray, p: FoundArray): boolean {
  if (t.shape.length !== 1 || p.shape.length !== 1 || t.shape[0] !== p.shape[0]) return false;
  const tv = t.values as number[];
  const pv = p.values as number[];
  if (tv.length < 2) return false;
  let ones = 0;
  for (const v of tv) {
    if (v !== 0 && v !== 1) return false;
    ones += v;
  }
  let sum = 0;
  for (const v of pv) {
    if (!(v >= 0 && v <= 1)) return false;
    sum += v;
  }
  // One 1 among zeros beside a distribution is a one-hot target of one sample.
  return !(ones === 1 && Math.abs(sum - 1) < 1e-6);
}

function describe(a: FoundArray): string {
  return a.name !== undefined ? `${a.name} (${a.role})` : String(a.role);
}

/** 'ab' when a is the target, 'ba' when b is, undefined when the roles do not make a pair. */
function neighbourOrder(a: FoundArray, b: FoundArray, as: ReturnType<typeof nameSide>, bs: ReturnType<typeof nameSide>): 'ab' | 'ba' | undefined {
  // Names that say the opposite side win over the order.
  if (as?.side === 'prediction' || bs?.side === 'target') {
    if (as?.side === 'target' || bs?.side === 'prediction') return undefined;
    return PREDICTION_ROLES.has(a.role) && (TARGET_ROLES.has(b.role) || b.role === 'probabilities') ? 'ba' : undefined;
  }
  const aT = TARGET_ROLES.has(a.role);
  const bT = TARGET_ROLES.has(b.role);
  const aP = PREDICTION_ROLES.has(a.role);
  const bP = PREDICTION_ROLES.has(b.role);
  if (aT && bP) return 'ab';
  if (bT && aP && b.role !== 'target') return 'ba';
  if (a.role === 'probabilities' && b.role === 'probabilities') return 'ab';
  return undefined;
}

/**
 * Can `t` be the target of `p`? Class indices need a 2-D prediction with one
 * row per index and every index below the number of columns; other targets
 * need the same shape.
 */
export function shapesFit(t: FoundArray, p: FoundArray): boolean {
  const ts = t.shape;
  const ps = p.shape;
  if (t.role === 'class-indices') {
    if (ts.length !== 1 || ps.length !== 2 || ts[0] !== ps[0]) return false;
    const columns = ps[1]!;
    return (t.values as number[]).every((v) => v < columns);
  }
  return ts.length === ps.length && ts.every((d, k) => d === ps[k]);
}

/** Does text[from, to) hold two line breaks in a row? */
function hasBlankLine(text: string, from: number, to: number): boolean {
  for (let i = from + 1; i < to; i++) {
    if (text.charCodeAt(i) === 10 && text.charCodeAt(i - 1) === 10) return true;
  }
  return false;
}

/** Appends k to the entry of `key`: a single index is kept as a number, more as a list (in order). */
function push(m: Map<string, number | number[]>, key: string, k: number): void {
  const entry = m.get(key);
  if (entry === undefined) m.set(key, k);
  else if (typeof entry === 'number') m.set(key, [entry, k]);
  else entry.push(k);
}

/** The arrays whose names read as the target, by key, in text order. */
function indexTargets(sides: readonly (NameSide | undefined)[]): Map<string, number | number[]> {
  const m = new Map<string, number | number[]>();
  for (let k = 0; k < sides.length; k++) {
    const side = sides[k];
    if (side !== undefined && side.side === 'target') push(m, side.key, k);
  }
  return m;
}

/** Arrays by name and by the name's last segment (`self.p` → `p`), in text order. */
function indexByName(arrays: readonly FoundArray[]): Map<string, number | number[]> {
  const m = new Map<string, number | number[]>();
  for (let k = 0; k < arrays.length; k++) {
    const name = arrays[k]!.name;
    if (name === undefined) continue;
    push(m, name, k);
    const last = lastSegmentOf(name);
    if (last !== name) push(m, last, k);
  }
  return m;
}

/** Arrays looked at just before a call for the latest binding of an argument's name. */
const NEAR_CALL = 32;

/** An argument's array: the literal itself, or the latest array bound to its name before the call. */
function resolve(arg: CallArgument, callStart: number, arrays: readonly FoundArray[], index: () => Map<string, number | number[]>): number | undefined {
  if (arg.array !== undefined) return arg.array;
  if (arg.name === undefined) return undefined;
  // Usually the binding is a few arrays before the call: the latest array
  // before it named `name` (or `….name`) is the answer the index would give.
  const near = latestNamed(arrays, arg.name, callStart);
  if (near >= 0) return near;
  const byName = index();
  const entry = byName.get(arg.name) ?? byName.get(lastSegmentOf(arg.name));
  if (entry === undefined) return undefined;
  if (typeof entry === 'number') return entry;
  const list = entry;
  // The list is in text order: the last one starting before the call.
  let lo = 0;
  let hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (arrays[list[mid]!]!.start < callStart) lo = mid + 1;
    else hi = mid;
  }
  return lo > 0 ? list[lo - 1] : list[0];
}

/**
 * Among the NEAR_CALL arrays that start before `before`, the latest whose name
 * is `name` or ends in `.name` / `:name` (its last segment is `name`); -1 if none.
 */
function latestNamed(arrays: readonly FoundArray[], name: string, before: number): number {
  let lo = 0;
  let hi = arrays.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (arrays[mid]!.start < before) lo = mid + 1;
    else hi = mid;
  }
  const plain = name.indexOf('.') < 0 && name.indexOf(':') < 0;
  for (let k = lo - 1; k >= 0 && k >= lo - NEAR_CALL; k--) {
    const a = arrays[k]!.name;
    if (a === undefined) continue;
    if (a === name) return k;
    if (plain && a.length > name.length && a.endsWith(name)) {
      const c = a.charCodeAt(a.length - name.length - 1);
      if (c === 46 || c === 58) return k;
    }
  }
  return -1;
}

/** First position in the sorted `list` whose value is ≥ `x`. */
function lowerBound(list: readonly number[], x: number): number {
  let lo = 0;
  let hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (list[mid]! < x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

function lastSegmentOf(name: string): string {
  const cut = Math.max(name.lastIndexOf('.'), name.lastIndexOf(':'));
  return cut >= 0 ? name.slice(cut + 1) : name;
}

/** Exported for tests: how a callee name is normalised before lookup. */
export const normaliseCallee = snakeCase;
