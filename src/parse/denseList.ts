// The hot loop of the finder: comma- or space-separated lists of plain
// decimals (`0.25, -1.5, 3e-05`), read from the text window's bytes with its
// state in locals and the values written straight into the frame. The one
// decimal fast path: `-?\d*(\.\d*)?([eE][-+]?\d{1,4})?` ended by a separator,
// its digits in an exact mantissa (decimal.ts). Anything else (a suffix, a
// name, a long mantissa, a newline) ends the run and the scanner's general
// path (numbers.ts) reads it.

import type { TextWindow } from './fastSkip';
import { grow, type Frame } from './frame';
import { exactDecimal, MAX_EXACT } from './decimal';

/** Why readDenseWindow stopped: at a character it does not take, at the end of its window. */
const enum DenseStop {
  Done,
  Window,
}

/** Set by readDenseWindow. */
let denseStop = DenseStop.Done;

/**
 * Reads the plain decimals of the list in frame `f` from `i` on; returns at
 * the first character it does not take (a closer, a newline, a name, …).
 * `s` is the text (of length `n`, read through `w`), `max` the values kept.
 */
export function readDense(f: Frame, i: number, s: string, n: number, w: TextWindow, max: number): number {
  for (;;) {
    if (i >= n) return i;
    const k = i - w.base;
    // A new window when fewer than 64 bytes are left in this one (readDenseWindow stops there).
    if (k < 0 || (k + 64 > w.lim && w.base + w.lim < n)) w.fill(i);
    const j = readDenseWindow(f, i, s, n, w, max);
    // One call per window: called often, the loop gets regular optimised code (see Scanner.run()).
    if (denseStop === DenseStop.Window && j > i) {
      i = j;
      continue;
    }
    return j;
  }
}

/**
 * readDense within one window: byte k is character base + k (charBytes), the
 * byte after the window is 0. Stops when fewer than 64 bytes are left in the
 * window (readDense moves it on), so a number never runs into its end
 * unnoticed; a number longer than that margin is left to the general path.
 */
function readDenseWindow(f: Frame, i: number, s: string, n: number, w: TextWindow, max: number): number {
  const b = w.charBytes();
  let values = f.values;
  let buf = f.buf;
  let cap = buf.length;
  let indexed = f.indexed;
  let len = f.len;
  let count = f.count;
  let capped = f.capped;
  let expectSep = f.expectSep;
  let commas = f.commas;
  const base = w.base;
  const lim = w.lim;
  const atEnd = base + lim >= n;
  let k = i - base;
  let more = DenseStop.Done;
  for (;;) {
    if (k + 64 > lim && !atEnd) {
      more = DenseStop.Window;
      break;
    }
    let c = b[k]!;
    if (c === 32) {
      k++;
      continue;
    }
    if (c === 44) {
      if (!expectSep) break;
      expectSep = false;
      commas++;
      k++;
      continue;
    }
    if (expectSep) break;
    let q = k;
    const negative = c === 45;
    if (negative) c = b[++q]!;
    let mantissa = 0;
    let d = c - 48;
    const digitsStart = q;
    while (d >= 0 && d <= 9) {
      mantissa = mantissa * 10 + d;
      d = b[++q]! - 48;
    }
    let digits = q - digitsStart;
    let fraction = 0;
    if (d === -2 /* . */) {
      const fracStart = ++q;
      d = b[q]! - 48;
      while (d >= 0 && d <= 9) {
        mantissa = mantissa * 10 + d;
        d = b[++q]! - 48;
      }
      fraction = q - fracStart;
      digits += fraction;
    }
    // An exponent `e-05` / `E+2` (as toExponential and repr write them).
    let scale = -fraction;
    if ((d === 53 || d === 21) && digits > 0) {
      let e = 0;
      let expNegative = false;
      let r = q + 1;
      let x = b[r]!;
      if (x === 45 || x === 43) {
        expNegative = x === 45;
        x = b[++r]!;
      }
      const expStart = r;
      while (x >= 48 && x <= 57 && r - expStart < 4) {
        e = e * 10 + (x - 48);
        x = b[++r]!;
      }
      if (r === expStart) break;
      scale += expNegative ? -e : e;
      q = r;
      d = x - 48;
    }
    // Longer than the margin: the general path reads it.
    if (q >= lim && !atEnd) break;
    // Ends at `,`, ` `, `]`, `)`, `}`, newline, tab, CR or the end of text; else the general path decides.
    const end = d + 48;
    if (!(
      digits > 0 &&
      mantissa <= MAX_EXACT &&
      scale >= -22 &&
      scale <= 22 &&
      (end === 44 ||
        end === 32 ||
        end === 93 ||
        end === 10 ||
        end === 41 ||
        end === 125 ||
        end === 13 ||
        end === 9 ||
        q >= lim)
    ))
      break;
    // A space after a number: only a separator, a closer or a line end may follow (`1 - 2` is arithmetic: the general path).
    if (end === 32) {
      let r = q + 1;
      while (b[r] === 32) r++;
      const x = b[r]!;
      if (!(x === 44 || x === 93 || x === 41 || x === 125 || x === 10 || x === 13)) break;
    }
    const v = exactDecimal(mantissa, scale);
    if (++count > max) capped = true;
    else {
      if (indexed) values[len++] = negative ? -v : v;
      else {
        if (len === cap) {
          grow(f, len, base + q, s, n, max);
          values = f.values;
          buf = f.buf;
          cap = buf.length;
          indexed = f.indexed;
        }
        if (indexed) values[len++] = negative ? -v : v;
        else buf[len++] = negative ? -v : v;
      }
    }
    // The usual separator `, ` right away, without another turn of the loop.
    if (end === 44) {
      commas++;
      q++;
      if (b[q] === 32) q++;
      expectSep = false;
    } else expectSep = true;
    k = q;
  }
  f.count = count;
  f.capped = capped;
  f.indexed = indexed;
  f.len = len;
  f.expectSep = expectSep;
  f.commas = commas;
  f.spaced = false;
  denseStop = more;
  return base + k;
}
