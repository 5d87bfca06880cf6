// The single linear pass over the text. It keeps a stack of open brackets;
// each bracket is either a literal that is still all numbers, a call whose
// arguments are worth knowing (a loss such as F.cross_entropy, or a wrapper such
// as np.array), or opaque (anything else: only its brackets are matched).
// Strings and comments are skipped per language. A literal that meets anything
// that is not a number, a separator or a comment becomes opaque; its complete
// inner literals are then reported on their own. Nothing here backtracks, every
// look back is bounded (lookBack.ts), so the time is linear in the text.

import type { FinderIssue, FinderLimits, Values } from './types';
import type { Syntax } from './languages';
import { Cls, PlainSkipper, tableFor, TextWindow, withoutClosers } from './fastSkip';
import { Trivia } from './trivia';
import { isDigit, isIdentChar, readNumber, readValue } from './numbers';
import { MAX_NON_FINITE_NAME, nonFiniteName, readFloatCall } from './nonFinite';
import { Before, bindingName, classifyBefore, nextNonBlank, EndingFilter, endingKey, hashWord, HashSet, identBack, LITERAL_WORD_ENDINGS, identStart, lastSegment, prevOnLine } from './lookBack';
import {
  interestingSpellings, isInterestingCallee, isLossClass, isTransparentMethod, isWrapper, lossSignature, stripTransparentMethods,
  TRANSPARENT_METHODS, type LossSignature,
} from './callSignatures';

/** Hashes of callee last segments worth a closer look (filters the common case without slicing). */
const INTERESTING_HASHES = new HashSet(interestingSpellings());
/** Calls whose argument list is itself the array (Java, Kotlin, JS); the range includes the callee. */
const VECTOR_CALLS = new Set(['doubleArrayOf', 'floatArrayOf', 'intArrayOf', 'longArrayOf', 'arrayOf', 'listOf', 'mutableListOf', 'asList', 'of']);
const VECTOR_RECEIVERS = new Set(['Arrays', 'List', 'Float32Array', 'Float64Array', 'Int32Array', 'Array', 'DoubleStream', 'Stream']);
const VECTOR_CALL_HASHES = new HashSet(VECTOR_CALLS);

/** `Arrays.asList`, `List.of`, `Float32Array.of`, `doubleArrayOf`, … (an `of` needs a known receiver). */
function isVectorCall(callee: string): boolean {
  const dot = callee.lastIndexOf('.');
  const last = callee.slice(dot + 1);
  if (!VECTOR_CALLS.has(last)) return false;
  if (last === 'of' || last === 'asList') return dot > 0 && VECTOR_RECEIVERS.has(callee.slice(callee.lastIndexOf('.', dot - 1) + 1, dot));
  return dot < 0 || callee.startsWith('kotlin.');
}

/** Endings of every word worth reading before `(`: keywords, losses, wrappers, R's `c`, vector calls. */
const CALL_ENDINGS = new EndingFilter([...interestingSpellings(), 'c', ...VECTOR_CALLS]);
/** Python also needs the keywords before `(`: `return (0.2, 0.8)` is a tuple. */
const PYTHON_CALL_ENDINGS = CALL_ENDINGS.copy();
PYTHON_CALL_ENDINGS.merge(LITERAL_WORD_ENDINGS);

/** An array as the scanner reports it; roles and pairs are added later. */
export interface ScannedArray {
  start: number;
  end: number;
  name: string | undefined;
  values: Values;
  shape: number[];
  issues: string[];
  /** The wrapper call around the literal, e.g. `np.array`, `vec!`. */
  wrapper: string | undefined;
}

/** One argument of a loss call: a keyword, and a literal (array index) or a bare name. */
export interface CallArgument {
  keyword: string | undefined;
  array: number | undefined;
  name: string | undefined;
}

export interface CallSite {
  /** The callee as written (`F.cross_entropy`, `nn.CrossEntropyLoss()`). */
  callee: string;
  signature: LossSignature;
  /** Offset of the callee's first character. */
  start: number;
  args: CallArgument[];
}

export interface ScanResult {
  arrays: ScannedArray[];
  calls: CallSite[];
  issues: FinderIssue[];
}

const enum Kind { Opaque, Literal, Call }

/** Why denseBytes stopped: at a character it does not take, at the end of its window, at a number too long for the window's margin. */
const enum DenseStop { Done, Window, Long }

/** A finished literal waiting for its parent: a row of a 2-D batch, or reported alone. */
interface Piece {
  start: number;
  end: number;
  /** 1-D values, or rows when `rows` is true. */
  values: number[] | number[][];
  rows: boolean;
  /** Values counted (more than stored when capped). */
  count: number;
  capped: boolean;
  notes: string[] | null;
  nonFinite: number;
  /** 3-D or deeper: reported as a document issue, not as an array. */
  deep: boolean;
  wrapper: string | undefined;
  wrapperStart: number;
}

/** A frame's scratch before its first value. */
const NO_SCRATCH = new Float64Array(0);
/**
 * The scratch of each nesting depth, shared by all scans (they never
 * interleave), so a scan does not grow its own: at most LONG_AT values
 * (64 KB) a depth, kept.
 */
const SCRATCH: Float64Array[] = [];
/** A frame's `values` when not indexed: never written (only an indexed list writes `values`). */
const NO_VALUES: number[] = [];

class Frame {
  kind = Kind.Opaque;
  close = 0;
  open = 0;
  start = 0;
  /** Opened as a literal candidate (reported when left unclosed, even if it turned out not to be one). */
  wasLiteral = false;
  // Literal state.
  matrix = false;
  tuple = false;
  /**
   * Values read so far: `len` of them. A list's first LONG_AT values go into
   * `buf`, this depth's scratch (grown by doubling, kept across literals and
   * scans), and are copied once into an exact-size array when the list or
   * row closes (toValues), so short lists leave no growth garbage. A longer
   * list switches to `indexed`: `values` gets its capacity once (an estimate
   * from the distance to the closing bracket) and is written by index, so a
   * million numbers are not copied as the array grows; its length is set
   * back to `len` when the list closes.
   */
  buf: Float64Array = NO_SCRATCH;
  /** This frame's depth in the stack: its scratch is SCRATCH[level]. */
  level = 0;
  values: number[] = NO_VALUES;
  indexed = false;
  len = 0;
  rows: number[][] | null = null;
  children: Piece[] | null = null;
  count = 0;
  expectSep = false;
  spaced = false;
  commas = 0;
  capped = false;
  notes: string[] | null = null;
  nonFinite = 0;
  deep = false;
  wrapper: string | undefined = undefined;
  wrapperStart = 0;
  // Call state.
  callee = '';
  calleeStart = 0;
  /** Uninteresting brackets of this frame's kind opened inside it and not pushed; their closers are counted off. */
  skipped = 0;
  signature: LossSignature | undefined = undefined;
  /** A constructor or transform of its first argument (np.array, torch.log): the literal in it is named through it. */
  isWrapper = false;
  /** A method whose arguments are not the data (`.view(1, -1)`): the value before it keeps its place. */
  isMethod = false;
  args: CallArgument[] = [];
  slotTokens = 0;
  slotName: string | undefined = undefined;
  slotKeyword: string | undefined = undefined;
  slotArray: number | undefined = undefined;
  slotComplex = false;
}

/** Code families, where `a[` is a subscript and `f(` a call. */
function isCode(syntax: Syntax): boolean {
  return syntax.family !== 'json' && syntax.family !== 'yaml' && syntax.family !== 'prose';
}

const MAX_NOTES = 3;
/** Values read into the scratch before a long list reserves its own room (see Frame.buf). */
const LONG_AT = 8192;
/** Document issues listed; the rest are counted in one closing issue. */
const MAX_ISSUES = 100;
/** Exact powers of ten (up to 1e22, the largest exact double power of ten) for the fast decimal path. */
const POW10 = [1, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22];
/** Characters per scanChunk call. */
const SCAN_CHUNK = 1 << 16;
/** Frames compared when a closing bracket does not match the innermost one. */
const MISMATCH_SEARCH = 8;

/**
 * One live instance of each class a scan creates, kept between scans. The
 * optimised code of the scan refers to these classes' hidden classes (maps)
 * weakly: once every instance is garbage, a full GC drops the maps and throws
 * the optimised code away ("embedded weak objects cleared"), so the next scan
 * ran in the interpreter and was optimised again — about 2× slower after each
 * full GC (measured with `gc()` before each call). A few small objects keep
 * the maps, and with them the code, alive.
 */
let shapeKeepers: unknown[] | null = null;

export class Scanner {
  private readonly n: number;
  private readonly maxElements: number;
  private readonly table: Uint8Array;
  private readonly code: boolean;
  private readonly trivia: Trivia;
  /** The text as bytes, a window at a time (fastSkip.ts). */
  private readonly win: TextWindow;
  private readonly skipTop: PlainSkipper;
  private readonly skipSquare: PlainSkipper;
  private readonly skipParen: PlainSkipper;
  private readonly skipBrace: PlainSkipper;
  private readonly skipAll: PlainSkipper;
  /** Why denseBytes stopped. */
  private denseMore = DenseStop.Done;
  private readonly stack: Frame[] = [];
  private depth = 0;
  private overflow = 0;
  private stopped = false;
  private readonly arrays: ScannedArray[] = [];
  private readonly calls: CallSite[] = [];
  private readonly issues: FinderIssue[] = [];
  private issueCount = 0;
  /** `name = nn.CrossEntropyLoss()`: name → callee, so `name(input, target)` is known. */
  private readonly aliases = new Map<string, string>();
  private aliasHashes: HashSet | null = null;
  /** The endings worth reading before `(` here: CALL_ENDINGS (+ keywords in Python) + names bound to loss objects. */
  private callEndings: EndingFilter;
  private callEndingsShared = true;
  private readonly calleeCache = new Map<string, boolean>();
  /** The last loss instantiation that closed: `nn.CrossEntropyLoss()` followed by `(`. */
  private instanceEnd = -1;
  private instanceCallee = '';

  /** Scans s[from, to) (the whole text by default; a Markdown code block otherwise). Offsets stay those of `s`. */
  constructor(private readonly s: string, private readonly syntax: Syntax, private readonly limits: FinderLimits,
    private readonly from = 0, to = s.length, private readonly importedAliases: ReadonlyMap<string, string> = new Map()) {
    this.n = Math.min(to, s.length);
    this.callEndings = syntax.parenTuples ? PYTHON_CALL_ENDINGS : CALL_ENDINGS;
    // `from torch.nn.functional import cross_entropy as ce`: `ce(` is a loss call.
    for (const name of importedAliases.keys()) {
      (this.aliasHashes ??= new HashSet()).add(hashWord(name));
      this.addCallEnding(name);
    }
    this.maxElements = limits.maxElements;
    this.table = tableFor(syntax);
    this.code = isCode(syntax);
    this.win = new TextWindow(s, this.n);
    this.trivia = new Trivia(s, this.n, syntax, this.win);
    // Outside literals only openers, quotes, comment starts and the innermost
    // bracket's own closer matter; while skipping past maxDepth, every closer.
    const next = new Int32Array(128).fill(-1);
    const table = this.table;
    this.skipTop = new PlainSkipper(withoutClosers(table), next, this.win);
    this.skipSquare = new PlainSkipper(withoutClosers(table, 93), next, this.win);
    this.skipParen = new PlainSkipper(withoutClosers(table, 41), next, this.win);
    this.skipBrace = new PlainSkipper(withoutClosers(table, 125), next, this.win);
    this.skipAll = new PlainSkipper(table, next, this.win);
  }

  run(): ScanResult {
    if (shapeKeepers === null) {
      shapeKeepers = [];
      const keeper = new Scanner('', this.syntax, this.limits);
      shapeKeepers.push(keeper, new Frame());
      keeper.push(0, 91); // a frame made by push, as scans make them
    }
    // The pass goes a chunk at a time: scanChunk is then called often enough
    // to get the engine's regular optimised code. Called once per scan, the
    // loop was only ever optimised on stack (OSR), and that code is not kept
    // across scans: every scan compiled it again on a background thread.
    const n = this.n;
    let i = this.from;
    while (i < n && !this.stopped) i = this.scanChunk(i, Math.min(n, i + SCAN_CHUNK));
    this.finishOpenFrames();
    if (this.issueCount > MAX_ISSUES) {
      this.issues.push({ offset: 0, message: `${this.issueCount - MAX_ISSUES} more issues like these were not listed` });
    }
    this.sortArrays();
    return { arrays: this.arrays, calls: this.calls, issues: this.issues };
  }

  /** The pass from `i` until at least `until` (or the end of the text); returns where it stopped. */
  private scanChunk(i: number, until: number): number {
    const s = this.s;
    const n = this.n;
    const table = this.table;
    while (i < until && !this.stopped) {
      const f = this.depth > 0 ? this.stack[this.depth - 1]! : null;
      let c = -1;
      if (f !== null && f.kind === Kind.Literal && this.overflow === 0) {
        i = this.scanLiteral(f, i);
      } else if (f !== null && f.kind === Kind.Call && this.overflow === 0) {
        i = this.scanCall(f, i);
      } else {
        const skipper = this.overflow > 0 ? this.skipAll : f === null ? this.skipTop : f.close === 93 ? this.skipSquare : f.close === 41 ? this.skipParen : this.skipBrace;
        i = skipper.skip(s, i, n);
        c = skipper.found;
      }
      if (i >= n) break;
      if (c < 0) c = s.charCodeAt(i);
      const cls = c < 128 ? table[c]! : Cls.None;
      const top = this.depth > 0 ? this.stack[this.depth - 1]! : null;
      switch (cls) {
        case Cls.Open:
          i = this.openBracket(i, c);
          break;
        case Cls.Close:
          i = this.closeBracket(i, c);
          break;
        case Cls.None:
          // Something a literal cannot hold (an operator, a word, …).
          if (top !== null && this.overflow === 0) {
            if (top.kind === Kind.Literal) this.invalidate(top);
            else if (top.kind === Kind.Call) top.slotComplex = true;
          }
          i++;
          break;
        default: {
          const j = this.trivia.skip(i, c, cls);
          // In a Markdown fence a comment inside a literal makes it one Markdown would not read.
          if (j < 0 || this.trivia.wasString || this.syntax.fenced) {
            if (top !== null && this.overflow === 0) {
              if (top.kind === Kind.Literal) this.invalidate(top);
              else if (top.kind === Kind.Call) top.slotComplex = true;
            }
          }
          i = j < 0 ? i + 1 : j;
        }
      }
    }
    return i;
  }

  private addCallEnding(name: string): void {
    if (this.callEndingsShared) {
      this.callEndings = this.callEndings.copy();
      this.callEndingsShared = false;
    }
    this.callEndings.add(name);
  }

  /** Adds a document issue; past MAX_ISSUES they are only counted (adversarial text cannot flood memory). */
  private note(issue: FinderIssue): void {
    this.issueCount++;
    if (this.issueCount <= MAX_ISSUES) this.issues.push(issue);
  }

  // ---- literals -------------------------------------------------------------

  /** Reads numbers and separators of a literal; returns at anything else. */
  private scanLiteral(f: Frame, i: number): number {
    const s = this.s;
    const n = this.n;
    const matrix = f.matrix;
    const suffixes = this.syntax.numberSuffixes;
    while (i < n) {
      if (!matrix) {
        i = this.denseRun(f, i);
        if (i >= n) return i;
      }
      const c = s.charCodeAt(i);
      if (c === 32 || c === 9 || c === 13) {
        f.spaced = true;
        i++;
        continue;
      }
      if (c === 44 /* , */) {
        if (!f.expectSep) {
          this.invalidate(f); // `[1,,2]`, `[,1]`
          return i + 1;
        }
        f.expectSep = false;
        f.commas++;
        i++;
        continue;
      }
      if (c === 10) {
        if (matrix && f.expectSep && this.syntax.matrixSyntax) this.rowBreak(f);
        f.spaced = true;
        i++;
        continue;
      }
      const isSign = c === 45 || c === 43;
      if ((c >= 48 && c <= 57) || c === 46 || isSign) {
        if (f.expectSep && !(matrix && f.spaced)) {
          this.invalidate(f); // `[1 2]` in a comma language, or `1-2`
          return i;
        }
        if (c === 46 && !(i + 1 < n && isDigit(s.charCodeAt(i + 1)))) {
          if (matrix && this.syntax.matrixSyntax && s.startsWith('...', i)) {
            // MATLAB line continuation: the rest of the line is a comment.
            const eol = s.indexOf('\n', i);
            i = eol < 0 || eol >= n ? n : eol + 1;
            continue;
          }
          this.invalidate(f);
          return i;
        }
        if (isSign) {
          const next = i + 1 < n ? s.charCodeAt(i + 1) : 0;
          if (!(isDigit(next) || next === 46)) {
            if (isIdentStart(next)) {
              const j = this.readNamedValue(f, i + 1, c === 45);
              if (j < 0) {
                this.invalidate(f);
                return i;
              }
              i = j;
              continue;
            }
            this.invalidate(f);
            return i;
          }
        }
        // Fast path for the plain decimals that dense arrays are made of:
        // `-?\d*(\.\d*)?` ended by a separator, at most 15 digits.
        let k = c === 45 || c === 43 ? i + 1 : i;
        const digitsStart = k;
        let mantissa = 0;
        let d: number;
        while (k < n && (d = s.charCodeAt(k) - 48) >= 0 && d <= 9) {
          mantissa = mantissa * 10 + d;
          k++;
        }
        let digits = k - digitsStart;
        let fraction = 0;
        if (k < n && s.charCodeAt(k) === 46) {
          const fracStart = ++k;
          while (k < n && (d = s.charCodeAt(k) - 48) >= 0 && d <= 9) {
            mantissa = mantissa * 10 + d;
            k++;
          }
          fraction = k - fracStart;
          digits += fraction;
        }
        const end = k < n ? s.charCodeAt(k) : 32;
        if (digits > 0 && mantissa <= 9007199254740992 && fraction <= 16 && (end === 44 || end === 32 || end === 93 || end === 10 || end === 41 || end === 125 || end === 13 || end === 9 || end === 59)) {
          let v = fraction === 0 ? mantissa : mantissa / POW10[fraction]!;
          if (c === 45) v = -v;
          if (++f.count > this.maxElements) f.capped = true;
          else if (f.indexed) f.values[f.len++] = v;
          else if (f.len < f.buf.length) f.buf[f.len++] = v;
          else this.putSlow(f, v, k);
          f.expectSep = true;
          f.spaced = false;
          i = k;
          continue;
        }
        const j = readNumber(s, i, n, suffixes, this.syntax.family === 'julia' && !this.syntax.fenced);
        if (j < 0) {
          this.invalidate(f);
          return i;
        }
        const v = readValue.value;
        if (v - v !== 0) this.addNonFinite(f, v, s.slice(i, Math.min(j, i + 24)), j);
        else this.addValue(f, v, j);
        i = j;
        continue;
      }
      if (isIdentStart(c)) {
        if (f.expectSep && !(matrix && f.spaced)) {
          this.invalidate(f);
          return i;
        }
        // R's named vector `c(cat = 0.7, dog = 0.3)`: the labels are not values.
        if (this.syntax.rVectors && f.start !== f.open) {
          let j = i + 1;
          while (j < n && (isIdentChar(s.charCodeAt(j)) || s.charCodeAt(j) === 46)) j++;
          const k = skipSpaces(s, j, n);
          if (s.charCodeAt(k) === 61 && s.charCodeAt(k + 1) !== 61) {
            i = k + 1;
            continue;
          }
        }
        // Rust rows: `vec![vec![0.1, 0.9], vec![0.5, 0.5]]` — the inner `vec!` is transparent.
        if (c === 118 && this.syntax.family === 'rust' && !this.syntax.fenced && s.startsWith('vec![', i)) return i + 4;
        const j = this.readNamedValue(f, i, false);
        if (j < 0) {
          this.invalidate(f);
          return i;
        }
        i = j;
        continue;
      }
      if (c === 92 /* \ */) {
        // A line continuation inside brackets (`[0.2, \` ⏎ `0.8]`) is whitespace.
        const next = i + 1 < n ? s.charCodeAt(i + 1) : 0;
        if (next === 10 || (next === 13 && i + 2 < n && s.charCodeAt(i + 2) === 10)) {
          i += next === 10 ? 2 : 3;
          f.spaced = true;
          continue;
        }
      }
      if (c === 59 /* ; */ && matrix && this.syntax.matrixSyntax) {
        this.rowBreak(f);
        f.expectSep = false;
        i++;
        continue;
      }
      return i;
    }
    return i;
  }

  /**
   * Room for one more value when the scratch is full: the scratch doubles
   * (kept for the next literals at this depth), or, at LONG_AT values, the
   * list reserves its own array (see Frame.buf). `k` is where reading is.
   */
  private grow(f: Frame, len: number, k: number): void {
    const buf = f.buf;
    if (len < LONG_AT) {
      const bigger = new Float64Array(Math.max(16, buf.length * 2));
      bigger.set(buf.subarray(0, len));
      f.buf = bigger;
      SCRATCH[f.level] = bigger;
      return;
    }
    const close = this.s.indexOf(String.fromCharCode(f.close), k);
    const end = close < 0 || close > this.n ? this.n : close;
    const perValue = Math.max(1, (k - f.open) / len);
    // At most 4096× what was read: an unclosed list whose first `]` is far away cannot reserve much.
    const estimate = Math.min(this.maxElements, len * 4096, len + Math.ceil(((end - k) / perValue) * 1.02) + 64);
    const values = new Array<number>(Math.max(estimate, len + 1));
    for (let j = 0; j < len; j++) values[j] = buf[j]!;
    f.values = values;
    f.indexed = true;
  }

  /** Stores `v` when the scratch is full (grow). */
  private putSlow(f: Frame, v: number, k: number): void {
    this.grow(f, f.len, k);
    if (f.indexed) f.values[f.len++] = v;
    else f.buf[f.len++] = v;
  }

  /**
   * The values read (a list or a matrix row) as an array of exactly their
   * number, and the frame emptied for the next row. `new Array(n)` filled
   * with numbers is a (holey) double array: unboxed, 8 B a value.
   */
  private toValues(f: Frame): number[] {
    const len = f.len;
    let values: number[];
    if (f.indexed) {
      values = f.values;
      values.length = len; // drop the reserved room that was not used
    } else {
      const buf = f.buf;
      values = new Array<number>(len);
      for (let j = 0; j < len; j++) values[j] = buf[j]!;
    }
    f.values = NO_VALUES;
    f.indexed = false;
    f.len = 0;
    return values;
  }

  /**
   * The hot loop for comma-separated lists of plain decimals (`0.25, -1.5, 3`):
   * state in locals, values pushed straight into the frame. Returns at the
   * first character it does not handle, leaving the rest to scanLiteral.
   * Reads the window's bytes where the window is ASCII (denseBytes), the
   * string's characters elsewhere (denseChars); both read the same grammar.
   */
  private denseRun(f: Frame, i: number): number {
    const n = this.n;
    const w = this.win;
    for (;;) {
      if (i >= n) return i;
      const k = i - w.base;
      // A new window when fewer than 64 bytes are left in this one (denseBytes stops there).
      if (k < 0 || (k + 64 > w.lim && w.base + w.lim < n)) w.fill(i);
      if (!w.ascii) return this.denseChars(f, i);
      const j = this.denseBytes(f, i);
      // One call per window: called often, denseBytes gets regular optimised code (see run()).
      if (this.denseMore === DenseStop.Window && j > i) {
        i = j;
        continue;
      }
      return this.denseMore === DenseStop.Done ? j : this.denseChars(f, j);
    }
  }

  /**
   * denseChars on the window's bytes (an ASCII window: byte k is character
   * base + k; the byte after the window is 0). Stops when fewer than 64
   * bytes are left in the window (denseRun moves it on), so a number never
   * runs into its end unnoticed; a number longer than that is left to
   * denseChars. denseMore says which.
   */
  private denseBytes(f: Frame, i: number): number {
    const w = this.win;
    const b = w.bytes;
    const n = this.n;
    let values = f.values;
    let buf = f.buf;
    let cap = buf.length;
    let indexed = f.indexed;
    let len = f.len;
    const max = this.maxElements;
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
      if (q >= lim && !atEnd) {
        more = DenseStop.Long; // longer than the margin: denseChars reads it
        break;
      }
      const end = d + 48;
      if (!(digits > 0 && mantissa <= 9007199254740992 && scale >= -22 && scale <= 22 &&
        (end === 44 || end === 32 || end === 93 || end === 10 || end === 41 || end === 125 || end === 13 || end === 9 || q >= lim))) break;
      const v = scale === 0 ? mantissa : scale < 0 ? mantissa / POW10[-scale]! : mantissa * POW10[scale]!;
      if (++count > max) capped = true;
      else {
        if (indexed) values[len++] = negative ? -v : v;
        else {
          if (len === cap) {
            this.grow(f, len, base + q);
            values = f.values;
            buf = f.buf;
            cap = buf.length;
            indexed = f.indexed;
          }
          if (indexed) values[len++] = negative ? -v : v;
          else buf[len++] = negative ? -v : v;
        }
      }
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
    this.denseMore = more;
    return base + k;
  }

  private denseChars(f: Frame, i: number): number {
    const s = this.s;
    const n = this.n;
    let values = f.values;
    let buf = f.buf;
    let cap = buf.length;
    let indexed = f.indexed;
    let len = f.len;
    const max = this.maxElements;
    let count = f.count;
    let expectSep = f.expectSep;
    let commas = f.commas;
    while (i < n) {
      let c = s.charCodeAt(i);
      if (c === 32) {
        i++;
        continue;
      }
      if (c === 44) {
        if (!expectSep) break;
        expectSep = false;
        commas++;
        i++;
        continue;
      }
      if (expectSep) break;
      let k = i;
      const negative = c === 45;
      if (negative) {
        k++;
        c = k < n ? s.charCodeAt(k) : 0;
      }
      // Past the end of the string charCodeAt gives NaN, which no comparison
      // accepts, so the digit loops need no bounds check. (A Markdown block's
      // end is a fence line, never a digit, so nothing runs past `n` either.)
      let mantissa = 0;
      let d = c - 48;
      const digitsStart = k;
      while (d >= 0 && d <= 9) {
        mantissa = mantissa * 10 + d;
        d = s.charCodeAt(++k) - 48;
      }
      let digits = k - digitsStart;
      let fraction = 0;
      if (d === -2 /* . */) {
        const fracStart = ++k;
        d = s.charCodeAt(k) - 48;
        while (d >= 0 && d <= 9) {
          mantissa = mantissa * 10 + d;
          d = s.charCodeAt(++k) - 48;
        }
        fraction = k - fracStart;
        digits += fraction;
      }
      // An exponent `e-05` / `E+2` (as toExponential and repr write them).
      let scale = -fraction;
      if ((d === 53 || d === 21) && digits > 0) {
        let e = 0;
        let expNegative = false;
        let q = k + 1;
        let x = s.charCodeAt(q);
        if (x === 45 || x === 43) {
          expNegative = x === 45;
          x = s.charCodeAt(++q);
        }
        const expStart = q;
        while (x >= 48 && x <= 57 && q - expStart < 4) {
          e = e * 10 + (x - 48);
          x = s.charCodeAt(++q);
        }
        if (q === expStart) break;
        scale += expNegative ? -e : e;
        k = q;
        d = x - 48;
      }
      // Ends at `,`, ` `, `]`, `)`, `}`, newline, tab, CR or the end of text; else the general path decides.
      const end = d + 48;
      if (!(digits > 0 && mantissa <= 9007199254740992 && scale >= -22 && scale <= 22 &&
        (end === 44 || end === 32 || end === 93 || end === 10 || end === 41 || end === 125 || end === 13 || end === 9 || k >= n))) break;
      const v = scale === 0 ? mantissa : scale < 0 ? mantissa / POW10[-scale]! : mantissa * POW10[scale]!;
      if (++count > max) f.capped = true;
      else {
        if (indexed) values[len++] = negative ? -v : v;
        else {
          if (len === cap) {
            this.grow(f, len, k);
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
        k++;
        if (s.charCodeAt(k) === 32) k++;
        expectSep = false;
      } else expectSep = true;
      i = k;
    }
    f.count = count;
    f.indexed = indexed;
    f.len = len;
    f.expectSep = expectSep;
    f.commas = commas;
    f.spaced = false;
    return i;
  }

  /** `inf`, `np.inf`, `float('nan')`, `Infinity`, … at `i`; -1 when the word is not one of them. */
  private readNamedValue(f: Frame, i: number, negative: boolean): number {
    const s = this.s;
    const n = this.n;
    let j = i;
    const limit = Math.min(n, i + MAX_NON_FINITE_NAME + 1);
    while (j < limit) {
      const c = s.charCodeAt(j);
      if (isIdentChar(c) || c === 46) j++;
      else if (c === 58 && j + 1 < n && s.charCodeAt(j + 1) === 58) j += 2;
      else break;
    }
    if (j >= limit && j < n) return -1;
    const word = s.slice(i, j);
    let v: number | undefined;
    let end = j;
    if (word === 'float') {
      end = readFloatCall(s, i, n, readValue);
      if (end < 0) return -1;
      v = readValue.value;
    } else if (word === 'std::numeric_limits' || word === 'numeric_limits') {
      end = readNumericLimits(s, j, n);
      if (end < 0) return -1;
      v = readValue.value;
    } else {
      v = nonFiniteName(word);
      if (v === undefined) return -1;
    }
    if (negative) v = -v;
    this.addNonFinite(f, v, (negative ? '-' : '') + s.slice(i, end), end);
    return end;
  }

  private addValue(f: Frame, v: number, at: number): void {
    f.count++;
    if (f.count > this.limits.maxElements) f.capped = true;
    else if (f.indexed) f.values[f.len++] = v;
    else if (f.len < f.buf.length) f.buf[f.len++] = v;
    else this.putSlow(f, v, at);
    f.expectSep = true;
    f.spaced = false;
  }

  private addNonFinite(f: Frame, v: number, spelling: string, at: number): void {
    const index = f.rows !== null ? `[${f.rows.length}][${f.len}]` : `[${f.count}]`;
    f.nonFinite++;
    if (f.nonFinite <= MAX_NOTES) {
      const what = Number.isNaN(v) ? 'NaN' : v > 0 ? 'Infinity' : '-Infinity';
      (f.notes ??= []).push(`${index} ${spelling} → ${what}`);
    }
    this.addValue(f, v, at);
  }

  /** MATLAB / Julia `;` or newline: the current row is complete. */
  private rowBreak(f: Frame): void {
    if (f.len === 0 && !(f.capped && f.expectSep)) return;
    if (f.children !== null) {
      this.invalidate(f);
      return;
    }
    (f.rows ??= []).push(this.toValues(f));
    f.expectSep = false;
  }

  /** A literal turned out not to be one: its finished inner literals are reported on their own. */
  private invalidate(f: Frame): void {
    if (f.kind !== Kind.Literal) return;
    f.kind = Kind.Opaque;
    const kids = f.children;
    f.children = null;
    f.values = NO_VALUES;
    f.indexed = false;
    f.len = 0;
    f.rows = null;
    if (kids !== null) for (const k of kids) this.emit(k, f);
  }

  /** A literal closed at `end` (exclusive): attach it to its parent literal or report it. */
  private finishLiteral(f: Frame, end: number, parent: Frame | null): void {
    // A literal right before `=` is assigned to, not data: C99's designator `{ [0] = 1 }`, JS `[a, b] = …`.
    if (this.code) {
      const next = nextNonBlank(this.s, end);
      if (next >= 0 && next < this.n && this.s.charCodeAt(next) === 61 && this.s.charCodeAt(next + 1) !== 61 && this.s.charCodeAt(next + 1) !== 62) {
        this.invalidate(f);
        return this.closedOpaque(parent);
      }
    }
    if (f.matrix) {
      if (f.len > 0) {
        if (f.rows !== null || f.children === null) this.rowBreak(f);
      }
      if (f.kind !== Kind.Literal) return this.closedOpaque(parent);
    }
    const kids = f.children;
    let piece: Piece;
    if (kids !== null) {
      if (f.len > 0 || f.rows !== null) {
        this.invalidate(f);
        return this.closedOpaque(parent);
      }
      if (f.tuple && f.commas === 0 && kids.length === 1) {
        // `((1, 2))`: grouping parentheses around one tuple.
        f.children = null;
        f.kind = Kind.Opaque;
        return this.attachOrEmit(kids[0]!, parent);
      }
      piece = this.rowsPiece(f, kids, end);
    } else if (f.rows !== null && f.rows.length > 1 && !f.rows.every((r) => r.length === 1)) {
      piece = this.matrixPiece(f, f.rows, end);
    } else if (f.rows !== null && f.rows.length > 1) {
      // A column vector `[0.1; 0.9]` is a vector.
      piece = {
        start: f.start, end, values: f.rows.map((r) => r[0]!), rows: false, count: f.count, capped: f.capped,
        notes: f.notes, nonFinite: f.nonFinite, deep: false, wrapper: f.wrapper, wrapperStart: f.wrapperStart,
      };
    } else {
      const tooFew = f.count < this.syntax.minValues || (f.tuple && (f.commas === 0 || f.count < 2));
      if (f.count === 0 || tooFew) {
        f.kind = Kind.Opaque;
        f.values = NO_VALUES;
        f.indexed = false;
        f.len = 0;
        return this.closedOpaque(parent);
      }
      const values = f.rows !== null ? f.rows[0]! : this.toValues(f);
      piece = {
        start: f.start, end, values, rows: false, count: f.count, capped: f.capped,
        notes: f.notes, nonFinite: f.nonFinite, deep: false, wrapper: f.wrapper, wrapperStart: f.wrapperStart,
      };
    }
    f.kind = Kind.Opaque;
    f.children = null;
    this.attachOrEmit(piece, parent);
  }

  private rowsPiece(f: Frame, kids: Piece[], end: number): Piece {
    const rows: number[][] = [];
    let count = 0;
    let capped = false;
    let deep = f.deep;
    let notes: string[] | null = null;
    let nonFinite = 0;
    for (let r = 0; r < kids.length; r++) {
      const k = kids[r]!;
      if (k.rows || k.deep) deep = true;
      count += k.count;
      if (k.capped) capped = true;
      if (count > this.limits.maxElements) capped = true;
      else rows.push(k.values as number[]);
      if (k.notes !== null) {
        for (const note of k.notes) {
          notes ??= [];
          if (notes.length < MAX_NOTES) notes.push(`[${r}]${note}`);
        }
      }
      nonFinite += k.nonFinite;
    }
    return {
      start: f.start, end, values: rows, rows: true, count, capped, notes, nonFinite,
      deep, wrapper: f.wrapper, wrapperStart: f.wrapperStart,
    };
  }

  private matrixPiece(f: Frame, rows: number[][], end: number): Piece {
    return {
      start: f.start, end, values: rows, rows: true, count: f.count, capped: f.capped,
      notes: f.notes, nonFinite: f.nonFinite, deep: false, wrapper: f.wrapper, wrapperStart: f.wrapperStart,
    };
  }

  /** A finished piece becomes a row of a still-valid parent literal, or is reported. */
  private attachOrEmit(piece: Piece, parent: Frame | null): void {
    if (parent === null || parent.kind !== Kind.Literal) {
      this.emit(piece, parent);
      return;
    }
    const p = parent;
    const clash = p.len > 0 || p.count > 0 || p.rows !== null || (p.expectSep && !(p.matrix && p.spaced));
    if (clash) {
      this.invalidate(p);
      this.emit(piece, p);
      return;
    }
    if (piece.rows || piece.deep) p.deep = true;
    (p.children ??= []).push(piece);
    p.expectSep = true;
    p.spaced = false;
  }

  /** A non-literal bracket closed inside `parent`: a literal parent is not all numbers after all. */
  private closedOpaque(parent: Frame | null): void {
    if (parent === null) return;
    if (parent.kind === Kind.Literal) this.invalidate(parent);
    else if (parent.kind === Kind.Call) parent.slotComplex = true;
  }

  /** Reports a finished literal as an array (or a document issue for 3-D and deeper). */
  private emit(piece: Piece, parent: Frame | null): void {
    if (this.stopped) return;
    if (piece.deep) {
      this.note({
        offset: piece.start,
        message: `arrays nested 3 or more levels deep are not read (only 1-D values and 2-D rows): the literal at offset ${piece.start}`,
      });
      return;
    }
    if (this.arrays.length >= this.limits.maxArrays) {
      this.stopped = true;
      this.note({
        offset: piece.start,
        message: `stopped after ${this.limits.maxArrays} arrays (maxArrays); the text from offset ${piece.start} on was not searched`,
      });
      return;
    }
    const issues: string[] = [];
    let values: Values;
    let shape: number[];
    if (piece.rows) {
      const rows = piece.values as number[][];
      values = rows;
      const width = rows.length > 0 ? rows[0]!.length : 0;
      shape = [rows.length, width];
      for (let r = 1; r < rows.length; r++) {
        if (rows[r]!.length !== width) {
          issues.push(`ragged: row ${r} has ${rows[r]!.length} values, row 0 has ${width}`);
          break;
        }
      }
    } else {
      values = piece.values as number[];
      shape = [values.length];
    }
    if (piece.capped) {
      issues.push(`capped: only the first ${this.limits.maxElements} of ${piece.count} values were read (maxElements)`);
    }
    if (piece.nonFinite > 0) {
      const more = piece.nonFinite > MAX_NOTES ? `, and ${piece.nonFinite - MAX_NOTES} more` : '';
      issues.push(`non-finite: ${piece.nonFinite} value${piece.nonFinite === 1 ? '' : 's'} (${(piece.notes ?? []).join(', ')}${more})`);
    }
    // Wrapper calls: `p = np.array([...])` is bound through the call.
    let anchor = piece.wrapper !== undefined ? piece.wrapperStart : piece.start;
    let wrapper = piece.wrapper;
    if (parent !== null && parent.kind === Kind.Call && parent.isWrapper && parent.args.length === 0 && parent.slotTokens === 0 &&
        parent.slotKeyword === undefined) {
      anchor = parent.calleeStart;
      wrapper = parent.callee;
      // Wrappers around wrappers: `torch.tensor(np.array([…]))`.
      for (let k = this.stack.indexOf(parent) - 1; k >= 0; k--) {
        const g = this.stack[k]!;
        if (k >= this.depth || g.kind !== Kind.Call || !g.isWrapper || g.args.length !== 0 || g.slotTokens !== 1) break;
        anchor = g.calleeStart;
      }
    }
    const index = this.arrays.length;
    let name = bindingName(this.s, anchor, this.syntax.family !== 'prose', piece.end);
    // In prose `$` is LaTeX math (`$$p = [0.1, 0.9]$$`), not part of a name.
    if (name !== undefined && this.syntax.family === 'prose' && name.charCodeAt(0) === 36) {
      let k = 0;
      while (k < name.length && name.charCodeAt(k) === 36) k++;
      name = k < name.length ? name.slice(k) : undefined;
    }
    this.arrays.push({ start: piece.start, end: piece.end, name, values, shape, issues, wrapper });
    if (parent !== null && parent.kind === Kind.Call) parent.slotArray = index;
  }

  // ---- calls ----------------------------------------------------------------

  /** Follows the arguments of a tracked call: bare names, keywords, commas. */
  private scanCall(f: Frame, i: number): number {
    const s = this.s;
    const n = this.n;
    while (i < n) {
      const c = s.charCodeAt(i);
      if (c === 32 || c === 9 || c === 13 || c === 10) {
        i++;
        continue;
      }
      if (c === 44 /* , */) {
        this.endArgument(f);
        i++;
        continue;
      }
      if (isIdentStart(c)) {
        let j = i + 1;
        while (j < n) {
          const d = s.charCodeAt(j);
          if (isIdentChar(d) || d === 46) j++;
          else break;
        }
        // R's `c(` belongs to the vector literal that follows, not to the argument.
        if (j === i + 1 && c === 99 && this.syntax.rVectors && s.charCodeAt(skipSpaces(s, j, n)) === 40) {
          i = j;
          continue;
        }
        if (f.slotTokens === 0 && j - i <= 100) f.slotName = stripTransparentMethods(s.slice(i, j));
        else f.slotComplex = true;
        f.slotTokens++;
        // `target=…`: a keyword argument.
        let k = j;
        while (k < n && (s.charCodeAt(k) === 32 || s.charCodeAt(k) === 9)) k++;
        if (k < n && s.charCodeAt(k) === 61 && !(k + 1 < n && s.charCodeAt(k + 1) === 61) && f.slotTokens === 1) {
          f.slotKeyword = f.slotName;
          f.slotName = undefined;
          f.slotTokens = 0;
          j = k + 1;
        }
        i = j;
        continue;
      }
      // `torch.tensor([…]).log()`, `(…).numpy()`: a method that leaves the argument what it is.
      if (c === 46 && !f.slotComplex && (f.slotArray !== undefined || f.slotName !== undefined)) {
        let j = i + 1;
        while (j < n && isIdentChar(s.charCodeAt(j))) j++;
        if (j > i + 1 && j - i <= 20 && TRANSPARENT_METHODS.has(s.slice(i + 1, j))) {
          i = j;
          continue;
        }
      }
      if (c < 128 && this.table[c] !== 0) return i;
      // Numbers, operators, `*args`: this argument is not a plain name or literal.
      f.slotComplex = true;
      f.slotTokens++;
      i++;
    }
    return i;
  }

  private endArgument(f: Frame): void {
    const plain = !f.slotComplex && f.slotTokens <= 1;
    f.args.push({
      keyword: f.slotKeyword,
      array: plain ? f.slotArray : undefined,
      name: plain && f.slotArray === undefined ? f.slotName : undefined,
    });
    f.slotTokens = 0;
    f.slotName = undefined;
    f.slotKeyword = undefined;
    f.slotArray = undefined;
    f.slotComplex = false;
  }

  private finishCall(f: Frame, close: number, parent: Frame | null): void {
    if (f.slotTokens > 0 || f.slotArray !== undefined || f.slotKeyword !== undefined || f.slotComplex) this.endArgument(f);
    if (f.signature !== undefined) {
      this.calls.push({ callee: f.callee, signature: f.signature, start: f.calleeStart, args: f.args });
    }
    if (isLossClass(f.callee)) {
      this.instanceEnd = close;
      this.instanceCallee = f.callee;
    }
    if (parent === null) return;
    if (parent.kind === Kind.Literal) {
      this.invalidate(parent);
      return;
    }
    if (parent.kind !== Kind.Call) return;
    const first = f.args[0];
    if (f.isWrapper || f.isMethod) {
      if (f.isWrapper && first !== undefined && first.keyword === undefined && (first.array !== undefined || first.name !== undefined)) {
        // `log_loss(np.array([…]), torch.log(y))`: the wrapper stands for its argument.
        parent.slotArray = first.array;
        parent.slotName = first.name;
      }
      // Else a method on the value before it (`.log()`, `.unsqueeze(0)`): the argument stays what it was.
      return;
    }
    parent.slotComplex = true;
  }

  // ---- brackets -------------------------------------------------------------

  private openBracket(i: number, c: number): number {
    if (this.overflow > 0) {
      this.overflow++;
      return i + 1;
    }
    const parent = this.depth > 0 ? this.stack[this.depth - 1]! : null;
    if (this.depth >= this.limits.maxDepth) {
      this.overflow = 1;
      this.note({
        offset: i,
        message: `brackets nested deeper than ${this.limits.maxDepth} (maxDepth) at offset ${i}: the inside was skipped`,
      });
      if (parent !== null) {
        if (parent.kind === Kind.Literal) this.invalidate(parent);
        parent.kind = Kind.Opaque;
      }
      return i + 1;
    }
    if (c === 40 /* ( */) {
      if (this.openParen(i, parent)) return i + 1;
      this.openUninteresting(i, c, parent);
      return i + 1;
    }
    const s = this.s;
    const syntax = this.syntax;
    if (c === 91 /* [ */) {
      let literal = true;
      let vecStart = -1;
      let macroName = '';
      if (this.code) {
        const before = this.plainSubscript(i, LITERAL_WORD_ENDINGS) ? Before.Subscript : classifyBefore(s, i, syntax.family === 'julia', LITERAL_WORD_ENDINGS);
        if (before === Before.Subscript) literal = false;
        // R's list index `l[[2]]`: the inner `[` of `[[` indexes too.
        else if (syntax.rVectors && i > 0 && s.charCodeAt(i - 1) === 91 &&
          classifyBefore(s, i - 1, false, LITERAL_WORD_ENDINGS) === Before.Subscript) literal = false;
        else if (before === Before.Macro) {
          const p = prevOnLine(s, i);
          const st = identStart(s, p, Math.max(0, p - 40));
          const macro = s.slice(st, p);
          // `vec![…]`, ndarray's `array![…]` (also `ndarray::array![…]`).
          if (macro === 'vec' || macro === 'array' || macro === 'ndarray::array') {
            vecStart = st;
            macroName = macro + '!';
          } else literal = false;
        }
      }
      if (!literal) {
        this.openUninteresting(i, c, parent);
        return i + 1;
      }
      const f = this.push(i, c);
      // Prose also reads NumPy's print format, `[0.1 0.2 0.7]` (spaces, line breaks are only spaces).
      this.makeLiteral(f, i, syntax.matrixSyntax || syntax.family === 'prose');
      if (vecStart >= 0) {
        f.wrapper = macroName;
        f.wrapperStart = vecStart;
      }
    } else if (syntax.braceInit) {
      this.makeLiteral(this.push(i, c), i, false);
    } else {
      this.openUninteresting(i, c, parent);
    }
    return i + 1;
  }

  /**
   * A subscript, a call of no interest or a grouping. Inside a literal or a
   * tracked call it is pushed (it makes the literal not one, the argument not
   * plain). Elsewhere it is not pushed: counted when the enclosing bracket is
   * of the same kind (its closer is then watched for), else ignored — the fast
   * skip does not even look at closers other than the innermost bracket's.
   */
  private openUninteresting(i: number, c: number, parent: Frame | null): void {
    if (parent === null) return;
    if (parent.kind === Kind.Opaque) {
      if (parent.close === (c === 91 ? 93 : c === 40 ? 41 : 125)) parent.skipped++;
      return;
    }
    this.push(i, c);
    if (parent.kind === Kind.Call) parent.slotComplex = true;
  }

  /**
   * classifyBefore's commonest answer, read from the byte window: a word ends
   * right before the bracket at `i` (no space between) and its last two
   * characters are not an ending in `endings` — a subscript or a call of no
   * interest (classifyBefore gives Subscript with identBack.start -2). False
   * when that is not so or the bytes are not in an ASCII window: then
   * classifyBefore decides.
   */
  private plainSubscript(i: number, endings: EndingFilter): boolean {
    const w = this.win;
    const k = i - w.base;
    if (!w.ascii || k < 2 || k > w.lim) return false;
    const b = w.bytes;
    const c = b[k - 1]!;
    if (!isIdentChar(c)) return false;
    const c1 = b[k - 2]!;
    const d1 = isIdentChar(c1) ? c1 : 0;
    if (endings.bits[d1 * 128 + c] === 0) return true;
    // The last four characters, for the words whose last two pass.
    if (d1 === 0 || k < 4) return false;
    const c2 = b[k - 3]!;
    const d2 = isIdentChar(c2) ? c2 : 0;
    const c3 = d2 === 0 ? 0 : b[k - 4]!;
    return endings.quads[endingKey(isIdentChar(c3) ? c3 : 0, d2, d1, c)] === 0;
  }

  /** Opens a tuple, an R vector or a tracked call at `(`; false when it is none of them (nothing pushed). */
  private openParen(i: number, parent: Frame | null): boolean {
    if (this.plainSubscript(i, this.callEndings)) return false; // a call of no interest
    const s = this.s;
    const syntax = this.syntax;
    const before = classifyBefore(s, i, false, this.callEndings);
    if (identBack.start === -2) return false; // a call of no interest
    if (syntax.parenTuples && before === Before.Literal) {
      const f = this.push(i, 40);
      this.makeLiteral(f, i, false);
      f.tuple = true;
      return true;
    }
    if (identBack.start < 0) {
      // `nn.CrossEntropyLoss()(input, target)`: calling what a loss constructor returned.
      const p = prevOnLine(s, i);
      if (p < 0 || p !== this.instanceEnd) return false;
      this.makeCall(this.push(i, 40), this.instanceCallee + '()', p, parent);
      return true;
    }
    const a = identBack.start;
    const b = identBack.end;
    if (syntax.rVectors && b - a === 1 && s.charCodeAt(a) === 99 /* c */) {
      const f = this.push(i, 40);
      this.makeLiteral(f, i, false);
      f.start = a;
      return true;
    }
    if (syntax.vectorCalls && VECTOR_CALL_HASHES.has(identBack.segHash) && isVectorCall(s.slice(a, b))) {
      const f = this.push(i, 40);
      this.makeLiteral(f, i, false);
      f.start = a;
      return true;
    }
    // Cheap filter first: most calls are of no interest and stay opaque.
    const hash = identBack.segHash;
    let interesting = false;
    if (INTERESTING_HASHES.has(hash)) {
      const seg = s.slice(identBack.segStart, b);
      let known = this.calleeCache.get(seg);
      if (known === undefined) {
        known = isInterestingCallee(seg);
        if (this.calleeCache.size < 4096) this.calleeCache.set(seg, known);
      }
      interesting = known;
    }
    if (this.aliasHashes !== null && this.aliasHashes.has(hashWordRange(s, a, b))) {
      const word = s.slice(a, b);
      const alias = this.aliases.get(word);
      if (alias !== undefined) {
        this.makeCall(this.push(i, 40), alias + '()', a, parent);
        return true;
      }
      const imported = this.importedAliases.get(word);
      if (imported !== undefined) {
        this.makeCall(this.push(i, 40), imported, a, parent);
        return true;
      }
    }
    if (!interesting) return false;
    const callee = s.slice(a, b);
    this.makeCall(this.push(i, 40), callee, a, parent);
    if (isLossClass(callee)) {
      const name = bindingName(s, a);
      if (name !== undefined) {
        this.aliases.set(name, callee);
        (this.aliasHashes ??= new HashSet()).add(hashWord(name));
        this.addCallEnding(name);
      }
    }
    return true;
  }

  private makeLiteral(f: Frame, i: number, matrix: boolean): void {
    f.kind = Kind.Literal;
    f.wasLiteral = true;
    f.start = i;
    f.matrix = matrix;
    f.tuple = false;
    f.values = NO_VALUES;
    f.indexed = false;
    f.len = 0;
    f.rows = null;
    f.children = null;
    f.count = 0;
    f.expectSep = false;
    f.spaced = false;
    f.commas = 0;
    f.capped = false;
    f.notes = null;
    f.nonFinite = 0;
    f.deep = false;
    f.wrapper = undefined;
    f.wrapperStart = 0;
  }

  private makeCall(f: Frame, callee: string, calleeStart: number, parent: Frame | null): void {
    void parent;
    f.kind = Kind.Call;
    f.callee = callee;
    f.calleeStart = calleeStart;
    f.signature = lossSignature(callee);
    const seg = lastSegment(callee.endsWith('()') ? callee.slice(0, -2) : callee);
    f.isWrapper = isWrapper(seg);
    f.isMethod = !f.isWrapper && isTransparentMethod(seg);
    f.args = [];
    f.slotTokens = 0;
    f.slotName = undefined;
    f.slotKeyword = undefined;
    f.slotArray = undefined;
    f.slotComplex = false;
  }

  /** Pushes a frame (reused from the pool); only the fields every kind reads are reset here. */
  private push(i: number, c: number): Frame {
    let f = this.stack[this.depth];
    if (f === undefined) {
      f = new Frame();
      f.level = this.depth;
      f.buf = SCRATCH[f.level] ?? NO_SCRATCH;
      this.stack.push(f);
    }
    this.depth++;
    f.kind = Kind.Opaque;
    f.open = i;
    f.start = i;
    f.close = c === 91 ? 93 : c === 40 ? 41 : 125;
    f.skipped = 0;
    f.wasLiteral = false;
    return f;
  }

  private closeBracket(i: number, c: number): number {
    if (this.overflow > 0) {
      this.overflow--;
      return i + 1;
    }
    if (this.depth === 0) return i + 1; // a stray closer
    let top = this.stack[this.depth - 1]!;
    if (c === top.close && top.skipped > 0) {
      top.skipped--;
      return i + 1;
    }
    if (top.close !== c) {
      let k = this.depth - 2;
      const floor = Math.max(0, this.depth - 1 - MISMATCH_SEARCH);
      while (k >= floor && this.stack[k]!.close !== c) k--;
      if (k < floor) {
        // Nothing open matches: ignore the closer, but a literal holding it is not one.
        if (top.kind === Kind.Literal) this.invalidate(top);
        else if (top.kind === Kind.Call) top.slotComplex = true;
        return i + 1;
      }
      // Abandon the unclosed brackets in between.
      while (this.depth - 1 > k) {
        const g = this.stack[this.depth - 1]!;
        this.invalidate(g);
        this.depth--;
        this.closedOpaque(this.depth > 0 ? this.stack[this.depth - 1]! : null);
      }
      top = this.stack[this.depth - 1]!;
    }
    this.depth--;
    const parent = this.depth > 0 ? this.stack[this.depth - 1]! : null;
    if (top.kind === Kind.Literal) this.finishLiteral(top, i + 1, parent);
    else if (top.kind === Kind.Call) this.finishCall(top, i, parent);
    else this.closedOpaque(parent);
    return i + 1;
  }

  /** End of text with brackets still open: literals there are reported as unclosed. */
  private finishOpenFrames(): void {
    // One note for the outermost unclosed literal, not one per bracket.
    let outer = -1;
    let unclosed = 0;
    for (let k = 0; k < this.depth; k++) {
      if (this.stack[k]!.wasLiteral) {
        if (outer < 0) outer = this.stack[k]!.open;
        unclosed++;
      }
    }
    // In prose a bracket is not code (`[0, 1)` is an interval): unclosed ones are not worth a note.
    if (outer >= 0 && !this.stopped && this.syntax.family !== 'prose') {
      const more = unclosed > 1 ? ` (and ${unclosed - 1} inner bracket${unclosed > 2 ? 's' : ''})` : '';
      this.note({
        offset: outer,
        message: `unclosed '${String.fromCharCode(this.s.charCodeAt(outer))}' at offset ${outer}${more} has no closing bracket before the end of the text`,
      });
    }
    while (this.depth > 0) {
      this.invalidate(this.stack[this.depth - 1]!);
      this.depth--;
    }
  }

  /** Arrays are pushed in order of their end; report them in order of their start. */
  private sortArrays(): void {
    const a = this.arrays;
    let sorted = true;
    for (let k = 1; k < a.length; k++) if (a[k - 1]!.start > a[k]!.start) { sorted = false; break; }
    if (sorted) return;
    const order = a.map((_, k) => k).sort((x, y) => a[x]!.start - a[y]!.start);
    const newIndex = new Array<number>(a.length);
    order.forEach((old, k) => { newIndex[old] = k; });
    const copy = order.map((k) => a[k]!);
    a.length = 0;
    a.push(...copy);
    for (const call of this.calls) for (const arg of call.args) if (arg.array !== undefined) arg.array = newIndex[arg.array];
  }
}

/** C++ `<double>::infinity()`, `<float>::quiet_NaN()`, `::signaling_NaN()` after `std::numeric_limits` (at `j`). */
function readNumericLimits(s: string, j: number, n: number): number {
  if (s.charCodeAt(j) !== 60 /* < */) return -1;
  let close = j + 1;
  const limit = Math.min(n, j + 24);
  while (close < limit && s.charCodeAt(close) !== 62 /* > */) close++;
  if (close >= limit) return -1;
  let k = close + 1;
  if (!s.startsWith('::', k)) return -1;
  k += 2;
  const start = k;
  while (k < n && isIdentChar(s.charCodeAt(k))) k++;
  const member = s.slice(start, k);
  k = skipSpaces(s, k, n);
  if (!s.startsWith('()', k)) return -1;
  if (member === 'infinity') readValue.value = Infinity;
  else if (member === 'quiet_NaN' || member === 'signaling_NaN') readValue.value = NaN;
  else return -1;
  return k + 2;
}

function skipSpaces(s: string, j: number, n: number): number {
  while (j < n && (s.charCodeAt(j) === 32 || s.charCodeAt(j) === 9)) j++;
  return j;
}

function isIdentStart(c: number): boolean {
  return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || c === 95 || c === 36;
}

/** hashWord of s[a, b) without slicing. */
function hashWordRange(s: string, a: number, b: number): number {
  let h = 0;
  for (let k = b - 1; k >= a; k--) h = (Math.imul(h, 31) + s.charCodeAt(k)) | 0;
  return h;
}
