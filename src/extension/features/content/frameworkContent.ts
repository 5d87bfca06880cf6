// The number a pair's library call returns: for a pair found at a loss the core
// emulates (the finder's callee), one line naming the library, the call, its
// value and dtype, the exact value and why the two differ —
// "PyTorch `F.binary_cross_entropy` returns 50 (float32) · exact +∞ — log clamped at −100".
import { emulate, emulationForCallee, isCoreError, type EmulateOptions, type EmulateResult } from '../../../core';
import type { Values } from '../../../parse/types';
import { escapeMarkdown } from '../format';

/** A loss value as a library prints it: up to 6 significant digits, +∞ / −∞ / NaN spelled out. */
export function lossNumber(x: number): string {
  if (Number.isNaN(x)) return 'NaN';
  if (x === Infinity) return '+∞';
  if (x === -Infinity) return '−∞';
  return String(Number(x.toPrecision(6))).replace('-', '−');
}

function valueText(v: number | number[]): string {
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

/**
 * The one Markdown line for a pair found at `callee`, or undefined when the
 * callee is no emulated loss. Arrays the library would refuse get a line saying why.
 */
export function frameworkLine(
  callee: string | undefined,
  target: Values,
  prediction: Values,
  options: EmulateOptions = {},
): string | undefined {
  const out = emulateCall(callee, target, prediction, options);
  if (!out) return undefined;
  const call = `\`${callee!.replace(/`/g, '')}\``;
  if (!out.ok) return `${call} cannot be emulated on these arrays: ${escapeMarkdown(out.error)}`;
  const r = out.result;
  const version = r.version ? ` ${r.version}` : '';
  return `${r.label}${version} ${call} returns ${valueText(r.value)} (${r.dtype}) · exact ${valueText(r.exact)} — ${escapeMarkdown(r.reason)}`;
}
