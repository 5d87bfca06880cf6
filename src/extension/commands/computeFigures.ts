// Runs the core on the chosen arrays and turns what it says into results or
// user-facing errors. When probabilities do not sum to 1 it does not guess: it
// returns an offer to compute on normalised copies, which the user accepts.
import { analyze, entropyOf, isCoreError, SUM_TOLERANCE, type Analysis, type AnalyzeOptions } from '../../core';
import type { AnyValues, FoundArray } from '../../parse/types';
import { fmtSum, userText } from '../features/format';
import { predictionReading } from '../features/model';
import { linesOf } from './arrayRef';
import type { ArrayRef, FailureCode } from './types';
import { rowsOf } from '../../core/elements';
import { MAX_TABLE_ROWS } from './breakdownMarkdown';

export interface PairInput {
  target: { array: Pick<FoundArray<AnyValues>, 'values' | 'role'>; ref: ArrayRef };
  prediction: { array: Pick<FoundArray<AnyValues>, 'values' | 'role'>; ref: ArrayRef };
}

/** "Compute with p normalised" and why it is offered. */
export interface NormaliseOffer {
  /** The button text. */
  action: string;
  /** E.g. "y_true sums to 0.98, not 1". */
  reason: string;
}

export type PairComputation =
  | { ok: true; analysis: Analysis; normalised: boolean }
  | { ok: false; code: FailureCode; error: string; offer?: NormaliseOffer };

/**
 * How a command reads a prediction: as the features do (predictionReading), with
 * one exception: rows that sum to 1 with every value at most 1 are a
 * distribution with a bad entry (q[3] = -0.2), not logits — read as
 * probabilities, so the user hears about the negative value instead of a loss.
 */
function commandReading(
  array: Pick<FoundArray<AnyValues>, 'values' | 'role'>,
): NonNullable<AnalyzeOptions['prediction']> {
  return array.role === 'logits' && brokenDistribution(array.values) ? 'probabilities' : predictionReading(array.role);
}

function brokenDistribution(values: AnyValues): boolean {
  return rowsOf(values).every((row) => {
    let s = 0;
    for (const v of row) {
      if (!(v <= 1)) return false;
      s += v;
    }
    return Math.abs(s - 1) <= SUM_TOLERANCE;
  });
}

export function computePair(input: PairInput, eps: number | undefined, normalise = false): PairComputation {
  // The breakdown shows the first MAX_TABLE_ROWS terms and rows; a live pair may have 10^7 elements in 10^5 rows.
  const options: AnalyzeOptions = {
    prediction: commandReading(input.prediction.array),
    maxTerms: MAX_TABLE_ROWS,
    maxRows: MAX_TABLE_ROWS,
  };
  if (eps !== undefined) options.eps = eps;
  if (normalise) options.normalize = true;
  try {
    return {
      ok: true,
      analysis: analyze(input.target.array.values, input.prediction.array.values, options),
      normalised: normalise,
    };
  } catch (e) {
    if (!isCoreError(e))
      return {
        ok: false,
        code: 'INTERNAL',
        error: `the computation failed: ${e instanceof Error ? e.message : String(e)}`,
      };
    const error = inUserWords(e.message, input);
    if (!normalise && (e.code === 'NOT_NORMALIZED' || e.code === 'OUT_OF_RANGE')) {
      const offer = normaliseOffer(input, options);
      if (offer) return { ok: false, code: e.code, error, offer };
    }
    return { ok: false, code: e.code, error };
  }
}

/**
 * The core names its inputs "target" and "prediction"; the user knows them by
 * name (y_true) or as p and q. Says where each array mentioned is.
 */
export function inUserWords(message: string, input: PairInput): string {
  const t = input.target.ref,
    q = input.prediction.ref;
  const tName = t.name ?? 'p',
    qName = q.name ?? 'q';
  let text = userText(message)
    .replace(/\btarget(?=\[| row | is | has | sums )/g, tName)
    .replace(/\bprediction(?=\[| row | is | has | sums )/g, qName);
  const where: string[] = [];
  if (mentions(text, tName)) where.push(`${tName} is on ${linesOf(t)}`);
  if (mentions(text, qName) && (q.range.start.line !== t.range.start.line || !where.length))
    where.push(`${qName} is on ${linesOf(q)}`);
  if (where.length) text += ` (${where.join(', ')})`;
  return text;
}

function mentions(text: string, name: string): boolean {
  return new RegExp(`(^|[^\\w])${name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?![\\w])`).test(text);
}

/** The first row whose sum is off (finite, non-negative values only), or undefined; null when it cannot be normalised. */
function offSum(values: AnyValues): { row: number | undefined; sum: number } | undefined | null {
  const rows = rowsOf(values);
  for (let r = 0; r < rows.length; r++) {
    let s = 0;
    for (const v of rows[r]!) {
      if (!Number.isFinite(v) || v < 0) return null;
      s += v;
    }
    if (!(s > 0)) return null;
    if (Math.abs(s - 1) > SUM_TOLERANCE) return { row: rows.length > 1 ? r : undefined, sum: s };
  }
  return undefined;
}

function normaliseOffer(input: PairInput, options: AnalyzeOptions): NormaliseOffer | undefined {
  const t = input.target,
    q = input.prediction;
  const sameShape = JSON.stringify(t.ref.shape) === JSON.stringify(q.ref.shape);
  const readsProbabilities = options.prediction === 'auto' || options.prediction === 'probabilities';
  const tOff = sameShape ? offSum(t.array.values) : undefined;
  const qOff = readsProbabilities ? offSum(q.array.values) : undefined;
  if (tOff === null || qOff === null || (!tOff && !qOff)) return undefined;
  try {
    analyze(t.array.values, q.array.values, { ...options, normalize: true });
  } catch {
    return undefined; // normalising would not fix it; the plain error stands
  }
  const said = (ref: ArrayRef, symbol: string, off: { row: number | undefined; sum: number }) =>
    `${ref.name ?? symbol}${off.row !== undefined ? ` row ${off.row}` : ''} sums to ${fmtSum(off.sum)}, not 1`;
  const reasons: string[] = [];
  if (tOff) reasons.push(said(t.ref, 'p', tOff));
  if (qOff) reasons.push(said(q.ref, 'q', qOff));
  const which = tOff && qOff ? 'p and q' : tOff ? 'p' : 'q';
  return { action: `Compute with ${which} normalised`, reason: reasons.join('; ') };
}

export type EntropyComputation =
  | {
      ok: true;
      kind: string;
      nats: number;
      perplexity: number;
      /** The head of p: its first MAX_TABLE_ROWS values, row-major. */
      probabilities: (number[] | Float64Array)[] | undefined;
      /** Rows of p (the distributions the mean is over); undefined for class indices. */
      rows: number | undefined;
      labelCounts: number[] | undefined;
    }
  | { ok: false; code: FailureCode; error: string };

/**
 * The entropy one array stands for: itself, softmax of logits, normalised
 * counts, label frequencies. Of a derived p only the first MAX_TABLE_ROWS
 * values are kept, all a breakdown shows: 10^7 values of softmax or of
 * normalised counts are computed, not held.
 */
export function computeEntropy(values: AnyValues, ref: ArrayRef): EntropyComputation {
  const summary = entropyOf(values, { keep: MAX_TABLE_ROWS });
  if (summary.entropy === undefined || summary.perplexity === undefined) {
    return {
      ok: false,
      code: 'NOT_COMPUTABLE',
      error: `${ref.label} (${linesOf(ref)}) has no entropy: ${summary.reason.replace(/^./, (c) => c.toLowerCase())}`,
    };
  }
  return {
    ok: true,
    kind: summary.kind,
    nats: summary.entropy.nats,
    perplexity: summary.perplexity,
    probabilities: summary.probabilities,
    rows: summary.probabilities && rowsOf(values).length,
    labelCounts: summary.labelCounts,
  };
}
