#!/usr/bin/env python3
"""What each framework's loss returns, for the core's emulate() tests.

Writes test/fixtures/framework-cases.json:
- pytorch: torch itself (F.cross_entropy, F.nll_loss, F.binary_cross_entropy,
  F.binary_cross_entropy_with_logits, F.kl_div) in float32 and float64, with
  weights, ignore_index (all-ignored batches too), label smoothing, pos_weight,
  log_target and every reduction, and probabilities at the clamp's edges.
- sklearn: sklearn.metrics.log_loss itself (the 1.2 rule, version "1.2"), and
  the >= 1.5 rule (clip at the dtype's eps, no renormalisation) computed with
  NumPy from its documented source (version "1.5", source "documented-rule").
- keras, optax, flux: NumPy in the framework's dtype following each library's
  source (source "documented-rule"), cross-checked here against torch where
  they compute the same thing (the script stops if a cross-check fails).

Inputs are Python floats; a case's dtype says what the framework converts them to.
Run: /usr/bin/python3 scripts/reference/frameworks.py (Debian python3-torch,
python3-sklearn, python3-numpy).
"""
import json
import math
import os
import random
import warnings

import numpy as np
import sklearn
import torch
import torch.nn.functional as F
from sklearn.metrics import log_loss

SEED = 14
ROOT = os.path.join(os.path.dirname(os.path.abspath(__file__)), '..', '..')
OUT = os.path.join(ROOT, 'test', 'fixtures', 'framework-cases.json')
PROVENANCE = (f'scripts/reference/frameworks.py: torch {torch.__version__}, scikit-learn {sklearn.__version__}, '
              f'numpy {np.__version__}, seed {SEED}; keras, optax, flux and scikit-learn >= 1.5 from their '
              'documented rules in NumPy, cross-checked against torch')
rnd = random.Random(SEED)
cases = []
TORCH_DT = {'float32': torch.float32, 'float64': torch.float64}
NP_DT = {'float32': np.float32, 'float64': np.float64}


def enc(x):
    if isinstance(x, list):
        return [enc(v) for v in x]
    x = float(x)
    if math.isnan(x):
        return 'NaN'
    if math.isinf(x):
        return 'Infinity' if x > 0 else '-Infinity'
    return x


def out(v):
    if isinstance(v, torch.Tensor):
        v = v.double()
        return enc(v.item()) if v.dim() == 0 else enc(v.tolist())
    if isinstance(v, np.ndarray):
        return enc(v.astype(np.float64).tolist()) if v.ndim else enc(float(v))
    return enc(float(v))


def add(framework, loss, pred, target, options, dtype, value, source):
    cases.append({'id': f'{framework}/{loss}/{len(cases)}', 'framework': framework, 'loss': loss,
                  'args': {'prediction': enc(pred), 'target': enc(target) if not isinstance(target, list) or not target or not isinstance(target[0], int) else target},
                  'options': {**options, 'dtype': dtype}, 'expect': {'value': out(value)}, 'source': source})


def logits(n, c, scale=None):
    s = scale if scale is not None else rnd.choice([0.5, 2, 5, 20])
    return [[rnd.gauss(0, s) for _ in range(c)] for _ in range(n)]


def dist(n, c, zeros=False):
    rows = []
    for _ in range(n):
        r = [rnd.random() ** 3 for _ in range(c)]
        if zeros:
            r = [0.0 if rnd.random() < 0.3 else v for v in r]
            if sum(r) == 0:
                r[0] = 1.0
        s = sum(r)
        rows.append([v / s for v in r])
    return rows


EDGE_P = [0.0, 1.0, 1e-45, 1e-44, 1e-40, 3e-44, 1e-30, 1e-8, 1e-7, 5e-8, 1 - 1e-8, 1 - 1e-7, 1 - 5e-8, 0.5, 0.9999999]


def probs(n):
    return [rnd.choice(EDGE_P) if rnd.random() < 0.4 else rnd.random() for _ in range(n)]


def torch_kw(options):
    kw = {}
    for k, v in options.items():
        if k == 'weight':
            kw['weight'] = None
        elif k == 'ignoreIndex':
            kw['ignore_index'] = v
        elif k == 'labelSmoothing':
            kw['label_smoothing'] = v
        elif k == 'posWeight':
            kw['pos_weight'] = None
        elif k == 'logTarget':
            kw['log_target'] = v
        else:
            kw[k] = v
    return kw


def run_torch(loss, pred, target, options, dtype, target_index=False):
    dt = TORCH_DT[dtype]
    kw = torch_kw(options)
    if 'weight' in options:
        kw['weight'] = torch.tensor(options['weight'], dtype=dt)
    if 'posWeight' in options:
        kw['pos_weight'] = torch.tensor(options['posWeight'], dtype=dt)
    x = torch.tensor(pred, dtype=dt)
    t = torch.tensor(target, dtype=torch.long) if target_index else torch.tensor(target, dtype=dt)
    fn = {'cross_entropy': F.cross_entropy, 'nll_loss': F.nll_loss, 'binary_cross_entropy': F.binary_cross_entropy,
          'binary_cross_entropy_with_logits': F.binary_cross_entropy_with_logits, 'kl_div': F.kl_div}[loss]
    with warnings.catch_warnings():
        warnings.simplefilter('ignore')
        return fn(x, t, **kw)


def pytorch_cases():
    red = ['mean', 'sum', 'none']
    for i in range(70):
        n, c = rnd.randint(1, 5), rnd.randint(2, 6)
        dtype = rnd.choice(['float32', 'float32', 'float64'])
        z = logits(n, c)
        opts = {'reduction': rnd.choice(red)}
        if rnd.random() < 0.4:
            opts['weight'] = [rnd.choice([0.0, 0.5, 1.0, 2.0, 3.7]) for _ in range(c)]
            if sum(opts['weight']) == 0:
                opts['weight'][0] = 1.0
        if rnd.random() < 0.4:
            opts['labelSmoothing'] = rnd.choice([0.05, 0.1, 0.3, 1.0])
        if i % 2 == 0:
            ign = rnd.choice([-100, 1]) if rnd.random() < 0.5 else -100
            if ign != -100:
                opts['ignoreIndex'] = ign
            t = [rnd.randrange(c) for _ in range(n)]
            if rnd.random() < 0.4:
                t = [ign if rnd.random() < 0.5 else v for v in t]
            if i % 10 == 0:
                t = [ign] * n  # all ignored: the mean is 0/0
            if opts.get('weight') and opts['reduction'] == 'mean':
                if sum(opts['weight'][k] for k in t if k != ign) == 0 and any(k != ign for k in t):
                    opts['weight'] = [1.0] * c
            add('pytorch', 'cross_entropy', z, t, opts, dtype, run_torch('cross_entropy', z, t, opts, dtype, True), 'torch')
        else:
            t = dist(n, c, zeros=rnd.random() < 0.5)
            add('pytorch', 'cross_entropy', z, t, opts, dtype, run_torch('cross_entropy', z, t, opts, dtype), 'torch')
    for i in range(45):
        n, c = rnd.randint(1, 5), rnd.randint(2, 6)
        dtype = rnd.choice(['float32', 'float64'])
        lp = torch.log_softmax(torch.tensor(logits(n, c), dtype=torch.float64), 1).tolist()
        opts = {'reduction': rnd.choice(red)}
        if rnd.random() < 0.5:
            opts['weight'] = [rnd.choice([0.5, 1.0, 2.0, 4.0]) for _ in range(c)]
        ign = -100
        if rnd.random() < 0.3:
            ign = 0
            opts['ignoreIndex'] = 0
        t = [rnd.randrange(c) for _ in range(n)]
        if i % 9 == 0:
            t = [ign] * n
        add('pytorch', 'nll_loss', lp, t, opts, dtype, run_torch('nll_loss', lp, t, opts, dtype, True), 'torch')
    for i in range(60):
        n = rnd.randint(1, 6)
        dtype = rnd.choice(['float32', 'float32', 'float64'])
        x = probs(n)
        y = [rnd.choice([0.0, 1.0, 1.0, 0.3, 0.0]) for _ in range(n)]
        opts = {'reduction': rnd.choice(red)}
        if rnd.random() < 0.3:
            opts['weight'] = [rnd.choice([0.0, 0.5, 2.0]) for _ in range(n)]
        add('pytorch', 'binary_cross_entropy', x, y, opts, dtype, run_torch('binary_cross_entropy', x, y, opts, dtype), 'torch')
    # The example: log clamped at -100, mean of 100 and 0.
    add('pytorch', 'binary_cross_entropy', [0.0, 1.0], [1.0, 1.0], {}, 'float32',
        run_torch('binary_cross_entropy', [0.0, 1.0], [1.0, 1.0], {}, 'float32'), 'torch')
    for i in range(50):
        n, c = rnd.randint(1, 4), rnd.randint(1, 4)
        dtype = rnd.choice(['float32', 'float32', 'float64'])
        z = [[rnd.choice([rnd.gauss(0, 3), rnd.choice([-100.0, 100.0, -20.0, 20.0, 0.0, 40.0])]) for _ in range(c)] for _ in range(n)]
        y = [[rnd.choice([0.0, 1.0, 0.25]) for _ in range(c)] for _ in range(n)]
        opts = {'reduction': rnd.choice(red)}
        if rnd.random() < 0.5:
            opts['posWeight'] = [rnd.choice([0.5, 1.0, 3.0]) for _ in range(c)]
        if rnd.random() < 0.3:
            opts['weight'] = [rnd.choice([0.5, 1.0, 2.0]) for _ in range(c)]
        add('pytorch', 'binary_cross_entropy_with_logits', z, y, opts, dtype,
            run_torch('binary_cross_entropy_with_logits', z, y, opts, dtype), 'torch')
    for i in range(50):
        n, c = rnd.randint(1, 4), rnd.randint(2, 5)
        dtype = rnd.choice(['float32', 'float64'])
        x = torch.log_softmax(torch.tensor(logits(n, c), dtype=torch.float64), 1).tolist()
        t = dist(n, c, zeros=rnd.random() < 0.5)
        opts = {'reduction': rnd.choice(['mean', 'batchmean', 'sum', 'none'])}
        if rnd.random() < 0.3:
            opts['logTarget'] = True
            t = [[math.log(v) if v > 0 else -30.0 for v in row] for row in t]
        if rnd.random() < 0.2:
            x, t = x[0], t[0]
        add('pytorch', 'kl_div', x, t, opts, dtype, run_torch('kl_div', x, t, opts, dtype), 'torch')


def sk_modern(y_true, y_pred, dtype, sample_weight=None, normalize=True):
    """log_loss of scikit-learn >= 1.5 (sklearn/metrics/_classification.py), for labels 0..C-1."""
    q = np.asarray(y_pred, dtype=NP_DT[dtype])
    if q.ndim == 1:
        q = q[:, None]
    if q.shape[1] == 1:
        q = np.append(1 - q, q, axis=1)
    eps = np.finfo(q.dtype).eps
    q = np.clip(q, eps, 1 - eps)
    y = np.eye(q.shape[1])[np.asarray(y_true)]
    loss = -(y * np.log(q)).sum(axis=1)
    if not normalize:
        return np.sum(loss * (1 if sample_weight is None else np.asarray(sample_weight)))
    return np.average(loss, weights=sample_weight)


def sklearn_cases():
    for i in range(230):
        dtype = rnd.choice(['float64', 'float64', 'float32'])
        binary = rnd.random() < 0.4
        if binary:
            n = rnd.randint(1, 6)
            q = probs(n)
            t = [rnd.randrange(2) for _ in range(n)]
            labels = [0, 1]
        else:
            n, c = rnd.randint(1, 5), rnd.randint(2, 5)
            q = dist(n, c, zeros=rnd.random() < 0.5)
            if rnd.random() < 0.3:
                q = [[min(1.0, v * rnd.choice([0.9, 1.1, 1.0])) for v in row] for row in q]  # not summing to 1
            if rnd.random() < 0.3:
                q = [[min(1.0, v) if rnd.random() < 0.7 else rnd.choice([0.0, 1.0, 1e-17]) for v in row] for row in q]
            t = [rnd.randrange(c) for _ in range(n)]
            labels = list(range(c))
        opts = {}
        sw = None
        if rnd.random() < 0.25:
            sw = [rnd.choice([0.5, 1.0, 2.0]) for _ in range(len(t))]
            opts['sampleWeight'] = sw
        normalize = rnd.random() < 0.8
        if not normalize:
            opts['reduction'] = 'sum'
        arr = np.asarray(q, dtype=NP_DT[dtype])
        if i % 3 == 2:
            value = sk_modern(t, q, dtype, sw, normalize)
            add('sklearn', 'log_loss', q, t, {**opts, 'version': '1.5'}, dtype, value, 'documented-rule')
        else:
            kw = {}
            if rnd.random() < 0.2:
                kw['eps'] = rnd.choice([1e-15, 1e-7])
                opts['eps'] = kw['eps']
            with warnings.catch_warnings():
                warnings.simplefilter('ignore')
                value = log_loss(t, arr, labels=labels, sample_weight=sw, normalize=normalize, **kw)
            add('sklearn', 'log_loss', q, t, {**opts, 'version': '1.2'}, dtype, value, 'sklearn')


# Keras 3 (keras/src/losses/losses.py, backend/tensorflow/nn.py), float32.
K_EPS = np.float32(1e-7)


def keras_reduce(per, reduction):
    per = np.asarray(per, dtype=np.float32)
    if reduction == 'none':
        return per
    return np.sum(per, dtype=np.float32) if reduction == 'sum' else np.float32(np.sum(per, dtype=np.float64) / per.size)


def k_cce(y, q, from_logits, ls, reduction):
    y = np.asarray(y, np.float32)
    q = np.asarray(q, np.float32)
    if y.ndim == 1:
        y, q = y[None], q[None]
    c = y.shape[1]
    if ls:
        y = y * np.float32(1 - ls) + np.float32(ls / c)
    if from_logits:
        lp = torch.log_softmax(torch.tensor(q), 1).numpy()
        per = -(np.where(y == 0, 0, y * lp)).sum(1)
    else:
        q = q / q.sum(1, keepdims=True)
        q = np.clip(q, K_EPS, np.float32(1) - K_EPS)
        per = -(y * np.log(q)).sum(1)
    return keras_reduce(per, reduction)


def k_scce(t, q, from_logits, reduction):
    q = np.asarray(q, np.float32)
    if q.ndim == 1:
        q = q[None]
    z = q if from_logits else np.log(np.clip(q, K_EPS, np.float32(1) - K_EPS))
    per = torch.nn.functional.cross_entropy(torch.tensor(z), torch.tensor(t), reduction='none').numpy()
    return keras_reduce(per, reduction)


def k_bce(y, q, from_logits, ls, reduction):
    y = np.asarray(y, np.float32)
    q = np.asarray(q, np.float32)
    if y.ndim == 1:
        y, q = y[None], q[None]
    if ls:
        y = y * np.float32(1 - ls) + np.float32(0.5 * ls)
    if from_logits:
        el = np.maximum(q, 0) - q * y + np.log1p(np.exp(-np.abs(q)))
    else:
        qc = np.clip(q, K_EPS, np.float32(1) - K_EPS)
        with np.errstate(all='ignore'):
            el = -(np.where(y == 0, 0, y * np.log(qc)) + np.where(y == 1, 0, (1 - y) * np.log(1 - qc)))
    return keras_reduce(el.mean(1, dtype=np.float64), reduction)


def k_kld(y, q, reduction):
    y = np.clip(np.asarray(y, np.float32), K_EPS, np.float32(1))
    q = np.clip(np.asarray(q, np.float32), K_EPS, np.float32(1))
    if y.ndim == 1:
        y, q = y[None], q[None]
    return keras_reduce((y * np.log(y / q)).sum(1), reduction)


def keras_cases():
    reds = ['sum_over_batch_size', 'sum', 'none']
    for i in range(220):
        kind = i % 4
        n, c = rnd.randint(1, 5), rnd.randint(2, 5)
        red = rnd.choice(reds)
        opts = {'reduction': red}
        one_d = n == 1 and rnd.random() < 0.5
        if kind == 0:
            fl = rnd.random() < 0.3
            ls = rnd.choice([0, 0, 0.1, 0.2])
            q = logits(n, c) if fl else dist(n, c, zeros=rnd.random() < 0.5)
            if not fl and rnd.random() < 0.3:
                q = [[v * 0.8 for v in row] for row in q]
            y = [[1.0 if k == rnd.randrange(c) else 0.0 for k in range(c)] for _ in range(n)]
            y = [row if sum(row) else [1.0] + [0.0] * (c - 1) for row in y]
            if fl:
                opts['fromLogits'] = True
            if ls:
                opts['labelSmoothing'] = ls
            v = k_cce(y, q, fl, ls, red)
            if one_d:
                y, q = y[0], q[0]
            add('keras', 'CategoricalCrossentropy', q, y, opts, 'float32', v, 'documented-rule')
        elif kind == 1:
            fl = rnd.random() < 0.3
            q = logits(n, c) if fl else dist(n, c, zeros=rnd.random() < 0.5)
            t = [rnd.randrange(c) for _ in range(n)]
            if fl:
                opts['fromLogits'] = True
            add('keras', 'SparseCategoricalCrossentropy', q, t, opts, 'float32', k_scce(t, q, fl, red), 'documented-rule')
        elif kind == 2:
            fl = rnd.random() < 0.3
            ls = rnd.choice([0, 0, 0.1])
            q = logits(n, c) if fl else [probs(c) for _ in range(n)]
            y = [[rnd.choice([0.0, 1.0]) for _ in range(c)] for _ in range(n)]
            if fl:
                opts['fromLogits'] = True
            if ls:
                opts['labelSmoothing'] = ls
            v = k_bce(y, q, fl, ls, red)
            if one_d:
                y, q = y[0], q[0]
            add('keras', 'BinaryCrossentropy', q, y, opts, 'float32', v, 'documented-rule')
        else:
            y, q = dist(n, c, zeros=True), dist(n, c, zeros=rnd.random() < 0.5)
            v = k_kld(y, q, red)
            if one_d:
                y, q = y[0], q[0]
            add('keras', 'KLDivergence', q, y, opts, 'float32', v, 'documented-rule')


def optax_cases():
    for i in range(210):
        kind = i % 4
        n, c = rnd.randint(1, 5), rnd.randint(2, 5)
        red = rnd.choice(['mean', 'none'])
        z = np.asarray(logits(n, c), np.float32)
        if kind in (0, 2) and rnd.random() < 0.3:
            z[0, -1] = -np.inf
        lp = torch.log_softmax(torch.tensor(z), 1).numpy()
        if kind == 0 or kind == 2:
            y = np.asarray(dist(n, c, zeros=True), np.float32)
            if kind == 2:
                per = -np.where(y == 0, 0, y * lp).sum(1)
            else:
                with np.errstate(all='ignore'):
                    per = -(y * lp).sum(1)
            name = 'softmax_cross_entropy' if kind == 0 else 'safe_softmax_cross_entropy'
            yy = y.tolist()
        elif kind == 1:
            t = [rnd.randrange(c) for _ in range(n)]
            per = -lp[np.arange(n), t]
            name, yy = 'softmax_cross_entropy_with_integer_labels', t
        else:
            continue
        v = per if red == 'none' else np.float32(np.mean(per.astype(np.float64)))
        add('optax', name, z.astype(np.float64).tolist(), yy, {'reduction': red}, 'float32', v, 'documented-rule')
    for i in range(60):
        n, c = rnd.randint(1, 4), rnd.randint(1, 4)
        red = rnd.choice(['mean', 'none'])
        z = np.asarray([[rnd.choice([rnd.gauss(0, 4), 30.0, -30.0]) for _ in range(c)] for _ in range(n)], np.float32)
        y = np.asarray([[rnd.choice([0.0, 1.0, 0.4]) for _ in range(c)] for _ in range(n)], np.float32)
        # log_sigmoid(z) = -softplus(-z)
        per = (y * F.softplus(torch.tensor(-z)).numpy() + (1 - y) * F.softplus(torch.tensor(z)).numpy()).ravel()
        v = per if red == 'none' else np.float32(np.mean(per.astype(np.float64)))
        add('optax', 'sigmoid_binary_cross_entropy', z.astype(np.float64).tolist(), y.tolist(), {'reduction': red}, 'float32', v, 'documented-rule')


F_EPS = np.finfo(np.float32).eps


def flux_cases():
    for i in range(220):
        kind = i % 4
        n, c = rnd.randint(1, 5), rnd.randint(2, 5)
        red = rnd.choice(['mean', 'sum', 'none'])
        y = np.asarray(dist(n, c, zeros=True), np.float32)
        def agg(per):
            per = np.asarray(per, np.float32)
            return per if red == 'none' else (np.float32(per.sum(dtype=np.float64)) if red == 'sum' else np.float32(per.mean(dtype=np.float64)))
        if kind == 0:
            q = np.asarray(dist(n, c, zeros=True), np.float32)
            per = -np.where(y == 0, 0, y * np.log(q + F_EPS)).sum(1)
            add('flux', 'crossentropy', q.astype(np.float64).tolist(), y.tolist(), {'reduction': red}, 'float32', agg(per), 'documented-rule')
        elif kind == 1:
            z = np.asarray(logits(n, c), np.float32)
            per = -(y * torch.log_softmax(torch.tensor(z), 1).numpy()).sum(1)
            add('flux', 'logitcrossentropy', z.astype(np.float64).tolist(), y.tolist(), {'reduction': red}, 'float32', agg(per), 'documented-rule')
        elif kind == 2:
            q = np.asarray(dist(n, c, zeros=True), np.float32)
            with np.errstate(all='ignore'):
                ent = np.where(y == 0, 0, y * np.log(y)).sum(1)
            per = ent - np.where(y == 0, 0, y * np.log(q + F_EPS)).sum(1)
            add('flux', 'kldivergence', q.astype(np.float64).tolist(), y.tolist(), {'reduction': red}, 'float32', agg(per), 'documented-rule')
        else:
            q = np.asarray([probs(c) for _ in range(n)], np.float32)
            yb = np.asarray([[rnd.choice([0.0, 1.0, 0.3]) for _ in range(c)] for _ in range(n)], np.float32)
            el = -np.where(yb == 0, 0, yb * np.log(q + F_EPS)) - np.where(yb == 1, 0, (1 - yb) * np.log(1 - q + F_EPS))
            v = el.ravel() if red == 'none' else agg(el.ravel())
            add('flux', 'binarycrossentropy', q.astype(np.float64).tolist(), yb.tolist(), {'reduction': red}, 'float32', v, 'documented-rule')


def cross_checks():
    """Where two frameworks compute the same thing, their numbers must agree (float32 precision)."""
    for _ in range(50):
        n, c = rnd.randint(1, 5), rnd.randint(2, 5)
        z = logits(n, c, 3)
        y = dist(n, c)
        t = [rnd.randrange(c) for _ in range(n)]
        torch_soft = F.cross_entropy(torch.tensor(z), torch.tensor(y)).item()
        torch_idx = F.cross_entropy(torch.tensor(z), torch.tensor(t), reduction='none').numpy()
        assert math.isclose(float(k_cce(y, z, True, 0, 'sum_over_batch_size')), torch_soft, rel_tol=1e-5, abs_tol=1e-6)
        assert np.allclose(k_scce(t, z, True, 'none'), torch_idx, rtol=1e-5, atol=1e-6)
        # Flux logitcrossentropy = torch cross_entropy with probability targets.
        per = -(np.asarray(y, np.float32) * torch.log_softmax(torch.tensor(np.asarray(z, np.float32)), 1).numpy()).sum(1)
        assert math.isclose(float(per.mean()), torch_soft, rel_tol=1e-5, abs_tol=1e-6)
        # Keras BCE from logits and optax sigmoid BCE = torch BCE with logits.
        zb = np.asarray(z, np.float32)
        yb = np.asarray([[rnd.choice([0.0, 1.0]) for _ in range(c)] for _ in range(n)], np.float32)
        tb = F.binary_cross_entropy_with_logits(torch.tensor(zb), torch.tensor(yb)).item()
        assert math.isclose(float(k_bce(yb, zb, True, 0, 'sum_over_batch_size')), tb, rel_tol=1e-5, abs_tol=1e-6)
        # Keras BCE on interior probabilities (no clip) = torch BCE.
        qb = np.asarray([[rnd.uniform(0.01, 0.99) for _ in range(c)] for _ in range(n)], np.float32)
        assert math.isclose(float(k_bce(yb, qb, False, 0, 'sum_over_batch_size')),
                            F.binary_cross_entropy(torch.tensor(qb), torch.tensor(yb)).item(), rel_tol=1e-5, abs_tol=1e-6)
        # scikit-learn >= 1.5 rule on normalised interior rows = the 1.2 library.
        q = dist(n, c)
        q = [[min(max(v, 1e-3), 1) for v in row] for row in q]
        q = [[v / sum(row) for v in row] for row in q]
        assert math.isclose(sk_modern(t, q, 'float64'), log_loss(t, q, labels=list(range(c))), rel_tol=1e-12)


pytorch_cases()
sklearn_cases()
keras_cases()
optax_cases()
flux_cases()
cross_checks()
counts = {}
for c in cases:
    counts[c['framework']] = counts.get(c['framework'], 0) + 1
with open(OUT, 'w') as f:
    json.dump({'generator': PROVENANCE, 'counts': counts, 'cases': cases}, f, indent=None, separators=(',', ':'))
    f.write('\n')
print(counts)
