#!/usr/bin/env python3
"""Reference cases for the core's last digits, computed by mpmath at 50 digits.

- Appended to test/fixtures/reference-cases.json (ids "last-digits/…", the
  provenance in its "added" list): KL and JS of nearly identical distributions
  (exactly equal sums, and sums that differ), log-sum-exp / softmax /
  log-softmax / CCE of rows of a few thousand elements, the BCE gradient on
  probabilities next to the optimum, the CCE gradient of confident rows and of
  probabilities below 1e-308.
- Written to test/fixtures/last-digits.json: what the case format cannot hold
  compactly - rows of millions of elements (a head and one repeated value) - and
  `analyze`'s KL(p‖softmax(z)) for logits next to log p.

Every input is a double; mpmath evaluates the exact formula on those doubles.
Run: python3 scripts/reference/last-digits.py (needs python3-mpmath).
"""
import json
import os
import random

import mpmath
from mpmath import mp, mpf

mp.dps = 50
SEED = 17
ROOT = os.path.join(os.path.dirname(os.path.abspath(__file__)), '..', '..')
CASES = os.path.join(ROOT, 'test', 'fixtures', 'reference-cases.json')
EXTRA = os.path.join(ROOT, 'test', 'fixtures', 'last-digits.json')
PROVENANCE = (f'scripts/reference/last-digits.py: mpmath {mpmath.__version__} at {mp.dps} digits, '
              f'seed {SEED} (ids last-digits/…; test/fixtures/last-digits.json)')
rnd = random.Random(SEED)
U = 2 ** 53  # p and q are multiples of 2^-53 in (0, 1): exact doubles, exact sums


def f(x):
    return float(x)


def kl(p, q):
    return sum((mpf(a) * mpmath.log(mpf(a) / mpf(b)) for a, b in zip(p, q) if a > 0), mpf(0))


def js(p, q):
    s = mpf(0)
    for a, b in zip(p, q):
        a, b = mpf(a), mpf(b)
        m = (a + b) / 2
        if a > 0:
            s += a * mpmath.log(a / m) / 2
        if b > 0:
            s += b * mpmath.log(b / m) / 2
    return s


def lse(x):
    return mpmath.log(sum((mpmath.exp(mpf(v)) for v in x), mpf(0)))


def equal_sum_pair(C, scale):
    """p = m·2^-53 with Σp = 1 exactly, q = p + t·2^-53 with Σt = 0, |t| ≤ scale: exact doubles, equal sums."""
    while True:
        m = [rnd.randint(U // (4 * C), 2 * U // C) for _ in range(C - 1)]
        m.append(U - sum(m))
        t = [rnd.randint(-scale, scale) for _ in range(C - 1)]
        t.append(-sum(t))
        if all(U // (8 * C) <= k and 0 < k + d < U for k, d in zip(m, t)):
            return [k / U for k in m], [(k + d) / U for k, d in zip(m, t)]


def near_pair(C, rel):
    """p normalised in floating point; q = p·(1 + ε_i) rounded, |ε| ≤ rel: sums differ slightly."""
    w = [rnd.random() + 0.01 for _ in range(C)]
    s = sum(w)
    p = [v / s for v in w]
    q = [v * (1 + rnd.uniform(-rel, rel)) for v in p]
    return p, q


def case(cid, fn, args, value, grad=None, rel=1e-15, abs_=0.0):
    expect = {'value': value}
    if grad is not None:
        expect['grad'] = grad
    return {'id': f'last-digits/{cid}', 'fn': fn, 'args': args, 'expect': expect,
            'tol': {'rel': rel, 'abs': abs_}, 'source': 'mpmath'}


def divergence_cases():
    out = []
    k = 0
    for scale in [1, 4, 2 ** 5, 2 ** 8, 2 ** 11, 2 ** 14, 2 ** 17, 2 ** 20, 2 ** 23, 2 ** 26, 2 ** 30, 2 ** 34]:
        for C in [3, 10, 40]:
            p, q = equal_sum_pair(C, scale)
            out.append(case(f'kl-equal-sums-{k}', 'klDivergence', {'p': p, 'q': q}, f(kl(p, q))))
            out.append(case(f'js-equal-sums-{k}', 'jsDivergence', {'p': p, 'q': q}, f(js(p, q))))
            k += 1
    rows = [equal_sum_pair(8, 2 ** 6) for _ in range(3)]
    P, Q = [r[0] for r in rows], [r[1] for r in rows]
    out.append(case('kl-equal-sums-2d', 'klDivergence', {'p': P, 'q': Q, 'reduction': 'none'}, [f(kl(a, b)) for a, b in rows]))
    out.append(case('js-equal-sums-2d-bits', 'jsDivergence', {'p': P, 'q': Q, 'base': 2},
                    f(sum(js(a, b) for a, b in rows) / 3 / mpmath.log(2))))
    for i, rel in enumerate([1e-15, 1e-12, 1e-9, 1e-7]):
        p, q = near_pair(20, rel)
        while kl(p, q) <= 0:  # Σq > Σp can make the exact sum negative, which the core clamps to 0
            p, q = near_pair(20, rel)
        out.append(case(f'kl-near-{i}', 'klDivergence', {'p': p, 'q': q}, f(kl(p, q))))
        out.append(case(f'js-near-{i}', 'jsDivergence', {'p': p, 'q': q}, f(js(p, q))))
    return out


def long_row_cases():
    """Rows of a few thousand elements (several kernel chunks) in the case format."""
    out = []
    for i, (head, fill, n) in enumerate([([0.0], -1e-10, 6000), ([0.0, 1.0, -3.0], -0.25, 5000), ([2.0], 2.0 - 1e-9, 4097)]):
        x = head + [fill] * (n - len(head))
        L = lse(x)
        out.append(case(f'logSumExp-long-{i}', 'logSumExp', {'x': x}, f(L)))
        if i == 2:
            out.append(case(f'softmax-long-{i}', 'softmax', {'x': x}, [f(mpmath.exp(mpf(v) - L)) for v in x], rel=4e-16))
    return out


def gradient_cases():
    out = []
    # BCE on probabilities next to the optimum: x = y + 1e-12 (and - 1e-12).
    ys = [rnd.uniform(0.01, 0.99) for _ in range(6)] + [0.5, 0.25]
    xs = [y + (1e-12 if i % 2 else -1e-12) for i, y in enumerate(ys)]
    n = len(xs)
    val = sum(-(mpf(y) * mpmath.log(mpf(x)) + (1 - mpf(y)) * mpmath.log(1 - mpf(x))) for x, y in zip(xs, ys)) / n
    grad = [f((mpf(x) - mpf(y)) / (mpf(x) * (1 - mpf(x))) / n) for x, y in zip(xs, ys)]
    out.append(case('bce-grad-near-optimum', 'binaryCrossEntropy', {'target': ys, 'input': xs}, f(val), grad, rel=1e-15))
    # CCE of confident rows: the target class's gradient p - 1 = -rest/(1 + rest).
    for i, zs in enumerate([[40.0, 0.0, 0.0], [0.0, -35.5, -60.0, -36.25], [700.0, 0.0, 650.0]]):
        L = lse(zs)
        g = [f(mpmath.exp(mpf(v) - L)) for v in zs]
        g[0] = f(mpmath.exp(mpf(zs[0]) - L) - 1)
        out.append(case(f'cce-grad-confident-{i}', 'categoricalCrossEntropy', {'target': [0], 'input': [zs], 'fromLogits': True},
                        f(L - mpf(zs[0])), [g], rel=2e-15, abs_=1e-300))
    # CCE on probabilities below 1e-308: -w/p overflows before the 1/Σw of 'mean'.
    tiny = 1e-310
    w = [1.0, 1e20]
    div = mpf(w[0]) + mpf(w[1])
    val = (-mpf(w[0]) * mpmath.log(mpf(tiny)) - mpf(w[1]) * mpmath.log(mpf(0.5))) / div
    g = [[f(-mpf(w[0]) / mpf(tiny) / div), 0.0], [0.0, f(-mpf(w[1]) / mpf(0.5) / div)]]
    out.append(case('cce-grad-subnormal-probability', 'categoricalCrossEntropy',
                    {'target': [0, 1], 'input': [[tiny, 1.0], [0.5, 0.5]], 'weight': w}, f(val), g, rel=1e-15))
    return out


def analyze_kl_cases():
    """p (Σp = 1 exactly) and logits z = log p + η (|η| ~ 1e-9 … 1e-4), with KL(p‖softmax(z)) exact."""
    out = []
    for i, eta in enumerate([1e-9, 1e-8, 1e-6, 1e-4]):
        p = equal_sum_pair(6 + 3 * i, 0)[0]  # Σp = 1 exactly, so KL ≥ 0
        z = [float(mpmath.log(mpf(v))) + rnd.uniform(-eta, eta) for v in p]
        L = lse(z)
        klv = sum(mpf(a) * (mpmath.log(mpf(a)) - (mpf(b) - L)) for a, b in zip(p, z))
        out.append({'target': p, 'logits': z, 'klPQ': f(klv)})
    return out


def long_rows():
    """Rows of millions: a head and one value repeated; log-sum-exp, softmax, log-softmax, CCE (target 0)."""
    out = []
    for head, fill, n in [([0.0], -1e-10, 4_000_000), ([0.0, -1.0, 1e-3], -1e-10, 1_000_000), ([5.0], -2.5, 2_000_000)]:
        hs = [mpf(v) for v in head]
        total = sum((mpmath.exp(v) for v in hs), mpf(0)) + (n - len(head)) * mpmath.exp(mpf(fill))
        L = mpmath.log(total)
        out.append({'head': head, 'fill': fill, 'length': n, 'logSumExp': f(L),
                    'softmaxHead': [f(mpmath.exp(v - L)) for v in hs], 'softmaxFill': f(mpmath.exp(mpf(fill) - L)),
                    'logSoftmaxHead': [f(v - L) for v in hs], 'logSoftmaxFill': f(mpf(fill) - L),
                    'cceTarget0': f(L - hs[0]), 'cceGrad0': f(mpmath.exp(hs[0] - L) - 1)})
    return out


def main():
    with open(CASES) as fh:
        data = json.load(fh)
    data['cases'] = [c for c in data['cases'] if not c['id'].startswith('last-digits/')]
    data['cases'] += divergence_cases() + long_row_cases() + gradient_cases()
    data['added'] = [a for a in data.get('added', []) if not a.startswith('scripts/reference/last-digits.py')] + [PROVENANCE]
    with open(CASES, 'w') as fh:
        fh.write(json.dumps(data))
    with open(EXTRA, 'w') as fh:
        json.dump({'generator': PROVENANCE, 'longRows': long_rows(), 'analyzeKl': analyze_kl_cases()}, fh, indent=1)
        fh.write('\n')


if __name__ == '__main__':
    main()
