// Which array is the target and which the prediction. In this order:
//   1. call sites, knowing each function's argument order (callSignatures.ts);
//   2. names: a target-ish and a prediction-ish name with the same rest
//      (`y_true_1` / `y_pred_1`, `labels` / `logits`);
//   3. neighbours in the text with the same shape whose roles fit.
// An array is the prediction of at most one pair, and never both sides.

import type { AnyValues, FoundArray, FoundPair, PairRule } from './types';
import type { CallArgument, CallSite } from './scanner';
import { keywordRole, snakeCase, type LossSignature } from './callSignatures';
import { nameSide, type NameSide } from './names';

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
  prose = false,
): PairsResult {
  boundaryProse = prose;
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
    const binary =
      (currentSignature !== undefined && currentSignature.binary) || isBinaryPair(arrays[target]!, arrays[prediction]!);
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
    const t = resolve(target, call.start, arrays, index, text);
    const p = resolve(prediction, call.start, arrays, index, text);
    if (t === undefined || p === undefined) continue;
    // Values outrank a signature read from the callee's name alone (`Metrics.CrossEntropy(expected, actual)`):
    // labels are never the prediction of a soft distribution.
    const labelsAsPrediction =
      (isLabels(arrays[p]!) && isSoft(arrays[t]!) && !isBinaryPair(arrays[p]!, arrays[t]!)) ||
      // Two 0/1 arrays give no evidence against the call's own order.
      (isBinaryPair(arrays[p]!, arrays[t]!) && !isBinaryPair(arrays[t]!, arrays[p]!) && !zeroOne(arrays[t]!));
    // Names that say the opposite of a table entry read from the callee's name alone (`Losses.crossEntropy(target, predicted)`).
    const ts = sideOfArgument(target, t, sides);
    const ps = sideOfArgument(prediction, p, sides);
    const namesDisagree = ts === 'prediction' && ps === 'target' && isGenericCallee(call.callee);
    if (labelsAsPrediction || namesDisagree) {
      const why = labelsAsPrediction
        ? `${describe(arrays[p]!)} holds labels and ${describe(arrays[t]!)} a distribution, so the labels are the target`
        : `the names say ${describe(arrays[p]!)} is the target and ${describe(arrays[t]!)} the prediction`;
      add(p, t, `arguments of ${call.callee}(…): ${why}`, 'call', call.callee);
      continue;
    }
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
    if (
      best >= 0 &&
      !boundaryBetween(
        text,
        Math.min(arrays[best]!.end, arrays[q]!.end),
        Math.max(arrays[best]!.start, arrays[q]!.start),
        -1,
      ) &&
      !usedBefore(calls, arrays[q]!, arrays[best]!)
    ) {
      const tn = arrays[best]!.name!;
      const qn = arrays[q]!.name!;
      // Evidence outranks names: a one-hot or index array beside a soft distribution is the target.
      if (isLabels(arrays[q]!) && isSoft(arrays[best]!)) {
        add(
          q,
          best,
          `values: ${qn} holds labels and ${tn} a soft distribution of the same length (the names say the opposite)`,
          'names',
        );
      } else {
        add(best, q, `names: ${tn} reads as the target and ${qn} as the prediction`, 'names');
      }
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
      if (b.start - a.end <= NEIGHBOUR_GAP) {
        const order = neighbourOrder(a, b, sides[prev], sides[k]);
        if (
          order !== undefined &&
          (order === 'ab' ? shapesFit(a, b) : shapesFit(b, a)) &&
          !boundaryBetween(text, a.end, b.start, -1) &&
          !usedBefore(calls, b, a)
        ) {
          const [t, p] = order === 'ab' ? [prev, k] : [k, prev];
          const binary = isBinaryPair(arrays[t]!, arrays[p]!);
          const how = binary
            ? 'neighbours: 0/1 labels and values in [0, 1] of the same length'
            : 'neighbours of the same shape';
          if (
            add(
              t,
              p,
              `${how}: ${describe(arrays[t]!)} as the target, ${describe(arrays[p]!)} as the prediction`,
              'neighbours',
            )
          ) {
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
export function isBinaryPair(t: FoundArray<AnyValues>, p: FoundArray<AnyValues>): boolean {
  if (t.shape.length !== 1 || p.shape.length !== 1 || t.shape[0] !== p.shape[0] || t.values.length < 2) return false;
  const labels = labelFacts(t);
  // One 1 among zeros is a one-hot label of one sample over classes, not one positive among samples.
  return labels.zeroOne && labels.ones !== 1 && inUnit(p);
}

interface LabelFacts {
  /** Every value 0 or 1. */
  zeroOne: boolean;
  /** How many are 1 (when zeroOne). */
  ones: number;
}

// Pairing asks these of the same arrays many times (each call, neighbour and
// name candidate): kept while the array lives. Each pass stops at the first
// value that settles it, so a 10^7-element distribution costs one element.
const labelsOf = new WeakMap<FoundArray<AnyValues>, LabelFacts>();
const inUnitOf = new WeakMap<FoundArray<AnyValues>, boolean>();

function labelFacts(a: FoundArray<AnyValues>): LabelFacts {
  let facts = labelsOf.get(a);
  if (facts === undefined) {
    const values = a.values as readonly number[] | Float64Array;
    let zeroOne = true,
      ones = 0;
    for (let i = 0, n = values.length; i < n; i++) {
      const v = values[i]!;
      if (v === 1) ones++;
      else if (v !== 0) {
        zeroOne = false;
        break;
      }
    }
    facts = { zeroOne, ones };
    labelsOf.set(a, facts);
  }
  return facts;
}

/** Every value in [0, 1]. */
function inUnit(a: FoundArray<AnyValues>): boolean {
  let known = inUnitOf.get(a);
  if (known === undefined) {
    const values = a.values as readonly number[] | Float64Array;
    known = true;
    for (let i = 0, n = values.length; i < n; i++) {
      const v = values[i]!;
      if (!(v >= 0 && v <= 1)) {
        known = false;
        break;
      }
    }
    inUnitOf.set(a, known);
  }
  return known;
}

/**
 * Was the prediction's name passed to a loss call between the target and the
 * prediction? Then that call used another value (`y_pred = model.predict(x)`),
 * and the literal bound after it is not the target's partner.
 */
function usedBefore(calls: readonly CallSite[], prediction: FoundArray, target: FoundArray): boolean {
  const name = prediction.name;
  if (name === undefined || target.start > prediction.start) return false;
  for (const call of calls) {
    if (call.start <= target.end || call.start >= prediction.start) continue;
    if (call.args.some((arg) => arg.name === name)) return true;
  }
  return false;
}

/** Receivers whose losses' argument order is documented (the table is right for them, whatever the names). */
const FRAMEWORK_RECEIVER =
  /^(?:F|torch|nn|functional|optax|tf|keras|losses|metrics|sklearn|scipy|stats|special|jax|flax|Flux|candle_nn|ops|K)$/;

/** A callee whose table entry was read from its name alone: camelCase or PascalCase, not under a framework's module. */
function isGenericCallee(callee: string): boolean {
  const bare = callee.endsWith('()') ? callee.slice(0, -2) : callee;
  const cut = Math.max(bare.lastIndexOf('.'), bare.lastIndexOf(':'));
  const seg = bare.slice(cut + 1);
  const receiver = cut > 0 ? bare.slice(bare.lastIndexOf('.', cut - 1) + 1, cut).replace(/:$/, '') : '';
  return (
    /[A-Z]/.test(seg) && !FRAMEWORK_RECEIVER.test(receiver) && !bare.startsWith('tf.') && !bare.startsWith('torch.')
  );
}

/** The side an argument's name (as written at the call, else its array's name) reads as. */
function sideOfArgument(
  arg: CallArgument,
  index: number,
  sides: readonly (NameSide | undefined)[],
): 'target' | 'prediction' | undefined {
  if (arg.name !== undefined) return nameSide(arg.name)?.side;
  return sides[index]?.side;
}

function describe(a: FoundArray): string {
  return a.name !== undefined ? `${a.name} (${a.role})` : String(a.role);
}

/**
 * 'ab' when a is the target, 'ba' when b is, undefined when they do not make
 * a pair. Values first: labels (one-hot, class indices, 0/1) beside a soft
 * distribution, logits or P(class 1) values are the target whatever the names;
 * two soft distributions pair only when a name says which side one is on.
 */
function neighbourOrder(
  a: FoundArray,
  b: FoundArray,
  as: NameSide | undefined,
  bs: NameSide | undefined,
): 'ab' | 'ba' | undefined {
  // Names of two different examples (`y_pred_1`, `y_true_2`) are not a pair.
  if (as !== undefined && bs !== undefined && as.key !== bs.key && /\d/.test(as.key) && /\d/.test(bs.key))
    return undefined;
  // A value printed by a program is not the target or prediction of a literal in its code.
  if ((a.printed === undefined) !== (b.printed === undefined)) return undefined;
  // In prose, two unnamed lists in a sentence are examples (`replaces [1, 0, 0] by [0.9, 0.05, 0.05]`).
  if (boundaryProse && a.name === undefined && b.name === undefined) return undefined;
  if (isBinaryPair(a, b)) return 'ab';
  if (isBinaryPair(b, a)) return 'ba';
  const aL = isLabels(a);
  const bL = isLabels(b);
  const aP = PREDICTION_ROLES.has(a.role) && !aL;
  const bP = PREDICTION_ROLES.has(b.role) && !bL;
  if (aL && bP) return 'ab';
  if (bL && aP) return 'ba';
  if (aL || bL) return undefined;
  // Two distributions: both names must say their side, else they are not a pair (two priors, two printouts, two examples).
  if (as === undefined || bs === undefined) return undefined;
  if (
    (a.role === 'probabilities' || a.role === 'target') &&
    (b.role === 'probabilities' || b.role === 'target' || b.role === 'logits' || b.role === 'log-probabilities')
  ) {
    if (as?.side === 'target' && bs?.side !== 'target') return 'ab';
    if (bs?.side === 'prediction' && as?.side !== 'prediction') return 'ab';
    if (bs?.side === 'target' && as?.side !== 'target' && (b.role === 'probabilities' || b.role === 'target'))
      return 'ba';
    if (as?.side === 'prediction' && bs?.side !== 'prediction' && (b.role === 'probabilities' || b.role === 'target'))
      return 'ba';
  }
  return undefined;
}

/** Labels: one-hot rows, class indices, or 0/1 values. */
function isLabels(a: FoundArray): boolean {
  return a.role === 'one-hot' || a.role === 'class-indices' || (a.role === 'counts' && zeroOne(a));
}

/** A soft distribution (not one-hot): probabilities or a soft target. */
function isSoft(a: FoundArray): boolean {
  return a.role === 'probabilities' || a.role === 'target';
}

function zeroOne(a: FoundArray): boolean {
  const rows = a.shape.length === 2 ? (a.values as number[][]) : [a.values as number[]];
  for (const r of rows) for (const v of r) if (v !== 0 && v !== 1) return false;
  return true;
}

/** Lines that start a new test function, example or section. */
const BOUNDARY =
  /^(?:(?:async\s+)?def\s|class\s|it\s*\(|it\.each|test\s*\(|describe\s*\(|@Test|@test|@pytest|TEST(?:_F|_P)?\s*\(|#\[test\]|(?:pub\s+)?fn\s|function\s|func\s|@testset|\[Fact\]|\[Test\]|\[Theory\]|(?:public\s+|private\s+)?(?:static\s+)?void\s|In \[|>>> def\s|%%|# %%|---\s*$)/;

/**
 * Is there a boundary between two arrays in text[from, to): a line that starts
 * a test function, an example or a section, indented at most `indent` (-1: any),
 * or in prose a new paragraph (a blank line then text)? A blank line alone is not one.
 */
let boundaryProse = false;

function boundaryBetween(text: string, from: number, to: number, indent: number): boolean {
  if (to - from > BOUND_LOOK) return true;
  let k = text.indexOf('\n', from);
  let blank = false;
  while (k >= 0 && k < to) {
    const lineStart = k + 1;
    let j = lineStart;
    while (j < to && (text.charCodeAt(j) === 32 || text.charCodeAt(j) === 9)) j++;
    const end = text.indexOf('\n', lineStart);
    const lineEnd = end < 0 || end > to ? to : end;
    if (j >= lineEnd) blank = true;
    else {
      const line = text.slice(j, Math.min(lineEnd, j + 40));
      if ((indent < 0 || j - lineStart <= indent) && BOUNDARY.test(line)) return true;
      // Prose: a heading, or text after a blank line (a new paragraph).
      if (
        boundaryProse &&
        (/^#{1,6}\s/.test(line) ||
          (blank && /^[A-Z][a-z]+[\s,]/.test(line) && !/[=:]\s*[[(]/.test(text.slice(j, lineEnd))))
      )
        return true;
      blank = false;
    }
    k = end < 0 ? -1 : end;
  }
  return false;
}

function indentOf(text: string, at: number): number {
  const ls = text.lastIndexOf('\n', at - 1) + 1;
  let j = ls;
  while (j < at && (text.charCodeAt(j) === 32 || text.charCodeAt(j) === 9)) j++;
  return j - ls;
}

/**
 * Can `t` be the target of `p`? Class indices need a 2-D prediction with one
 * row per index and every index below the number of columns; other targets
 * need the same shape.
 */
export function shapesFit(t: FoundArray, p: FoundArray): boolean {
  const ts = t.shape;
  const ps = p.shape;
  if (isBinaryPair(t, p)) return true;
  // A 1-D one-hot-looking `[0, 1]` beside a 2-D batch of two rows is two class indices.
  if (t.role === 'class-indices' || (t.role === 'one-hot' && ts.length === 1 && ps.length === 2)) {
    if (ts.length !== 1 || ps.length !== 2 || ts[0] !== ps[0]) return false;
    const columns = ps[1]!;
    return (t.values as number[]).every((v) => v < columns);
  }
  return ts.length === ps.length && ts.every((d, k) => d === ps[k]);
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

/**
 * An argument's array: the literal itself, or the array bound to its name by
 * the latest assignment before the call — never one after it, and none when
 * the name was assigned something else in between (`y_pred = model.predict(x)`)
 * or the binding is in an earlier test function or example.
 */
function resolve(
  arg: CallArgument,
  callStart: number,
  arrays: readonly FoundArray[],
  index: () => Map<string, number | number[]>,
  text: string,
): number | undefined {
  if (arg.array !== undefined) return arg.array;
  if (arg.name === undefined) return undefined;
  const found = bindingBefore(arg.name, callStart, arrays, index);
  if (found === undefined) return undefined;
  return boundTill(text, arg.name, arrays[found]!, callStart) ? found : undefined;
}

function bindingBefore(
  name: string,
  callStart: number,
  arrays: readonly FoundArray[],
  index: () => Map<string, number | number[]>,
): number | undefined {
  // Usually the binding is a few arrays before the call: the latest array
  // before it named `name` (or `….name`) is the answer the index would give.
  const near = latestNamed(arrays, name, callStart);
  if (near >= 0) return near;
  const byName = index();
  const entry = byName.get(name) ?? byName.get(lastSegmentOf(name));
  if (entry === undefined) return undefined;
  const list = typeof entry === 'number' ? [entry] : entry;
  // The list is in text order: the last one starting before the call.
  let lo = 0;
  let hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (arrays[list[mid]!]!.start < callStart) lo = mid + 1;
    else hi = mid;
  }
  return lo > 0 ? list[lo - 1] : undefined;
}

/** Text looked at between a binding and its use (longer: the binding is taken as it is). */
const BOUND_LOOK = 20_000;

/** Is `name` still bound to `a` at `use`: no other assignment to it and no new test function or example in between? */
function boundTill(text: string, name: string, a: FoundArray, use: number): boolean {
  const from = a.end;
  if (use - from > BOUND_LOOK) return true;
  const plain = lastSegmentOf(name);
  for (let k = text.indexOf(plain, from); k >= 0 && k < use; k = text.indexOf(plain, k + plain.length)) {
    const before = k > 0 ? text.charCodeAt(k - 1) : 32;
    const after = k + plain.length < text.length ? text.charCodeAt(k + plain.length) : 32;
    if (isWordChar(before) || isWordChar(after)) continue;
    // `name = …` (not `==`), `name <- …`, `let name = …`.
    let j = k + plain.length;
    while (j < use && (text.charCodeAt(j) === 32 || text.charCodeAt(j) === 9)) j++;
    const c = text.charCodeAt(j);
    const d = text.charCodeAt(j + 1);
    if ((c === 61 && d !== 61) || (c === 60 && d === 45)) return false;
  }
  // A module-level binding is seen from every function; one inside a function or test block only within it.
  const indent = indentOf(text, a.start);
  return indent === 0 || !boundaryBetween(text, from, use, indent);
}

function isWordChar(c: number): boolean {
  return (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 95 || c > 127;
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
