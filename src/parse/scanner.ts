// The single linear pass over the text. It keeps a stack of open brackets;
// each bracket is either a literal that is still all numbers, a call whose
// arguments are worth knowing (a loss such as F.cross_entropy, or a wrapper such
// as np.array), or opaque (anything else: only its brackets are matched).
// Strings and comments are skipped per language. A literal that meets anything
// that is not a number, a separator or a comment becomes opaque; its complete
// inner literals are then reported on their own. Nothing here backtracks, every
// look back is bounded (lookBack.ts), so the time is linear in the text.

import type { FinderIssue, FinderLimits } from './types';
import type { Syntax } from './languages';
import { Cls, PlainSkipper, tableFor, TextWindow, withoutClosers } from './fastSkip';
import { Trivia } from './trivia';
import { isDigit, isIdentChar, isIdentStart, readNumber, readValue } from './numbers';
import { MAX_NON_FINITE_NAME, nonFiniteName, readFloatCall, readNumericLimits } from './nonFinite';
import {
  Before,
  bindingName,
  classifyBefore,
  nextNonBlank,
  EndingFilter,
  endingKey,
  hashWord,
  hashWordRange,
  HashSet,
  identBack,
  LITERAL_WORD_ENDINGS,
  identStart,
  lastSegment,
  prevOnLine,
  skipSpaces,
} from './lookBack';
import {
  interestingSpellings,
  isInterestingCallee,
  isLossClass,
  isTransparentMethod,
  isWrapper,
  lossSignature,
  stripTransparentMethods,
  TRANSPARENT_METHODS,
  type LossSignature,
} from './callSignatures';
import { isVectorCall, VECTOR_CALL_HASHES, VECTOR_CALLS, type CallSite } from './callSites';
import { dropValues, Frame, grow, Kind, NO_SCRATCH, SCRATCH, toValues, type Piece } from './frame';
import { readDense } from './denseList';
import { readConstant } from './constants';
import { MAX_NOTES, matrixPiece, rowsPiece, scannedArray, type ScannedArray } from './pieces';

export type { CallArgument, CallSite } from './callSites';
export type { ScannedArray } from './pieces';

/** Hashes of callee last segments worth a closer look (filters the common case without slicing). */
const INTERESTING_HASHES = new HashSet(interestingSpellings());

/** Endings of every word worth reading before `(`: keywords, losses, wrappers, R's `c`, vector calls. */
const CALL_ENDINGS = new EndingFilter([...interestingSpellings(), 'c', ...VECTOR_CALLS]);
/** Python also needs the keywords before `(`: `return (0.2, 0.8)` is a tuple. */
const PYTHON_CALL_ENDINGS = CALL_ENDINGS.copy();
PYTHON_CALL_ENDINGS.merge(LITERAL_WORD_ENDINGS);

export interface ScanResult {
  arrays: ScannedArray[];
  calls: CallSite[];
  issues: FinderIssue[];
}

/** Code families, where `a[` is a subscript and `f(` a call. */
function isCode(syntax: Syntax): boolean {
  return syntax.family !== 'json' && syntax.family !== 'yaml' && syntax.family !== 'prose';
}

/** Document issues listed; the rest are counted in one closing issue. */
const MAX_ISSUES = 100;
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
  /** `^` is a power (R, MATLAB, Julia), not xor. */
  private readonly caretPower: boolean;
  private readonly trivia: Trivia;
  /** The text as bytes, a window at a time (fastSkip.ts). */
  private readonly win: TextWindow;
  private readonly skipTop: PlainSkipper;
  private readonly skipSquare: PlainSkipper;
  private readonly skipParen: PlainSkipper;
  private readonly skipBrace: PlainSkipper;
  private readonly skipAll: PlainSkipper;
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
  constructor(
    private readonly s: string,
    private readonly syntax: Syntax,
    private readonly limits: FinderLimits,
    private readonly from = 0,
    to = s.length,
    private readonly importedAliases: ReadonlyMap<string, string> = new Map(),
    private readonly localSignatures: ReadonlyMap<string, LossSignature> = new Map(),
  ) {
    this.n = Math.min(to, s.length);
    this.callEndings = syntax.parenTuples ? PYTHON_CALL_ENDINGS : CALL_ENDINGS;
    // `from torch.nn.functional import cross_entropy as ce`: `ce(` is a loss call.
    // Loss-like functions defined in the document: `soft_ce(a, b)` is a tracked call.
    for (const name of localSignatures.keys()) {
      (this.aliasHashes ??= new HashSet()).add(hashWord(name));
      this.addCallEnding(name);
    }
    for (const name of importedAliases.keys()) {
      (this.aliasHashes ??= new HashSet()).add(hashWord(name));
      this.addCallEnding(name);
    }
    this.maxElements = limits.maxElements;
    this.table = tableFor(syntax);
    this.code = isCode(syntax);
    this.caretPower = syntax.family === 'r' || syntax.family === 'matlab' || syntax.family === 'julia';
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
      this.issues.push({
        offset: 0,
        kind: 'more-issues',
        count: this.issueCount - MAX_ISSUES,
        message: `${this.issueCount - MAX_ISSUES} more issues like these were not listed`,
      });
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
        const skipper =
          this.overflow > 0
            ? this.skipAll
            : f === null
              ? this.skipTop
              : f.close === 93
                ? this.skipSquare
                : f.close === 41
                  ? this.skipParen
                  : this.skipBrace;
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
        i = readDense(f, i, s, n, this.win, this.maxElements);
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
        const julia = this.syntax.family === 'julia' && !this.syntax.fenced;
        let j = readNumber(s, i, n, suffixes, julia);
        // `1/2`, `2**-3`, `1e-3*5`: constant arithmetic is a value.
        if (j >= 0) j = readConstant(s, i, j, n, suffixes, julia, this.caretPower, matrix);
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

  /** Stores `v` when the scratch is full (grow). */
  private putSlow(f: Frame, v: number, k: number): void {
    grow(f, f.len, k, this.s, this.n, this.maxElements);
    if (f.indexed) f.values[f.len++] = v;
    else f.buf[f.len++] = v;
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
      end = readNumericLimits(s, j, n, readValue);
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
    (f.rows ??= []).push(toValues(f));
    f.expectSep = false;
  }

  /** A literal turned out not to be one: its finished inner literals are reported on their own. */
  private invalidate(f: Frame): void {
    if (f.kind !== Kind.Literal) return;
    f.kind = Kind.Opaque;
    const kids = f.children;
    f.children = null;
    dropValues(f);
    f.rows = null;
    if (kids !== null) for (const k of kids) this.emit(k, f);
  }

  /** A literal closed at `end` (exclusive): attach it to its parent literal or report it. */
  private finishLiteral(f: Frame, end: number, parent: Frame | null): void {
    // A literal right before `=` is assigned to, not data: C99's designator `{ [0] = 1 }`, JS `[a, b] = …`.
    if (this.code) {
      const next = nextNonBlank(this.s, end);
      if (
        next >= 0 &&
        next < this.n &&
        this.s.charCodeAt(next) === 61 &&
        this.s.charCodeAt(next + 1) !== 61 &&
        this.s.charCodeAt(next + 1) !== 62
      ) {
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
      piece = rowsPiece(f, kids, end, this.limits.maxElements);
    } else if (f.rows !== null && f.rows.length > 1 && !f.rows.every((r) => r.length === 1)) {
      piece = matrixPiece(f, f.rows, end);
    } else if (f.rows !== null && f.rows.length > 1) {
      // A column vector `[0.1; 0.9]` is a vector.
      piece = {
        start: f.start,
        end,
        values: f.rows.map((r) => r[0]!),
        rows: false,
        count: f.count,
        capped: f.capped,
        notes: f.notes,
        nonFinite: f.nonFinite,
        deep: false,
        wrapper: f.wrapper,
        wrapperStart: f.wrapperStart,
      };
    } else {
      const tooFew = f.count < this.syntax.minValues || (f.tuple && (f.commas === 0 || f.count < 2));
      if (f.count === 0 || tooFew) {
        f.kind = Kind.Opaque;
        dropValues(f);
        return this.closedOpaque(parent);
      }
      const values = f.rows !== null ? f.rows[0]! : toValues(f);
      piece = {
        start: f.start,
        end,
        values,
        rows: false,
        count: f.count,
        capped: f.capped,
        notes: f.notes,
        nonFinite: f.nonFinite,
        deep: false,
        wrapper: f.wrapper,
        wrapperStart: f.wrapperStart,
      };
    }
    f.kind = Kind.Opaque;
    f.children = null;
    this.attachOrEmit(piece, parent);
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
        kind: 'too-deep',
        message: `arrays nested 3 or more levels deep are not read (only 1-D values and 2-D rows): the literal at offset ${piece.start}`,
      });
      return;
    }
    if (this.arrays.length >= this.limits.maxArrays) {
      this.stopped = true;
      this.note({
        offset: piece.start,
        kind: 'max-arrays',
        limit: this.limits.maxArrays,
        message: `stopped after ${this.limits.maxArrays} arrays (maxArrays); the text from offset ${piece.start} on was not searched`,
      });
      return;
    }
    // Wrapper calls: `p = np.array([...])` is bound through the call.
    let anchor = piece.wrapper !== undefined ? piece.wrapperStart : piece.start;
    let wrapper = piece.wrapper;
    if (
      parent !== null &&
      parent.kind === Kind.Call &&
      parent.isWrapper &&
      parent.args.length === 0 &&
      parent.slotTokens === 0 &&
      parent.slotKeyword === undefined
    ) {
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
    this.arrays.push(scannedArray(piece, name, wrapper, this.limits.maxElements));
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
      // Rust's borrow `&logits` passes the value itself.
      if (
        c === 38 &&
        f.slotTokens === 0 &&
        !f.slotComplex &&
        this.syntax.family === 'rust' &&
        s.charCodeAt(i + 1) !== 38
      ) {
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
    if (f.slotTokens > 0 || f.slotArray !== undefined || f.slotKeyword !== undefined || f.slotComplex)
      this.endArgument(f);
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
      if (
        f.isWrapper &&
        first !== undefined &&
        first.keyword === undefined &&
        (first.array !== undefined || first.name !== undefined)
      ) {
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
        kind: 'max-depth',
        limit: this.limits.maxDepth,
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
        const before = this.plainSubscript(i, LITERAL_WORD_ENDINGS)
          ? Before.Subscript
          : classifyBefore(s, i, syntax.family === 'julia', LITERAL_WORD_ENDINGS);
        if (before === Before.Subscript) literal = false;
        // R's list index `l[[2]]`: the inner `[` of `[[` indexes too.
        else if (
          syntax.rVectors &&
          i > 0 &&
          s.charCodeAt(i - 1) === 91 &&
          classifyBefore(s, i - 1, false, LITERAL_WORD_ENDINGS) === Before.Subscript
        )
          literal = false;
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
      if (this.localSignatures.has(word)) {
        this.makeCall(this.push(i, 40), word, a, parent);
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
    dropValues(f);
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
    f.signature = this.localSignatures.get(callee) ?? lossSignature(callee);
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
        kind: 'unclosed',
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
    for (let k = 1; k < a.length; k++)
      if (a[k - 1]!.start > a[k]!.start) {
        sorted = false;
        break;
      }
    if (sorted) return;
    const order = a.map((_, k) => k).sort((x, y) => a[x]!.start - a[y]!.start);
    const newIndex = new Array<number>(a.length);
    order.forEach((old, k) => {
      newIndex[old] = k;
    });
    const copy = order.map((k) => a[k]!);
    a.length = 0;
    a.push(...copy);
    for (const call of this.calls)
      for (const arg of call.args) if (arg.array !== undefined) arg.array = newIndex[arg.array];
  }
}
