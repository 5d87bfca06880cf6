// Scalar helpers for logits: stable softplus and sigmoid.

/** softplus(z) = log(1 + e^z) = max(z, 0) + log1p(e^-|z|): no overflow, exact for large |z|. */
export function softplus(z: number): number {
  if (z === -Infinity) return 0;
  return (z > 0 ? z : 0) + Math.log1p(Math.exp(-Math.abs(z)));
}

/** sigmoid(z) = 1/(1 + e^-z), computed from e^-|z| so it never overflows. */
export function sigmoid(z: number): number {
  if (z >= 0) return 1 / (1 + Math.exp(-z));
  const e = Math.exp(z);
  return e / (1 + e);
}
