// Floating-point formats a framework computes in, emulated on doubles: float32
// by Math.fround, float16 and bfloat16 by exact round-to-nearest-even.

/** The floating-point formats a framework's tensors may hold. */
export const DTYPES = ['float64', 'float32', 'float16', 'bfloat16'] as const;

export type Dtype = (typeof DTYPES)[number];

interface Format {
  /** Explicit mantissa bits (10 for float16). */
  mantissa: number;
  /** Exponent of the smallest normal number (−14 for float16). */
  minExponent: number;
  /** Exponent of the largest finite number (15 for float16). */
  maxExponent: number;
}

const HALF: Format = { mantissa: 10, minExponent: -14, maxExponent: 15 };
const BRAIN: Format = { mantissa: 7, minExponent: -126, maxExponent: 127 };

/** Machine epsilon of each format: the gap from 1 to the next number (NumPy's `finfo(dtype).eps`, Julia's `eps(T)`). */
export const DTYPE_EPS: Readonly<Record<Dtype, number>> = {
  float64: 2 ** -52,
  float32: 2 ** -23,
  float16: 2 ** -10,
  bfloat16: 2 ** -7,
};

/** Round half to even of a double whose fraction is exact (a scaled value). */
function roundHalfEven(y: number): number {
  const f = Math.floor(y);
  const d = y - f;
  if (d > 0.5) return f + 1;
  if (d < 0.5) return f;
  return f % 2 === 0 ? f : f + 1;
}

/** x rounded to the nearest number of `format`, ties to even; overflow gives ±∞, as IEEE 754 conversion does. */
function roundToFormat(x: number, format: Format): number {
  if (!Number.isFinite(x) || x === 0) return x;
  const a = Math.abs(x);
  let e = Math.floor(Math.log2(a));
  // log2 can be off by one next to a power of two.
  if (2 ** e > a) e--;
  else if (2 ** (e + 1) <= a) e++;
  e = Math.max(e, format.minExponent);
  const quantum = 2 ** (e - format.mantissa);
  const r = roundHalfEven(a / quantum) * quantum;
  const max = (2 - 2 ** -format.mantissa) * 2 ** format.maxExponent;
  const out = r > max ? Infinity : r;
  return x < 0 ? -out : out;
}

/** x as the nearest value of `dtype` (float64: x itself). */
export function roundTo(dtype: Dtype, x: number): number {
  switch (dtype) {
    case 'float64':
      return x;
    case 'float32':
      return Math.fround(x);
    case 'float16':
      return roundToFormat(x, HALF);
    case 'bfloat16':
      return roundToFormat(x, BRAIN);
  }
}

/** Significant bits of `dtype`, counting the implicit one: the precision a result is compared at. */
export function significandBits(dtype: Dtype): number {
  return { float64: 53, float32: 24, float16: 11, bfloat16: 8 }[dtype];
}
