// Diagnostics as plain data: probabilities that do not sum to 1, negatives,
// NaN / Infinity, pairs whose lengths differ, and probabilities passed where a
// loss expects logits (or the reverse). Each says what is wrong and where, and
// names the quick fixes that are safe for it.
import {
  cappedIssue,
  predictionArgumentSteps,
  type PredictionHolds,
  type PredictionArgument,
  type DocumentModel,
  type FoundArray,
} from '../model';
import type { FixKind } from './quickFixes';
import { SUM_TOLERANCE } from '../../../core';
import { rowsOf } from '../../../core/elements';
import { fmtSum } from '../format';

export type DiagnosticCode =
  | 'not-normalized'
  | 'negative-probability'
  | 'non-finite'
  | 'length-mismatch'
  | 'expects-logits'
  | 'expects-probabilities'
  | 'expects-log-probabilities';

export interface DiagnosticItem {
  start: number;
  end: number;
  code: DiagnosticCode;
  message: string;
  /** Index of the array the fixes apply to. */
  arrayIndex?: number;
  fixes: FixKind[];
  related?: { start: number; end: number; message: string }[];
}

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
    if (!model.isNested(i)) items.push(...valueChecks(a, i, callOf.get(i), side[i] === 1, side[i] === 2));
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
  for (const [arg, arrayIndex] of callOf.calls) {
    if (items.length >= maxItems) break;
    const d = kindCheck(arg, arrayIndex === undefined ? undefined : arrays[arrayIndex], arrayIndex);
    if (d) items.push(d);
    if (++n % CHUNK === 0) yield;
  }
  return items.slice(0, maxItems).sort((a, b) => a.start - b.start);
}

interface CallIndex {
  get(arrayIndex: number): PredictionArgument | undefined;
  calls: [PredictionArgument, number | undefined][];
}

/** Ties each prediction argument to the literal inside it or the last array bound to its name before the call. */
function* resolveCalls(model: DocumentModel, calls: PredictionArgument[]): Generator<void, CallIndex, void> {
  const byArray = new Map<number, PredictionArgument>();
  const pairs: [PredictionArgument, number | undefined][] = [];
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
  let n = 0;
  for (const call of calls) {
    if (++n % CHUNK === 0) yield;
    // A literal written inside the argument (torch.tensor([...]) counts), else the name.
    let index: number | undefined = model
      .arraysIn(call.start, call.end)
      .find((k) => model.arrays[k]!.start >= call.start && model.arrays[k]!.end <= call.end && !model.isNested(k));
    if (index === undefined && call.identifier) {
      const candidates = (byName.get(call.identifier) ?? []).filter((k) => model.arrays[k]!.end <= call.start);
      index = candidates[candidates.length - 1];
    }
    if (index !== undefined && !byArray.has(index)) byArray.set(index, call);
    pairs.push([call, index]);
  }
  return { get: (i) => byArray.get(i), calls: pairs };
}

const where = (a: FoundArray, rows: number, r: number, i: number): string =>
  `${a.name ?? 'array'}${rows > 1 ? `[${r}][${i}]` : `[${i}]`}`;

/** Names people give predicted probabilities (last segment): y_pred, probs, q, y_hat, output2… */
const PREDICTION_NAME =
  /(^|_)(q|qk|y_?pred|y_?hat|p_?hat|probs?|probabilities|preds?|predictions?|pred_probs|y_probs?|y_proba|outputs?)\d*$/i;

/** Whether the name reads as predicted probabilities. */
export function namedLikePrediction(name: string | undefined): boolean {
  if (!name) return false;
  const cut = Math.max(name.lastIndexOf('.'), name.lastIndexOf(':'));
  return PREDICTION_NAME.test(cut >= 0 ? name.slice(cut + 1) : name);
}

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
        message: `${where(a, rows.length, r, bad)} is ${row[bad]}: entropy and loss are undefined with it.`,
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
          message: `${where(a, rows.length, r, neg)} is negative (${row[neg]}): probabilities are between 0 and 1.`,
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
        message: `${what} sums to ${fmtSum(sum)}, not 1: probabilities must sum to 1.`,
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
  let problem: string | undefined;
  if (binary) {
    // One target per prediction element, whatever the roles look like.
    const nt = t.reduce((a, b) => a * b, 1),
      nq = q.reduce((a, b) => a * b, 1);
    if (nt !== nq)
      problem = `${target.name ?? 'the target'} has ${nt} values but ${prediction.name ?? 'the prediction'} has ${nq}`;
  } else if (target.role === 'class-indices') {
    const rows = q.length === 2 ? q[0]! : 1;
    if (t[0] !== rows && !(q.length === 1 && t[0] === 1))
      problem = `${target.name ?? 'the target'} has ${t[0]} class indices but ${prediction.name ?? 'the prediction'} has ${rows} row${rows === 1 ? '' : 's'}`;
  } else if (t.length !== q.length || t.some((d, k) => d !== q[k])) {
    problem = `${target.name ?? 'the target'} is ${t.join(' × ')} but ${prediction.name ?? 'the prediction'} is ${q.join(' × ')}`;
  }
  if (!problem) return undefined;
  return {
    start: prediction.start,
    end: prediction.end,
    code: 'length-mismatch',
    arrayIndex: predictionIndex,
    fixes: [],
    message: `Lengths differ: ${problem}; a target and its prediction need one value per class.`,
    related: [{ start: target.start, end: target.end, message: 'the target it is paired with' }],
  };
}

const KIND_OF_ROLE: Record<string, PredictionHolds | undefined> = {
  probabilities: 'probabilities',
  target: 'probabilities',
  'one-hot': 'probabilities',
  logits: 'logits',
  'log-probabilities': 'log-probabilities',
};

/** What the call expects against what it gets (a wrapper decides; else the array's role). */
function kindCheck(
  call: PredictionArgument,
  array: FoundArray | undefined,
  arrayIndex: number | undefined,
): DiagnosticItem | undefined {
  const got: PredictionHolds | undefined =
    call.wrapper === 'softmax' || call.wrapper === 'sigmoid'
      ? 'probabilities'
      : call.wrapper === 'log_softmax'
        ? 'log-probabilities'
        : array
          ? KIND_OF_ROLE[array.role]
          : undefined;
  if (!got || got === call.expects) return undefined;
  const what = call.wrapper
    ? `${call.wrapper}(…) output`
    : `${array?.name ?? 'this array'} (${array?.roleReason ?? array?.role})`;
  const literal = array && !call.wrapper && arrayIndex !== undefined;
  const range = literal && array.start >= call.start && array.end <= call.end ? array : call;
  const base = { start: range.start, end: range.end, fixes: [] as FixKind[] };
  if (arrayIndex !== undefined && literal) Object.assign(base, { arrayIndex });

  if (call.expects === 'logits' && got === 'probabilities') {
    if (call.loss.binary && !call.wrapper) return undefined; // values in [0, 1] are valid logits too
    return {
      ...base,
      code: 'expects-logits',
      fixes: literal && allPositive(array) ? ['log'] : [],
      message: `${call.callee} expects logits and applies ${call.loss.binary ? 'sigmoid' : 'softmax'} itself, but gets ${what}, which look like probabilities: the ${call.loss.binary ? 'sigmoid' : 'softmax'} is applied twice. Pass the logits${call.loss.binary ? '' : ' (or log-probabilities)'}.`,
    };
  }
  if (call.expects === 'probabilities' && got === 'logits') {
    return {
      ...base,
      code: 'expects-probabilities',
      fixes: literal && !call.loss.binary ? ['softmax'] : [],
      message: `${call.callee} expects probabilities, but gets ${what}, which look like logits. Apply ${call.loss.binary ? 'sigmoid' : 'softmax'} first, or use the loss that takes logits.`,
    };
  }
  if (call.expects === 'log-probabilities' && got === 'probabilities') {
    return {
      ...base,
      code: 'expects-log-probabilities',
      fixes: literal && allPositive(array) ? ['log'] : [],
      message: `${call.callee} expects log-probabilities as its input, but gets ${what}, which look like probabilities. Pass their log (log_softmax of logits).`,
    };
  }
  if (call.expects === 'probabilities' && got === 'log-probabilities') {
    return {
      ...base,
      code: 'expects-probabilities',
      fixes: [],
      message: `${call.callee} expects probabilities, but gets ${what}, which look like log-probabilities. Apply exp first.`,
    };
  }
  return undefined;
}

function allPositive(a: FoundArray | undefined): boolean {
  return !!a && rowsOf(a.values).every((r) => r.every((v) => v > 0 && Number.isFinite(v)));
}
