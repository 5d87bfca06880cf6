// One call that gives the editor everything it shows for a target/prediction
// pair: the figures in nats and bits, each element's contribution with the rule
// that produced it, the gradient, and warnings.

import { classify, type ArrayKind } from './classify';
import { klFromLogs } from './divergenceTerms';
import { CoreError } from './errors';
import { chunkedSum, crossEntropyRow, entropyRow, entropyRowFilled, jsRow, klRow } from './kernels';
import type { RowFill } from './simd';
import { rowLogSumExp } from './softmax';
import { show } from './show';
import { sum } from './summation';
import { SUM_TOLERANCE } from './tolerance';
import {
  checkBoolean,
  checkEps,
  checkSameShape,
  checkValues,
  Problems,
  readOptions,
  toRows,
  type Matrix,
  type Rows,
  type Vector,
} from './validate';

export interface AnalyzeOptions {
  /** Clip predicted probabilities to [eps, 1 - eps] (off by default). */
  eps?: number;
  /** How to read the prediction; default 'auto' (by classify). */
  prediction?: 'auto' | 'probabilities' | 'logits' | 'log-probabilities';
  /** Divide target and prediction by their sums first instead of failing NOT_NORMALIZED. */
  normalize?: boolean;
  /** A class-index target equal to this is ignored (default -100). */
  ignoreIndex?: number;
  /** α in [0, 1]: the target becomes (1 - α)·t + α/C. */
  labelSmoothing?: number;
  /**
   * 'full' (default) or 'figures': the same figures, perRow and warnings, but
   * `terms`, `grad` and `probabilities` left empty, for callers that show only
   * the figures (a code lens title) and should not pay for per-element objects.
   */
  detail?: 'full' | 'figures';
  /**
   * With detail 'full': keep `terms`, `grad` and `probabilities` for the first
   * maxTerms elements only (row-major; default all). The figures, perRow and
   * ruleCounts still cover every element, so a breakdown that shows the first
   * rows of a 10^7-element pair does not build 10^7 objects.
   */
  maxTerms?: number;
  /**
   * Keep `perRow` for the first maxRows rows only (default all). The figures,
   * `rows` and the warnings still cover every row, so that a breakdown showing
   * the first rows of a 10^5-row batch does not build (and send between
   * threads) an object per row.
   */
  maxRows?: number;
}

export interface Measure {
  nats: number;
  bits: number;
}

export type TermRule =
  'regular' | 'zero-times-log-zero' | 'infinite-q-zero' | 'clipped-eps' | 'ignored-index' | 'masked-neg-inf-logit';

export interface Term {
  row: number;
  index: number;
  /** Target probability (after label smoothing). */
  p: number;
  /** Predicted probability (after eps clipping). */
  q: number;
  /** This element's share of H(p, q) in nats: -p log q. */
  contribution: number;
  rule: TermRule;
  /** A human sentence for the rule. */
  note: string;
}

export interface RowSummary {
  row: number;
  entropy: Measure;
  crossEntropy: Measure;
  klPQ: Measure;
  ignored?: boolean;
}

export interface Analysis {
  rows: number;
  classes: number;
  /** 2-D input. */
  batched: boolean;
  targetKind: ArrayKind;
  predictionKind: ArrayKind;
  entropy: Measure;
  crossEntropy: Measure;
  klPQ: Measure;
  klQP: Measure;
  js: Measure;
  /** exp(H(p, q) in nats). */
  perplexity: number;
  /** One per element, row-major (the first maxTerms only, when given). */
  terms: Term[];
  /** How many elements follow each rule other than 'regular', over all elements. */
  ruleCounts: Partial<Record<TermRule, number>>;
  /** d mean H(p, q) / d prediction (w.r.t. the logits when logits), one row per batch row. */
  grad: number[][];
  /** The prediction as probabilities (softmax of logits, exp of log-probabilities, normalised when asked). */
  probabilities: number[][];
  /** One per row (1 for 1-D input; the first maxRows only, when given). */
  perRow: RowSummary[];
  warnings: string[];
}

/** The human sentence shown for each rule. */
export const RULE_NOTES: Readonly<Record<TermRule, string>> = {
  regular: 'an ordinary term -p·log q',
  'zero-times-log-zero': 'p = 0 and q = 0: 0·log 0 is taken as 0 (its limit), so the term adds nothing',
  'infinite-q-zero':
    'q = 0 where p > 0: -p·log 0 is +Infinity, so the cross-entropy and KL are infinite (set eps to clip)',
  'clipped-eps': 'q was clipped to [eps, 1 - eps] before the log, so its gradient is 0',
  'ignored-index':
    "this row's class index equals ignoreIndex, so the row is left out of the loss and its gradient is 0",
  'masked-neg-inf-logit':
    'the logit is -Infinity (masked): q = 0, so the term is 0 where p = 0 and +Infinity where p > 0',
};

const KNOWN = [
  'eps',
  'prediction',
  'normalize',
  'ignoreIndex',
  'labelSmoothing',
  'detail',
  'maxTerms',
  'maxRows',
] as const;
const LN2 = Math.LN2;
const measure = (nats: number): Measure => ({ nats, bits: nats / LN2 });
type PredictionReading = 'probabilities' | 'logits' | 'log-probabilities';

/**
 * analyze(target, prediction, {eps, prediction, normalize, ignoreIndex, labelSmoothing, detail}) -> Analysis
 *
 * H(p), H(p, q), KL(p‖q), KL(q‖p), JS and perplexity (nats and bits), the
 * per-element contributions with the rule behind each, and the gradient of the
 * mean cross-entropy w.r.t. the prediction, in one pass.
 *
 * Args:
 *   target: a distribution / one-hot row (same shape as the prediction), or class
 *     indices (one integer per row; a 1-D prediction is one row, so one index).
 *   prediction: probabilities, logits or log-probabilities, 1-D (C) or 2-D (N × C);
 *     read as options.prediction says, or as classify() judges ('auto').
 * Batch figures are means over the rows that are not ignored.
 * Throws CoreError (test/fixtures/SCHEMA.md codes) on invalid input; never returns NaN.
 */
export function analyze(target: Vector | Matrix, prediction: Vector | Matrix, given?: AnalyzeOptions): Analysis {
  const problems = new Problems();
  const warnings: string[] = [];
  const options = readOptions(given, KNOWN, 'analyze', problems) as AnalyzeOptions;
  const eps = checkEps(options.eps, problems);
  const normalize = checkBoolean(options.normalize, 'normalize', problems);
  const ignoreIndex = options.ignoreIndex ?? -100;
  if (typeof ignoreIndex !== 'number' || !Number.isInteger(ignoreIndex))
    problems.add('INVALID_OPTION', `ignoreIndex is ${show(ignoreIndex)}: expected an integer`);
  const alpha = options.labelSmoothing ?? 0;
  if (typeof alpha !== 'number' || !(alpha >= 0 && alpha <= 1))
    problems.add('OUT_OF_RANGE', `labelSmoothing is ${show(alpha)}: it must lie in [0, 1]`);
  const detail = options.detail ?? 'full';
  if (detail !== 'full' && detail !== 'figures')
    problems.add('INVALID_OPTION', `detail is ${show(detail)}: use "full" or "figures"`);
  const maxTerms = options.maxTerms ?? Infinity;
  if (typeof maxTerms !== 'number' || !(maxTerms >= 0))
    problems.add('INVALID_OPTION', `maxTerms is ${show(maxTerms)}: expected a count of elements (0 or more)`);
  const maxRows = options.maxRows ?? Infinity;
  if (typeof maxRows !== 'number' || !(maxRows >= 0))
    problems.add('INVALID_OPTION', `maxRows is ${show(maxRows)}: expected a count of rows (0 or more)`);
  const mode = options.prediction ?? 'auto';
  if (!(['auto', 'probabilities', 'logits', 'log-probabilities'] as unknown[]).includes(mode)) {
    problems.add(
      'INVALID_OPTION',
      `prediction is ${show(mode)}: use "auto", "probabilities", "logits" or "log-probabilities"`,
    );
  }

  const Q = toRows(prediction, 'prediction', problems);
  const T = toRows(target, 'target', problems);

  // How to read the prediction.
  let reading: PredictionReading = 'probabilities';
  let predictionKind: ArrayKind = 'unknown';
  if (Q) {
    const c = classify(prediction);
    if (mode !== 'auto') {
      reading = mode as PredictionReading;
      predictionKind = reading;
      if (
        c.kind !== 'unknown' &&
        kindReading(c.kind) !== reading &&
        !(c.kind === 'one-hot' && reading === 'probabilities')
      ) {
        warnings.push(`the prediction is read as ${reading}, but it looks like ${c.kind}: ${c.reason}`);
      }
    } else {
      predictionKind = c.kind;
      reading = kindReading(c.kind);
      if (c.kind === 'logits' || c.kind === 'log-probabilities')
        warnings.push(`the prediction is read as ${c.kind} because ${c.reason}`);
      if (c.kind === 'class-indices') {
        warnings.push(`the prediction looks like class indices (${c.reason}); it is read as logits`);
        predictionKind = 'logits';
      }
      if (c.kind === 'counts' && normalize) predictionKind = 'probabilities';
    }
  }

  // Is the target class indices (one per row) or distributions (same shape)?
  let indices = false;
  let targetKind: ArrayKind = 'unknown';
  if (Q && T) {
    // A 1-D target is one class index per prediction row (a 1-D prediction is one row).
    indices = !T.twoD && (Q.twoD ? T.width === Q.rows.length : T.width === 1 && Q.width > 1);
    if (indices) {
      targetKind = 'class-indices';
      checkValues(T, 'target', {}, problems);
      const row = T.rows[0]!;
      for (let i = 0; i < row.length; i++) {
        const k = row[i]!;
        if (Number.isFinite(k) && k !== ignoreIndex && !(Number.isInteger(k) && k >= 0 && k < Q.width)) {
          problems.add(
            'OUT_OF_RANGE',
            `target[${i}] is ${k}: a class index must be an integer in [0, ${Q.width}) or ignoreIndex (${ignoreIndex})`,
          );
          break;
        }
      }
      let all = true;
      for (let i = 0; i < row.length; i++)
        if (row[i] !== ignoreIndex) {
          all = false;
          break;
        }
      if (all) problems.add('EMPTY', `every target is ignoreIndex (${ignoreIndex}): no row is left to compute a loss`);
    } else {
      if (checkSameShape(T, 'target', Q, 'prediction', problems)) {
        const c = classify(target);
        targetKind = c.kind === 'counts' && normalize ? 'probabilities' : c.kind;
        checkValues(T, 'target', { probability: true, allowAboveOne: normalize, normalized: !normalize }, problems);
      }
    }
  }
  if (Q) {
    if (reading === 'probabilities')
      checkValues(Q, 'prediction', { probability: true, allowAboveOne: normalize, normalized: !normalize }, problems);
    else checkValues(Q, 'prediction', { allowNegInfinity: true }, problems);
    if (reading !== 'probabilities') {
      Q.rows.forEach((row, r) => {
        let masked = true;
        for (let i = 0; i < row.length; i++)
          if (row[i] !== -Infinity) {
            masked = false;
            break;
          }
        if (masked)
          problems.add('NON_FINITE', `prediction${Q.twoD ? ` row ${r}` : ''} is all -Infinity: every class is masked`);
      });
    }
    if (reading === 'log-probabilities' && !problems.any) checkLogProbabilities(Q, normalize, problems); // on numbers only
  }
  if (normalize && T && !indices && !problems.any) checkPositiveSums(T, 'target', problems);
  if (normalize && Q && reading === 'probabilities' && !problems.any) checkPositiveSums(Q, 'prediction', problems);
  problems.throwIfAny();

  return compute(T!, Q!, {
    indices,
    reading,
    eps,
    normalize,
    ignoreIndex,
    alpha,
    targetKind,
    predictionKind,
    warnings,
    full: detail === 'full',
    maxTerms,
    maxRows,
  });
}

interface Plan {
  indices: boolean;
  reading: PredictionReading;
  eps: number | undefined;
  normalize: boolean;
  ignoreIndex: number;
  alpha: number;
  targetKind: ArrayKind;
  predictionKind: ArrayKind;
  warnings: string[];
  /** Per-element terms, gradient and probabilities too (detail 'full'). */
  full: boolean;
  /** Of those, the first this many elements only. */
  maxTerms: number;
  /** perRow for the first this many rows only. */
  maxRows: number;
}

function compute(T: Rows, Q: Rows, plan: Plan): Analysis {
  const N = Q.rows.length,
    C = Q.width;
  const { eps, full, maxTerms, maxRows } = plan;
  const terms: Term[] = [];
  const ruleCounts: Partial<Record<TermRule, number>> = {};
  const grad: number[][] = [];
  const probabilities: number[][] = [];
  const perRow: RowSummary[] = [];
  const hRows: number[] = [],
    ceRows: number[] = [],
    klRows: number[] = [],
    klqpRows: number[] = [],
    jsRows: number[] = [];
  let kept = 0,
    clippedCount = 0,
    infiniteAt = '',
    maskedCount = 0;
  // Zeroed memory costs nothing until written: the probability path writes these only where it copies.
  const p = new Float64Array(C),
    q = new Float64Array(C),
    logq = new Float64Array(C),
    qc = new Float64Array(C);
  const clipped = new Uint8Array(C),
    masked = new Uint8Array(C);
  // Elements of row r whose terms, gradient and probability are kept.
  const keepOf = (r: number): number => (full ? Math.max(0, Math.min(C, maxTerms - r * C)) : 0);
  const noteInfinite = (r: number, c: number): void => {
    if (!infiniteAt) infiniteAt = N > 1 || Q.twoD ? `[${r}][${c}]` : `[${c}]`;
  };
  const ignoredRow = (r: number): void => {
    if (r < maxRows)
      perRow.push({ row: r, entropy: measure(0), crossEntropy: measure(0), klPQ: measure(0), ignored: true });
  };
  /** Row r's figures from its target p and clipped prediction qc; KL(p‖q) is asked for only where H(p, q) is finite. */
  const rowFigures = (r: number, p: ArrayLike<number>, qc: ArrayLike<number>, ce: number, klPQ: () => number): void => {
    kept++;
    // A class index without smoothing: p is one-hot, so H(p) = 0 and KL(q‖p) is infinite wherever q has mass off the label.
    const label = plan.indices && plan.alpha === 0 ? T.rows[0]![r]! : -1;
    const h = label >= 0 ? 0 : entropyRow(p);
    const kl = ce === Infinity ? Infinity : klPQ();
    hRows.push(h);
    ceRows.push(ce);
    klRows.push(kl);
    klqpRows.push(label >= 0 && massOffLabel(qc, label) ? Infinity : klRow(qc, p));
    jsRows.push(jsRow(p, qc));
    if (r < maxRows) perRow.push({ row: r, entropy: measure(h), crossEntropy: measure(ce), klPQ: measure(kl) });
  };

  for (let r = 0; r < N; r++) {
    const x = Q.rows[r]!;
    if (plan.reading === 'probabilities') {
      const row = probabilityRow(T, x, r, plan, { p, q, qc });
      clippedCount += row.clipped;
      for (const [rule, n] of row.rules) ruleCounts[rule] = (ruleCounts[rule] ?? 0) + n;
      if (row.infiniteAt >= 0) noteInfinite(r, row.infiniteAt);
      const keep = keepOf(r);
      if (keep) {
        probabilities.push(Array.from({ length: keep }, (_, c) => row.q[c]!));
        for (const t of row.terms(keep)) terms.push(t); // not push(...): keep may be 10^6
        grad.push(row.ignored ? new Array<number>(keep).fill(0) : row.grad(keep));
      }
      if (row.ignored) ignoredRow(r);
      else rowFigures(r, row.p, row.qc, row.ce, () => klRow(row.p, row.qc));
      continue;
    }
    // The prediction (logits or log-probabilities) as probabilities q and log q.
    const l = rowLogSumExp(x);
    const lr = Math.log1p(l.rest);
    // Log-probabilities are read as they are unless normalize asks to renormalise them.
    const softmax = plan.reading === 'logits' || plan.normalize;
    let maskedRow = 0,
      zeroLogq = false; // log q = -Infinity where the logit is not: x - max overflowed
    for (let c = 0; c < C; c++) {
      const xc = x[c]!;
      if (xc === -Infinity) {
        masked[c] = 1;
        maskedRow++;
      } else masked[c] = 0;
      const lq = softmax ? xc - l.max - lr : xc;
      if (lq === -Infinity && xc !== -Infinity) zeroLogq = true;
      logq[c] = lq;
      q[c] = softmax ? (c === l.argmax ? 1 / (1 + l.rest) : Math.exp(xc - l.max) / (1 + l.rest)) : Math.exp(xc);
    }
    maskedCount += maskedRow;
    const keep = keepOf(r);
    if (keep) probabilities.push(Array.from(q.subarray(0, keep)));
    // Without eps nothing is clipped: q is read as it is.
    const qr = eps === undefined ? q : qc;
    let clippedRow = false;
    if (eps !== undefined)
      for (let c = 0; c < C; c++) {
        const v = q[c]!;
        const out = v < eps || v > 1 - eps;
        clipped[c] = out ? 1 : 0;
        qc[c] = out ? (v < eps ? eps : 1 - eps) : v;
        if (out) {
          clippedRow = true;
          logq[c] = Math.log(qc[c]!);
          clippedCount++;
        }
      }

    const { p: pr, ignored } = targetRow(T, r, plan, p);
    const g = keep ? new Array<number>(keep).fill(0) : [];
    if (keep) grad.push(g);

    // Terms and their rules.
    let ceS = 0,
      ceC = 0;
    if (!ignored && !maskedRow && !clippedRow && !zeroLogq) {
      // Every term is regular (log q is finite): the loop below without its rules.
      for (let c = 0; c < C; c++) {
        const pv = pr[c]!;
        const contribution = pv > 0 ? -pv * logq[c]! : 0;
        const u = ceS + contribution;
        ceC += Math.abs(ceS) >= Math.abs(contribution) ? ceS - u + contribution : contribution - u + ceS;
        ceS = u;
      }
      for (let c = 0; c < keep; c++) {
        const pv = pr[c]!;
        terms.push({
          row: r,
          index: c,
          p: pv,
          q: qr[c]!,
          contribution: pv > 0 ? -pv * logq[c]! : 0,
          rule: 'regular',
          note: RULE_NOTES.regular,
        });
      }
    } else
      for (let c = 0; c < C; c++) {
        const pv = ignored ? 0 : pr[c]!,
          qv = qr[c]!;
        let rule: TermRule, contribution: number;
        if (ignored) {
          rule = 'ignored-index';
          contribution = 0;
        } else if (masked[c]) {
          rule = 'masked-neg-inf-logit';
          contribution = pv > 0 ? Infinity : 0;
        } else if (clipped[c]) {
          rule = 'clipped-eps';
          contribution = pv > 0 ? -pv * logq[c]! : 0;
        } else if (pv === 0 && logq[c] === -Infinity) {
          rule = 'zero-times-log-zero';
          contribution = 0;
        }
        // From logits, log q stays finite even where q underflows to 0: use it, not q.
        else if (logq[c] === -Infinity) {
          rule = 'infinite-q-zero';
          contribution = pv > 0 ? Infinity : 0;
        } else {
          rule = 'regular';
          contribution = pv > 0 ? -pv * logq[c]! : 0;
        }
        if (contribution === Infinity) noteInfinite(r, c);
        if (rule !== 'regular') ruleCounts[rule] = (ruleCounts[rule] ?? 0) + 1;
        if (c < keep) terms.push({ row: r, index: c, p: pv, q: qv, contribution, rule, note: RULE_NOTES[rule] });
        const u = ceS + contribution;
        ceC += Math.abs(ceS) >= Math.abs(contribution) ? ceS - u + contribution : contribution - u + ceS;
        ceS = u;
      }
    if (ignored) {
      ignoredRow(r);
      continue;
    }
    const ce = Number.isFinite(ceS) ? ceS + ceC : ceS;
    // KL(p‖q) from log q itself, which keeps the digits of softmax outputs too small for a double.
    rowFigures(r, pr, qr, ce, () => klFromLogs(pr, logq, qr, softmax && !clippedRow));

    // Gradient of this row's H(p, q) (divided by the kept-row count below).
    if (!keep) continue;
    let ps = 0;
    for (let c = 0; c < C; c++) ps += pr[c]!;
    for (let c = 0; c < keep; c++) {
      if (plan.reading === 'logits') g[c] = masked[c] ? 0 : q[c]! * ps - pr[c]!;
      else g[c] = plan.normalize ? q[c]! * ps - pr[c]! : -pr[c]!;
    }
  }
  for (const g of grad) for (let c = 0; c < g.length; c++) g[c] = g[c]! / kept;

  const mean = (v: number[]) => (v.some((x) => x === Infinity) ? Infinity : sum(v) / v.length);
  const ceMean = mean(ceRows);
  const warnings = plan.warnings;
  if (infiniteAt)
    warnings.push(`q${infiniteAt} is 0 where p > 0: the cross-entropy is infinite (an eps such as 1e-7 clips it)`);
  if (clippedCount)
    warnings.push(
      `${clippedCount} predicted ${clippedCount === 1 ? 'probability was' : 'probabilities were'} clipped to [eps, 1 - eps]`,
    );
  if (maskedCount) warnings.push(`${maskedCount} ${maskedCount === 1 ? 'logit is' : 'logits are'} -Infinity (masked)`);
  if (plan.indices && kept < N)
    warnings.push(
      `${N - kept} of ${N} rows ${N - kept === 1 ? 'is' : 'are'} ignored (ignoreIndex ${plan.ignoreIndex})`,
    );
  if (plan.targetKind === 'logits' || plan.targetKind === 'log-probabilities')
    warnings.push(`the target looks like ${plan.targetKind}, not a distribution`);
  return {
    rows: N,
    classes: C,
    batched: Q.twoD,
    targetKind: plan.targetKind,
    predictionKind: plan.predictionKind,
    entropy: measure(mean(hRows)),
    crossEntropy: measure(ceMean),
    klPQ: measure(mean(klRows)),
    klQP: measure(mean(klqpRows)),
    js: measure(mean(jsRows)),
    perplexity: Math.exp(ceMean),
    terms,
    ruleCounts,
    grad,
    probabilities,
    perRow,
    warnings,
  };
}

/** Whether q is above 0 anywhere but at `label`. */
function massOffLabel(q: ArrayLike<number>, label: number): boolean {
  for (let c = 0; c < q.length; c++) if (q[c]! > 0 && c !== label) return true;
  return false;
}

/** Row r of the target as the loss reads it (smoothed, normalised): the row itself when nothing changes it, else written into `into`. */
function targetRow(T: Rows, r: number, plan: Plan, into: Float64Array): { p: ArrayLike<number>; ignored: boolean } {
  const C = into.length,
    alpha = plan.alpha;
  if (plan.indices) {
    const k = T.rows[0]![r]!;
    const ignored = k === plan.ignoreIndex;
    into.fill(alpha / C);
    if (!ignored) into[k]! += 1 - alpha;
    return { p: into, ignored };
  }
  const t = T.rows[r]!;
  if (!plan.normalize && alpha === 0) return { p: t, ignored: false };
  const s = plan.normalize ? sum(t) : 1;
  for (let c = 0; c < C; c++) into[c] = (1 - alpha) * (t[c]! / s) + alpha / C;
  return { p: into, ignored: false };
}

/** One row of a probability prediction: what `compute` shows of it. */
interface ProbabilityRow {
  /** Target, prediction (normalised when asked) and prediction as the log takes it (clipped when asked). */
  p: ArrayLike<number>;
  q: ArrayLike<number>;
  qc: ArrayLike<number>;
  ignored: boolean;
  /** H(p, q) in nats (unused when ignored). */
  ce: number;
  /** Elements clipped to [eps, 1 - eps]. */
  clipped: number;
  /** How many elements follow each rule other than 'regular'. */
  rules: [TermRule, number][];
  /** The first element whose term is +Infinity, or -1. */
  infiniteAt: number;
  /** The terms of the first `keep` elements. */
  terms(keep: number): Term[];
  /** The gradient of H(p, q) w.r.t. the first `keep` elements of the prediction (before the mean over rows). */
  grad(keep: number): number[];
}

/**
 * Row r of a probability prediction x. The rows are read in place (a copy only
 * where normalize, eps or label smoothing changes them) and the cross-entropy
 * comes from the same kernels as crossEntropy(): a 10^7-element row costs a
 * few passes, not an object per element. The rules need only the zeros of q.
 */
function probabilityRow(T: Rows, x: ArrayLike<number>, r: number, plan: Plan, scratch: Scratch): ProbabilityRow {
  const C = x.length,
    eps = plan.eps;
  let q: ArrayLike<number> = x,
    qScale = 1; // d q / d x for normalised probabilities: 1/S
  if (plan.normalize) {
    const s = sum(x);
    qScale = 1 / s;
    for (let c = 0; c < C; c++) scratch.q[c] = x[c]! / s;
    q = scratch.q;
  }
  const clippedAt = (c: number): boolean => eps !== undefined && (q[c]! < eps || q[c]! > 1 - eps);
  let qc = q,
    clipped = 0;
  if (eps !== undefined) {
    for (let c = 0; c < C; c++) {
      const v = q[c]!;
      const out = clippedAt(c);
      if (out) clipped++;
      scratch.qc[c] = out ? (v < eps ? eps : 1 - eps) : v;
    }
    qc = scratch.qc;
  }
  const { p, ignored } = targetRow(T, r, plan, scratch.p);
  const rules: [TermRule, number][] = [];
  let infiniteAt = -1;
  if (ignored) rules.push(['ignored-index', C]);
  else {
    if (clipped) rules.push(['clipped-eps', clipped]);
    let zeroTimesLogZero = 0,
      infinite = 0;
    for (let c = 0; c < C; c++)
      if (qc[c] === 0) {
        if (p[c] === 0) zeroTimesLogZero++;
        else if (infinite++ === 0) infiniteAt = c;
      }
    if (zeroTimesLogZero) rules.push(['zero-times-log-zero', zeroTimesLogZero]);
    if (infinite) rules.push(['infinite-q-zero', infinite]);
  }
  const term = (c: number): Term => {
    const pv = ignored ? 0 : p[c]!,
      qv = qc[c]!;
    let rule: TermRule = 'regular';
    if (ignored) rule = 'ignored-index';
    else if (clippedAt(c)) rule = 'clipped-eps';
    else if (qv === 0) rule = pv === 0 ? 'zero-times-log-zero' : 'infinite-q-zero';
    const contribution = qv === 0 ? (pv > 0 ? Infinity : 0) : pv > 0 ? -pv * Math.log(qv) : 0;
    return { row: r, index: c, p: pv, q: qv, contribution, rule, note: RULE_NOTES[rule] };
  };
  return {
    p,
    q,
    qc,
    ignored,
    ce: ignored ? 0 : infiniteAt >= 0 ? Infinity : crossEntropyRow(p, qc),
    clipped,
    rules,
    infiniteAt,
    terms: (keep) => Array.from({ length: keep }, (_, c) => term(c)),
    grad: (keep) => {
      const ps = sum(p);
      return Array.from({ length: keep }, (_, c) => {
        if (clippedAt(c)) return 0;
        if (p[c] === 0) return plan.normalize ? ps * qScale : 0;
        if (q[c] === 0) return -Infinity;
        return plan.normalize ? (-p[c]! / q[c]! + ps) * qScale : -p[c]! / q[c]!;
      });
    },
  };
}

/** Rows of C elements that `compute` writes into rather than allocate per row. */
interface Scratch {
  p: Float64Array;
  q: Float64Array;
  qc: Float64Array;
}

function kindReading(kind: ArrayKind): PredictionReading {
  if (kind === 'logits' || kind === 'class-indices') return 'logits';
  if (kind === 'log-probabilities') return 'log-probabilities';
  return 'probabilities';
}

function checkLogProbabilities(Q: Rows, normalize: boolean, problems: Problems): void {
  for (let r = 0; r < Q.rows.length; r++) {
    const row = Q.rows[r]!;
    if (!normalize) {
      for (let i = 0; i < row.length; i++) {
        if (row[i]! > 0) {
          problems.add(
            'OUT_OF_RANGE',
            `prediction${Q.twoD ? `[${r}]` : ''}[${i}] is ${row[i]}: log-probabilities cannot be positive`,
          );
          return;
        }
      }
      const l = rowLogSumExp(row);
      if (Number.isFinite(l.lse) && Math.abs(Math.expm1(l.lse)) > SUM_TOLERANCE) {
        problems.add(
          'NOT_NORMALIZED',
          `prediction${Q.twoD ? ` row ${r}` : ''}: the exponentials sum to ${Math.exp(l.lse)}, not 1 (pass normalize: true, or read it as logits)`,
        );
        return;
      }
    }
  }
}

function checkPositiveSums(S: Rows, name: string, problems: Problems): void {
  for (let r = 0; r < S.rows.length; r++) {
    const s = sum(S.rows[r]!);
    if (!(s > 0)) {
      problems.add('NOT_NORMALIZED', `${name}${S.twoD ? ` row ${r}` : ''} sums to ${s}: it cannot be normalised`);
      return;
    }
  }
}

export interface EntropySummary {
  kind: ArrayKind;
  reason: string;
  /** Mean entropy of the rows read as distributions (softmax of logits, normalised counts), if defined. */
  entropy?: Measure;
  /** exp(entropy in nats): the effective number of classes. */
  perplexity?: number;
  /**
   * The values as probabilities, one row per row (absent for class indices /
   * unknown). Rows of probabilities or one-hot given as plain arrays are the
   * input's own rows, not copies (10^7 values need not be copied to be read).
   */
  probabilities?: (number[] | Float64Array)[];
  /** For class indices: how often each label 0, 1, … occurs, when the largest label is below 2n + 16 (n labels); else absent. */
  labelCounts?: number[];
  /** For class indices: the labels present, ascending (labelTally[k] is the count of labels[k]). */
  labels?: number[];
  /** For class indices: the count of each of `labels`. */
  labelTally?: number[];
}

/**
 * The distinct labels of a class-index array, ascending, and their counts:
 * counted in a table by label (returned too) when the largest is below
 * 2n + 16, so the table is no larger than the input (one pass: 10^7 labels in
 * tens of ms, where the sort took about a second); else a sort, never a table
 * sized by a label of 10^9.
 */
function labelFrequencies(row: ArrayLike<number>): { labels: number[]; counts: number[]; table?: number[] } {
  let top = -1;
  let whole = true;
  for (let i = 0; i < row.length; i++) {
    const x = row[i]!;
    if (!(x >= 0 && Number.isInteger(x))) whole = false;
    else if (x > top) top = x;
  }
  if (whole && top < 2 * row.length + 16) {
    const tally = new Float64Array(top + 1);
    for (let i = 0; i < row.length; i++) tally[row[i]!]!++;
    const labels: number[] = [],
      counts: number[] = [];
    for (let label = 0; label <= top; label++)
      if (tally[label]! > 0) {
        labels.push(label);
        counts.push(tally[label]!);
      }
    return { labels, counts, table: Array.from(tally) };
  }
  const sorted = Float64Array.from(row).sort();
  const labels: number[] = [],
    counts: number[] = [];
  for (let i = 0; i < sorted.length; i++) {
    if (i > 0 && sorted[i] === sorted[i - 1]) counts[counts.length - 1]!++;
    else {
      labels.push(sorted[i]!);
      counts.push(1);
    }
  }
  return { labels, counts };
}

/** An array of n zeros that V8 keeps packed (new Array(n) alone is holey: every later read of it is slower). */
function packedArray(n: number): number[] {
  return new Array<number>(n).fill(0);
}

/** How entropyOf keeps the distributions it derives. */
export interface EntropyOfOptions {
  /**
   * Keep the derived p (normalised counts, softmax of logits) of the first
   * `keep` values only, row-major (what a table of them shows); the rest are
   * computed, used and dropped, and a long typed row is never made whole
   * (the 10^7 values of a program: 80 MB not allocated). Default (and for
   * NaN or a negative keep): all of it.
   */
  keep?: number;
}

/**
 * The entropy of each row's derived distribution (`fillOf(row)` writes it,
 * RowFill) and the rows of it kept (the first `keep` values). A long typed row
 * past what is kept goes to the SIMD kernels chunk by chunk
 * (entropyRowFilled); otherwise, or where they cannot take it, the row is made
 * and given to entropyRow. With `checkSum`, a row whose values do not sum to a
 * finite number stands for no distribution: undefined (a row the kernels took
 * has every value in [0, 1]: they refuse any other).
 */
function derivedRows(
  input: readonly ArrayLike<number>[],
  keep: number,
  fillOf: (row: ArrayLike<number>) => RowFill,
  checkSum = false,
): { rows: (number[] | Float64Array)[]; h: number[] } | undefined {
  const rows: (number[] | Float64Array)[] = [];
  const h: number[] = [];
  let left = keep;
  for (const row of input) {
    const n = row.length;
    const fill = fillOf(row);
    const streamed = left < n && ArrayBuffer.isView(row) ? entropyRowFilled(n, fill) : undefined;
    if (streamed !== undefined) {
      h.push(streamed);
      if (left > 0) {
        const head = new Float64Array(left);
        fill(head, 0, 0, left);
        rows.push(head);
        left = 0;
      }
      continue;
    }
    const q = sameKind(row);
    if (checkSum) {
      if (!Number.isFinite(chunkedSum(n, (from, to) => sumFilled(q, fill, from, to)))) return undefined;
    } else fill(q, 0, 0, n);
    h.push(entropyRow(q));
    if (left > 0) {
      rows.push(left >= n ? q : q.slice(0, left));
      left -= Math.min(left, n);
    }
  }
  return { rows, h };
}

/** Writes elements [from, to) of q with fill; their plain sum. */
function sumFilled(q: number[] | Float64Array, fill: RowFill, from: number, to: number): number {
  fill(q, from, from, to);
  let check = 0;
  for (let i = from; i < to; i++) check += q[i]!;
  return check;
}

/**
 * Zeros for a row derived from `row`: a Float64Array for a typed row (a
 * program's values: 10^7 of them would take half a second to go into a plain
 * array, and the SIMD kernels read typed arrays), else a packed plain array.
 */
function sameKind(row: ArrayLike<number>): number[] | Float64Array {
  return ArrayBuffer.isView(row) ? new Float64Array(row.length) : packedArray(row.length);
}

/**
 * entropyOf(values) -> EntropySummary
 *
 * What one unpaired array says on its own (for hovers): its kind (classify) and
 * the entropy of the distribution it stands for — itself for probabilities and
 * one-hot, softmax for logits, exp for log-probabilities, normalised counts, or
 * the frequencies of the labels present in class indices. Never throws.
 */
export function entropyOf(values: Vector | Matrix, options: EntropyOfOptions = {}): EntropySummary {
  // A count of values: a fraction is rounded down.
  const keep = options.keep !== undefined && options.keep >= 0 ? Math.floor(options.keep) : Infinity;
  const c = classify(values);
  const out: EntropySummary = { kind: c.kind, reason: c.reason };
  try {
    if (c.kind === 'unknown') return out;
    const problems = new Problems();
    const shape = toRows(values, 'values', problems);
    if (!shape || problems.any) return out;
    let rows: (number[] | Float64Array)[];
    let h: number[] | undefined;
    if (c.kind === 'class-indices') {
      const row = shape.rows[0]!;
      const { labels, counts, table } = labelFrequencies(row);
      out.labels = labels;
      out.labelTally = counts;
      if (table) out.labelCounts = table;
      rows = [counts.map((k) => k / row.length)];
    } else if (c.kind === 'logits' || c.kind === 'log-probabilities') {
      const derived = derivedRows(shape.rows, keep, (row) => {
        const l = rowLogSumExp(row);
        return (dst, at, from, to) => {
          for (let i = from; i < to; i++)
            dst[at + i - from] = i === l.argmax ? 1 / (1 + l.rest) : Math.exp(row[i]! - l.max) / (1 + l.rest);
        };
      });
      if (!derived) return out;
      ({ rows, h } = derived);
    } else if (c.kind === 'counts') {
      // A row of zeros (or one too large to sum) stands for no distribution: NaN or ±Infinity, caught by the sum of q.
      const derived = derivedRows(
        shape.rows,
        keep,
        (row) => {
          const s = sum(row);
          return (dst, at, from, to) => {
            for (let i = from; i < to; i++) dst[at + i - from] = row[i]! / s;
          };
        },
        true,
      );
      if (!derived) return out;
      ({ rows, h } = derived);
    } else {
      // Probabilities are their own p (classify found them finite, in [0, 1]): the rows as given, not a copy.
      rows = shape.rows.map((row) =>
        Array.isArray(row) || row instanceof Float64Array ? (row as number[] | Float64Array) : Array.from(row),
      );
    }
    if (c.kind !== 'class-indices') out.probabilities = rows;
    h ??= rows.map(entropyRow);
    const nats = sum(h) / h.length;
    out.entropy = measure(nats);
    out.perplexity = Math.exp(nats);
  } catch (e) {
    if (!(e instanceof CoreError)) return { kind: c.kind, reason: c.reason };
  }
  return out;
}
