// Small bounded looks backwards from a bracket: is it a subscript or a call,
// which function is called, and which name is the literal bound to. Every
// helper reads at most LOOK_BACK characters, so the scan stays linear.

import { isIdentChar } from './numbers';

export const LOOK_BACK = 200;

/** Words after which `[` or `(` opens a literal, not a subscript or call. */
const KEYWORDS = new Set([
  'return',
  'yield',
  'in',
  'of',
  'else',
  'and',
  'or',
  'not',
  'is',
  'await',
  'case',
  'assert',
  'del',
  'from',
  'typeof',
  'void',
  'throw',
  'elif',
  'if',
  'while',
  'lambda',
  'for',
  'with',
  'new',
  'const',
  'let',
  'var',
  'static',
  'readonly',
  'export',
  'default',
]);

/** Type words that are never a variable's name (`new double[] {…}`). */
const TYPE_WORDS = new Set([
  'double',
  'float',
  'int',
  'long',
  'short',
  'char',
  'byte',
  'decimal',
  'auto',
  'var',
  'bool',
  'float64',
  'float32',
  'int64',
  'int32',
  'f64',
  'f32',
]);

/** Julia element-typed literals: `Float64[0.1, 0.2]`. */
const JULIA_TYPES = new Set([
  'Float64',
  'Float32',
  'Float16',
  'Int',
  'Int64',
  'Int32',
  'Int8',
  'UInt8',
  'Real',
  'Number',
  'Any',
  'BigFloat',
]);

function isSpace(c: number): boolean {
  return c === 32 || c === 9 || c === 13;
}

function isBlank(c: number): boolean {
  return c === 32 || c === 9 || c === 13 || c === 10;
}

/** Index of the last character before `i` that is not a space or tab (same line), or -1. */
export function prevOnLine(s: string, i: number): number {
  const floor = Math.max(0, i - LOOK_BACK);
  let p = i - 1;
  while (p >= floor && isSpace(s.charCodeAt(p))) p--;
  return p >= floor ? p : -1;
}

/** Index of the last non-blank character before `i` (newlines allowed), or -1. */
export function prevNonBlank(s: string, i: number, floor: number): number {
  let p = i - 1;
  while (p >= floor && isBlank(s.charCodeAt(p))) p--;
  return p >= floor ? p : -1;
}

/** Like prevNonBlank but never crossing a line break (a type annotation sits on its binding's line). */
function prevSameLine(s: string, i: number, floor: number): number {
  let p = i - 1;
  while (p >= floor && isSpace(s.charCodeAt(p))) p--;
  return p >= floor && s.charCodeAt(p) !== 10 ? p : -1;
}

/** Start of the identifier (with `.` and `::` parts) that ends at `end` (exclusive). */
export function identStart(s: string, end: number, floor: number): number {
  let p = end;
  while (p > floor) {
    const c = s.charCodeAt(p - 1);
    if (isIdentChar(c) || c === 46 /* . */) p--;
    else if (c === 58 /* : */ && p - 2 >= floor && s.charCodeAt(p - 2) === 58) p -= 2;
    else break;
  }
  // Identifiers do not start with a digit or a dot.
  while (p < end && !isIdentStartChar(s.charCodeAt(p))) p++;
  return p;
}

function isIdentStartChar(c: number): boolean {
  return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || c === 95 || c === 36 || c > 127;
}

/** The last dotted segment of a name: `np.array` → `array`. */
export function lastSegment(name: string): string {
  let k = name.length;
  while (k > 0) {
    const c = name.charCodeAt(k - 1);
    if (c === 46 || c === 58) break;
    k--;
  }
  return k === 0 ? name : name.slice(k);
}

export const enum Before {
  /** Start of text, an operator, `=`, `,`, an opening bracket, … : a literal may start here. */
  Literal,
  /** An identifier, `)` or `]` right before: a subscript or a call. */
  Subscript,
  /** Rust macro `vec![`. */
  Macro,
}

/** What readIdentBack found: the identifier's start, its last segment's start, and that segment's hash. */
export const identBack = { start: 0, end: 0, segStart: 0, segHash: 0 };

/** Hash of s[a, b) read backwards (as readIdentBack computes it), so names are compared without slicing. */
export function hashBack(s: string, a: number, b: number): number {
  let h = 0;
  for (let k = b - 1; k >= a; k--) h = (Math.imul(h, 31) + s.charCodeAt(k)) | 0;
  return h;
}

export function hashWord(word: string): number {
  return hashBack(word, 0, word.length);
}

/**
 * Reads the dotted identifier that ends at `end` (exclusive) into identBack
 * without allocating. Returns false when no identifier ends there (e.g. `2(`).
 */
export function readIdentBack(s: string, end: number, floor: number): boolean {
  let p = end;
  let h = 0;
  let inSegment = true;
  let segStart = end;
  while (p > floor) {
    const c = s.charCodeAt(p - 1);
    if (isIdentChar(c)) {
      if (inSegment) {
        h = (Math.imul(h, 31) + c) | 0;
        segStart = p - 1;
      }
      p--;
    } else if (c === 46 /* . */) {
      inSegment = false;
      p--;
    } else if (c === 58 /* : */ && p - 2 >= floor && s.charCodeAt(p - 2) === 58) {
      inSegment = false;
      p -= 2;
    } else break;
  }
  while (p < end && !isIdentStartChar(s.charCodeAt(p))) p++;
  if (p >= end || segStart < p) return false;
  identBack.start = p;
  identBack.end = end;
  identBack.segStart = segStart;
  identBack.segHash = h;
  return true;
}

/**
 * A set of word hashes with a one-byte-per-slot prefilter: most identifiers
 * before a bracket are not in the set, and the filter says so without a Set
 * lookup (this runs for every call in the text).
 */
export class HashSet {
  private readonly filter = new Uint8Array(1 << 16);
  private readonly set = new Set<number>();

  constructor(words: Iterable<string> = []) {
    for (const w of words) this.add(hashWord(w));
  }

  add(hash: number): void {
    this.filter[hash & 0xffff] = 1;
    this.set.add(hash);
  }

  has(hash: number): boolean {
    return this.filter[hash & 0xffff] === 1 && this.set.has(hash);
  }
}

const KEYWORD_HASHES = new HashSet(KEYWORDS);
const JULIA_TYPE_HASHES = new HashSet(JULIA_TYPES);

/**
 * Prefilter on the last two characters of a word (`return` → `rn`; a
 * one-letter word uses 0 for the first): most identifiers before a bracket end
 * in a pair no interesting word ends in, and are dismissed without reading them.
 */
export class EndingFilter {
  readonly bits = new Uint8Array(128 * 128);
  /**
   * The same for the last four characters (0 for those before a shorter word),
   * hashed (endingKey): a second, finer filter for the words that pass `bits`
   * (`len`, `max`, `print` end like `kl_div`, `softmax`, `hint`). A collision
   * only lets a word through to the full check.
   */
  readonly quads = new Uint8Array(1 << 16);

  constructor(words: Iterable<string> = []) {
    for (const w of words) this.add(w);
  }

  add(word: string): void {
    if (word.length === 0) return;
    const n = word.length;
    const last = word.charCodeAt(n - 1) & 127;
    const prev = n > 1 ? word.charCodeAt(n - 2) & 127 : 0;
    this.bits[prev * 128 + last] = 1;
    const c2 = n > 2 ? word.charCodeAt(n - 3) & 127 : 0;
    const c3 = n > 3 ? word.charCodeAt(n - 4) & 127 : 0;
    this.quads[endingKey(c3, c2, prev, last)] = 1;
  }

  /** Adds every ending of `other`. */
  merge(other: EndingFilter): void {
    for (let k = 0; k < other.bits.length; k++) if (other.bits[k]) this.bits[k] = 1;
    for (let k = 0; k < other.quads.length; k++) if (other.quads[k]) this.quads[k] = 1;
  }

  copy(): EndingFilter {
    const f = new EndingFilter();
    f.bits.set(this.bits);
    f.quads.set(this.quads);
    return f;
  }
}

/** Key of a word's last four characters `c3 c2 c1 c0` (0 before the word's start) in EndingFilter.quads. */
export function endingKey(c3: number, c2: number, c1: number, c0: number): number {
  return (((c3 * 131 + c2) * 131 + c1) * 131 + c0) & 0xffff;
}

/** Endings of the words after which a bracket opens a literal (keywords, Julia types). */
export const LITERAL_WORD_ENDINGS = new EndingFilter([...KEYWORDS, ...JULIA_TYPES]);

/**
 * What precedes an opening bracket at `open` in code: `a[`, `f(`, `)(` and `][`
 * are subscripts / calls, keywords (`return [`) and Julia types (`Float64[`) are
 * not. When an identifier precedes, identBack describes it — unless its ending
 * is not in `endings`, in which case identBack.start is -2 (nothing of interest).
 */
export function classifyBefore(s: string, open: number, juliaTypes: boolean, endings: EndingFilter): Before {
  const p = prevOnLine(s, open);
  identBack.start = identBack.end = -1;
  if (p < 0) return Before.Literal;
  const c = s.charCodeAt(p);
  if (c === 41 /* ) */ || c === 93 /* ] */ || c === 125 /* } */) return Before.Subscript;
  if (c === 33 /* ! */) return Before.Macro;
  // `probs?.[0]` (optional chaining) and Julia's `f.(x)` index or call, as `a[0]` does.
  if (c === 46 /* . */ && p > 0) {
    const b = s.charCodeAt(p - 1);
    if (b === 63 /* ? */ || isIdentChar(b) || b === 41 || b === 93) return Before.Subscript;
  }
  if (!isIdentChar(c)) return Before.Literal;
  const c1 = p > 0 ? s.charCodeAt(p - 1) : 0;
  if (endings.bits[(isIdentChar(c1) ? c1 & 127 : 0) * 128 + (c & 127)] === 0) {
    identBack.start = -2;
    return Before.Subscript;
  }
  if (!readIdentBack(s, p + 1, Math.max(0, p - 80))) return Before.Subscript; // digits only, e.g. `2(`
  const { start, segStart, segHash } = identBack;
  if (start === segStart) {
    if (KEYWORD_HASHES.has(segHash) && KEYWORDS.has(s.slice(start, p + 1))) return Before.Literal;
    if (juliaTypes && JULIA_TYPE_HASHES.has(segHash) && JULIA_TYPES.has(s.slice(start, p + 1))) return Before.Literal;
  }
  return Before.Subscript;
}

/** Reads a word ending at `end` (exclusive) if it is one of `words`. */
function wordBefore(s: string, end: number, floor: number): [string, number] | undefined {
  const start = identStart(s, end, floor);
  if (start >= end) return undefined;
  return [s.slice(start, end), start];
}

/**
 * The name a literal starting at `anchor` is bound to (`anchor` is the literal's
 * first character, or the start of a wrapper call such as `np.array(`):
 * `y_true = `, `const q: number[] = `, `double q[] = `, `"p": `, `target=`, `p <- `.
 * `code` false (prose): only `name = [...]` names a list, not `loss history: [...]`.
 */
export function bindingName(s: string, anchor: number, code = true, end = anchor): string | undefined {
  const floor = Math.max(0, anchor - LOOK_BACK);
  if (code) {
    const unpacked = unpackedName(s, anchor, end, floor);
    if (unpacked !== null) return unpacked;
  }
  let p = prevNonBlank(s, anchor, floor);
  // Rust's borrowed slice `= &[1.0, -1.0]`: the `&` does not hide the binding.
  if (code && p > 0 && s.charCodeAt(p) === 38 /* & */ && s.charCodeAt(p - 1) !== 38) p = prevNonBlank(s, p, floor);
  if (!code) {
    // Prose: `name = [...]` and, as logs and printouts write it, `name: [...]` name a list.
    if (p >= 0 && s.charCodeAt(p) === 61) return nameBeforeEquals(s, p, floor);
    if (p > 0 && s.charCodeAt(p) === 58 && isIdentChar(s.charCodeAt(p - 1))) {
      const w = wordBefore(s, p, floor);
      return w && !/^\d/.test(w[0]) ? w[0] : undefined;
    }
    return undefined;
  }
  // `T v{…}` without `=` names only a brace initialiser (C++).
  const braced = s.charCodeAt(anchor) === 123;
  // Skip what may sit between `=` and a brace initialiser or a constructor: `new double[] {`, `[]float64{`, `new `.
  let nearestIdent: string | undefined;
  let tokens = 0;
  while (p >= 0 && tokens < 6) {
    const c = s.charCodeAt(p);
    if (c === 93 /* ] */) {
      const q = matchBack(s, p, 91, 93, floor);
      if (q < 0) return undefined;
      p = prevNonBlank(s, q, floor);
    } else if (c === 62 /* > */ && !(p > 0 && s.charCodeAt(p - 1) === 45 /* -> */)) {
      const q = matchBack(s, p, 60, 62, floor);
      if (q < 0) return undefined;
      p = prevNonBlank(s, q, floor);
    } else if (isIdentChar(c)) {
      const w = wordBefore(s, p + 1, floor);
      if (!w) break; // a number, e.g. the end of `x = 1` on the line before
      if (w[0] === 'new') {
        p = prevNonBlank(s, w[1], floor);
        continue;
      }
      if (KEYWORDS.has(w[0])) return undefined;
      if (nearestIdent === undefined) nearestIdent = w[0];
      p = prevNonBlank(s, w[1], floor);
    } else break;
    tokens++;
  }
  if (p < 0) {
    // `std::vector<double> v{…}` at the very start of the text.
    return braced && tokens >= 2 && nearestIdent !== undefined && !TYPE_WORDS.has(nearestIdent)
      ? nearestIdent
      : undefined;
  }
  const c = s.charCodeAt(p);
  const before = p > 0 ? s.charCodeAt(p - 1) : 0;
  if (tokens > 0) {
    // `double q[] {…}` / `std::vector<double> v{…}`: a declaration without `=`.
    if (c === 61 /* = */) return nameBeforeEquals(s, p, floor);
    return braced && tokens >= 2 && nearestIdent !== undefined && !TYPE_WORDS.has(nearestIdent)
      ? nearestIdent
      : undefined;
  }
  if (c === 61 /* = */) return nameBeforeEquals(s, p, floor);
  if (c === 58 /* : */ && before !== 58) return keyBefore(s, p, floor);
  if (c === 45 /* - */ && before === 60 /* <- */) {
    const q = prevNonBlank(s, p - 1, floor);
    if (q < 0 || !isIdentChar(s.charCodeAt(q))) return undefined;
    const w = wordBefore(s, q + 1, floor);
    return w ? w[0] : undefined;
  }
  return undefined;
}

/**
 * Tuple unpacking, `y_true, y_pred = [0, 1], [0.2, 0.8]`: the k-th literal of
 * the right side takes the k-th name of the left. Returns null when the literal
 * is not part of such an assignment, undefined when it is but has no name.
 */
function unpackedName(s: string, anchor: number, end: number, floor: number): string | undefined | null {
  const p = prevNonBlank(s, anchor, floor);
  if (p < 0) return null;
  const c = s.charCodeAt(p);
  if (c === 61 /* = */) {
    if (!isPlainEquals(s, p)) return null;
    const names = leftNames(s, p, floor);
    if (names === null) return null;
    // `a, b = [1, 2]` unpacks one list into two names: neither is the list's.
    const after = nextNonBlank(s, end);
    return after >= 0 && s.charCodeAt(after) === 44 ? names[0] : undefined;
  }
  if (c !== 44 /* , */) return null;
  // Count the right side's elements back to the `=` at depth 0 on this statement.
  let k = 1;
  let depth = 0;
  for (let q = p - 1; q >= floor; q--) {
    const d = s.charCodeAt(q);
    if (d === 41 || d === 93 || d === 125) depth++;
    else if (d === 40 || d === 91 || d === 123) {
      if (depth === 0) return null; // inside a call, a list or a dict: not an unpacking
      depth--;
    } else if (depth === 0) {
      if (d === 44) k++;
      else if (d === 10 || d === 59) return null;
      else if (d === 61) {
        if (!isPlainEquals(s, q)) return null;
        const names = leftNames(s, q, floor);
        if (names === null) return null;
        return k < names.length ? names[k] : undefined;
      }
    }
  }
  return null;
}

/** `=` that is an assignment, not `==`, `<=`, `>=`, `!=` or `=>`. */
function isPlainEquals(s: string, q: number): boolean {
  const b = q > 0 ? s.charCodeAt(q - 1) : 0;
  const a = s.charCodeAt(q + 1);
  return b !== 61 && b !== 60 && b !== 62 && b !== 33 && a !== 61 && a !== 62;
}

/** The names of `a, b, c =` (at least two, bare or in parentheses), or null. */
function leftNames(s: string, eq: number, floor: number): string[] | null {
  const names: string[] = [];
  let p = prevSameLine(s, eq, floor);
  if (p >= 0 && s.charCodeAt(p) === 41 /* ) */) p = prevSameLine(s, p, floor);
  while (p >= 0 && names.length < 32) {
    if (!isIdentChar(s.charCodeAt(p))) return null;
    const w = wordBefore(s, p + 1, floor);
    if (!w || KEYWORDS.has(w[0])) return null;
    names.push(w[0]);
    p = prevSameLine(s, w[1], floor);
    if (p < 0 || s.charCodeAt(p) !== 44 /* , */) break;
    p = prevSameLine(s, p, floor);
  }
  return names.length >= 2 ? names.reverse() : null;
}

export function nextNonBlank(s: string, i: number): number {
  const limit = Math.min(s.length, i + LOOK_BACK);
  for (let k = i; k < limit; k++) if (!isBlank(s.charCodeAt(k))) return k;
  return -1;
}

/** `name = `, `name: T = `, `T name = `, `T name[] = `, `name := ` with `=` at `eq`. */
function nameBeforeEquals(s: string, eq: number, floor: number): string | undefined {
  const before = eq > 0 ? s.charCodeAt(eq - 1) : 0;
  // `==`, `<=`, `>=`, `!=`, `+=`, … are not bindings; `:=` is (Go, Python's walrus).
  if (
    before === 61 ||
    before === 60 ||
    before === 62 ||
    before === 33 ||
    before === 43 ||
    before === 45 ||
    before === 42 ||
    before === 47 ||
    before === 37 ||
    before === 38 ||
    before === 124 ||
    before === 94
  ) {
    return undefined;
  }
  let p = prevSameLine(s, before === 58 ? eq - 1 : eq, floor);
  // Walk back over what may be a type (`number[] | undefined`, `Vec<f64>`,
  // `readonly number[]`, `[f64; 3]`) keeping the identifier nearest to `=`;
  // a `:` on the way means the name is the identifier before it.
  let nearest: string | undefined;
  let skippedGroup = false;
  for (let guard = 0; p >= 0 && guard < 10; guard++) {
    const c = s.charCodeAt(p);
    if (c === 93 /* ] */ || c === 62 /* > */) {
      const q = matchBack(s, p, c === 93 ? 91 : 60, c, floor);
      if (q < 0) break;
      if (nearest === undefined) skippedGroup = true;
      p = prevSameLine(s, q, floor);
      continue;
    }
    if (c === 63 /* ? */ || c === 42 /* * */ || c === 38 /* & */ || c === 124 /* | */) {
      p = prevSameLine(s, p, floor);
      continue;
    }
    if (c === 58 /* : */ && (p === 0 || s.charCodeAt(p - 1) !== 58)) {
      // `name: Type = …` — the name is before the colon.
      const q = prevSameLine(s, p, floor);
      if (q < 0 || !isIdentChar(s.charCodeAt(q))) return nearest;
      const w = wordBefore(s, q + 1, floor);
      return w && !KEYWORDS.has(w[0]) ? w[0] : nearest;
    }
    if (isIdentChar(c)) {
      const w = wordBefore(s, p + 1, floor);
      if (!w) break;
      // `const [a, b] = …` destructures: a pattern, no single name.
      if (nearest === undefined && skippedGroup && KEYWORDS.has(w[0]) && w[0] !== 'readonly') return undefined;
      // Right before `=` any word is the name (MATLAB's `new = [...]`); further back a keyword ends the walk.
      if (nearest !== undefined && KEYWORDS.has(w[0]) && w[0] !== 'readonly') break;
      if (nearest === undefined) nearest = w[0];
      p = prevSameLine(s, w[1], floor);
      continue;
    }
    break;
  }
  return nearest;
}

/** A JSON / dict / object / YAML key before `:` at `colon`: `"p": `, `'p': `, `p: `. */
function keyBefore(s: string, colon: number, floor: number): string | undefined {
  const q = prevNonBlank(s, colon, floor);
  if (q < 0) return undefined;
  const c = s.charCodeAt(q);
  if (c === 34 || c === 39) {
    let k = q - 1;
    const stop = Math.max(floor, q - 100);
    while (k >= stop && s.charCodeAt(k) !== c) {
      if (s.charCodeAt(k) === 10) return undefined;
      k--;
    }
    return k >= stop && k < q ? s.slice(k + 1, q) : undefined;
  }
  if (!isIdentChar(c)) return undefined;
  const w = wordBefore(s, q + 1, floor);
  return w ? w[0] : undefined;
}

/** Index of the bracket `open` matching the `close` at `p`, looking back; -1 if not found nearby. */
function matchBack(s: string, p: number, open: number, close: number, floor: number): number {
  let depth = 0;
  for (let k = p; k >= floor; k--) {
    const c = s.charCodeAt(k);
    if (c === close) depth++;
    else if (c === open && --depth === 0) return k;
    else if (c === 10 || c === 61 /* = */) return -1;
  }
  return -1;
}

/** The first position from `j` that is not a space or tab (at most `n`). */
export function skipSpaces(s: string, j: number, n: number): number {
  while (j < n && (s.charCodeAt(j) === 32 || s.charCodeAt(j) === 9)) j++;
  return j;
}

/** hashWord of s[a, b) without slicing. */
export function hashWordRange(s: string, a: number, b: number): number {
  let h = 0;
  for (let k = b - 1; k >= a; k--) h = (Math.imul(h, 31) + s.charCodeAt(k)) | 0;
  return h;
}
