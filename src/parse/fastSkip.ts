// The fast skip outside literals: which characters matter (a table per
// language), the text read as bytes a 64K-character window at a time, and
// skipping to the next character that matters by a per-byte stop table
// (ASCII windows) or with indexOf (elsewhere).

import type { Syntax } from './languages';

/** Character classes: 0 = nothing to do here. */
export const Cls = { None: 0, Open: 1, Close: 2, Quote: 3, Hash: 4, Slash: 5, Percent: 6 } as const;
export type ClsValue = (typeof Cls)[keyof typeof Cls];

const tables = new Map<Syntax, Uint8Array>();

/** The character classes of a language: brackets, quotes, comment starts. */
export function tableFor(syntax: Syntax): Uint8Array {
  let t = tables.get(syntax);
  if (t) return t;
  t = new Uint8Array(128);
  t[91] = Cls.Open;
  t[93] = Cls.Close; // [ ]
  if (syntax.family !== 'prose') {
    t[40] = Cls.Open;
    t[41] = Cls.Close; // ( )
  }
  // Braces only matter where they can be an initialiser; elsewhere a literal
  // meeting one is simply not all numbers, and the fast skip ignores them.
  if (syntax.braceInit) {
    t[123] = Cls.Open;
    t[125] = Cls.Close; // { }
  }
  if (syntax.doubleQuote) t[34] = Cls.Quote;
  if (syntax.singleQuote) t[39] = Cls.Quote;
  if (syntax.backtick) t[96] = Cls.Quote;
  if (syntax.hashComment) t[35] = Cls.Hash;
  if (syntax.slashComments) t[47] = Cls.Slash;
  if (syntax.percentComment) t[37] = Cls.Percent;
  tables.set(syntax, t);
  return t;
}

/** The table without closing brackets, except `keep`. */
export function withoutClosers(table: Uint8Array, keep = 0): Uint8Array {
  const t = table.slice();
  for (const c of [93, 41, 125]) if (c !== keep && t[c] === Cls.Close) t[c] = Cls.None;
  return t;
}

interface Utf8Encoder {
  encodeInto(source: string, destination: Uint8Array): { read: number; written: number };
}
const EncoderClass = (globalThis as { TextEncoder?: new () => Utf8Encoder }).TextEncoder;
/** TextEncoder is in Node, browsers and workers; without it every window is "not ASCII" and the indexOf path runs. */
const encoder: Utf8Encoder | null = typeof EncoderClass === 'function' ? new EncoderClass() : null;

let byteWindows = true;

/** Tests only: with false, every window is read as characters (the paths the byte windows must agree with). */
export function useByteWindows(on: boolean): void {
  byteWindows = on;
}

/** Characters per window. */
export const WINDOW_CHARS = 1 << 16;
/** One buffer for all scans (they never interleave): UTF-8 takes at most 3 bytes per UTF-16 unit, plus the sentinel. */
const WINDOW_BYTES = new Uint8Array(3 * WINDOW_CHARS + 16);
/** One byte per character of a window that is not ASCII (charBytes), shared the same way. */
const CHAR_BYTES = new Uint8Array(WINDOW_CHARS + 16);

/**
 * The text as bytes, 64K characters at a time (TextEncoder.encodeInto, native
 * speed): reading a Uint8Array is several times cheaper than charCodeAt, which
 * checks the string's representation on every call. Only windows that are all
 * ASCII are read as bytes (there byte k is character base + k); a window with
 * any other character is left to the charCodeAt / indexOf paths. The byte
 * after the window is 0, a sentinel that stops every scanning loop.
 */
export class TextWindow {
  base = -1;
  /** Characters (= bytes, when ascii) in the window. */
  lim = 0;
  ascii = false;
  readonly bytes = WINDOW_BYTES;
  /** CHAR_BYTES holds this window (charBytes). */
  private charBytesFilled = false;

  constructor(
    private readonly s: string,
    private readonly n: number,
  ) {}

  /** Makes the window start at `i` (< n). */
  fill(i: number): void {
    const end = Math.min(this.n, i + WINDOW_CHARS);
    this.base = i;
    this.lim = end - i;
    this.charBytesFilled = false;
    if (encoder === null || !byteWindows) {
      this.ascii = false;
      return;
    }
    const written = encoder.encodeInto(this.s.substring(i, end), WINDOW_BYTES).written;
    this.ascii = written === end - i;
    WINDOW_BYTES[written] = 0;
  }

  /**
   * The window as one byte per character, on any window: `bytes` when it is
   * ASCII, else each character's code with everything above 127 as 255 (a
   * byte no number, separator or bracket uses), filled once per window. The
   * byte after the window is 0. For readers of ASCII grammars (numbers) that
   * need byte k to be character base + k.
   */
  charBytes(): Uint8Array {
    if (this.ascii) return WINDOW_BYTES;
    if (!this.charBytesFilled) {
      const s = this.s;
      const base = this.base;
      const lim = this.lim;
      for (let k = 0; k < lim; k++) {
        const c = s.charCodeAt(base + k);
        CHAR_BYTES[k] = c < 128 ? c : 255;
      }
      CHAR_BYTES[lim] = 0;
      this.charBytesFilled = true;
    }
    return CHAR_BYTES;
  }
}

/**
 * Fast skip: only brackets, quotes and comment starts matter outside literals
 * and tracked calls. In an ASCII window the bytes are scanned against a table
 * (one load and compare per character); elsewhere the next position of each
 * such character is kept and found with indexOf (vectorised in the engine);
 * each character's search only moves forward, so the whole skip stays linear.
 */
export class PlainSkipper {
  private readonly codes: number[] = [];
  /** 1 for the bytes that stop the skip: this skipper's characters and the sentinel 0. */
  private readonly stops = new Uint8Array(256);

  /** `next` is shared by the skippers of one scan: a character's next position is searched once. */
  constructor(
    table: Uint8Array,
    private readonly next: Int32Array,
    private readonly win: TextWindow,
  ) {
    for (let c = 0; c < 128; c++) {
      if (table[c] !== 0) {
        this.codes.push(c);
        this.stops[c] = 1;
      }
    }
    this.stops[0] = 1;
  }

  /** The character at the position the last skip() returned, when it was read from the window's bytes; else -1. */
  found = -1;

  skip(s: string, i: number, n: number): number {
    const w = this.win;
    const stops = this.stops;
    this.found = -1;
    while (i < n) {
      let k = i - w.base;
      if (k < 0 || k >= w.lim) {
        w.fill(i);
        k = 0;
      }
      if (!w.ascii) return this.skipByIndexOf(s, i, n);
      const b = w.bytes;
      let c = b[k]!;
      while (stops[c] === 0) c = b[++k]!;
      if (k >= w.lim)
        i = w.base + w.lim; // the sentinel: on to the next window
      else if (c === 0)
        i = w.base + k + 1; // a NUL character in the text
      else {
        this.found = c;
        return w.base + k;
      }
    }
    return n;
  }

  private skipByIndexOf(s: string, i: number, n: number): number {
    const next = this.next;
    const codes = this.codes;
    let m = n;
    for (let k = 0; k < codes.length; k++) {
      const c = codes[k]!;
      let p = next[c]!;
      if (p < i) {
        p = s.indexOf(CHAR_STRINGS[c]!, i);
        if (p < 0) p = s.length;
        next[c] = p;
      }
      if (p < m) m = p;
    }
    return m;
  }
}

const CHAR_STRINGS = Array.from({ length: 128 }, (_, c) => String.fromCharCode(c));
