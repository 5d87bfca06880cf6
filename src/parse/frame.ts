// The scanner's stack frames (one per open bracket) and where a literal's
// values go while it is read: a per-depth scratch shared by all scans, copied
// once into an array of exactly their number when the list or row closes.

import type { CallArgument } from './callSites';
import type { LossSignature } from './callSignatures';

export const enum Kind {
  Opaque,
  Literal,
  Call,
}

/** A finished literal waiting for its parent: a row of a 2-D batch, or reported alone. */
export interface Piece {
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
export const NO_SCRATCH = new Float64Array(0);
/**
 * The scratch of each nesting depth, shared by all scans (they never
 * interleave), so a scan does not grow its own: at most LONG_AT values
 * (64 KB) a depth, kept.
 */
export const SCRATCH: Float64Array[] = [];
/** A frame's `values` when not indexed: never written (only an indexed list writes `values`). */
export const NO_VALUES: number[] = [];
/** Values read into the scratch before a long list reserves its own room (see Frame.buf). */
const LONG_AT = 8192;

export class Frame {
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

/**
 * Room for one more value when the scratch is full: the scratch doubles
 * (kept for the next literals at this depth), or, at LONG_AT values, the
 * list reserves its own array (see Frame.buf). `k` is where reading is in
 * `s` (of length `n`); at most `maxElements` values are kept.
 */
export function grow(f: Frame, len: number, k: number, s: string, n: number, maxElements: number): void {
  const buf = f.buf;
  if (len < LONG_AT) {
    const bigger = new Float64Array(Math.max(16, buf.length * 2));
    bigger.set(buf.subarray(0, len));
    f.buf = bigger;
    SCRATCH[f.level] = bigger;
    return;
  }
  const close = s.indexOf(String.fromCharCode(f.close), k);
  const end = close < 0 || close > n ? n : close;
  const perValue = Math.max(1, (k - f.open) / len);
  // At most 4096× what was read: an unclosed list whose first `]` is far away cannot reserve much.
  const estimate = Math.min(maxElements, len * 4096, len + Math.ceil(((end - k) / perValue) * 1.02) + 64);
  const values = new Array<number>(Math.max(estimate, len + 1));
  for (let j = 0; j < len; j++) values[j] = buf[j]!;
  f.values = values;
  f.indexed = true;
}

/**
 * The values read (a list or a matrix row) as an array of exactly their
 * number, and the frame emptied for the next row. `new Array(n)` filled
 * with numbers is a (holey) double array: unboxed, 8 B a value.
 */
export function toValues(f: Frame): number[] {
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

/** Empties a frame's literal state (it turned out not to be a literal). */
export function dropValues(f: Frame): void {
  f.values = NO_VALUES;
  f.indexed = false;
  f.len = 0;
}
