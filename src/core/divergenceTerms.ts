// The divergences' terms written as non-negative quantities, so that a sum of
// them cannot cancel (Csiszár's generalised KL):
//   p log(p/q) = q·φ(r) + (p - q),  r = (p - q)/q,  φ(r) = (1 + r) log1p(r) - r ≥ 0
//   p log(2p/m2) + q log(2q/m2) = m2·ψ(d),  m2 = p + q,  d = (p - q)/m2,
//     ψ(d) = ½[(1 + d) log1p(d) + (1 - d) log1p(-d)] = Σ_k d^2k / (2k(2k - 1)) ≥ 0
//   p·(log p - log q) = p·χ(δ) + (p - q),  δ = log p - log q,  χ(δ) = e^-δ - 1 + δ ≥ 0
// With Σp = Σq the (p - q) parts sum to 0: summed apart (and exactly, p - q is
// exact by Sterbenz when p/q ∈ [½, 2]) they no longer swamp the O((p - q)^2) result.

/**
 * φ(r)/r² for |r| ≤ 2^-7, from the Taylor series φ(r) = Σ_{k≥2} (-1)^k r^k/(k(k-1))
 * to r^10 (the next term is below 2^-60 of the first). The kernels form
 * q·φ(r) as D·r·φ(r)/r² with D = p - q: about 1.5 ulp.
 */
export function phiOverR2(r: number): number {
  return (
    0.5 - r * (1 / 6 - r * (1 / 12 - r * (1 / 20 - r * (1 / 30 - r * (1 / 42 - r * (1 / 56 - r * (1 / 72 - r / 90)))))))
  );
}

/**
 * ψ(d)/d² for |d| ≤ 2^-7, from the even series ψ(d) = d²/2 + d⁴/12 + d⁶/30 +
 * d⁸/56 + d¹⁰/90 (the next term is below 2^-70 of the first). m2·ψ(d) = D·d·ψ(d)/d².
 */
export function psiOverD2(d: number): number {
  const d2 = d * d;
  return 0.5 + d2 * (1 / 12 + d2 * (1 / 30 + d2 * (1 / 56 + d2 / 90)));
}

/**
 * p·χ(δ) - where q = e^(log q) is given - without overflow or cancellation:
 * the series δ²/2 - δ³/6 + … (Taylor of e^-δ, to δ^13) for |δ| < 1/8, where
 * the loss of e^-δ - 1 + δ would be worst; (q - p) + p·δ beyond, where it is at
 * most 16× an ulp and e^-δ = q/p is never formed.
 */
export function pChi(p: number, delta: number, q: number): number {
  if (delta < 0.125 && delta > -0.125) {
    // χ(δ) = δ²·s with s = 1/2! - δ/3! + δ²/4! - … = (1 - δ(1 - δ(1 - …)/4)/3)/2, Horner from δ^12/14!.
    let s = 0;
    for (let k = 14; k >= 2; k--) s = (1 - delta * s) / k;
    return p * (delta * delta * s);
  }
  return q - p + p * delta;
}

/**
 * klFromLogs(p, logq, q, qSumsToOne) -> number
 *
 * KL(p‖q) = Σ p·(log p - log q) from log-probabilities log q (a log-softmax of
 * logits, say), not as H(p, q) - H(p), a difference of two large numbers:
 * Σ_{p>0} p·χ(δ) (non-negative) + Σ p - Σ_{p>0} q, the last part compensated.
 * When q sums to 1 exactly (a softmax) Σ_{p>0} q = 1 - Σ_{p=0} q, which keeps
 * the rounding of the q's out of it. +Infinity where p > 0 and log q = -Infinity.
 */
export function klFromLogs(
  p: ArrayLike<number>,
  logq: ArrayLike<number>,
  q: ArrayLike<number>,
  qSumsToOne: boolean,
): number {
  let s = 0,
    c = 0;
  let m = qSumsToOne ? -1 : 0,
    mc = 0;
  // The compensated additions to m are written out: a closure over m and mc
  // kept them boxed, one heap number per addition (10^7 elements: 0.25 s).
  for (let i = 0; i < p.length; i++) {
    const pv = p[i]!;
    if (pv > 0) {
      const lq = logq[i]!;
      if (lq === -Infinity) return Infinity;
      const v = pChi(pv, Math.log(pv) - lq, q[i]!);
      const t = s + v;
      c += s >= v ? s - t + v : v - t + s;
      s = t;
      let u = m + pv;
      mc += Math.abs(m) >= Math.abs(pv) ? m - u + pv : pv - u + m;
      m = u;
      if (!qSumsToOne) {
        const w = -q[i]!;
        u = m + w;
        mc += Math.abs(m) >= Math.abs(w) ? m - u + w : w - u + m;
        m = u;
      }
    } else if (qSumsToOne) {
      const w = q[i]!;
      const u = m + w;
      mc += Math.abs(m) >= Math.abs(w) ? m - u + w : w - u + m;
      m = u;
    }
  }
  const kl = s + c + (m + mc);
  return kl > 0 ? kl : 0;
}
