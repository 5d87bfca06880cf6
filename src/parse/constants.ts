// Constant arithmetic of numeric literals inside a literal is a value:
// `[1/2, 1/2]`, R's `c(1/5, 1/5, 3/5)`, `2**-3`, `1e-3*5`, `1 - 0.25`. Operands
// are numbers (with their sign); operators `+ - * /`, and the power `**`
// (Python, JS) or `^` (R, MATLAB, Julia), with the usual precedence (power
// binds tighter than a leading minus and is right-associative). No names,
// calls or parentheses: `x/2`, `np.log(2)` and `(1/3)` keep the literal from
// being all numbers.

import { readNumber, readValue } from './numbers';

/** Operands and operators of one expression, at most this many operands. */
const MAX_OPERANDS = 16;

const operands: number[] = [];
const operators: number[] = [];

/**
 * If an operator follows the number read from `i` to `j`, reads the whole
 * constant expression and returns its end, the value in readValue.value;
 * returns `j` (value untouched) when no operator follows, -1 when an operator
 * follows but what comes after it is not a number. `spaced`: in MATLAB/Julia
 * matrices `[1 -2]` is two values, so a `+`/`-` with a space before and none
 * after starts the next value.
 */
export function readConstant(
  s: string,
  i: number,
  j: number,
  n: number,
  suffixes: boolean,
  julia: boolean,
  caret: boolean,
  spaced: boolean,
): number {
  let k = j;
  let op = operatorAt(s, k, n, caret, spaced);
  if (op === 0) return j;
  operands.length = 0;
  operators.length = 0;
  operands.push(readValue.value);
  while (op !== 0) {
    if (operands.length >= MAX_OPERANDS) return -1;
    k = skipBlanks(s, k, n);
    k += op === POW2 ? 2 : 1;
    k = skipBlanks(s, k, n);
    const e = readNumber(s, k, n, suffixes, julia);
    if (e < 0) return -1;
    operators.push(op);
    operands.push(readValue.value);
    k = e;
    op = operatorAt(s, k, n, caret, spaced);
  }
  readValue.value = evaluate(s.charCodeAt(i) === 45);
  return k;
}

const PLUS = 1,
  MINUS = 2,
  TIMES = 3,
  DIVIDE = 4,
  POW2 = 5,
  CARET = 6;

/** The operator at `k` (after blanks), or 0. */
function operatorAt(s: string, k: number, n: number, caret: boolean, spaced: boolean): number {
  const b = skipBlanks(s, k, n);
  if (b >= n) return 0;
  const c = s.charCodeAt(b);
  const next = b + 1 < n ? s.charCodeAt(b + 1) : 0;
  if (c === 42 /* * */) {
    if (next === 42) return POW2;
    return next === 61 ? 0 : TIMES;
  }
  if (c === 47 /* / */) return next === 47 || next === 42 || next === 61 ? 0 : DIVIDE; // not a comment, not `/=`
  if (c === 94 /* ^ */) return caret ? CARET : 0;
  if (c === 43 || c === 45) {
    if (next === 61 || next === c) return 0;
    // `[1 -2]` in a matrix: a space before and none after starts the next value.
    if (spaced && b > k && !(next === 32 || next === 9)) return 0;
    return c === 43 ? PLUS : MINUS;
  }
  return 0;
}

function skipBlanks(s: string, k: number, n: number): number {
  while (k < n && (s.charCodeAt(k) === 32 || s.charCodeAt(k) === 9)) k++;
  return k;
}

/**
 * The value of operands/operators. `leadingMinus`: the first operand was read
 * with its sign, and `-2**2` is -(2**2) (Python, MATLAB, R, Julia).
 */
function evaluate(leadingMinus: boolean): number {
  // Powers first, right to left.
  const vals = operands.slice();
  const ops = operators.slice();
  for (let k = ops.length - 1; k >= 0; k--) {
    if (ops[k] !== POW2 && ops[k] !== CARET) continue;
    let base = vals[k]!;
    const negate = k === 0 && leadingMinus && base < 0;
    if (negate) base = -base;
    const v = Math.pow(base, vals[k + 1]!);
    vals.splice(k, 2, negate ? -v : v);
    ops.splice(k, 1);
  }
  // Then * and /, left to right.
  for (let k = 0; k < ops.length;) {
    if (ops[k] === TIMES || ops[k] === DIVIDE) {
      const v = ops[k] === TIMES ? vals[k]! * vals[k + 1]! : vals[k]! / vals[k + 1]!;
      vals.splice(k, 2, v);
      ops.splice(k, 1);
    } else k++;
  }
  let v = vals[0]!;
  for (let k = 0; k < ops.length; k++) v = ops[k] === PLUS ? v + vals[k + 1]! : v - vals[k + 1]!;
  return v;
}
