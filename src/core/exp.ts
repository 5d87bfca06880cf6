// A fast exp for the log-sum-exp of the hot loops, where every argument is
// x - max <= 0. Math.exp is a call into V8's runtime library; this one is
// inlined: x = (64e + j) ln2/64 + r with |r| <= ln2/128, so that
// exp(x) = 2^e · 2^(j/64) · exp(r), 2^(j/64) and 2^e from tables and exp(r) from
// a degree-6 polynomial. Error <= 2 ulp for normal results (tested).

// ln2/64 split as fdlibm splits ln 2 (the high part has 32 significant bits, so
// k·LN2_64_HI is exact for every |k| < 2^21).
const LN2_64_HI = 6.93147180369123816490e-1 / 64;
const LN2_64_LO = 1.90821492927058770002e-10 / 64;
const INV_LN2_64 = 64 / Math.LN2;
/** Below this exp(x) is 0 in double precision. */
const UNDERFLOW = -745.2;
const SHIFTER = 6755399441055744;

/** 2^(j/64), j = 0..63. */
const FRACTIONS = new Float64Array(64);
for (let j = 0; j < 64; j++) FRACTIONS[j] = 2 ** (j / 64);
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
  const k = (x * INV_LN2_64 + SHIFTER) - SHIFTER;
  const r = (x - k * LN2_64_HI) - k * LN2_64_LO;
  const ki = k | 0;
  const f = FRACTIONS[ki & 63]!;
  const r2 = r * r;
  const poly = r + r2 * ((0.5 + r * (1 / 6)) + r2 * ((1 / 24 + r * (1 / 120)) + r2 * (1 / 720)));
  return (f + f * poly) * POWERS[(ki >> 6) + OFFSET]!;
}
