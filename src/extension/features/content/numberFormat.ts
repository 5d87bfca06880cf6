// Reads how the user wrote each number inside an array literal and writes new
// values the same way, so a quick fix changes the numbers and nothing else:
// the decimals count, exponent style (e/E, padded exponent), a leading "0." or
// bare ".5", and every comment, line break and wrapper call stay as they were.

export interface NumberToken {
  /** Offsets relative to the scanned text, end exclusive. */
  start: number;
  end: number;
  text: string;
  value: number;
  style: NumberStyle;
}

export interface NumberStyle {
  /** Digits after the decimal point (of the mantissa when in exponent style). */
  decimals: number;
  /** 'e' or 'E' when written with an exponent, otherwise undefined. */
  exponent: 'e' | 'E' | undefined;
  /** Minimum digits of the exponent (Python's repr writes 1e-05). */
  exponentDigits: number;
  /** "+" written before a positive exponent (1e+03). */
  exponentPlus: boolean;
  /** ".5" rather than "0.5". */
  bareDecimal: boolean;
}

const isDigit = (c: number): boolean => c >= 48 && c <= 57;
const isIdentStart = (c: number): boolean =>
  (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 95 || c === 36 || c > 127;
const isIdentPart = (c: number): boolean => isIdentStart(c) || isDigit(c);

/**
 * Finds the numeric literals of an array's source text in order. Digits inside
 * identifiers (float32), strings and line comments are skipped. Linear time.
 */
export function scanNumbers(text: string): NumberToken[] {
  const tokens: NumberToken[] = [];
  const n = text.length;
  let i = 0;
  let prevSignificant = -1; // char code of the last non-space character outside numbers
  while (i < n) {
    const c = text.charCodeAt(i);
    if (isIdentStart(c)) {
      while (i < n && isIdentPart(text.charCodeAt(i))) i++;
      prevSignificant = 97;
      continue;
    }
    if (c === 34 || c === 39) {
      // quoted string: skip to the closing quote
      i++;
      while (i < n && text.charCodeAt(i) !== c) i += text.charCodeAt(i) === 92 ? 2 : 1;
      i++;
      prevSignificant = 34;
      continue;
    }
    if (c === 35 || (c === 47 && text.charCodeAt(i + 1) === 47) || (c === 37 && text.charCodeAt(i + 1) !== 61)) {
      // # (Python, R, Julia), // (C family, JS), % (MATLAB) comments run to the line end
      while (i < n && text.charCodeAt(i) !== 10) i++;
      continue;
    }
    const startsNumber = isDigit(c) || (c === 46 && isDigit(text.charCodeAt(i + 1)));
    const signed =
      (c === 45 || c === 43) &&
      (isDigit(text.charCodeAt(i + 1)) || (text.charCodeAt(i + 1) === 46 && isDigit(text.charCodeAt(i + 2))));
    // A sign is part of the number only where a binary operator cannot be (after "[", ",", "(" …).
    const unary =
      signed &&
      !(prevSignificant === 97 || isDigit(prevSignificant) || prevSignificant === 41 || prevSignificant === 93);
    if (startsNumber || unary) {
      const token = readNumber(text, i);
      tokens.push(token);
      i = token.end;
      prevSignificant = 48;
      continue;
    }
    if (c !== 32 && c !== 9 && c !== 10 && c !== 13) prevSignificant = c;
    i++;
  }
  return tokens;
}

function readNumber(text: string, start: number): NumberToken {
  let i = start;
  const n = text.length;
  if (text[i] === '-' || text[i] === '+') i++;
  let intDigits = 0;
  while (i < n && (isDigit(text.charCodeAt(i)) || text[i] === '_')) {
    i++;
    intDigits++;
  }
  let decimals = 0;
  if (text[i] === '.') {
    i++;
    while (i < n && (isDigit(text.charCodeAt(i)) || text[i] === '_')) {
      i++;
      decimals++;
    }
  }
  let exponent: 'e' | 'E' | undefined;
  let exponentDigits = 0;
  let exponentPlus = false;
  if (text[i] === 'e' || text[i] === 'E') {
    let j = i + 1;
    const sign = text[j];
    if (sign === '+' || sign === '-') j++;
    const digitsStart = j;
    while (j < n && isDigit(text.charCodeAt(j))) j++;
    if (j > digitsStart) {
      exponent = text[i] as 'e' | 'E';
      exponentPlus = sign === '+';
      exponentDigits = j - digitsStart;
      i = j;
    }
  }
  // Suffixes such as 0.5f (C, Java) or 2.0d belong to the literal.
  while (i < n && /[fFdDlLuU]/.test(text[i]!) && !isIdentPart(text.charCodeAt(i + 1))) i++;
  const raw = text.slice(start, i);
  const value = Number(raw.replace(/_/g, '').replace(/[fFdDlLuU]+$/, ''));
  return {
    start,
    end: i,
    text: raw,
    value,
    style: { decimals, exponent, exponentDigits, exponentPlus, bareDecimal: intDigits === 0 },
  };
}

/** Writes `value` in `style`, with at least `minDecimals` digits after the point. */
export function formatInStyle(value: number, style: NumberStyle, minDecimals = 0): string {
  const decimals = Math.min(20, Math.max(style.decimals, minDecimals));
  if (style.exponent) {
    const [mantissa, exp] = value.toExponential(decimals).split('e') as [string, string];
    const negative = exp.startsWith('-');
    let digits = exp.replace(/^[-+]/, '');
    while (digits.length < style.exponentDigits) digits = '0' + digits;
    const sign = negative ? '-' : style.exponentPlus ? '+' : '';
    return `${mantissa}${style.exponent}${sign}${digits}`;
  }
  let fixed = value.toFixed(decimals);
  if (style.bareDecimal && decimals > 0) fixed = fixed.replace(/^(-?)0\./, '$1.');
  return fixed;
}
