// Strings and comments per language, skipped so brackets inside them are not
// arrays. Unterminated single-line strings end with their line; block comments
// and triple-quoted strings run to the end of the text. All linear.

import type { Syntax } from './languages';
import { Cls, type TextWindow } from './fastSkip';
import { isIdentChar } from './numbers';

export class Trivia {
  /** Whether the last skip() was over a string (a literal holding one is not all numbers). */
  wasString = false;
  private readonly multilineStrings: boolean;
  /** Per quote character: the bytes that stop a string's byte loop (stringStops). */
  private readonly quoteStops: Uint8Array[] = [];
  private readonly escapes: boolean;

  /** `win`: the scan's byte window (fastSkip.ts), read instead of the string where it is ASCII. */
  constructor(
    private readonly s: string,
    private readonly n: number,
    private readonly syntax: Syntax,
    private readonly win: TextWindow | null = null,
  ) {
    const f = syntax.family;
    this.multilineStrings = f === 'r' || f === 'julia' || f === 'rust' || f === 'python';
    this.escapes = f !== 'matlab';
    for (const q of [34, 39, 96])
      this.quoteStops[q] = stringStops(q, this.escapes, (this.multilineStrings && f !== 'python') || q === 96);
  }

  /** Skips a string or comment at `i`; returns the index after it, or -1 when none starts here. */
  skip(i: number, c: number, cls: number): number {
    this.wasString = false;
    const s = this.s;
    const n = this.n;
    switch (cls) {
      case Cls.Quote:
        return this.skipString(i, c);
      case Cls.Hash: {
        if (this.syntax.hashBlockComment && i + 1 < n && s.charCodeAt(i + 1) === 61 /* #= */)
          return this.skipJuliaBlock(i);
        const eol = s.indexOf('\n', i);
        return eol < 0 || eol > n ? n : eol;
      }
      case Cls.Slash: {
        const next = i + 1 < n ? s.charCodeAt(i + 1) : 0;
        if (next === 47) {
          const eol = s.indexOf('\n', i);
          return eol < 0 || eol > n ? n : eol;
        }
        if (next === 42) {
          const end = s.indexOf('*/', i + 2);
          return end < 0 || end + 2 > n ? n : end + 2;
        }
        // A regex is a value, like a string: a literal holding one is not all numbers.
        if (this.syntax.family === 'js' && this.regexCanStart(i)) return this.markString(this.skipRegex(i));
        return -1;
      }
      case Cls.Percent: {
        if (i + 1 < n && s.charCodeAt(i + 1) === 123 /* %{ */) {
          const eol = Math.min(s.indexOf('\n', i), n);
          const rest = s.slice(i + 2, eol < 0 ? Math.min(n, i + 40) : Math.min(eol, i + 40)).trim();
          if (rest === '') {
            const end = s.indexOf('%}', i + 2);
            return end < 0 || end + 2 > n ? n : end + 2;
          }
        }
        const eol = s.indexOf('\n', i);
        return eol < 0 || eol > n ? n : eol;
      }
      default:
        return -1;
    }
  }

  private skipString(i: number, q: number): number {
    const s = this.s;
    const n = this.n;
    const family = this.syntax.family;
    if (q === 39 && this.syntax.quoteNeedsContext) {
      const prev = i > 0 ? s.charCodeAt(i - 1) : 0;
      if (family === 'matlab' || family === 'julia') {
        // Transpose: `a'`, `x[1]'`, `(…)'`.
        if (isIdentChar(prev) || prev === 41 || prev === 93 || prev === 125 || prev === 39 || prev === 46) return i + 1;
      } else {
        // C-like char literal `'x'`, `'\n'`; otherwise a Rust lifetime or a C++ digit separator.
        if (i + 1 < n && s.charCodeAt(i + 1) === 92) {
          const limit = Math.min(n, i + 12);
          for (let j = i + 2; j < limit; j++) if (s.charCodeAt(j) === 39) return this.markString(j + 1);
          return i + 1;
        }
        if (i + 2 < n && s.charCodeAt(i + 2) === 39) return this.markString(i + 3);
        if (i + 3 < n && s.charCodeAt(i + 3) === 39 && s.charCodeAt(i + 1) >= 0xd800 && s.charCodeAt(i + 1) <= 0xdbff)
          return this.markString(i + 4);
        return i + 1;
      }
    }
    this.wasString = true;
    // Triple quotes: Python ''' / """, Julia """.
    if (this.syntax.tripleQuote && i + 2 < n && s.charCodeAt(i + 1) === q && s.charCodeAt(i + 2) === q) {
      // Docstrings are long: find the closing triple with indexOf, then make
      // sure it is not escaped (an odd run of backslashes before it).
      const closing = q === 34 ? '"""' : q === 39 ? "'''" : '```';
      let j = i + 3;
      while (j < n) {
        const p = s.indexOf(closing, j);
        if (p < 0 || p + 3 > n) return n;
        let backslashes = 0;
        for (let k = p - 1; k >= j && s.charCodeAt(k) === 92; k--) backslashes++;
        if (this.escapes && (backslashes & 1) === 1) {
          j = p + 1;
          continue;
        }
        return p + 3;
      }
      return n;
    }
    const multiline = (this.multilineStrings && !(family === 'python')) || q === 96;
    const escapes = this.escapes;
    let j = i + 1;
    const w = this.win;
    if (w !== null && w.ascii && j - w.base >= 0 && j - w.base < w.lim) {
      // The same loop on the window's bytes (byte k is character base + k; the
      // byte after the window is 0); the characters go on past its end.
      const b = w.bytes;
      const lim = w.lim;
      const stops = this.quoteStops[q]!;
      let k = j - w.base;
      let c = b[k]!;
      for (;;) {
        while (stops[c] === 0) c = b[++k]!;
        if (k >= lim) break;
        if (c === q) return w.base + k + 1;
        if (c === 10) return w.base + k; // an unterminated string ends with its line
        if (c === 92)
          k += 2; // an escape (92 stops only where escapes count)
        else k++; // a NUL in the text
        if (k >= lim) break;
        c = b[k]!;
      }
      j = w.base + k;
    }
    while (j < n) {
      const c = s.charCodeAt(j);
      if (c === q) return j + 1;
      if (c === 92 && escapes) {
        j += 2;
        continue;
      }
      if (c === 10 && !multiline) return j; // an unterminated string ends with its line
      j++;
    }
    return n;
  }

  /** In JS a `/` after an operator, a bracket, a comma or a keyword starts a regular expression; after a value it divides. */
  private regexCanStart(i: number): boolean {
    const s = this.s;
    let p = i - 1;
    const floor = Math.max(0, i - 64);
    while (p >= floor && (s.charCodeAt(p) === 32 || s.charCodeAt(p) === 9)) p--;
    if (p < floor) return true;
    const c = s.charCodeAt(p);
    if (c === 41 || c === 93 || c === 125 || c === 34 || c === 39 || c === 96) return false; // ) ] } and strings: a value
    if (!isIdentChar(c)) return true;
    let k = p;
    while (k >= floor && isIdentChar(s.charCodeAt(k))) k--;
    const word = s.slice(k + 1, p + 1);
    return (
      word === 'return' ||
      word === 'typeof' ||
      word === 'case' ||
      word === 'in' ||
      word === 'of' ||
      word === 'yield' ||
      word === 'void'
    );
  }

  /** A regular expression literal `/…/flags`: escapes and `[…]` classes honoured; it ends with its line at the latest. */
  private skipRegex(i: number): number {
    const s = this.s;
    const n = this.n;
    let inClass = false;
    for (let j = i + 1; j < n; j++) {
      const c = s.charCodeAt(j);
      if (c === 10) return j;
      if (c === 92) j++;
      else if (c === 91) inClass = true;
      else if (c === 93) inClass = false;
      else if (c === 47 && !inClass) {
        let k = j + 1;
        while (k < n && isIdentChar(s.charCodeAt(k))) k++;
        return k;
      }
    }
    return n;
  }

  private markString(j: number): number {
    this.wasString = true;
    return j;
  }

  /** Julia `#= … =#`, which nests. */
  private skipJuliaBlock(i: number): number {
    const s = this.s;
    const n = this.n;
    let depth = 0;
    let j = i;
    while (j < n) {
      const c = s.charCodeAt(j);
      if (c === 35 && j + 1 < n && s.charCodeAt(j + 1) === 61) {
        depth++;
        j += 2;
      } else if (c === 61 && j + 1 < n && s.charCodeAt(j + 1) === 35) {
        depth--;
        j += 2;
        if (depth === 0) return j;
      } else j++;
    }
    return n;
  }
}

/** Bytes that stop a string's byte loop: its quote, `\\` where escapes count, newline where it ends the string, the sentinel 0. */
function stringStops(q: number, escapes: boolean, multiline: boolean): Uint8Array {
  const t = new Uint8Array(256);
  t[q] = 1;
  t[0] = 1;
  if (escapes) t[92] = 1;
  if (!multiline) t[10] = 1;
  return t;
}
