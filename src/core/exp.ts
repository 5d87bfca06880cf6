// A fast exp for the log-sum-exp of the hot loops, where every argument is
// x - max <= 0. Math.exp is a call into V8's runtime library; this one is
// inlined: x = (256e + j) ln2/256 + r with |r| <= ln2/512, so that
// exp(x) = 2^e · 2^(j/256) · exp(r), 2^(j/256) and 2^e from tables and exp(r)
// from a degree-4 polynomial. Error <= 2 ulp for normal results (tested).

// ln2/256 split as fdlibm splits ln 2 (the high part has 32 significant bits, so
// k·LN2_256_HI is exact for every |k| < 2^21; here |k| < 2^18).
const LN2_256_HI = 6.9314718036912381649e-1 / 256;
const LN2_256_LO = 1.90821492927058770002e-10 / 256;
const INV_LN2_256 = 256 / Math.LN2;
/** Below this exp(x) is 0 in double precision. */
const UNDERFLOW = -745.2;
const SHIFTER = 6755399441055744;

/** 2^(j/256), j = 0..255. */
const FRACTIONS = new Float64Array(256);
for (let j = 0; j < 256; j++) FRACTIONS[j] = 2 ** (j / 256);
/** 2^(e) for e = -1100..16, at index e + 1100. */
const OFFSET = 1100;
const POWERS = new Float64Array(OFFSET + 17);
for (let e = -OFFSET; e <= 16; e++) POWERS[e + OFFSET] = 2 ** e;

/**
 * expNonPositive(x) -> number
 *
 * exp(x) for x <= 0 (and -Infinity, which gives 0). Arguments above 0 are not
 * supported: callers pass x - max.
 */
export function expNonPositive(x: number): number {
  if (!(x > UNDERFLOW)) return 0;
  // Round to the nearest integer by adding and taking away 1.5·2^52 (cheaper than Math.round).
  const k = x * INV_LN2_256 + SHIFTER - SHIFTER;
  const r = x - k * LN2_256_HI - k * LN2_256_LO;
  const ki = k | 0;
  const f = FRACTIONS[ki & 255]!;
  const r2 = r * r;
  const poly = r + r2 * (0.5 + r * (1 / 6) + r2 * (1 / 24));
  return (f + f * poly) * POWERS[(ki >> 8) + OFFSET]!;
}
