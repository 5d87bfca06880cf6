// Where a literal sits in the code around it, read by bounded looks back and
// forward (at most LOOK characters each way): the expression it is (the
// literal, or the outermost constructor around it: `np.array([…])`,
// `Tensor::from_data(TensorData::from([…]), &device)`, `new double[] {…}`),
// and the call that expression is an argument of — callee, argument position,
// keyword, and the other arguments' text. shapeArgs.ts decides from this which
// literals are shapes and which data come with a shape.

import { ARRAY_CONSTRUCTORS } from './callSignatures';
import { isIdentChar } from './numbers';

/** Characters looked at each way. */
const LOOK = 300;

export interface ArgumentContext {
  /** First character of the expression the literal is (the literal, or the outermost wrapper call around it). */
  exprStart: number;
  /** One past the expression's last character (the wrapper call's `)`, or the literal's end). */
  exprEnd: number;
  /** The call the expression is an argument of, as written (`torch.reshape`, `Matrix<float>.Build.Dense`); '' when it is not one. */
  callee: string;
  /** The callee's first character. */
  calleeStart: number;
  /** The call's `(`. */
  open: number;
  /** Its `)`, or -1 when not found within LOOK characters; -2 until closeAt() looks. */
  close: number;
  /** 0-based position among the call's arguments (keyword arguments count too). */
  argIndex: number;
  /** `shape=[2, 3]`: the keyword the argument is given by. */
  keyword: string | undefined;
  /** The callee is written after a type (`Tensor logits({1, 4})`): a C++ declaration with constructor arguments. */
  declaration: boolean;
  /** The wrapper calls climbed through, innermost first (`np.array`, `TensorData::from`). */
  wrappers: string[];
}

const NO_WRAPPERS: string[] = [];

/** Calls whose first argument is the array itself (a constructor or a conversion): the context is read around the call. */
const WRAPPER_SEGMENTS = new Set([
  ...ARRAY_CONSTRUCTORS,
  // Rust (candle, burn, ndarray), Kotlin, Java and Math.NET constructors.
  'from_data',
  'from_floats',
  'from_slice',
  'from_vec',
  'from_numpy',
  'vec',
  'to_vec',
  'into',
  'new',
  'create',
  'DenseVector',
  'DenseMatrix',
  'tensor3d',
  'tensor4d',
]);

/** The argument context of a literal at [start, end) (its wrapper, when the scanner saw one, starts at `wrapperStart`). */
export function argumentContext(s: string, start: number, end: number, wrapperStart = start): ArgumentContext {
  const ctx: ArgumentContext = {
    exprStart: Math.min(start, wrapperStart),
    exprEnd: end,
    callee: '',
    calleeStart: -1,
    open: -1,
    close: -1,
    argIndex: -1,
    keyword: undefined,
    declaration: false,
    wrappers: NO_WRAPPERS,
  };
  for (let level = 0; level < 4; level++) {
    const at = skipPrefix(s, ctx.exprStart);
    ctx.exprStart = at;
    if (!readEnclosingCall(s, ctx)) return ctx;
    const seg = lastSegmentOf(ctx.callee);
    // The literal is what the wrapper makes: read on around the wrapper call.
    if (
      ctx.argIndex === 0 &&
      ctx.keyword === undefined &&
      WRAPPER_SEGMENTS.has(seg) &&
      !ctx.declaration &&
      closeAt(s, ctx) >= 0 &&
      onlyDataAfter(s, ctx)
    ) {
      if (ctx.wrappers === NO_WRAPPERS) ctx.wrappers = [];
      ctx.wrappers.push(ctx.callee);
      ctx.exprStart = ctx.calleeStart;
      ctx.exprEnd = ctx.close + 1;
      resetCall(ctx);
      continue;
    }
    return ctx;
  }
  return ctx;
}

/** A wrapper's other arguments are options (dtype=…, &device, requires_grad=…), not a shape of 2+ numbers: `tf.tensor(v, [2, 3])` stays the call. */
function onlyDataAfter(s: string, ctx: ArgumentContext): boolean {
  const rest = s.slice(ctx.exprEnd, ctx.close);
  return !/^\s*,\s*(?:new\s+\w+\s*\[\]\s*)?[[({]\s*-?\d/.test(rest) && !/^\s*,\s*\d+\s*,\s*\d/.test(rest);
}

function resetCall(ctx: ArgumentContext): void {
  ctx.callee = '';
  ctx.calleeStart = -1;
  ctx.open = -1;
  ctx.close = -1;
  ctx.argIndex = -1;
  ctx.keyword = undefined;
  ctx.declaration = false;
}

/**
 * Skips back over what sits between an argument's start and its literal:
 * `new double[]`, `new int[]`, `std::vector<int>`, Julia's `Float32`, Rust's
 * `&` and `vec!`. Returns the expression's start.
 */
function skipPrefix(s: string, start: number): number {
  const floor = Math.max(0, start - 80);
  let p = start;
  for (let guard = 0; guard < 4; guard++) {
    const q = prevNonBlank(s, p, floor);
    if (q < 0) return p;
    const c = s.charCodeAt(q);
    if (c === 93 /* ] */ && q > 0 && s.charCodeAt(q - 1) === 91 /* [] */) {
      let r = prevNonBlank(s, q - 1, floor);
      if (r < 0 || !isIdentChar(s.charCodeAt(r))) return p;
      r = identStartBack(s, r + 1, floor);
      const w = prevWord(s, r, floor);
      p = w !== undefined && w[0] === 'new' ? w[1] : r;
      continue;
    }
    if (c === 62 /* > */ && s.charCodeAt(start) === 123 /* { */ && q === p - 1) {
      const lt = s.lastIndexOf('<', q);
      if (lt < floor) return p;
      p = identStartBack(s, lt, floor);
      continue;
    }
    if (c === 33 /* ! */ && q === p - 1) {
      p = identStartBack(s, q, floor);
      continue;
    }
    if (c === 38 /* & */) {
      p = q;
      continue;
    }
    // Julia's typed literal `Float32[…]`, Kotlin `floatArrayOf` is a call (the literal includes it).
    if (isIdentChar(c) && q === p - 1 && s.charCodeAt(p) === 91) {
      const r = identStartBack(s, q + 1, floor);
      if (/^[A-Z]\w*$/.test(s.slice(r, q + 1))) {
        p = r;
        continue;
      }
    }
    if (isIdentChar(c) && s.charCodeAt(p) === 123 /* { */) {
      // `new [] {`, `new double[,] {`: handled above; `new Foo {` is not ours.
      const w = prevWord(s, q + 1, floor);
      if (w !== undefined && w[0] === 'new') {
        p = w[1];
        continue;
      }
    }
    return p;
  }
  return p;
}

/**
 * Fills ctx with the call whose argument starts at ctx.exprStart: walks back
 * over the earlier arguments (balanced brackets, no strings) to the `(`.
 * False when the expression is not a call argument.
 */
function readEnclosingCall(s: string, ctx: ArgumentContext): boolean {
  const floor = Math.max(0, ctx.exprStart - LOOK);
  let q = prevNonBlank(s, ctx.exprStart, floor);
  if (q < 0) return false;
  // `shape=[2, 3]`, `axis=(0, 1)`: a keyword argument.
  const c0 = s.charCodeAt(q);
  if (c0 === 61 /* = */ && !isOperatorBefore(s, q)) {
    const r = prevNonBlank(s, q, floor);
    if (r < 0 || !isIdentChar(s.charCodeAt(r))) return false;
    const w0 = identStartBack(s, r + 1, floor);
    const keyword = s.slice(w0, r + 1);
    const before = prevNonBlank(s, w0, floor);
    if (before < 0) return false;
    const cb = s.charCodeAt(before);
    if (cb !== 40 && cb !== 44) return false; // an assignment, not a keyword argument
    ctx.keyword = keyword;
    q = before;
  }
  let commas = 0;
  let depth = 0;
  let p = q;
  // A keyword's own position is read from the `(` or `,` before it.
  for (; p >= floor; p--) {
    const c = s.charCodeAt(p);
    if (c === 34 || c === 39 || c === 96) return false; // strings between: give up
    if (c === 10 && depth === 0 && p < q) {
      // Arguments may run over lines; a line that ends a statement does not.
      const prev = prevNonBlank(s, p, floor);
      if (prev >= 0) {
        const pc = s.charCodeAt(prev);
        if (pc === 59 /* ; */ || pc === 125 /* } */) return false;
      }
      continue;
    }
    if (c === 41 || c === 93 || c === 125) depth++;
    else if (c === 40 || c === 91 || c === 123) {
      if (depth === 0) break;
      depth--;
    } else if (c === 44 && depth === 0) commas++;
  }
  if (p < floor || s.charCodeAt(p) !== 40 /* ( */) return false;
  ctx.open = p;
  ctx.argIndex = commas;
  // The callee: an identifier chain with `.`, `::`, `->` and generics `<…>` before `(`.
  let e = p;
  let calleeStart = -1;
  const cfloor = Math.max(0, p - 120);
  for (let guard = 0; guard < 12; guard++) {
    const r = e - 1;
    if (r < cfloor) break;
    const c = s.charCodeAt(r);
    if (isIdentChar(c)) {
      const st = identStartBack(s, r + 1, cfloor);
      calleeStart = st;
      e = st;
    } else if (c === 46 /* . */ && calleeStart >= 0) e = r;
    else if (c === 58 && r > 0 && s.charCodeAt(r - 1) === 58 && calleeStart >= 0) e = r - 1;
    else if (c === 62 && r > 0 && s.charCodeAt(r - 1) === 45 && calleeStart >= 0) e = r - 1;
    else if (c === 62 /* > */) {
      const lt = s.lastIndexOf('<', r);
      if (lt < cfloor) break;
      e = lt;
    } else break;
  }
  if (calleeStart < 0) return false;
  ctx.calleeStart = calleeStart;
  ctx.callee = s.slice(calleeStart, p).replace(/\s+/g, '');
  // `Tensor logits({1, 4})`: a type, a space, the declared name.
  const before = prevNonBlank(s, calleeStart, cfloor);
  if (
    before >= 0 &&
    before === calleeStart - 2 &&
    s.charCodeAt(calleeStart - 1) === 32 &&
    (isIdentChar(s.charCodeAt(before)) || isGenericEnd(s, before))
  ) {
    const w = prevWord(s, before + 1, cfloor);
    if (w === undefined || !NOT_TYPES.has(w[0])) ctx.declaration = true;
  }
  ctx.close = -2;
  return true;
}

/** A `>` that closes a type's generic arguments (`std::vector<int>`), not a prompt (`julia>`, `> `). */
function isGenericEnd(s: string, at: number): boolean {
  if (s.charCodeAt(at) !== 62) return false;
  const lt = s.lastIndexOf('<', at);
  return lt >= 0 && at - lt < 40 && lt > 0 && isIdentChar(s.charCodeAt(lt - 1)) && s.indexOf('\n', lt) > at;
}

/** Words before a name that are not a type: `return f(…)`, `new F(…)`, … */
const NOT_TYPES = new Set([
  'return',
  'new',
  'await',
  'yield',
  'in',
  'of',
  'if',
  'else',
  'and',
  'or',
  'not',
  'is',
  'print',
  'assert',
  'let',
  'var',
  'val',
  'const',
  'def',
  'fn',
  'function',
  'mut',
  'do',
  'case',
  'throw',
]);

/** The call's `)` (looked for once), or -1. */
export function closeAt(s: string, ctx: ArgumentContext): number {
  if (ctx.close === -2) ctx.close = ctx.open < 0 ? -1 : closeOf(s, ctx.open);
  return ctx.close;
}

/** The `)` matching the `(` at `open`, or -1 (strings stop the search). */
export function closeOf(s: string, open: number): number {
  let depth = 0;
  const limit = Math.min(s.length, open + LOOK * 4);
  for (let k = open; k < limit; k++) {
    const c = s.charCodeAt(k);
    if (c === 40 || c === 91 || c === 123) depth++;
    else if (c === 41 || c === 93 || c === 125) {
      depth--;
      if (depth === 0) return c === 41 ? k : -1;
    } else if (c === 34 || c === 39 || c === 96) {
      const q = s.indexOf(String.fromCharCode(c), k + 1);
      if (q < 0 || q > limit) return -1;
      k = q;
    }
  }
  return -1;
}

/** The top-level arguments of the call whose `(` is at `open` and `)` at `close`, as trimmed text. */
export function argumentsOf(s: string, open: number, close: number): string[] {
  const out: string[] = [];
  let depth = 0;
  let from = open + 1;
  for (let k = open + 1; k < close; k++) {
    const c = s.charCodeAt(k);
    if (c === 40 || c === 91 || c === 123) depth++;
    else if (c === 41 || c === 93 || c === 125) depth--;
    else if (c === 44 && depth === 0) {
      out.push(s.slice(from, k).trim());
      from = k + 1;
    }
  }
  const last = s.slice(from, close).trim();
  if (last.length > 0 || out.length > 0) out.push(last);
  return out;
}

function isOperatorBefore(s: string, q: number): boolean {
  const b = q > 0 ? s.charCodeAt(q - 1) : 0;
  const a = s.charCodeAt(q + 1);
  return (
    a === 61 || b === 61 || b === 33 || b === 60 || b === 62 || b === 43 || b === 45 || b === 42 || b === 47 || a === 62
  );
}

export function lastSegmentOf(callee: string): string {
  let k = callee.length;
  while (k > 0 && isIdentChar(callee.charCodeAt(k - 1))) k--;
  return callee.slice(k);
}

function prevNonBlank(s: string, i: number, floor: number): number {
  let p = i - 1;
  while (p >= floor) {
    const c = s.charCodeAt(p);
    if (c !== 32 && c !== 9 && c !== 10 && c !== 13) return p;
    p--;
  }
  return -1;
}

function identStartBack(s: string, end: number, floor: number): number {
  let p = end;
  while (p > floor && isIdentChar(s.charCodeAt(p - 1))) p--;
  return p;
}

/** The word ending at `end` (after skipping blanks back from it) and its start. */
function prevWord(s: string, end: number, floor: number): [string, number] | undefined {
  const q = prevNonBlank(s, end, floor);
  if (q < 0 || !isIdentChar(s.charCodeAt(q))) return undefined;
  const st = identStartBack(s, q + 1, floor);
  return [s.slice(st, q + 1), st];
}
