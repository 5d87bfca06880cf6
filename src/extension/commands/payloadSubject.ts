// `entropyLens.showBreakdown` with an argument: the PairPayload a code lens or
// hover link sends (plain data, or with vscode Uri/Range objects). It is
// validated like any message, then analysed. Probabilities off 1 are analysed
// on normalised copies here — as the lens that links here shows them — and the
// breakdown says so.
import { analyze, isCoreError, type Analysis, type AnalyzeOptions } from '../../core';
import { pairFromCommandArgument } from '../visualizer/pairArgument';
import { userText } from '../features/userText';
import type { PairSubject } from './breakdownMarkdown';
import type { ComputeSettings } from './types';

export type PayloadSubject = { ok: true; subject: PairSubject } | { ok: false; error: string };

export function subjectFromPayload(arg: unknown, settings: ComputeSettings): PayloadSubject {
  const pair = pairFromCommandArgument(arg);
  if (!pair.ok) return { ok: false, error: `this is not a target/prediction pair (${pair.error})` };
  const { target, prediction, predictionKind, label } = pair.value;
  const options: AnalyzeOptions = { prediction: predictionKind ?? 'auto' };
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
