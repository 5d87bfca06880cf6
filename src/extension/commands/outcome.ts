// From chosen arrays to everything a command hands back and shows: the plain
// result, the breakdown subject, the clipboard line, the visualizer payload,
// and — when probabilities do not sum to 1 — the offer to compute on normalised
// copies. Pure (positions come through `positionAt`), so it is unit-tested.
import { checkPair, MAX_VALUES, type PairPayload, type PositionDto } from '../../protocol/visualizer';
import type { AnyValues, FindResult, FoundArray, FoundPair, Values } from '../../parse/types';
import { arrayRef, linesOf } from './arrayRef';
import { tableHead, type BreakdownSubject, type EntropySubject } from './breakdownMarkdown';
import { computeBinary } from './binaryLoss';
import { computeEntropy, computePair, type EntropyComputation, type NormaliseOffer } from './computeFigures';
import { cappedIssue, isBinaryPair } from '../features/model';
import { libraryReading, pairFrameworkLine, pairLibraries } from '../features/content/frameworkContent';
import {
  entropyMarkdown,
  entropyMessage,
  failureMessage,
  pairMarkdown,
  pairMessage,
  pairNames,
  type EntropyLine,
} from './resultMessage';
import type {
  ArrayEntropy,
  ArrayRef,
  ComputeKind,
  ComputeResult,
  ComputeSettings,
  FailureCode,
  FailureResult,
} from './types';
import { isMatrix, plainValues, rowsOf } from '../../core/elements';
import { SETTINGS } from '../ids';

export interface Outcome {
  result: ComputeResult;
  /** What the user reads: the result line, or the error. */
  message: string;
  subject?: BreakdownSubject;
  /** The Markdown line "Copy" writes. */
  copy?: string;
  /** What "Open in visualizer" sends. */
  payload?: PairPayload;
  /** Probabilities that do not sum to 1: the button, and the computation it runs (never an edit). */
  offer?: { offer: NormaliseOffer; accept(): Outcome };
}

export interface Placement {
  /** The document's URI, for the visualizer's way back. */
  uri: string;
  positionAt(offset: number): PositionDto;
  /** The document's text, for the keywords of the loss call a pair was found at. */
  text?: string;
}

export function failure(kind: ComputeKind, code: FailureCode, error: string, names?: string): Outcome {
  const result: FailureResult = { ok: false, kind, code, error };
  return { result, message: failureMessage(kind, code, error, names) };
}

export function pairOutcome(
  kind: 'crossEntropy' | 'klDivergence',
  find: FindResult<AnyValues>,
  pair: FoundPair,
  settings: ComputeSettings,
  where: Placement,
  normalise = false,
): Outcome {
  const t = find.arrays[pair.target]!,
    q = find.arrays[pair.prediction]!;
  const target = arrayRef(t, where.positionAt),
    prediction = arrayRef(q, where.positionAt);
  const names = pairNames(target, prediction);
  const capped = cappedProblem(t, target) ?? cappedProblem(q, prediction);
  if (capped) return failure(kind, 'NOT_COMPUTABLE', capped, names);
  const input = { target: { array: t, ref: target }, prediction: { array: q, ref: prediction } };
  const binary = isBinaryPair(pair);
  const computed = binary ? computeBinary(input, settings.eps) : computePair(input, settings.eps, normalise);
  if (!computed.ok) {
    const out = failure(kind, computed.code, computed.error, names);
    if (computed.offer) {
      out.message = `Entropy Lens: ${computed.offer.reason} (${names}): probabilities must sum to 1. Compute on normalised copies instead? The document is not changed.`;
      out.offer = { offer: computed.offer, accept: () => pairOutcome(kind, find, pair, settings, where, true) };
    }
    return out;
  }
  const a = computed.analysis;
  const { unit } = settings;
  const message = pairMessage(kind, a, unit, target, prediction, computed.normalised, binary);
  // The visualizer draws categorical pairs; a binary pair goes as its two-class rows.
  const drawn = binary
    ? undefined
    : {
        target: drawableValues(t.values, computed.normalised),
        prediction: drawableValues(q.values, computed.normalised && a.predictionKind !== 'logits'),
      };
  const payload: PairPayload = binary
    ? {
        // The terms of every element are kept while the pair is drawable (computeBinary).
        target:
          a.terms.length === 2 * a.rows
            ? Array.from({ length: a.rows }, (_, r) => [a.terms[2 * r]!.p, a.terms[2 * r + 1]!.p])
            : [],
        prediction: a.probabilities,
        predictionKind: 'probabilities',
        label: `${target.name ?? 'target'} vs ${prediction.name ?? 'prediction'} (binary)`,
        source: { uri: where.uri, targetRange: target.range, predictionRange: prediction.range },
      }
    : {
        target: drawn?.target ?? [],
        prediction: drawn?.prediction ?? [],
        label: `${target.name ?? 'target'} vs ${prediction.name ?? 'prediction'}`,
        source: { uri: where.uri, targetRange: target.range, predictionRange: prediction.range },
      };
  if (!binary && (a.predictionKind === 'logits' || a.predictionKind === 'probabilities'))
    payload.predictionKind = a.predictionKind;
  // Beyond the visualizer's caps (MAX_CLASSES, MAX_VALUES) the webview would drop the pair: no button then.
  const complete = binary ? a.terms.length === 2 * a.rows : drawn?.target && drawn.prediction;
  const drawable = complete && checkPair(payload).ok;
  return {
    result: {
      ok: true,
      kind,
      unit,
      target,
      prediction,
      entropy: a.entropy[unit],
      crossEntropy: a.crossEntropy[unit],
      klPQ: a.klPQ[unit],
      klQP: a.klQP[unit],
      js: a.js[unit],
      perplexity: a.perplexity,
      rows: a.rows,
      classes: a.classes,
      batched: a.batched,
      normalised: computed.normalised,
      binary,
      warnings: [...a.warnings],
      message,
    },
    message,
    subject: {
      type: 'pair',
      analysis: a,
      unit,
      target,
      prediction,
      reason: pair.reason,
      normalised: computed.normalised,
      binary,
      framework: pairFrameworkLine(pair, t, q, where.text),
      libraries: pairLibraries(pair, t, q, libraryReading(binary, q.role, a.predictionKind), binary, where.text),
    },
    copy: pairMarkdown(a, unit, target, prediction, computed.normalised),
    ...(drawable ? { payload } : {}),
  };
}

/** One array's entropy figures (computeEntropy's), where it is and its values. */
type ArrayEntropyFigures = EntropyLine & Omit<Extract<EntropyComputation, { ok: true }>, 'ok'> & { values: AnyValues };

export function entropyOutcome(
  find: FindResult<AnyValues>,
  indices: readonly number[],
  settings: ComputeSettings,
  where: Placement,
): Outcome {
  const { unit } = settings;
  const lines: ArrayEntropyFigures[] = [];
  for (const i of indices) {
    const a = find.arrays[i]!;
    const ref = arrayRef(a, where.positionAt);
    const capped = cappedProblem(a, ref);
    if (capped) return failure('entropy', 'NOT_COMPUTABLE', capped);
    const e = computeEntropy(a.values, ref);
    if (!e.ok) return failure('entropy', e.code, e.error);
    lines.push({
      ref,
      kind: e.kind,
      nats: e.nats,
      perplexity: e.perplexity,
      values: a.values,
      probabilities: e.probabilities,
      rows: e.rows,
      labelCounts: e.labelCounts,
    });
  }
  const arrays: ArrayEntropy[] = lines.map((l) => ({
    array: l.ref,
    kind: l.kind,
    entropy: unit === 'bits' ? l.nats / Math.LN2 : l.nats,
    perplexity: l.perplexity,
  }));
  const message = entropyMessage(lines, unit);
  return {
    result: {
      ok: true,
      kind: 'entropy',
      unit,
      entropy: arrays[0]!.entropy,
      perplexity: arrays[0]!.perplexity,
      arrays,
      message,
    },
    message,
    subject: { type: 'entropy', unit, arrays: lines.map(entropySubjectArray) },
    copy: entropyMarkdown(lines, unit),
  };
}

/** One array of an entropy breakdown: its figures and the head of its values and p, as many as the table shows. */
export function entropySubjectArray(e: ArrayEntropyFigures): EntropySubject['arrays'][number] {
  const rows = rowsOf(e.values);
  return {
    ref: e.ref,
    kind: e.kind,
    nats: e.nats,
    perplexity: e.perplexity,
    values: tableHead(rows),
    probabilities: e.probabilities && tableHead(e.probabilities),
    labelCounts: e.labelCounts,
    rows: rows.length,
    elements: rows.reduce((n, r) => n + r.length, 0),
  };
}

/**
 * The finder stops reading an array at the maxElements cap; figures of the
 * first part would look right and be wrong, so a capped array is refused.
 */
function cappedProblem(a: FoundArray<AnyValues>, ref: ArrayRef): string | undefined {
  const issue = cappedIssue(a);
  if (issue === undefined) return undefined;
  return `${ref.label} (${linesOf(ref)}) is longer than the finder reads (${issue}): raise the setting ${SETTINGS.maxElementsPerArray} to compute on all of it`;
}

/**
 * The values as the visualizer takes them: plain arrays, divided by their sums
 * when `normalised` (a copy; the document keeps its values). Values beyond the
 * visualizer's cap are not copied: checkPair refuses the pair either way.
 */
function drawableValues(values: AnyValues, normalised: boolean): Values | undefined {
  const rows = rowsOf(values);
  if (rows.reduce((n, r) => n + r.length, 0) > MAX_VALUES) return undefined;
  const plain = plainValues(values);
  return normalised ? divideBySums(plain) : plain;
}

/** A normalised copy for the visualizer (rows divided by their sums); the document keeps its values. */
function divideBySums(values: Values): Values {
  const norm = (row: number[]) => {
    const s = row.reduce((x, y) => x + y, 0);
    return s > 0 ? row.map((v) => v / s) : row;
  };
  return isMatrix(values) ? (values as number[][]).map(norm) : norm(values as number[]);
}
