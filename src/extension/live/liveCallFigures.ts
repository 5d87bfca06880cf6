// What a paused program's loss call is about to return, from the two live
// values of its arguments: the library's own number (emulated with the call's
// keywords and the values' dtype) and the pair's figures, as one lens line.
// Pure: the values come in already read (evaluator.ts).
import type { FindResult, FoundArray, FoundPair } from '../../parse/types';
import { roleOf } from '../../parse/roles';
import { emulationForCallee, type EmulateResult } from '../../core';
import { pairOutcome, type Outcome, type Placement } from '../commands/outcome';
import type { ComputeSettings } from '../commands/types';
import { callKeywords } from '../features/model/callOptions';
import { emulateCall, optionsFromCall, valueText } from '../features/content/frameworkContent';
import { fmt } from '../features/format';
import type { LiveCall } from './liveCalls';
import { toValues, type LiveArray } from './transfer';

export interface LiveCallFigures {
  /** The lens line: `live F.cross_entropy → 0.417030 · H(p,q) = 0.417 nats · KL = 0.417 · H(p) = 0`. */
  title: string;
  outcome: Outcome;
  /** What the library returns for the call (undefined: the callee is not emulated). */
  library?: EmulateResult | { error: string };
}

function array(value: LiveArray, expression: string, at: number, role?: FoundArray['role']): FoundArray {
  const values = toValues(value);
  const read = roleOf(values, expression);
  return {
    start: at,
    end: at + expression.length,
    name: expression,
    values,
    shape: [...value.shape],
    role: role ?? read.role,
    roleReason: role ? 'what the loss call takes' : read.reason,
    issues: [],
    issueDetails: [],
  };
}

/**
 * The figures of `live.call` on the values read for its target and prediction;
 * `text` is the document's (for the call's keywords).
 */
export function liveCallFigures(
  live: LiveCall,
  target: LiveArray,
  prediction: LiveArray,
  settings: ComputeSettings,
  placement: Placement,
): LiveCallFigures {
  const { call } = live;
  // The prediction is what the loss takes (logits for F.cross_entropy), whatever its values look like.
  const q = array(prediction, live.prediction, call.start, call.expects);
  const t = array(target, live.target, call.target!.start);
  const find: FindResult = { arrays: [t, q], pairs: [], issues: [] };
  const pair: FoundPair = {
    target: 0,
    prediction: 1,
    reason: `arguments of ${call.callee}${call.loss.params}`,
    callee: call.callee,
    signature: call.loss,
    binary: call.loss.binary,
  };
  const outcome = pairOutcome('crossEntropy', find, pair, settings, placement);
  const library = libraryValue(live, t, q, prediction.dtype === 'f8' ? 'float64' : 'float32', placement.text);
  const returns =
    library === undefined
      ? ''
      : 'error' in library
        ? ` refuses these values: ${library.error}`
        : ` → ${valueText(library.value)} (${library.label}, ${library.dtype})`;
  const head = `$(debug-pause) live ${call.callee}${returns}`;
  const { result } = outcome;
  const base = library ? { outcome, library } : { outcome };
  if (!result.ok) return { ...base, title: `${head} · ${result.error}` };
  if (result.kind === 'entropy') return { ...base, title: head };
  const { unit } = settings;
  const ce = result.binary ? 'BCE' : 'H(p,q)';
  const batch = result.binary
    ? ` · mean of ${result.rows} elements`
    : result.batched && result.rows > 1
      ? ` · mean of ${result.rows} rows`
      : '';
  const figures = `${ce} = ${fmt(result.crossEntropy)} ${unit} · KL = ${fmt(result.klPQ)} · H(p) = ${fmt(result.entropy)}${batch}`;
  return { ...base, title: `${head} · ${figures}` };
}

/** What the library returns for the call on these values, or undefined when it is not emulated. */
function libraryValue(
  live: LiveCall,
  t: FoundArray,
  q: FoundArray,
  dtype: 'float32' | 'float64',
  text: string | undefined,
): EmulateResult | { error: string } | undefined {
  const { call } = live;
  const which = emulationForCallee(call.callee);
  if (!which) return undefined;
  const keywords =
    text === undefined
      ? undefined
      : callKeywords(
          text,
          call.callee,
          Math.min(call.start, call.target!.start),
          Math.max(call.end, call.target!.end),
          [call.end, call.target!.end],
        );
  const { options } = optionsFromCall(which.framework, which.loss, keywords);
  // PyTorch computes in the prediction's own dtype (float64 tensors in float64).
  if (options.dtype === undefined && which.framework === 'pytorch') options.dtype = dtype;
  const out = emulateCall(call.callee, t.values, q.values, options);
  if (!out) return undefined;
  return out.ok ? out.result : { error: out.error };
}
