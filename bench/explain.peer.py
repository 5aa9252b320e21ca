"""
Peers for bench/explain.bench.ts, run with Debian's Python (/usr/bin/python3: numpy, scipy, scikit-learn).

The shap library is not installable here (no Debian package, and PyPI is out of reach), so `kernel`
runs a faithful numpy reimplementation of shap's KernelExplainer.explain for one row (shap/explainers/
_kernel.py: varying features, the subset-size weight vector, complete enumeration of the sizes the
budget covers, np.random draws of sizes and permutations with complement pairs and repeat counting,
weight renormalisation, np.tile of the background, per-sample addsample, the model on all synthetic
rows at once, and `solve` with the last variable eliminated; l1_reg False, or 'auto' = AIC
LassoLarsIC when fewer than 20% of the coalitions were evaluated, shap's default). One deliberate
speed-up over shap: the per-coalition expectation is one matrix-vector product instead of shap's
Python loop over nsamples x N rows, which makes this peer faster than shap itself.

`perm` runs sklearn.inspection.permutation_importance on a tiny estimator wrapping the same logistic
function, with ROC AUC.

Usage: explain.peer.py kernel|perm DATA_DIR CONFIG_JSON; prints one JSON line.
"""
import copy
import itertools
import json
import sys
import time

import numpy as np
from scipy.special import binom


def logistic(w, b):
    w = np.asarray(w, dtype=float)
    return lambda X: 1.0 / (1.0 + np.exp(-(X @ w + b)))


def kernel_explain(f, x, data, nsamples, l1_reg):
    """shap.KernelExplainer(f, data).shap_values(x, nsamples=..., l1_reg=...) for one row, one output."""
    N, P = data.shape
    weights = np.ones(N) / N
    fnull = np.sum(f(data) * weights)
    not_equal = ~np.isclose(x[None, :], data, equal_nan=True)
    varying = np.nonzero(not_equal.sum(0) > 0)[0]
    M = len(varying)
    fx = f(x[None, :])[0]
    phi = np.zeros(P)
    if M == 0:
        return phi
    if M == 1:
        phi[varying[0]] = fx - fnull
        return phi
    max_samples = 2 ** 30
    if M <= 30:
        max_samples = 2 ** M - 2
        nsamples = min(nsamples, max_samples)
    synth = np.tile(data, (nsamples, 1))
    mask_matrix = np.zeros((nsamples, M))
    kernel_weights = np.zeros(nsamples)
    added = 0

    def addsample(m, w):
        nonlocal added
        offset = added * N
        groups = varying[m == 1.0]
        synth[offset:offset + N, groups] = x[groups]
        mask_matrix[added, :] = m
        kernel_weights[added] = w
        added += 1

    num_subset_sizes = int(np.ceil((M - 1) / 2.0))
    num_paired = int(np.floor((M - 1) / 2.0))
    weight_vector = np.array([(M - 1.0) / (i * (M - i)) for i in range(1, num_subset_sizes + 1)])
    weight_vector[:num_paired] *= 2
    weight_vector /= np.sum(weight_vector)
    num_full = 0
    left = nsamples
    group_inds = np.arange(M, dtype='int64')
    mask = np.zeros(M)
    remaining = copy.copy(weight_vector)
    for size in range(1, num_subset_sizes + 1):
        nsubsets = binom(M, size)
        if size <= num_paired:
            nsubsets *= 2
        if left * remaining[size - 1] / nsubsets >= 1.0 - 1e-8:
            num_full += 1
            left -= nsubsets
            if remaining[size - 1] < 1.0:
                remaining /= (1 - remaining[size - 1])
            w = weight_vector[size - 1] / binom(M, size)
            if size <= num_paired:
                w /= 2.0
            for inds in itertools.combinations(group_inds, size):
                mask[:] = 0.0
                mask[np.array(inds, dtype='int64')] = 1.0
                addsample(mask, w)
                if size <= num_paired:
                    mask[:] = np.abs(mask - 1)
                    addsample(mask, w)
        else:
            break
    nfixed = added
    samples_left = nsamples - added
    if num_full != num_subset_sizes:
        rem = copy.copy(weight_vector)
        rem[:num_paired] /= 2
        rem = rem[num_full:]
        rem /= np.sum(rem)
        ind_set = np.random.choice(len(rem), 4 * samples_left, p=rem)
        pos = 0
        used = {}
        while samples_left > 0 and pos < len(ind_set):
            mask.fill(0.0)
            ind = ind_set[pos]
            pos += 1
            size = ind + num_full + 1
            mask[np.random.permutation(M)[:size]] = 1.0
            key = tuple(mask)
            new = False
            if key not in used:
                new = True
                used[key] = added
                samples_left -= 1
                addsample(mask, 1.0)
            else:
                kernel_weights[used[key]] += 1.0
            if samples_left > 0 and size <= num_paired:
                mask[:] = np.abs(mask - 1)
                if new:
                    samples_left -= 1
                    addsample(mask, 1.0)
                else:
                    kernel_weights[used[key] + 1] += 1.0
        weight_left = np.sum(weight_vector[num_full:])
        kernel_weights[nfixed:] *= weight_left / kernel_weights[nfixed:].sum()
    y = f(synth[:added * N])
    ey = y.reshape(added, N) @ weights  # shap: a Python loop over added x N rows
    mask_matrix = mask_matrix[:added]
    kernel_weights = kernel_weights[:added]
    phi[varying] = solve(mask_matrix, kernel_weights, ey, fx, fnull, M, nsamples / max_samples, l1_reg)
    return phi


def solve(mask_matrix, kernel_weights, ey, fx, fnull, M, fraction_evaluated, l1_reg):
    ey_adj = ey - fnull
    nonzero = np.arange(M)
    if l1_reg == 'auto' and fraction_evaluated < 0.2:
        from sklearn.linear_model import LassoLarsIC
        from sklearn.pipeline import make_pipeline
        from sklearn.preprocessing import StandardScaler
        s = np.sum(mask_matrix, 1)
        w_aug = np.hstack((kernel_weights * (M - s), kernel_weights * s))
        w_sqrt_aug = np.sqrt(w_aug)
        ey_aug = np.hstack((ey_adj, ey_adj - (fx - fnull))) * w_sqrt_aug
        mask_aug = np.transpose(w_sqrt_aug * np.transpose(np.vstack((mask_matrix, mask_matrix - 1))))
        model = make_pipeline(StandardScaler(with_mean=False), LassoLarsIC(criterion='aic'))
        nonzero = np.nonzero(model.fit(mask_aug, ey_aug)[1].coef_)[0]
    out = np.zeros(M)
    if len(nonzero) == 0:
        return out
    ey_adj2 = ey_adj - mask_matrix[:, nonzero[-1]] * (fx - fnull)
    etmp = np.transpose(np.transpose(mask_matrix[:, nonzero[:-1]]) - mask_matrix[:, nonzero[-1]])
    tmp = np.transpose(np.transpose(etmp) * np.transpose(kernel_weights))
    etmp_dot = np.dot(np.transpose(tmp), etmp)
    try:
        tmp2 = np.linalg.inv(etmp_dot)
    except np.linalg.LinAlgError:
        tmp2 = np.linalg.pinv(etmp_dot)
    w = np.dot(tmp2, np.dot(np.transpose(tmp), ey_adj2))
    out[nonzero[:-1]] = w
    out[nonzero[-1]] = (fx - fnull) - sum(w)
    return out


def run_kernel(d, cfg):
    k, nb = cfg['k'], cfg['nb']
    f = logistic(cfg['w'], cfg['b'])
    data = np.fromfile(d + '/background.f64').reshape(nb, k)
    rows = np.fromfile(d + '/rows.f64').reshape(-1, k)
    out = []
    kernel_explain(f, rows[0], data, cfg['budgets'][0], False)  # warm-up
    for l1 in cfg['l1']:
        for ns in cfg['budgets']:
            for r in range(rows.shape[0]):
                for seed in range(cfg['seeds']):
                    np.random.seed(seed)
                    t = time.perf_counter()
                    phi = kernel_explain(f, rows[r], data, ns, l1 if l1 != 'off' else False)
                    ms = (time.perf_counter() - t) * 1000
                    out.append({'l1': l1, 'nsamples': ns, 'row': r, 'seed': seed, 'ms': ms, 'phi': phi.tolist()})
    return {'runs': out, 'numpy': np.__version__}


def run_perm(d, cfg):
    import sklearn
    from sklearn.base import BaseEstimator, ClassifierMixin
    from sklearn.inspection import permutation_importance
    from sklearn.metrics import roc_auc_score

    class Logistic(ClassifierMixin, BaseEstimator):
        def __init__(self, w=None, b=0.0):
            self.w = w
            self.b = b

        def fit(self, X, y=None):
            self.classes_ = np.array([0, 1])
            return self

        def predict_proba(self, X):
            p = logistic(self.w, self.b)(np.asarray(X, dtype=float))
            return np.column_stack([1 - p, p])

    k, n = cfg['k'], cfg['rows']
    X = np.fromfile(d + '/X.f64').reshape(n, k)
    y = np.fromfile(d + '/y.u8', dtype=np.uint8).astype(int)
    est = Logistic(w=cfg['w'], b=cfg['b']).fit(X, y)
    scorer = lambda e, X_, y_: roc_auc_score(y_, e.predict_proba(X_)[:, 1])
    times = []
    for _ in range(cfg['runs']):
        t = time.perf_counter()
        r = permutation_importance(est, X, y, scoring=scorer, n_repeats=cfg['repeats'], random_state=0)
        times.append((time.perf_counter() - t) * 1000)
    return {'times': times, 'mean': r.importances_mean.tolist(), 'std': r.importances_std.tolist(),
            'baseline': scorer(est, X, y), 'sklearn': sklearn.__version__}


if __name__ == '__main__':
    mode, d, cfg = sys.argv[1], sys.argv[2], json.loads(sys.argv[3])
    print(json.dumps(run_kernel(d, cfg) if mode == 'kernel' else run_perm(d, cfg)))
