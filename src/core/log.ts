// A fast natural logarithm for the hot loops (entropy, KL, cross-entropy).
// The double's high word (read through a typed-array alias) gives the exponent
// e and the nearest table point c = 1 + j/256 of the mantissa m. Then
// m = x·2^-e is exact, m - c is exact, r = (m - c)/c has |r| <= 2^-9, and
// log x = k ln 2 + log c + log1p(r) with a degree-6 polynomial (the r^7/7 term
// is below 2^-56 of r: it never changes the result by more than the last bit's
// rounding, tested against Math.log, and costs the SIMD kernels an instruction
// pair per element). Everything is
// read from two interleaved tables as doubles: in V8 the int-to-double
// conversions and a second alias read cost more than the arithmetic. Around 1
// the table entry is c = 1 (or c = 2 with the exponent raised), so r is exact and
// log(x) keeps its full relative accuracy. Error <= 2 ulp (tested).

const f64 = new Float64Array(1);
const i32 = new Int32Array(f64.buffer);
/** Index of the high 32 bits of a double in the alias (0 on big-endian hosts). */
const HI = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1 ? 1 : 0;

// ln 2 split so that k * LN2_HI is exact for every exponent |k| <= 1100.
export const LN2_HI = 6.9314718036912381649e-1;
export const LN2_LO = 1.90821492927058770002e-10;
const TWO54 = 18014398509481984;

const BITS = 8;
const N = 1 << BITS;
/** Per mantissa point j (stride 4): c, 1/c, log c (of c/2 above sqrt 2), exponent adjustment 0 or 1. */
const POINTS = new Float64Array(4 * (N + 1));
for (let j = 0; j <= N; j++) {
  const c = 1 + j / N;
  const upper = c > Math.SQRT2;
  POINTS[4 * j] = c;
  POINTS[4 * j + 1] = 1 / c;
  POINTS[4 * j + 2] = j === 0 || j === N ? 0 : upper ? Math.log(c / 2) : Math.log(c);
  POINTS[4 * j + 3] = upper ? 1 : 0;
}
/** The mantissa points, for the SIMD kernels' copy of the table (simd.ts). */
export const LOG_POINTS: Readonly<Float64Array> = POINTS;

/** Per biased exponent b (stride 2): 2^(1023 - b) and b - 1023, for normal numbers. */
const EXPONENTS = new Float64Array(2 * 2048);
for (let b = 1; b < 2047; b++) {
  EXPONENTS[2 * b] = 2 ** (1023 - b);
  EXPONENTS[2 * b + 1] = b - 1023;
}

/** The rare inputs: zero, subnormal, negative, infinite or NaN. Kept out of the hot function. */
function logSpecial(x: number): number {
  if (!(x > 0)) return x === 0 ? -Infinity : NaN;
  if (x === Infinity) return x;
  // Subnormal: scale into the normal range by 2^54 and take 54 ln 2 back off.
  return fastLog(x * TWO54) - 54 * LN2_HI - 54 * LN2_LO;
}

/**
 * fastLog(x) -> number
 *
 * Natural logarithm, a drop-in for Math.log: fastLog(0) = -Infinity,
 * fastLog(negative or NaN) = NaN, fastLog(Infinity) = Infinity.
 */
export function fastLog(x: number): number {
  f64[0] = x;
  const hi = i32[HI]!;
  // Below the smallest normal (this includes every negative: hi < 0), or Infinity/NaN.
  if (hi < 0x00100000 || hi >= 0x7ff00000) return logSpecial(x);
  const b = (hi >>> 20) << 1;
  const j = (((hi & 0x000fffff) + 0x800) >>> 12) << 2; // nearest of 256 points, rounded
  const r = (x * EXPONENTS[b]! - POINTS[j]!) * POINTS[j + 1]!;
  const k = EXPONENTS[b + 1]! + POINTS[j + 3]!;
  const r2 = r * r;
  // Estrin-style grouping: shorter dependency chains than Horner.
  const poly = r2 * (-0.5 + r * (1 / 3) + r2 * (-0.25 + r * 0.2 + r2 * (-1 / 6)));
  return k * LN2_HI + POINTS[j + 2]! + (r + (k * LN2_LO + poly));
}
