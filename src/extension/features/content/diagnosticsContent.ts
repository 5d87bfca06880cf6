// Diagnostics as plain data: probabilities that do not sum to 1, negatives,
// NaN / Infinity, pairs whose lengths differ, and the loss-call mistakes of
// mistakeChecks.ts. Each says what is wrong and where (codes and messages:
// diagnosticCodes.ts), and names the quick fixes that are safe for it.
import {
  cappedIssue,
  predictionArgumentSteps,
  type PredictionArgument,
  type DocumentModel,
  type FoundArray,
} from '../model';
import { diagnosticMessage, type DiagnosticItem } from './diagnosticCodes';
import { mistakeChecks, normalisesItself, readsTarget, type ResolvedCall } from './mistakeChecks';
import { namedLikePrediction } from './names';
import { SUM_TOLERANCE } from '../../../core';
import { rowsOf } from '../../../core/elements';
import { fmtSum } from '../format';

export type { DiagnosticCode, DiagnosticItem } from './diagnosticCodes';
export { namedLikePrediction };

const PROBABILITY_ROLES = new Set(['probabilities', 'target']);

export function computeDiagnostics(model: DocumentModel, maxItems = 500): DiagnosticItem[] {
  const steps = diagnosticSteps(model, maxItems);
  for (;;) {
    const r = steps.next();
    if (r.done) return r.value;
  }
}

/** Arrays checked between two yields of diagnosticSteps. */
const CHUNK = 4000;
/** Values checked between two yields (about 5 ms of checks here): 1558 arrays of 1000 were one 25-55 ms slice. */
const VALUES_PER_SLICE = 200_000;

/**
 * The same work in slices: yields between chunks so the adapter can give the
 * extension host back (a 10 MB document has ~10^5 arrays), returns the items.
 */
export function* diagnosticSteps(model: DocumentModel, maxItems = 500): Generator<void, DiagnosticItem[], void> {
  const items: DiagnosticItem[] = [];
  const arrays = model.arrays;
  yield;
  const calls: PredictionArgument[] = [];
  yield* predictionArgumentSteps(model.text, calls);
  calls.sort((a, b) => a.start - b.start);
  yield;
  // The model's lookups sort every array once; each in its own slice.
  model.isNested(0);
  yield;
  model.arraysIn(0, 0);
  yield;
  const callOf = yield* resolveCalls(model, calls);
  yield;
  // scipy.stats.entropy divides its arguments by their sums: said by its own diagnostic, not as not-normalized.
  const selfNormalised = new Set<number>();
  for (const r of callOf.calls)
    if (normalisesItself(r.call)) [r.prediction, r.target].forEach((i) => i !== undefined && selfNormalised.add(i));
  // 1: the prediction of a pair; 2: either side of a binary loss (elements are independent, no sum to check).
  const side = new Uint8Array(arrays.length);
  model.pairs.forEach((p, k) => {
    if (model.isBinary(k)) side[p.target] = side[p.prediction] = 2;
    else if (!side[p.prediction]) side[p.prediction] = 1;
  });
  // Value checks read every value: wide arrays end a slice by their values read, not only by their count.
  let read = 0;
  for (let i = 0; i < arrays.length && items.length < maxItems; i++) {
    const a = arrays[i]!;
    if (!model.isNested(i))
      items.push(...valueChecks(a, i, callOf.get(i), side[i] === 1, side[i] === 2 || selfNormalised.has(i)));
    read += a.shape.reduce((x, y) => x * y, 1);
    if (i % CHUNK === CHUNK - 1 || read >= VALUES_PER_SLICE) {
      read = 0;
      yield;
    }
  }
  const pairs = model.pairs;
  for (let k = 0; k < pairs.length && items.length < maxItems; k++) {
    const p = pairs[k]!;
    const d = lengthCheck(arrays[p.target]!, arrays[p.prediction]!, p.prediction, model.isBinary(k));
    if (d) items.push(d);
    if (k % CHUNK === CHUNK - 1) yield;
  }
  let n = 0;
  for (const resolved of callOf.calls) {
    if (items.length >= maxItems) break;
    mistakeChecks(model.text, arrays, resolved, items);
    if (++n % CHUNK === 0) yield;
  }
  return items.slice(0, maxItems).sort((a, b) => a.start - b.start);
}

interface CallIndex {
  get(arrayIndex: number): PredictionArgument | undefined;
  calls: ResolvedCall[];
}

/** `y.float()`, `labels.view(-1, 1)` → the name; a bare name as it is. */
const NAME_WITH_METHODS = /^([A-Za-z_]\w*)(?:\s*\.\s*\w+\s*\([^()]*\))*$/;

/** Ties each call's prediction and target arguments to the literal inside them or the last array bound to their name before the call. */
function* resolveCalls(model: DocumentModel, calls: PredictionArgument[]): Generator<void, CallIndex, void> {
  const byArray = new Map<number, PredictionArgument>();
  const resolved: ResolvedCall[] = [];
  const byName = new Map<string, number[]>();
  const arrays = model.arrays;
  for (let i = 0; i < arrays.length; i++) {
    const a = arrays[i]!;
    if (i % CHUNK === CHUNK - 1) yield;
    if (!a.name) continue;
    const list = byName.get(a.name);
    if (list) list.push(i);
    else byName.set(a.name, [i]);
  }
  const lookup = (start: number, end: number, identifier: string | undefined, before: number): number | undefined => {
    // A literal written inside the argument (torch.tensor([...]) counts), else the name.
    const inside = model
      .arraysIn(start, end)
      .find((k) => model.arrays[k]!.start >= start && model.arrays[k]!.end <= end && !model.isNested(k));
    if (inside !== undefined || !identifier) return inside;
    const candidates = byName.get(identifier);
    if (!candidates) return undefined;
    for (let k = candidates.length - 1; k >= 0; k--)
      if (model.arrays[candidates[k]!]!.end <= before) return candidates[k];
    return undefined;
  };
  let n = 0;
  for (const call of calls) {
    if (++n % CHUNK === 0) yield;
    const prediction = lookup(call.start, call.end, call.identifier, call.start);
    const t = call.target;
    const target =
      t && !call.targetOnly && readsTarget(call)
        ? lookup(t.start, t.end, NAME_WITH_METHODS.exec(t.text)?.[1], Math.min(t.start, call.start))
        : call.targetOnly
          ? prediction
          : undefined;
    if (prediction !== undefined && !byArray.has(prediction)) byArray.set(prediction, call);
    resolved.push({ call, prediction, target });
  }
  return { get: (i) => byArray.get(i), calls: resolved };
}

const where = (a: FoundArray, rows: number, r: number, i: number): string =>
  `${a.name ?? 'array'}${rows > 1 ? `[${r}][${i}]` : `[${i}]`}`;

/**
 * Is the array used as probabilities? A loss call decides when it is an argument;
 * else its role, or — for non-negative values that classify calls counts — being
 * the prediction of a pair or a name like y_pred / probs.
 */
function usedAsProbabilities(a: FoundArray, call: PredictionArgument | undefined, isPrediction: boolean): boolean {
  if (call) return call.expects === 'probabilities' && !call.wrapper;
  if (PROBABILITY_ROLES.has(a.role)) return true;
  return a.role === 'counts' && (isPrediction || namedLikePrediction(a.name));
}

/** NaN/Infinity anywhere; for arrays used as probabilities, negatives and sums away from 1. */
function valueChecks(
  a: FoundArray,
  index: number,
  call: PredictionArgument | undefined,
  isPrediction: boolean,
  binary: boolean,
): DiagnosticItem[] {
  const rows = rowsOf(a.values);
  const out: DiagnosticItem[] = [];
  const base = { start: a.start, end: a.end, arrayIndex: index };
  for (let r = 0; r < rows.length; r++) {
    const row = rows[r]!;
    const bad = row.findIndex((v) => !Number.isFinite(v));
    if (bad >= 0) {
      out.push({
        ...base,
        code: 'non-finite',
        fixes: [],
        message: diagnosticMessage('non-finite', { where: where(a, rows.length, r, bad), value: row[bad]! }),
      });
      return out;
    }
  }
  if (!usedAsProbabilities(a, call, isPrediction)) return out;
  for (let r = 0; r < rows.length; r++) {
    const row = rows[r]!;
    const neg = row.findIndex((v) => v < 0);
    if (neg >= 0) {
      // A probabilities call given negative numbers is reported by kindCheck (they look like logits).
      if (!call)
        out.push({
          ...base,
          code: 'negative-probability',
          fixes: [],
          message: diagnosticMessage('negative-probability', {
            where: where(a, rows.length, r, neg),
            value: row[neg]!,
          }),
        });
      return out;
    }
  }
  // Per-element (binary) losses take independent probabilities: no sum to check.
  if (binary || (call?.loss.binary && rows.length === 1)) return out;
  // A capped array holds only its first values: their sum says nothing.
  if (cappedIssue(a) !== undefined) return out;
  for (let r = 0; r < rows.length; r++) {
    const sum = rows[r]!.reduce((s, v) => s + v, 0);
    if (Math.abs(sum - 1) > SUM_TOLERANCE && sum > 0) {
      const what = rows.length > 1 ? `row ${r} of ${a.name ?? 'this array'}` : (a.name ?? 'this array');
      out.push({
        ...base,
        code: 'not-normalized',
        fixes: ['normalize'],
        message: diagnosticMessage('not-normalized', { what, sum: fmtSum(sum) }),
      });
      return out;
    }
  }
  return out;
}

function lengthCheck(
  target: FoundArray,
  prediction: FoundArray,
  predictionIndex: number,
  binary: boolean,
): DiagnosticItem | undefined {
  const t = target.shape;
  const q = prediction.shape;
  // What each side has, as "has 3 values" / "is 3 × 2": the message names both.
  let sizes: [string, string] | undefined;
  if (binary) {
    // One target per prediction element, whatever the roles look like.
    const nt = t.reduce((a, b) => a * b, 1),
      nq = q.reduce((a, b) => a * b, 1);
    if (nt !== nq) sizes = [`has ${nt} values`, `has ${nq}`];
  } else if (target.role === 'class-indices') {
    const rows = q.length === 2 ? q[0]! : 1;
    if (t[0] !== rows && !(q.length === 1 && t[0] === 1))
      sizes = [`has ${t[0]} class indices`, `has ${rows} row${rows === 1 ? '' : 's'}`];
  } else if (t.length !== q.length || t.some((d, k) => d !== q[k])) {
    sizes = [`is ${t.join(' × ')}`, `is ${q.join(' × ')}`];
  }
  if (!sizes) return undefined;
  return {
    start: prediction.start,
    end: prediction.end,
    code: 'length-mismatch',
    arrayIndex: predictionIndex,
    fixes: [],
    message: diagnosticMessage('length-mismatch', {
      target: target.name ?? 'the target',
      targetSize: sizes[0],
      prediction: prediction.name ?? 'the prediction',
      predictionSize: sizes[1],
    }),
    related: [{ start: target.start, end: target.end, message: 'the target it is paired with' }],
  };
}
