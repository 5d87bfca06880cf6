// The classic loss-call mistakes, as plain data: softmax before a loss that
// takes logits (and logits into one that takes probabilities), kl_div's input,
// argument order and reduction, NLLLoss given probabilities, every target
// ignored, a float (N, 1) target to cross-entropy, log_loss's removed eps=,
// and scipy.stats.entropy normalising silently. Each reads one call (the
// model's call sites, with the arrays its arguments hold) and the text; pure.
import {
  keywordValue,
  type CallArgument,
  type FoundArray,
  type PredictionArgument,
  type PredictionHolds,
} from '../model';
import { diagnosticMessage, type DiagnosticCode, type DiagnosticItem } from './diagnosticCodes';
import { namedLikePrediction } from './names';
import type { FixKind } from './quickFixes';
import { SUM_TOLERANCE } from '../../../core';
import { rowsOf } from '../../../core/elements';
import { fmt, fmtSum } from '../format';

/** A loss call with the arrays its prediction and target arguments hold or name (indices into the model's arrays). */
export interface ResolvedCall {
  call: PredictionArgument;
  prediction: number | undefined;
  target: number | undefined;
}

/** Every mistake found in one call, appended to `into` (one array for all calls: there may be 10^5 of them). */
export function mistakeChecks(
  text: string,
  arrays: readonly FoundArray[],
  resolved: ResolvedCall,
  into: DiagnosticItem[],
): void {
  const { call } = resolved;
  const push = (d: DiagnosticItem | undefined): void => {
    if (d) into.push(d);
  };
  const name = call.loss.name;
  // PyTorch's kl_div (not scipy.special.kl_div, which takes probabilities target first).
  if ((name === 'kl_div' || name === 'kl_div_loss') && call.loss.expects === 'log-probabilities') {
    push(klSwapped(arrays, resolved) ?? kindCheck(arrays, resolved));
    push(klMeanReduction(call));
    return;
  }
  if (name === 'entropy') into.push(...scipyEntropy(arrays, resolved));
  push(kindCheck(arrays, resolved));
  if (PYTORCH_CLASS_LOSSES.has(name)) {
    push(allTargetsIgnored(arrays, resolved));
    if (name !== 'nll_loss') push(floatColumnTarget(text, arrays, resolved));
  }
  if (name === 'log_loss') push(logLossEps(call));
}

/** The PyTorch losses with class-index targets and `ignore_index` (default −100). */
const PYTORCH_CLASS_LOSSES = new Set(['cross_entropy', 'cross_entropy_loss', 'nll_loss']);

const KIND_OF_ROLE: Record<string, PredictionHolds | undefined> = {
  probabilities: 'probabilities',
  target: 'probabilities',
  'one-hot': 'probabilities',
  logits: 'logits',
  'log-probabilities': 'log-probabilities',
};

/** Where the diagnostic goes: the literal when it is written in the argument [start, end), else the argument. */
function rangeOf(start: number, end: number, array: FoundArray | undefined): { start: number; end: number } {
  return array && array.start >= start && array.end <= end ? { start: array.start, end: array.end } : { start, end };
}

/** What the argument holds: a wrapper decides, then values outside [0, 1] (logits), then the array's role. */
function holds(call: PredictionArgument, array: FoundArray | undefined): PredictionHolds | undefined {
  if (call.wrapper === 'softmax' || call.wrapper === 'sigmoid') return 'probabilities';
  if (call.wrapper === 'log_softmax') return 'log-probabilities';
  if (!array) return undefined;
  // A binary loss reads each element on its own: anything outside [0, 1] is a logit.
  if (call.loss.binary && call.expects === 'probabilities' && outsideUnit(array) !== undefined) return 'logits';
  return KIND_OF_ROLE[array.role];
}

/** What the call expects against what it gets: softmax twice, logits for probabilities, probabilities for log. */
function kindCheck(arrays: readonly FoundArray[], resolved: ResolvedCall): DiagnosticItem | undefined {
  const { call } = resolved;
  if (call.targetOnly) return undefined;
  const array = resolved.prediction === undefined ? undefined : arrays[resolved.prediction];
  const got = holds(call, array);
  if (!got || got === call.expects) return undefined;
  // The fixes edit the array the argument holds or names (not a wrapper's input).
  const literal = !!array && !call.wrapper && resolved.prediction !== undefined;
  const { start, end } = rangeOf(call.start, call.end, array);
  const where = literal ? { start, end, arrayIndex: resolved.prediction } : { start, end };
  const label = call.wrapper ? `${call.wrapper} output` : (array?.name ?? 'this array');
  const callee = call.callee;
  const fn = call.loss.binary ? 'sigmoid' : 'softmax';
  const base = { ...where, fixes: [] as FixKind[] };

  if (call.expects === 'logits' && got === 'probabilities') {
    if (call.loss.binary && !call.wrapper) return undefined; // values in [0, 1] are valid logits too
    const what = call.wrapper ? label : `probabilities (${label})`;
    return {
      ...base,
      code: 'softmax-before-logits-loss',
      fixes: literal && allPositive(array) ? ['log'] : [],
      message: diagnosticMessage('softmax-before-logits-loss', {
        callee,
        what,
        fn,
        floor: call.loss.binary ? SIGMOID_TWICE_FLOOR : softmaxTwiceFloor(classesOf(arrays, resolved)),
      }),
    };
  }
  if (call.expects === 'probabilities' && got === 'logits') {
    return {
      ...base,
      code: 'logits-into-probability-loss',
      fixes: literal && !call.loss.binary ? ['softmax'] : [],
      message: diagnosticMessage('logits-into-probability-loss', {
        callee,
        what: label,
        why: array ? logitEvidence(array) : 'logits',
        fix: logitsFix(call),
      }),
    };
  }
  if (call.expects === 'log-probabilities' && got === 'probabilities') {
    const code = LOG_PROBABILITY_CODES[call.loss.name] ?? 'expects-log-probabilities';
    return {
      ...base,
      code,
      fixes: literal && allPositive(array) ? ['log'] : [],
      message: diagnosticMessage(code, { callee, what: label }),
    };
  }
  if (call.expects === 'probabilities' && got === 'log-probabilities') {
    return {
      ...base,
      code: 'expects-probabilities',
      message: diagnosticMessage('expects-probabilities', { callee, what: label }),
    };
  }
  return undefined;
}

/** The losses that take log-probabilities and have a code of their own for being given probabilities. */
const LOG_PROBABILITY_CODES: Partial<Record<string, DiagnosticCode>> = {
  nll_loss: 'nll-loss-given-probabilities',
  kl_div: 'kl-div-input-not-log-probabilities',
  kl_div_loss: 'kl-div-input-not-log-probabilities',
};

/** Sigmoid twice: σ(σ(z)) ≤ σ(1) for a 1, ≥ σ(0) = 0.5 for a 0: the loss cannot fall below these. */
const SIGMOID_TWICE_FLOOR = `${fmt(Math.log1p(Math.exp(-1)))} for 1s, ${fmt(Math.log(2))} for 0s`;

/** Softmax twice over K classes: the best it can give the true class is e/(e + K − 1), so the loss is at least log(1 + (K − 1)/e). */
export function softmaxTwiceFloor(classes: number | undefined): string {
  if (classes === undefined || classes < 2) return 'log(1 + (K − 1)/e)';
  return `${Math.log1p((classes - 1) / Math.E).toFixed(3)} (K = ${classes})`;
}

/** How many classes the prediction has: its last dimension, read from the literal or the named array. */
function classesOf(arrays: readonly FoundArray[], resolved: ResolvedCall): number | undefined {
  const array = resolved.prediction === undefined ? undefined : arrays[resolved.prediction];
  return array ? array.shape[array.shape.length - 1] : undefined;
}

/** A value outside [0, 1], a negative one first (the surest sign of logits). */
function outsideUnit(array: FoundArray): string | undefined {
  const rows = rowsOf(array.values);
  for (const row of rows) for (const v of row) if (v < 0) return `${v} < 0`;
  for (const row of rows) for (const v of row) if (v > 1) return `${v} > 1`;
  return undefined;
}

/** Why the values read as logits, in a few words. */
function logitEvidence(array: FoundArray): string {
  const outside = outsideUnit(array);
  if (outside) return outside;
  const rows = rowsOf(array.values);
  for (const row of rows) {
    const sum = row.reduce((s, v) => s + v, 0);
    if (Math.abs(sum - 1) > SUM_TOLERANCE) return `sums to ${fmtSum(sum)}`;
  }
  return array.roleReason ?? 'logits';
}

/** The change that makes the call take logits, in the library's own words. */
function logitsFix(call: PredictionArgument): string {
  const name = call.loss.name;
  if (name.endsWith('_crossentropy')) return 'pass from_logits=True';
  if (name === 'crossentropy' || name === 'binarycrossentropy') return `use logit${name}`;
  if (name === 'binary_cross_entropy' || name === 'bce_loss') return 'use …_with_logits';
  return `apply ${call.loss.binary ? 'sigmoid' : 'softmax'} first`;
}

/** Names people give the target distribution p: y_true, target, labels, p, pk. */
const TARGET_NAME = /(^|_)(y_?true|targets?|labels?|p|pk|p_?true|y)$/i;

/** The bare name an argument reads: `y_true`, `torch.log(y_true)`, `y_true.log()`. */
function nameIn(text: string): string | undefined {
  const m =
    /^(?:[\w.]*\.)?(?:log|log_softmax|exp)\s*\(\s*([A-Za-z_]\w*)\s*[,)]/.exec(text) ?? /^([A-Za-z_]\w*)\b/.exec(text);
  return m?.[1];
}

/** kl_div(input, target) takes (log q, p): a distribution as input with log-probabilities as target, or p named as input. */
function klSwapped(arrays: readonly FoundArray[], resolved: ResolvedCall): DiagnosticItem | undefined {
  const { call } = resolved;
  if (!call.target) return undefined;
  const input = resolved.prediction === undefined ? undefined : arrays[resolved.prediction];
  const target = resolved.target === undefined ? undefined : arrays[resolved.target];
  const logTarget = [call.args, call.constructorArgs].some((a) => keywordValue(a, 'log_target')?.value === true);
  const byValues =
    !logTarget && !call.wrapper && !!input && !!target && isDistribution(input) && target.role === 'log-probabilities';
  const inputName = nameIn(call.text);
  const targetName = nameIn(call.target.text);
  const byNames =
    !!inputName &&
    !!targetName &&
    TARGET_NAME.test(inputName) &&
    !TARGET_NAME.test(targetName) &&
    namedLikePrediction(targetName);
  if (!byValues && !byNames) return undefined;
  return {
    start: call.start,
    end: call.target.end > call.end ? call.target.end : call.end,
    code: 'kl-div-arguments-swapped',
    fixes: [],
    message: diagnosticMessage('kl-div-arguments-swapped', {
      callee: call.callee,
      input: call.text,
      target: call.target.text,
    }),
  };
}

/** Non-negative rows that sum to 1. */
function isDistribution(a: FoundArray): boolean {
  return rowsOf(a.values).every(
    (row) => row.every((v) => v >= 0 && v <= 1) && Math.abs(row.reduce((s, v) => s + v, 0) - 1) <= SUM_TOLERANCE,
  );
}

/** A keyword of the call, else of the constructor before it. */
function keywordOf(call: PredictionArgument, keyword: string) {
  return keywordValue(call.args, keyword) ?? keywordValue(call.constructorArgs, keyword);
}

/** reduction='mean' on kl_div averages over every element; 'batchmean' is the KL divergence. */
function klMeanReduction(call: PredictionArgument): DiagnosticItem | undefined {
  const r = keywordOf(call, 'reduction');
  if (r?.value !== 'mean' || r.contentStart === undefined || r.contentEnd === undefined) return undefined;
  return {
    start: r.start,
    end: r.end,
    code: 'kl-div-mean-reduction',
    fixes: [],
    textFixes: [{ title: "Use reduction='batchmean'", start: r.contentStart, end: r.contentEnd, newText: 'batchmean' }],
    message: diagnosticMessage('kl-div-mean-reduction'),
  };
}

/** PyTorch's default ignore_index. */
const DEFAULT_IGNORE_INDEX = -100;

/** Every class index equal to ignore_index: the mean reduction divides 0 by 0. */
function allTargetsIgnored(arrays: readonly FoundArray[], resolved: ResolvedCall): DiagnosticItem | undefined {
  const { call } = resolved;
  const target = resolved.target === undefined ? undefined : arrays[resolved.target];
  if (!target || !call.target || target.shape.length !== 1 || target.values.length === 0) return undefined;
  const reduction = keywordOf(call, 'reduction')?.value;
  if (reduction !== undefined && reduction !== 'mean') return undefined; // 'sum' gives 0, 'none' a vector of 0s
  const written = keywordOf(call, 'ignore_index')?.value;
  const index = typeof written === 'number' ? written : DEFAULT_IGNORE_INDEX;
  if (!(target.values as number[]).every((v) => v === index)) return undefined;
  const range = rangeOf(call.target.start, call.target.end, target);
  return {
    start: range.start,
    end: range.end,
    code: 'all-targets-ignored',
    fixes: [],
    message: diagnosticMessage('all-targets-ignored', { callee: call.callee, index }),
  };
}

/** A float (N, 1) column as cross-entropy's target: read as class probabilities over one class, not indices. */
function floatColumnTarget(
  text: string,
  arrays: readonly FoundArray[],
  resolved: ResolvedCall,
): DiagnosticItem | undefined {
  const { call } = resolved;
  const target = resolved.target === undefined ? undefined : arrays[resolved.target];
  if (!target || !call.target || target.shape.length !== 2 || target.shape[1] !== 1) return undefined;
  // Float as written (`[[1.0], [0.0]]`), by its dtype or conversion in the argument, or by its values.
  const float =
    FLOAT_WRITTEN.test(text.slice(target.start, target.end)) ||
    FLOAT_TYPE.test(call.target.text) ||
    rowsOf(target.values).some((r) => r.some((v) => !Number.isInteger(v)));
  if (!float) return undefined;
  const range = rangeOf(call.target.start, call.target.end, target);
  return {
    start: range.start,
    end: range.end,
    code: 'float-column-target-to-cross-entropy',
    fixes: [],
    message: diagnosticMessage('float-column-target-to-cross-entropy', {
      what: target.name ?? call.target.text,
      rows: target.shape[0]!,
      callee: call.callee,
    }),
  };
}

/** A number written with a decimal point or exponent (`1.`, `0.0`, `1e0`). */
const FLOAT_WRITTEN = /(^|[^\w.])(\d+\.\d*|\.\d+|\d+[eE][+-]?\d+)/;
/** A float dtype or conversion: `dtype=torch.float32`, `torch.FloatTensor`, `.float()`. */
const FLOAT_TYPE = /float|Float|\.double\(\)/;

/** sklearn's log_loss lost eps= in 1.5: the call raises TypeError there. */
function logLossEps(call: PredictionArgument): DiagnosticItem | undefined {
  if (/^(tf|tensorflow|keras)\b/.test(call.callee)) return undefined; // TensorFlow's log_loss takes epsilon=
  const eps = keywordValue(call.args, 'eps');
  if (!eps) return undefined;
  const arg = call.args.find((a) => a.keyword === 'eps')!;
  return {
    start: arg.argStart,
    end: arg.end,
    code: 'log-loss-eps-removed',
    fixes: [],
    textFixes: [
      { title: 'Remove eps= (removed in scikit-learn 1.5)', start: eps.removeStart, end: eps.removeEnd, newText: '' },
    ],
    message: diagnosticMessage('log-loss-eps-removed'),
  };
}

/** scipy.stats.entropy(pk, qk) divides each by its sum: say so for 1-D arrays that do not sum to 1. */
function scipyEntropy(arrays: readonly FoundArray[], resolved: ResolvedCall): DiagnosticItem[] {
  const { call } = resolved;
  const sides: [number | undefined, CallArgument | undefined][] = call.targetOnly
    ? [[resolved.prediction, call.target]]
    : [
        [resolved.target, call.target],
        [resolved.prediction, call.args.find((a) => a.start === call.start)],
      ];
  const out: DiagnosticItem[] = [];
  for (const [index, arg] of sides) {
    const a = index === undefined ? undefined : arrays[index];
    if (!a || !arg || a.shape.length !== 1) continue;
    const values = a.values as number[];
    if (values.some((v) => !(v >= 0) || !Number.isFinite(v))) continue;
    const sum = values.reduce((s, v) => s + v, 0);
    if (!(sum > 0) || Math.abs(sum - 1) <= SUM_TOLERANCE) continue;
    const range = rangeOf(arg.start, arg.end, a);
    out.push({
      start: range.start,
      end: range.end,
      code: 'scipy-entropy-normalises',
      fixes: [],
      message: diagnosticMessage('scipy-entropy-normalises', {
        callee: call.callee,
        what: a.name ?? arg.text,
        sum: fmtSum(sum),
      }),
    });
  }
  return out;
}

/** The losses whose checks read the target argument's array (the others need only the prediction's). */
const TARGET_READERS = new Set([...PYTORCH_CLASS_LOSSES, 'kl_div', 'kl_div_loss', 'entropy']);

/** Whether the checks of this call read its target's array: resolving it costs a lookup per call. */
export function readsTarget(call: PredictionArgument): boolean {
  return TARGET_READERS.has(call.loss.name);
}

/** Whether a call is scipy.stats.entropy, which normalises its arguments itself (so they need not sum to 1). */
export function normalisesItself(call: PredictionArgument): boolean {
  return call.loss.name === 'entropy';
}

function allPositive(a: FoundArray | undefined): boolean {
  return !!a && rowsOf(a.values).every((r) => r.every((v) => v > 0 && Number.isFinite(v)));
}
