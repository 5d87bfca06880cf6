// Quick fixes as pure text edits: "normalise" divides each row by its sum,
// "apply softmax" turns logits into probabilities. The edit replaces only the
// array's own range ("log" turns probabilities into log-probabilities, which
// are valid logits with the same softmax), rewriting each number in the style the user wrote it
// (see numberFormat.ts); comments, spacing and wrappers are kept.
import type { FoundArray } from '../model';
import { formatInStyle, scanNumbers, type NumberToken } from './numberFormat';
import { softmax } from '../../../core';
import { rowsOf } from '../../../core/elements';

export type FixKind = 'normalize' | 'softmax' | 'log';

export interface TextEdit {
  start: number;
  end: number;
  newText: string;
}

export type FixResult = { ok: true; edit: TextEdit; values: number[][] } | { ok: false; reason: string };

/** Widening so new values are not rounded away: normalising integers (counts) or applying softmax needs decimals. */
const MIN_DECIMALS: Record<FixKind, number> = { normalize: 2, softmax: 3, log: 3 };

function normalizeRow(row: readonly number[], r: number, rows: number): number[] | string {
  const where = (i: number): string => (rows > 1 ? `[${r}][${i}]` : `[${i}]`);
  for (let i = 0; i < row.length; i++) {
    const v = row[i]!;
    if (!Number.isFinite(v)) return `element ${where(i)} is ${v}; normalising would hide it`;
    if (v < 0) return `element ${where(i)} is negative (${v}); these look like logits, not weights`;
  }
  const sum = row.reduce((a, b) => a + b, 0);
  if (!(sum > 0)) return `row ${r} sums to 0; there is nothing to normalise`;
  return row.map((v) => v / sum);
}

/**
 * Builds the edit for `kind` on `array`, whose source is `text.slice(array.start, array.end)`.
 * Refuses (with a reason) whenever it could not be sure which number is which.
 */
export function buildFix(text: string, array: FoundArray, kind: FixKind): FixResult {
  const rows = rowsOf(array.values);
  if (rows.length === 0 || rows.some((r) => r.length === 0)) return { ok: false, reason: 'the array is empty' };
  if (rows.length > 1 && rows.some((r) => r.length !== rows[0]!.length))
    return { ok: false, reason: 'the rows have different lengths' };
  const source = text.slice(array.start, array.end);
  const tokens = scanNumbers(source);
  const flat = rows.flat();
  if (tokens.length !== flat.length || tokens.some((t, i) => !sameNumber(t.value, flat[i]!))) {
    return {
      ok: false,
      reason:
        'the numbers in the text could not be matched one to one with the values (non-finite spellings or expressions)',
    };
  }
  const newRows: number[][] = [];
  for (let r = 0; r < rows.length; r++) {
    const row = rows[r]!;
    if (kind === 'log') {
      const bad = row.findIndex((v) => !(v > 0) || !Number.isFinite(v));
      if (bad >= 0)
        return {
          ok: false,
          reason: `element ${rows.length > 1 ? `[${r}][${bad}]` : `[${bad}]`} is ${row[bad]}; its log is not finite`,
        };
      newRows.push(row.map(Math.log));
    } else if (kind === 'softmax') {
      const bad = row.findIndex((v) => !Number.isFinite(v));
      if (bad >= 0)
        return { ok: false, reason: `element ${rows.length > 1 ? `[${r}][${bad}]` : `[${bad}]`} is ${row[bad]}` };
      newRows.push(softmax(row));
    } else {
      const out = normalizeRow(row, r, rows.length);
      if (typeof out === 'string') return { ok: false, reason: out };
      newRows.push(out);
    }
  }
  const width = rows[0]!.length;
  const written: string[] = [];
  for (let r = 0; r < newRows.length; r++) {
    const rowTokens = tokens.slice(r * width, (r + 1) * width);
    const row =
      kind === 'log'
        ? newRows[r]!.map((v, i) => formatInStyle(v, rowTokens[i]!.style, MIN_DECIMALS[kind]))
        : writeRowSummingToOne(newRows[r]!, rowTokens, MIN_DECIMALS[kind]);
    // One by one: spreading a long row into push() overflows the stack.
    for (const s of row) written.push(s);
  }
  let out = '';
  let at = 0;
  tokens.forEach((t, i) => {
    out += source.slice(at, t.start) + written[i];
    at = t.end;
  });
  out += source.slice(at);
  return { ok: true, edit: { start: array.start, end: array.end, newText: out }, values: newRows };
}

function sameNumber(a: number, b: number): boolean {
  return a === b || (Number.isNaN(a) && Number.isNaN(b)) || Math.abs(a - b) <= 1e-12 * Math.max(1, Math.abs(b));
}

/**
 * Rounds a probability row to the written precision, then gives the rounding
 * residue to the largest fixed-point entry so the written numbers sum to 1
 * exactly (otherwise the "does not sum to 1" warning would come straight back).
 */
function writeRowSummingToOne(row: readonly number[], tokens: readonly NumberToken[], minDecimals: number): string[] {
  const strings = row.map((v, i) => formatInStyle(v, tokens[i]!.style, minDecimals));
  let largest = 0;
  row.forEach((v, i) => {
    if (v > row[largest]!) largest = i;
  });
  // The absorbing entry needs the finest precision written in the row to make the sum exact.
  const decimals = Math.min(
    15,
    strings.reduce((d, s, i) => (i === largest ? d : Math.max(d, decimalPlaces(s))), minDecimals),
  );
  const scale = 10 ** decimals;
  // Integer units of the last written digit avoid float drift.
  const othersUnits = strings.reduce((acc, s, i) => (i === largest ? acc : acc + Math.round(Number(s) * scale)), 0);
  const rest = (scale - othersUnits) / scale;
  if (rest <= 0) return strings;
  const style = tokens[largest]!.style;
  const widen = style.exponent ? Math.max(0, decimals + Math.floor(Math.log10(rest))) : decimals;
  if (widen > 15) return strings;
  strings[largest] = formatInStyle(rest, style, widen);
  return strings;
}

/** Digits after the point a written number needs in fixed notation ("1.25e-3" → 5). */
function decimalPlaces(written: string): number {
  const m = /^[-+]?\d*(?:\.(\d*))?(?:[eE]([-+]?\d+))?$/.exec(written);
  if (!m) return 0;
  return Math.max(0, (m[1]?.length ?? 0) - Number(m[2] ?? 0));
}
