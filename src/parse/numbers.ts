// Reads one numeric literal from char codes, without regular expressions or
// slicing on the common path: digits accumulate into an exact mantissa and one
// correctly rounded multiply/divide by an exact power of ten gives the value
// (the classic fast path). Anything exotic — more than 2^53 in the mantissa,
// big exponents, hex / octal / binary, digit separators — falls back to
// Number() on the cleaned slice, so every value equals what Number() gives.

/** Where readNumber leaves the value it read (avoids allocating a result per number). */
export const readValue = { value: 0 };

import { exactDecimal, isExact } from './decimal';

const enum Ch {
  Plus = 43,
  Minus = 45,
  Dot = 46,
  Zero = 48,
  Nine = 57,
  Under = 95,
  UpperA = 65,
  UpperZ = 90,
  LowerA = 97,
  LowerZ = 122,
  E = 69,
  e = 101,
  B = 66,
  b = 98,
  O = 79,
  o = 111,
  X = 88,
  x = 120,
}

/** True for letters, digits, `_` and `$` (the characters of identifiers). */
export function isIdentChar(c: number): boolean {
  return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57) || c === 95 || c === 36 || c > 127;
}

/** True for the characters an identifier starts with (ASCII letters, `_`, `$`). */
export function isIdentStart(c: number): boolean {
  return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || c === 95 || c === 36;
}

export function isDigit(c: number): boolean {
  return c >= Ch.Zero && c <= Ch.Nine;
}

/** Number suffixes of C, C++, Java, C# and Rust that leave the value unchanged. */
const SUFFIXES = new Set([
  'f',
  'F',
  'd',
  'D',
  'l',
  'L',
  'u',
  'U',
  'm',
  'M',
  'ul',
  'UL',
  'uL',
  'Ul',
  'lu',
  'LU',
  'll',
  'LL',
  'ull',
  'ULL',
  'llu',
  'LLU',
  'f32',
  'f64',
  'i8',
  'i16',
  'i32',
  'i64',
  'i128',
  'isize',
  'u8',
  'u16',
  'u32',
  'u64',
  'u128',
  'usize',
]);

/**
 * Reads a number at `i` (a digit, `.` followed by a digit, or a sign followed
 * by one of those). Returns the index one past it and leaves the value in
 * `readValue.value`, or returns -1 when no clean number starts here (e.g. `1abc`,
 * `1j`, a lone sign). `juliaFloat32` also accepts Julia's `0.5f0` (f for the exponent).
 */
export function readNumber(s: string, i: number, n: number, suffixes: boolean, juliaFloat32 = false): number {
  const start = i;
  let c = s.charCodeAt(i);
  let negative = false;
  if (c === Ch.Minus || c === Ch.Plus) {
    negative = c === Ch.Minus;
    i++;
    c = i < n ? s.charCodeAt(i) : 0;
  }
  // Hex, octal and binary integers: rare, so Number() reads them.
  if (c === Ch.Zero && i + 1 < n) {
    const p = s.charCodeAt(i + 1);
    if (p === Ch.x || p === Ch.X || p === Ch.o || p === Ch.O || p === Ch.b || p === Ch.B) {
      let j = i + 2;
      while (j < n && isIdentChar(s.charCodeAt(j))) j++;
      const v = Number(stripUnderscores(s.slice(i, j)));
      if (Number.isNaN(v) || j === i + 2) return -1;
      readValue.value = negative ? -v : v;
      return j;
    }
  }
  let mantissa = 0;
  let digits = 0;
  let exponent = 0;
  let exotic = false;
  // Integer part.
  while (i < n) {
    c = s.charCodeAt(i);
    if (c >= Ch.Zero && c <= Ch.Nine) {
      mantissa = mantissa * 10 + (c - Ch.Zero);
      digits++;
      i++;
    } else if (c === Ch.Under && digits > 0 && i + 1 < n && isDigit(s.charCodeAt(i + 1))) {
      exotic = true;
      i++;
    } else break;
  }
  // Fraction: `5.` and `.5` are numbers; `1...` (MATLAB continuation) and `5.real` are not fractions.
  if (i < n && s.charCodeAt(i) === Ch.Dot) {
    const next = i + 1 < n ? s.charCodeAt(i + 1) : 0;
    if (isDigit(next)) {
      i++;
      while (i < n) {
        c = s.charCodeAt(i);
        if (c >= Ch.Zero && c <= Ch.Nine) {
          mantissa = mantissa * 10 + (c - Ch.Zero);
          digits++;
          exponent--;
          i++;
        } else if (c === Ch.Under && i + 1 < n && isDigit(s.charCodeAt(i + 1))) {
          exotic = true;
          i++;
        } else break;
      }
    } else if (
      digits > 0 &&
      next !== Ch.Dot &&
      !(isIdentChar(next) && next !== Ch.e && next !== Ch.E && !(suffixes && isSuffixStart(next)))
    ) {
      i++; // `5.`
    }
  }
  if (digits === 0) return -1;
  // Exponent.
  if (i < n) {
    c = s.charCodeAt(i);
    // Julia writes Float32 literals with `f` for the exponent: `0.5f0`, `1f-3`.
    if (c === Ch.e || c === Ch.E || (juliaFloat32 && c === 102)) {
      if (c === 102) exotic = true;
      let j = i + 1;
      let c2 = j < n ? s.charCodeAt(j) : 0;
      let expNegative = false;
      if (c2 === Ch.Plus || c2 === Ch.Minus) {
        expNegative = c2 === Ch.Minus;
        j++;
        c2 = j < n ? s.charCodeAt(j) : 0;
      }
      if (isDigit(c2)) {
        let e = 0;
        while (j < n) {
          c2 = s.charCodeAt(j);
          if (c2 >= Ch.Zero && c2 <= Ch.Nine) {
            if (e < 100000) e = e * 10 + (c2 - Ch.Zero);
            j++;
          } else if (c2 === Ch.Under && j + 1 < n && isDigit(s.charCodeAt(j + 1))) {
            exotic = true;
            j++;
          } else break;
        }
        exponent += expNegative ? -e : e;
        i = j;
      }
    }
  }
  const numberEnd = i;
  // A letter right after the digits: a language suffix (0.5f, 1e-3f64), or not a number at all.
  if (i < n && isIdentChar(s.charCodeAt(i))) {
    if (!suffixes) return -1;
    // Rust allows a separator before the suffix: `1.0_f64`.
    if (s.charCodeAt(i) === Ch.Under) i++;
    let j = i;
    while (j < n && j - i < 6 && isIdentChar(s.charCodeAt(j))) j++;
    if (j < n && isIdentChar(s.charCodeAt(j))) return -1;
    if (!SUFFIXES.has(s.slice(i, j))) return -1;
    i = j;
  }
  let value: number;
  if (!exotic && isExact(mantissa, exponent)) {
    value = exactDecimal(mantissa, exponent);
    if (negative) value = -value;
  } else {
    let text = s.slice(start, numberEnd);
    if (exotic) text = stripUnderscores(text);
    if (juliaFloat32) text = text.replace('f', 'e');
    value = Number(text);
    if (Number.isNaN(value)) return -1;
  }
  readValue.value = value;
  return i;
}

function isSuffixStart(c: number): boolean {
  return c === 102 || c === 70 || c === 100 || c === 68 || c === 109 || c === 77; // f F d D m M
}

function stripUnderscores(t: string): string {
  return t.indexOf('_') < 0 ? t : t.split('_').join('');
}
