// The decimal fast path's arithmetic: digits accumulate into an exact mantissa
// (at most 2^53), and one division or multiplication by an exact power of ten
// (at most 10^22) gives the correctly rounded value. Outside those bounds the
// readers fall back to Number() (numbers.ts).

/** Exact powers of ten, 10^0 … 10^22 (the largest exactly representable). */
export const POW10: readonly number[] = [
  1, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19, 1e20,
  1e21, 1e22,
];

/** Largest mantissa the fast path takes: 2^53. */
export const MAX_EXACT = 9007199254740992;

/** True when mantissa × 10^scale is correctly rounded by exactDecimal. */
export function isExact(mantissa: number, scale: number): boolean {
  return mantissa <= MAX_EXACT && scale >= -22 && scale <= 22;
}

/** mantissa × 10^scale, for isExact(mantissa, scale). */
export function exactDecimal(mantissa: number, scale: number): number {
  return scale === 0 ? mantissa : scale < 0 ? mantissa / POW10[-scale]! : mantissa * POW10[scale]!;
}
