// `entropyLens.showBreakdown` with an argument: the PairPayload a code lens or
// hover link sends (plain data, or with vscode Uri/Range objects). It is
// validated like any message, then analysed. Probabilities off 1 are analysed
// on normalised copies here — as the lens that links here shows them — and the
// breakdown says so. A lens on an unpaired array sends the array as both
// target and prediction (same range): that gets the array's entropy breakdown.
import { analyze, classify, isCoreError, type Analysis, type AnalyzeOptions } from '../../core';
import type { PairPayload, RangeDto } from '../../protocol/visualizer';
import { pairFromCommandArgument } from '../visualizer/pairArgument';
import { userText } from '../features/format';
import { MAX_TABLE_ROWS, type BreakdownSubject } from './breakdownMarkdown';
import { computeEntropy } from './computeFigures';
import { entropySubjectArray } from './outcome';
import type { ArrayRef, ComputeSettings } from './types';
import { isMatrix } from '../../core/elements';

export type PayloadSubject = { ok: true; subject: BreakdownSubject } | { ok: false; error: string };

export function subjectFromPayload(arg: unknown, settings: ComputeSettings): PayloadSubject {
  const pair = pairFromCommandArgument(arg);
  if (!pair.ok) return { ok: false, error: `this is not a target/prediction pair (${pair.error})` };
  const single = singleArray(pair.value);
  if (single) return entropySubject(pair.value, single, settings);
  const { target, prediction, predictionKind, label } = pair.value;
  const options: AnalyzeOptions = {
    prediction: predictionKind ?? 'auto',
    maxTerms: MAX_TABLE_ROWS,
    maxRows: MAX_TABLE_ROWS,
  };
  if (settings.eps !== undefined) options.eps = settings.eps;
  let analysis: Analysis;
  let normalised = false;
  try {
    analysis = analyze(target, prediction, options);
  } catch (e) {
    if (!isCoreError(e)) return { ok: false, error: String(e instanceof Error ? e.message : e) };
    if (e.code !== 'NOT_NORMALIZED' && e.code !== 'OUT_OF_RANGE') return { ok: false, error: userText(e.message) };
    try {
      analysis = analyze(target, prediction, { ...options, normalize: true });
      normalised = true;
    } catch {
      return { ok: false, error: userText(e.message) };
    }
  }
  return { ok: true, subject: { type: 'pair', analysis, unit: settings.unit, label: label ?? 'p → q', normalised } };
}

/** The one range both sides come from, when the payload is one array compared with itself. */
function singleArray(p: PairPayload): RangeDto | undefined {
  const t = p.source?.targetRange,
    q = p.source?.predictionRange;
  if (!t || !q) return undefined;
  const same =
    t.start.line === q.start.line &&
    t.start.character === q.start.character &&
    t.end.line === q.end.line &&
    t.end.character === q.end.character;
  return same ? q : undefined;
}

function entropySubject(p: PairPayload, range: RangeDto, settings: ComputeSettings): PayloadSubject {
  const values = p.prediction;
  const twoD = isMatrix(values);
  const ref: ArrayRef = {
    name: p.label,
    label: p.label ?? 'the array',
    range,
    role: classify(values).kind,
    shape: twoD ? [values.length, (values[0] as number[]).length] : [values.length],
  };
  const e = computeEntropy(values, ref);
  if (!e.ok) return { ok: false, error: e.error };
  return {
    ok: true,
    subject: {
      type: 'entropy',
      unit: settings.unit,
      arrays: [
        entropySubjectArray({
          ref,
          kind: e.kind,
          nats: e.nats,
          perplexity: e.perplexity,
          values,
          probabilities: e.probabilities,
          rows: e.rows,
          labelCounts: e.labelCounts,
        }),
      ],
    },
  };
}
