// The number a pair's library call returns: for a pair found at a loss the core
// emulates (the finder's callee), one line naming the library, the call, its
// value and dtype, the exact value and why the two differ —
// "PyTorch `F.binary_cross_entropy` returns 50 (float32) · exact +∞ — log clamped at −100".
import {
  emulate,
  emulationForCallee,
  FRAMEWORKS,
  isCoreError,
  type EmulateOptions,
  type EmulateResult,
} from '../../../core';
import type { AnyValues, FoundArray, FoundPair, Values } from '../../../parse/types';
import { plainValues, rowsOf } from '../../../core/elements';
import { callKeywords, type CallKeywords } from '../model/callOptions';
import { escapeMarkdown } from '../format';

/** The call's keyword (either spelling) → the emulate() option it sets. */
const KEYWORD_OPTIONS: Record<string, keyof EmulateOptions> = {
  reduction: 'reduction',
  label_smoothing: 'labelSmoothing',
  labelSmoothing: 'labelSmoothing',
  weight: 'weight',
  pos_weight: 'posWeight',
  ignore_index: 'ignoreIndex',
  from_logits: 'fromLogits',
  fromLogits: 'fromLogits',
  log_target: 'logTarget',
  eps: 'eps',
  sample_weight: 'sampleWeight',
  agg: 'reduction',
  normalize: 'reduction',
};

/** A keyword's source text as a value: a number, a boolean, a string, None, or the numbers of a list. */
function literal(source: string): unknown {
  const t = source.trim();
  if (/^[-+]?(\d+\.?\d*|\.\d+)(e[-+]?\d+)?$/i.test(t)) return Number(t);
  if (t === 'True' || t === 'true') return true;
  if (t === 'False' || t === 'false') return false;
  if (t === 'None' || t === 'null' || t === 'nothing') return null;
  const quoted = /^(['"])([^'"]*)\1$/.exec(t);
  if (quoted) return quoted[2];
  // A list, bare or in a constructor: [1.0, 2.0], torch.tensor([1.0, 2.0]).
  const open = t.indexOf('['),
    close = t.indexOf(']', open + 1);
  if (open >= 0 && close > open && t.indexOf('[', open + 1) < 0) {
    const values = t
      .slice(open + 1, close)
      .split(',')
      .map((v) => v.trim())
      .filter((v) => v !== '')
      .map(Number);
    if (values.length && values.every(Number.isFinite)) return values;
  }
  if (/^[-+]?\d+\.?\d*$/.test(t.replace(/^\(|\)$/g, ''))) return Number(t.replace(/^\(|\)$/g, ''));
  return undefined;
}

/**
 * The emulate() options a call's keywords set, for `framework`'s `loss`, and
 * the keywords read as written (`label_smoothing=0.1`); keywords the loss has
 * no option for, or values that are not literals, are left to the defaults.
 */
export function optionsFromCall(
  framework: keyof typeof FRAMEWORKS,
  loss: string,
  call: CallKeywords | undefined,
): { options: EmulateOptions; read: string[] } {
  const options: Record<string, unknown> = {};
  const read: string[] = [];
  if (!call) return { options, read };
  const entry = FRAMEWORKS[framework].losses[loss]!;
  const accepted = new Set(['reduction', 'dtype', ...Object.keys(entry.defaults)]);
  for (const [keyword, source] of Object.entries(call.keywords)) {
    const option = KEYWORD_OPTIONS[keyword];
    if (!option || !accepted.has(option)) continue;
    let value = literal(source);
    if (keyword === 'normalize') value = value === false ? 'sum' : value === true ? 'mean' : undefined;
    else if (option === 'reduction') {
      if (value === null) value = 'none';
      if (keyword === 'agg') value = source === 'sum' ? 'sum' : source === 'mean' ? 'mean' : undefined;
      if (typeof value === 'string' && !entry.reductions.includes(value)) value = undefined;
    }
    if (value === undefined || value === null) continue;
    options[option] = value;
    read.push(`${keyword}=${source.length > 24 ? `${source.slice(0, 23)}…` : source}`);
  }
  // eps exists in scikit-learn's log_loss only before 1.5: a call that passes it is for those versions.
  if (framework === 'sklearn' && options.eps !== undefined) options.version = '1.4';
  if (call.dtype && accepted.has('dtype')) {
    options.dtype = call.dtype;
    read.push(`dtype=${call.dtype}`);
  }
  return { options: options as EmulateOptions, read };
}

/** Values above which a hover does not emulate (each emulation walks the arrays twice, each library once more). */
export const MAX_EMULATED_VALUES = 5_000;

function valueCount(v: AnyValues): number {
  return rowsOf(v).reduce((n, row) => n + row.length, 0);
}

/** A loss value as a library prints it: up to 6 significant digits, +∞ / −∞ / NaN spelled out. */
export function lossNumber(x: number): string {
  if (Number.isNaN(x)) return 'NaN';
  if (x === Infinity) return '+∞';
  if (x === -Infinity) return '−∞';
  return String(Number(x.toPrecision(6))).replace('-', '−');
}

/** A value or the first of a reduction-`none` list, as lossNumber writes them. */
export function valueText(v: number | number[]): string {
  if (typeof v === 'number') return lossNumber(v);
  const shown = v.slice(0, 4).map(lossNumber).join(', ');
  return `[${shown}${v.length > 4 ? `, … ${v.length} values` : ''}]`;
}

/** The emulation of a call on a pair's values, or undefined when the callee names no emulated loss. */
export function emulateCall(
  callee: string | undefined,
  target: Values,
  prediction: Values,
  options: EmulateOptions = {},
): { ok: true; result: EmulateResult } | { ok: false; framework: string; error: string } | undefined {
  if (callee === undefined) return undefined;
  const which = emulationForCallee(callee);
  if (!which) return undefined;
  try {
    return { ok: true, result: emulate(which.framework, which.loss, { prediction, target }, options) };
  } catch (e) {
    if (!isCoreError(e)) throw e;
    return { ok: false, framework: which.framework, error: e.message };
  }
}

/** A library's value for a pair, as a row of the breakdown's table and the source of the hover's lines. */
export interface LibraryRow {
  framework: keyof typeof FRAMEWORKS;
  /** The library's label, with the scikit-learn version its rule is for (`scikit-learn 1.5 and later`). */
  library: string;
  /** The loss: the callee as written for the pair's own call, else the library's spelling. */
  loss: string;
  /** The call's keywords that set options, as written (`label_smoothing=0.1`). */
  keywords: string[];
  /** The row of the call the pair was found at. */
  atCall: boolean;
  /** What the library returns, or why it refuses these arrays. */
  emulated: EmulateResult | { error: string };
}

/** The row of a call, 'capped' above MAX_EMULATED_VALUES, undefined when the callee names no emulated loss. */
function callRow(
  callee: string | undefined,
  target: Values,
  prediction: Values,
  keywords: CallKeywords | undefined,
): LibraryRow | 'capped' | undefined {
  const which = callee === undefined ? undefined : emulationForCallee(callee);
  if (!which) return undefined;
  if (valueCount(target) + valueCount(prediction) > MAX_EMULATED_VALUES) return 'capped';
  const { options, read } = optionsFromCall(which.framework, which.loss, keywords);
  const out = emulateCall(callee, target, prediction, options);
  if (!out) return undefined;
  const label = FRAMEWORKS[which.framework].label;
  const emulated = out.ok ? out.result : { error: out.error };
  const version = out.ok && out.result.version ? ` ${out.result.version}` : '';
  return {
    framework: which.framework,
    library: `${label}${version}`,
    loss: callee!,
    keywords: read,
    atCall: true,
    emulated,
  };
}

/**
 * The one Markdown line for a pair found at `callee`, or undefined when the
 * callee is no emulated loss. Arrays the library would refuse get a line saying why.
 */
export function frameworkLine(
  callee: string | undefined,
  target: Values,
  prediction: Values,
  keywords?: CallKeywords,
): string | undefined {
  const row = callRow(callee, target, prediction, keywords);
  if (row === undefined) return undefined;
  if (row === 'capped')
    return `\`${callee!.replace(/`/g, '')}\` is not emulated on more than ${MAX_EMULATED_VALUES} values`;
  const call = `\`${row.loss.replace(/`/g, '')}\`${row.keywords.length ? ` (${escapeMarkdown(row.keywords.join(', '))})` : ''}`;
  if ('error' in row.emulated)
    return `${call} cannot be emulated on these arrays: ${escapeMarkdown(row.emulated.error)}`;
  const r = row.emulated;
  return `${row.library} ${call} returns ${valueText(r.value)} (${r.dtype}) · exact ${valueText(r.exact)} — ${escapeMarkdown(r.reason)}`;
}

/** The keywords of the call a pair was found at, read from the document's `text`. */
function pairKeywords(
  callee: string,
  target: Pick<FoundArray, 'start' | 'end'>,
  prediction: Pick<FoundArray, 'start' | 'end'>,
  text: string | undefined,
): CallKeywords | undefined {
  return text === undefined
    ? undefined
    : callKeywords(text, callee, Math.min(target.start, prediction.start), Math.max(target.end, prediction.end), [
        prediction.end,
        target.end,
      ]);
}

/** frameworkLine for a found pair, with the keywords of its call read from `text` (when given). */
export function pairFrameworkLine(
  pair: Pick<FoundPair, 'callee'>,
  target: Pick<FoundArray<AnyValues>, 'start' | 'end' | 'values'>,
  prediction: Pick<FoundArray<AnyValues>, 'start' | 'end' | 'values'>,
  text?: string,
): string | undefined {
  if (pair.callee === undefined) return undefined;
  const keywords = pairKeywords(pair.callee, target, prediction, text);
  return frameworkLine(pair.callee, plainValues(target.values), plainValues(prediction.values), keywords);
}

export type Reading = 'logits' | 'probabilities' | 'log-probabilities';

/** Rows of a value list (1-D is one row). */
const rowsOfValues = (v: Values): number[][] => (Array.isArray(v[0]) ? (v as number[][]) : [v as number[]]);

/** Class indices of one-hot rows (undefined when a row is not one-hot). */
function oneHotIndices(rows: number[][]): number[] | undefined {
  const out: number[] = [];
  for (const row of rows) {
    const k = row.indexOf(1);
    if (k < 0 || row.some((v, j) => v !== (j === k ? 1 : 0))) return undefined;
    out.push(k);
  }
  return out;
}

/** The calls a pair with no loss call would go to in each library, given how its prediction reads. */
function libraryCalls(
  target: Values,
  prediction: Values,
  reads: Reading,
  binary: boolean,
  indices: boolean,
): [keyof typeof FRAMEWORKS, string, unknown, unknown, EmulateOptions][] {
  if (binary) {
    const y = rowsOfValues(target).flat(),
      q = rowsOfValues(prediction).flat();
    return reads === 'logits'
      ? [
          ['pytorch', 'binary_cross_entropy_with_logits', q, y, {}],
          ['keras', 'BinaryCrossentropy', q, y, { fromLogits: true }],
          ['tfjs', 'sigmoidCrossEntropy', q, y, {}],
          ['optax', 'sigmoid_binary_cross_entropy', q, y, {}],
        ]
      : [
          ['pytorch', 'binary_cross_entropy', q, y, {}],
          ['keras', 'BinaryCrossentropy', q, y, {}],
          ['sklearn', 'log_loss', q, y, {}],
          ['tfjs', 'logLoss', q, y, {}],
          ['flux', 'binarycrossentropy', q, y, {}],
        ];
  }
  const rows = rowsOfValues(prediction);
  const labels = indices ? rowsOfValues(target).flat() : oneHotIndices(rowsOfValues(target));
  const dist = indices ? undefined : rowsOfValues(target);
  const calls: [keyof typeof FRAMEWORKS, string, unknown, unknown, EmulateOptions][] = [];
  if (reads === 'logits') {
    calls.push(['pytorch', 'cross_entropy', rows, labels ?? dist, {}]);
    if (dist) calls.push(['keras', 'CategoricalCrossentropy', rows, dist, { fromLogits: true }]);
    else calls.push(['keras', 'SparseCategoricalCrossentropy', rows, labels, { fromLogits: true }]);
    if (dist) calls.push(['tfjs', 'softmaxCrossEntropy', rows, dist, {}]);
    if (dist) calls.push(['optax', 'softmax_cross_entropy', rows, dist, {}]);
    else calls.push(['optax', 'softmax_cross_entropy_with_integer_labels', rows, labels, {}]);
    if (dist) calls.push(['flux', 'logitcrossentropy', rows, dist, {}]);
  } else if (reads === 'probabilities') {
    if (dist) calls.push(['keras', 'CategoricalCrossentropy', rows, dist, {}]);
    else calls.push(['keras', 'SparseCategoricalCrossentropy', rows, labels, {}]);
    if (labels) calls.push(['sklearn', 'log_loss', rows, labels, {}]);
    if (dist) calls.push(['flux', 'crossentropy', rows, dist, {}]);
  } else if (labels) calls.push(['pytorch', 'nll_loss', rows, labels, {}]);
  return calls;
}

/** How a pair's prediction reads for the libraries' losses: a binary pair's logits, or the analysis's reading. */
export function libraryReading(binary: boolean, predictionRole: FoundArray['role'], predictionKind: string): Reading {
  if (binary) return predictionRole === 'logits' || predictionKind === 'logits' ? 'logits' : 'probabilities';
  return predictionKind === 'logits' || predictionKind === 'log-probabilities' ? predictionKind : 'probabilities';
}

/**
 * What each library's usual loss for a pair returns with its defaults, one row
 * per library (libraries that would refuse the arrays are left out); [] above
 * MAX_EMULATED_VALUES.
 */
export function libraryRows(
  target: Values,
  prediction: Values,
  reads: Reading,
  binary: boolean,
  targetIsIndices: boolean,
): LibraryRow[] {
  if (valueCount(target) + valueCount(prediction) > MAX_EMULATED_VALUES) return [];
  const rows: LibraryRow[] = [];
  for (const [framework, loss, q, y, options] of libraryCalls(target, prediction, reads, binary, targetIsIndices)) {
    if (y === undefined) continue;
    try {
      const r = emulate(framework, loss, { prediction: q, target: y }, options);
      if (typeof r.value !== 'number') continue;
      const keywords = options.fromLogits ? ['from_logits=True'] : [];
      rows.push({
        framework,
        library: `${r.label}${r.version ? ` ${r.version}` : ''}`,
        loss: r.call,
        keywords,
        atCall: false,
        emulated: r,
      });
    } catch (e) {
      if (!isCoreError(e)) throw e;
    }
  }
  return rows;
}

/**
 * For a pair found with no loss call: what each library's usual loss for it
 * returns with its defaults — "PyTorch 50 · Keras 8.06 · scikit-learn 18.0 · …" —
 * or undefined when none applies. Libraries that would refuse the arrays are left out.
 */
export function asLibrariesLine(
  target: Values,
  prediction: Values,
  reads: Reading,
  binary: boolean,
  targetIsIndices: boolean,
): string | undefined {
  const parts = libraryRows(target, prediction, reads, binary, targetIsIndices).map(({ emulated: r }) => {
    const { label, value, reason } = r as EmulateResult;
    return `${label} ${lossNumber(value as number)}${reason === 'same as exact' ? '' : ` (${reason})`}`;
  });
  if (!parts.length) return undefined;
  return `*As libraries compute it, with their defaults:* ${escapeMarkdown(parts.join(' · '))}`;
}

/** The breakdown's table of a pair: its call's row first (when it was found at one), then each library's. */
export type PairLibraries = { ok: true; rows: LibraryRow[] } | { ok: false; error: string };

/**
 * Every library's value for a found pair: the row of the loss call it was
 * found at first (with the keywords read from `text`), then one row for each
 * other library's usual loss; undefined when no library applies, a line
 * saying so above MAX_EMULATED_VALUES.
 */
export function pairLibraries(
  pair: Pick<FoundPair, 'callee'>,
  target: Pick<FoundArray<AnyValues>, 'start' | 'end' | 'values' | 'role'>,
  prediction: Pick<FoundArray<AnyValues>, 'start' | 'end' | 'values'>,
  reads: Reading,
  binary: boolean,
  text?: string,
): PairLibraries | undefined {
  const count = valueCount(target.values) + valueCount(prediction.values);
  if (count > MAX_EMULATED_VALUES)
    return {
      ok: false,
      error: `these arrays have ${count} values; libraries are emulated on at most ${MAX_EMULATED_VALUES}`,
    };
  const keywords = pair.callee === undefined ? undefined : pairKeywords(pair.callee, target, prediction, text);
  const t = plainValues(target.values),
    q = plainValues(prediction.values);
  const call = callRow(pair.callee, t, q, keywords);
  const first = typeof call === 'object' ? [call] : [];
  const others = libraryRows(t, q, reads, binary, target.role === 'class-indices');
  // One row per library: the call's own row stands for its library.
  const rows = [...first, ...others.filter((r) => !first.some((c) => c.framework === r.framework))];
  return rows.length ? { ok: true, rows } : undefined;
}
