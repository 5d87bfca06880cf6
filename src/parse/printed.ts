// Values as REPLs print them, which are not literals of any language:
// R's `[1] 0.1 0.2 0.7` (wrapped lines go on with `[4] …`), Julia's
// `3-element Vector{Float64}:` followed by one value a line (and
// `2×3 Matrix{Float64}:` rows), Octave's `p =`, a blank line, then the
// values. Read line by line in prose, R, Julia and MATLAB/Octave text.

import type { ScannedArray } from './pieces';
import type { Family } from './languages';

const NUMBER = /^[-+]?(?:\d+\.?\d*|\.\d+)(?:[eE][-+]?\d+)?$/;

/** Printed arrays of `text` and the `[k]` index brackets they make stray (ranges to drop from the scan). */
export function printedArrays(
  text: string,
  family: Family,
): { arrays: ScannedArray[]; indexRanges: [number, number][] } {
  const out: ScannedArray[] = [];
  const indexRanges: [number, number][] = [];
  if (!(family === 'prose' || family === 'r' || family === 'julia' || family === 'matlab'))
    return { arrays: out, indexRanges };
  if (
    text.length > 8_000_000 ||
    !(text.includes('] ') || text.includes('-element') || text.includes(' =\n') || text.includes('×'))
  )
    return { arrays: out, indexRanges };
  const lines: [number, number][] = [];
  for (let s = 0; s <= text.length;) {
    let e = text.indexOf('\n', s);
    if (e < 0) e = text.length;
    lines.push([s, e]);
    s = e + 1;
  }
  const lineText = (k: number): string => text.slice(lines[k]![0], lines[k]![1]);
  for (let k = 0; k < lines.length; k++) {
    const line = lineText(k);
    // R: `[1] 0.1 0.2 0.7`, continued by `[4] …`.
    const r = /^(\s*)\[(\d+)\](\s+)(.*\S)\s*$/.exec(line);
    if (r && r[2] === '1') {
      const values: number[] = [];
      let first = -1;
      let last = -1;
      let j = k;
      for (; j < lines.length; j++) {
        const m = /^(\s*)\[(\d+)\](\s+)(.*\S)\s*$/.exec(lineText(j));
        if (!m || (j > k && Number(m[2]) !== values.length + 1)) break;
        const words = m[4]!.trim().split(/\s+/);
        if (!words.every((w) => NUMBER.test(w))) break;
        for (const w of words) values.push(Number(w));
        const at = lines[j]![0] + m[1]!.length + m[2]!.length + 2 + m[3]!.length;
        indexRanges.push([lines[j]![0] + m[1]!.length, lines[j]![0] + m[1]!.length + m[2]!.length + 2]);
        if (first < 0) first = at;
        last = lines[j]![0] + m[0]!.trimEnd().length;
      }
      if (
        values.length >= 2 &&
        !(values.every(Number.isInteger) && k > 0 && /\b(?:dim|shape|size|length|nrow|ncol)\b/.test(lineText(k - 1)))
      ) {
        out.push(array(first, last, values, 'r'));
      }
      k = Math.max(k, j - 1);
      continue;
    }
    // Julia: `3-element Vector{Float64}:` then one value a line; `2×3 Matrix{Float64}:` then rows.
    const jv = /^\s*(\d+)-element (?:Vector|Array)\{[^}]*\}(?:[^:]*):\s*$/.exec(line);
    const jm = /^\s*(\d+)×(\d+) (?:Matrix|Array)\{[^}]*\}(?:[^:]*):\s*$/.exec(line);
    if (jv || jm) {
      const n = Number(jv ? jv[1] : jm![1]);
      const rows: number[][] = [];
      let j = k + 1;
      for (; j < lines.length && rows.length < n; j++) {
        const words = lineText(j).trim().split(/\s+/);
        if (words.length === 0 || !words.every((w) => NUMBER.test(w))) break;
        rows.push(words.map(Number));
      }
      if (rows.length === n && n >= 1) {
        const start = lines[k + 1]![0];
        const end = lines[k + n]![1];
        const flat = jv ? rows.map((row) => row[0]!) : undefined;
        if (jv && rows.every((row) => row.length === 1) && n >= 2) out.push(array(start, end, flat!, 'julia'));
        else if (jm && rows.every((row) => row.length === Number(jm[2]))) out.push(array(start, end, rows, 'julia'));
      }
      k = j - 1;
      continue;
    }
    // Octave: `p =`, a blank line, then rows of values.
    if (
      family !== 'r' &&
      /^\s*[A-Za-z_]\w*\s*=\s*$/.test(line) &&
      k + 2 < lines.length &&
      lineText(k + 1).trim() === ''
    ) {
      const rows: number[][] = [];
      let j = k + 2;
      for (; j < lines.length; j++) {
        const t = lineText(j).trim();
        if (t === '') break;
        const words = t.split(/\s+/);
        if (!words.every((w) => NUMBER.test(w))) {
          rows.length = 0;
          break;
        }
        rows.push(words.map(Number));
      }
      if (
        rows.length > 0 &&
        rows.every((row) => row.length === rows[0]!.length) &&
        rows.length * rows[0]!.length >= 2
      ) {
        const firstLine = lineText(k + 2);
        const start = lines[k + 2]![0] + (firstLine.length - firstLine.trimStart().length);
        const lastLine = lineText(k + 1 + rows.length);
        const end = lines[k + 1 + rows.length]![0] + lastLine.trimEnd().length;
        out.push(array(start, end, rows.length === 1 ? [rows[0]!] : rows, 'octave'));
      }
      k = Math.max(k, j - 1);
    }
  }
  return { arrays: out, indexRanges };
}

function array(
  start: number,
  end: number,
  values: number[] | number[][],
  printed: 'r' | 'julia' | 'octave',
): ScannedArray {
  const rows = Array.isArray(values[0]);
  const shape = rows ? [values.length, (values[0] as number[]).length] : [values.length];
  return { start, end, name: undefined, values, shape, issues: [], issueDetails: [], wrapper: undefined, printed };
}
