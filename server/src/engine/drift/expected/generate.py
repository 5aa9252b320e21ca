#!/usr/bin/python3
"""Expected numbers for the drift tests, from scipy/numpy/pandas (run with /usr/bin/python3).

The samples are not stored: both sides regenerate them with the same 32-bit LCG and the same
floating-point operations in the same order (see ../testData.ts), so only the generator settings
and scipy's answers are written:

  ks.json        scipy.stats.ks_2samp (method='auto') in the exact and asymptotic regimes,
                 scipy.stats.wasserstein_distance / np.std(reference)
  kstwo.json     scipy.stats.kstwo.sf(x, n) and scipy.special.smirnov(n, x) on a grid
  special.json   scipy.stats.chi2.sf and scipy.stats.norm.sf
  drift.json     data sets with known shifts (mean, scale, category mix, missing rate) and none,
                 and per column every test as Evidently computes it, written out here from
                 Evidently's source (registry._get_default_stattest, utils.get_binned_data, the
                 stattests' thresholds and comparisons) on top of scipy/numpy/pandas.

Usage: /usr/bin/python3 generate.py  (writes the JSON files beside this script)
"""
import json
import math
import os
import warnings

import numpy as np
import pandas as pd
import scipy
from scipy import special, stats
from scipy.spatial import distance

HERE = os.path.dirname(os.path.abspath(__file__))


# ---------------------------------------------------------------- generator (mirrors testData.ts)
class Lcg:
    def __init__(self, seed):
        # Scramble the seed so that nearby seeds start far apart in the LCG's cycle.
        s = (seed * 2654435761 + 12345) % 2**32
        s ^= s >> 16
        s = (s * 0x45D9F3B) % 2**32
        s ^= s >> 16
        self.s = s

    def next(self):
        self.s = (self.s * 1664525 + 1013904223) % 2**32
        return self.s / 4294967296

    def normal(self):
        u = self.next() + self.next() + self.next() + self.next()
        return (u - 2) * 1.7320508075688772


def numeric_values(spec):
    r = Lcg(spec['seed'])
    out = np.empty(spec['n'])
    for i in range(spec['n']):
        x = r.normal() * spec.get('scale', 1) + spec.get('loc', 0)
        if 'decimals' in spec:
            f = 10.0 ** spec['decimals']
            x = math.floor(x * f) / f
        m = r.next()
        out[i] = np.nan if spec.get('missing') and m < spec['missing'] else x
    return out


def categorical_values(spec):
    r = Lcg(spec['seed'])
    out = []
    for _ in range(spec['n']):
        u = r.next()
        acc = 0.0
        label = None
        for k, p in enumerate(spec['probs']):
            acc += p
            if u < acc:
                label = spec['categories'][k]
                break
        out.append(label)
    return out


def column_values(spec):
    """pandas Series of a column spec: numeric, categorical, or numcat (categories that are numbers)."""
    if spec['kind'] == 'numeric':
        return pd.Series(numeric_values(spec), dtype=float)
    labels = categorical_values(spec)
    if spec['kind'] == 'numcat':
        return pd.Series([np.nan if l is None else float(l) for l in labels], dtype=float)
    return pd.Series(labels, dtype=object)


def f(x):
    """JSON-safe float: None for NaN/inf."""
    if x is None:
        return None
    x = float(x)
    return x if math.isfinite(x) else None


# ---------------------------------------------------------------- ks.json
def ks_cases():
    def num(seed, n, **kw):
        return dict(kind='numeric', seed=seed, n=n, **kw)

    cases = [
        ('exact equal sizes, no shift', num(1, 60), num(2, 60)),
        ('exact equal sizes, mean shift', num(3, 200), num(4, 200, loc=0.6)),
        ('exact unequal sizes, mean shift', num(5, 80), num(6, 130, loc=0.4)),
        ('exact with ties (integers)', num(7, 300, decimals=0), num(8, 250, loc=0.3, decimals=0)),
        ('exact, 2000 vs 1500, small shift', num(9, 2000), num(10, 1500, loc=0.1)),
        ('exact, 10000 vs 7000 (largest exact)', num(11, 10000), num(12, 7000, loc=0.05)),
        ('exact, tiny p-value', num(13, 3000), num(14, 2500, loc=1.0)),
        ('exact, scale change', num(15, 5000), num(16, 5000, scale=2.0)),
        ('asymptotic, no shift (Durbin matrix)', num(17, 12000), num(18, 9000)),
        ('asymptotic, mean shift (Smirnov sum)', num(19, 15000), num(20, 5000, loc=0.1)),
        ('asymptotic, en = 5000.5 rounds to even', num(21, 10001), num(22, 10001, loc=0.03)),
        ('asymptotic, n > 1e5 (Pelz-Good)', num(23, 220000, decimals=4), num(24, 200000, decimals=4)),
        ('asymptotic, ties', num(25, 30000, decimals=1), num(26, 20000, loc=0.05, decimals=1)),
    ]
    out = []
    for name, a_spec, b_spec in cases:
        a = numeric_values(a_spec)
        b = numeric_values(b_spec)
        with warnings.catch_warnings(record=True) as w:
            warnings.simplefilter('always')
            r = stats.ks_2samp(a, b, method='auto')
        fell_back = any('Exact calculation unsuccessful' in str(x.message) for x in w)
        mode = 'exact' if max(len(a), len(b)) <= 10000 and not fell_back else 'asymp'
        out.append(dict(
            name=name, a=a_spec, b=b_spec,
            statistic=f(r.statistic), p_value=f(r.pvalue), mode=mode,
            wasserstein=f(stats.wasserstein_distance(a, b)),
            wasserstein_normed=f(stats.wasserstein_distance(a, b) / max(np.std(a), 0.001)),
            reference_std=f(np.std(a)),
        ))
    return out


# ---------------------------------------------------------------- kstwo.json
def kstwo_grid():
    rng = np.random.default_rng(20260301)
    grid = []
    fixed_n = [1, 2, 5, 10, 50, 140, 141, 500, 3750, 10000, 99999, 100001, 250000, 500000, 2000000]
    fixed_x = [0.001, 0.003, 0.01, 0.02, 0.05, 0.1, 0.2, 0.3, 0.45, 0.5, 0.6, 0.9]
    pairs = [(n, x) for n in fixed_n for x in fixed_x]
    for _ in range(120):
        n = int(np.exp(rng.uniform(0, np.log(3e5)))) + 1
        x = float(np.exp(rng.uniform(np.log(0.5 / n), 0)))
        pairs.append((n, x))
    for n, x in pairs:
        if n >= 250000 and x < 0.003:
            continue  # scipy's smirnov takes seconds there; the sf is ~1 and covered by neighbours
        grid.append(dict(n=n, x=x, sf=f(stats.kstwo.sf(x, n)), smirnov=f(special.smirnov(n, x))))
    return grid


# ---------------------------------------------------------------- special.json
def special_values():
    chi2 = []
    for df in [1, 2, 3, 5, 10, 29, 100, 500]:
        for x in [0.0, 0.01, 0.5, 1.0, 3.0, 10.0, 50.0, 200.0, 1000.0, 3000.0]:
            chi2.append(dict(x=x, df=df, sf=f(stats.chi2.sf(x, df))))
    norm = [dict(z=z, sf=f(stats.norm.sf(z))) for z in [-5, -1.5, -0.1, 0, 0.1, 1, 1.96, 3, 5, 8, 12, 30]]
    lgamma = [dict(x=x, value=f(special.gammaln(x))) for x in [0.5, 1, 1.5, 2, 3.7, 10, 14.9, 15, 100.5, 12345.678, 1e6 + 0.5]]
    return dict(chi2=chi2, norm=norm, lgamma=lgamma)


# ---------------------------------------------------------------- drift.json (Evidently's rules)
def get_binned_data(ref, cur, kind, feel_zeroes=True):
    """Evidently's utils.get_binned_data (n is unused on this path)."""
    n_vals = ref.nunique()
    if kind == 'num' and n_vals > 20:
        bins = np.histogram_bin_edges(pd.concat([ref, cur], axis=0).values, bins='sturges')
        rp = np.histogram(ref, bins)[0] / len(ref)
        cp = np.histogram(cur, bins)[0] / len(cur)
        binning = dict(kind='sturges', edges=[float(e) for e in bins])
    else:
        keys = sorted(set(ref.dropna().unique()) | set(cur.dropna().unique()))
        rd = {**dict.fromkeys(keys, 0), **dict(ref.value_counts())}
        cd = {**dict.fromkeys(keys, 0), **dict(cur.value_counts())}
        rp = np.array([rd[k] / len(ref) for k in keys])
        cp = np.array([cd[k] / len(cur) for k in keys])
        binning = dict(kind='values', values=[k if isinstance(k, str) else float(k) for k in keys])
    if feel_zeroes:
        m = min(rp[rp != 0])
        np.place(rp, rp == 0, m / 10**6 if m <= 0.0001 else 0.0001)
        m = min(cp[cp != 0])
        np.place(cp, cp == 0, m / 10**6 if m <= 0.0001 else 0.0001)
    return rp, cp, binning


def default_stattest(ref, cur, kind):
    n_values = pd.concat([ref, cur]).nunique()
    if ref.shape[0] <= 1000:
        if kind == 'num' and n_values > 5:
            return 'ks'
        return 'chisquare' if n_values > 2 else 'ztest'
    if kind == 'num' and n_values > 5:
        return 'wasserstein'
    return 'jensenshannon'


THRESHOLDS = dict(ks=0.05, chisquare=0.05, ztest=0.05, psi=0.1, wasserstein=0.1, jensenshannon=0.1)


def chi_test(ref, cur):
    keys = list(set(ref.dropna().unique()) | set(cur.dropna().unique()))
    rd = {**dict.fromkeys(keys, 0), **dict(ref.value_counts())}
    cd = {**dict.fromkeys(keys, 0), **dict(cur.value_counts())}
    k_norm = cur.shape[0] / ref.shape[0]
    f_exp = [rd[k] * k_norm for k in keys]
    f_obs = [cd[k] for k in keys]
    with np.errstate(divide='ignore', invalid='ignore'):
        r = stats.chisquare(f_obs, f_exp)
    return dict(statistic=f(r.statistic), p_value=f(r.pvalue), df=len(keys) - 1)


def z_test(ref, cur):
    if ref.nunique() == 1 and cur.nunique() == 1 and ref.unique()[0] == cur.unique()[0]:
        return dict(statistic=0.0, p_value=1.0)
    keys = sorted(set(ref.dropna().unique()) | set(cur.dropna().unique()))
    a = ref.apply(lambda x: 0 if x == keys[0] else 1)
    b = cur.apply(lambda x: 0 if x == keys[0] else 1)
    n1, n2 = len(a), len(b)
    p1, p2 = float(sum(a)) / n1, float(sum(b)) / n2
    P = float(p1 * n1 + p2 * n2) / (n1 + n2)
    z = (p1 - p2) / np.sqrt(P * (1 - P) * (1.0 / n1 + 1.0 / n2))
    # Evidently writes 2 * (1 - norm.cdf(|z|)); norm.sf keeps precision below 1e-16.
    return dict(statistic=f(z), p_value=f(2 * stats.norm.sf(abs(z))))


def column_expected(ref_all, cur_all, kind, method='auto', threshold=None):
    ref = ref_all.replace([np.inf, -np.inf], np.nan).dropna()
    cur = cur_all.replace([np.inf, -np.inf], np.nan).dropna()
    n_values = pd.concat([ref, cur]).nunique()
    tests = {}
    if kind == 'num':
        r = stats.ks_2samp(ref.values, cur.values)
        tests['ks'] = dict(statistic=f(r.statistic), p_value=f(r.pvalue))
        std = np.std(ref.values)
        w = stats.wasserstein_distance(ref.values, cur.values)
        tests['wasserstein'] = dict(distance=f(w / max(std, 0.001)), raw=f(w), reference_std=f(std))
    rp, cp, binning = get_binned_data(ref, cur, kind)
    tests['psi'] = dict(value=f(np.sum((rp - cp) * np.log(rp / cp))))
    rp0, cp0, _ = get_binned_data(ref, cur, kind, feel_zeroes=False)
    tests['jensenshannon'] = dict(distance=f(distance.jensenshannon(rp0, cp0)))
    if kind == 'cat' or n_values <= 20:
        tests['chisquare'] = chi_test(ref, cur)
    if n_values <= 2:
        tests['ztest'] = z_test(ref, cur)
    test = default_stattest(ref, cur, kind) if method == 'auto' else method
    thr = THRESHOLDS[test] if threshold is None else threshold
    score = tests[test].get('p_value', tests[test].get('distance', tests[test].get('value')))
    if test == 'ks':
        drifted = score <= thr
    elif test in ('chisquare', 'ztest'):
        drifted = score < thr
    else:
        drifted = score >= thr
    summary = {}
    for side, s, s_all in (('reference', ref, ref_all), ('current', cur, cur_all)):
        if kind == 'num':
            v = s.values
            summary[side] = dict(count=len(v), missing=int(s_all.isna().sum()), mean=f(np.mean(v)), std=f(np.std(v, ddof=1)),
                                 min=f(np.min(v)), q05=f(np.quantile(v, 0.05)), q25=f(np.quantile(v, 0.25)), q50=f(np.quantile(v, 0.5)),
                                 q75=f(np.quantile(v, 0.75)), q95=f(np.quantile(v, 0.95)), max=f(np.max(v)))
        else:
            vc = s.value_counts()
            summary[side] = dict(count=len(s), missing=int(s_all.isna().sum()), unique=int(s.nunique()),
                                 top={str(k): int(c) for k, c in vc.items()})
    hist = None
    if kind == 'num':
        lo = min(ref.min(), cur.min())
        hi = max(ref.max(), cur.max())
        hist = dict(reference=[int(c) for c in np.histogram(ref.values, bins=20, range=(lo, hi))[0]],
                    current=[int(c) for c in np.histogram(cur.values, bins=20, range=(lo, hi))[0]])
    keys = set(ref.unique()) | set(cur.unique()) if kind == 'cat' or n_values <= 20 else set()
    fmt = lambda k: k if isinstance(k, str) else repr(float(k)).removesuffix('.0')
    return dict(method=test, threshold=thr, score=f(score), drifted=bool(drifted), tests=tests, binning=binning,
                unique=dict(reference=int(ref.nunique()), current=int(cur.nunique()), combined=int(n_values)),
                has_categories=kind == 'cat' or n_values <= 20,
                new_categories=sorted(fmt(k) for k in keys if k not in set(ref.unique())),
                missing_categories=sorted(fmt(k) for k in keys if k not in set(cur.unique())),
                summary=summary, histogram=hist)


def dataset(n_ref, n_cur, seed):
    """Columns with known shifts and without; each entry: (name, reference spec, current spec)."""
    def num(s, n, **kw):
        return dict(kind='numeric', seed=seed + s, n=n, decimals=3, **kw)

    def cat(s, n, probs, cats=('A', 'B', 'C', 'D'), kind='categorical'):
        return dict(kind=kind, seed=seed + s, n=n, categories=list(cats), probs=probs)

    return [
        ('num_same', num(1, n_ref), num(2, n_cur)),
        ('num_mean_shift', num(3, n_ref), num(4, n_cur, loc=0.5)),
        ('num_scale_change', num(5, n_ref, scale=1.0), num(6, n_cur, scale=2.0)),
        ('num_missing_rate', num(7, n_ref, missing=0.1), num(8, n_cur, missing=0.3, loc=0.05)),
        ('few_values_mix', cat(9, n_ref, [0.4, 0.3, 0.2, 0.1], ('0', '1', '2', '3'), 'numcat'),
         cat(10, n_cur, [0.25, 0.25, 0.25, 0.25], ('0', '1', '2', '3'), 'numcat')),
        ('binary_num', cat(11, n_ref, [0.7, 0.3], ('0', '1'), 'numcat'), cat(12, n_cur, [0.6, 0.4], ('0', '1'), 'numcat')),
        ('cat_same', cat(13, n_ref, [0.4, 0.3, 0.2, 0.1]), cat(14, n_cur, [0.4, 0.3, 0.2, 0.1])),
        ('cat_mix_new', cat(15, n_ref, [0.4, 0.3, 0.2, 0.1]), cat(16, n_cur, [0.2, 0.2, 0.3, 0.2, 0.1], ('A', 'B', 'C', 'D', 'E'))),
        ('cat_lost', cat(17, n_ref, [0.4, 0.3, 0.2, 0.1]), cat(18, n_cur, [0.45, 0.35, 0.2])),
        ('cat_binary', cat(19, n_ref, [0.5, 0.5], ('no', 'yes')), cat(20, n_cur, [0.42, 0.58], ('no', 'yes'))),
    ]


def drift_cases():
    out = []
    variants = [
        ('small reference (p-value tests)', 600, 400, 100, 'auto', None),
        ('large reference (distances)', 3000, 2000, 200, 'auto', None),
        ('method psi', 3000, 2000, 200, 'psi', None),
        ('method jensenshannon, threshold 0.05', 3000, 2000, 200, 'jensenshannon', 0.05),
        ('method ks on large data', 3000, 2000, 200, 'ks', None),
    ]
    for name, n_ref, n_cur, seed, method, threshold in variants:
        cols = dataset(n_ref, n_cur, seed)
        expected = {}
        for col, rs, cs in cols:
            kind = 'num' if rs['kind'] in ('numeric', 'numcat') else 'cat'
            m = method
            if method == 'ks' and kind == 'cat':
                m = 'auto'  # Plumb falls back to the default test where the requested one does not apply
            expected[col] = column_expected(column_values(rs), column_values(cs), kind, m, threshold if m == method else None)
        drifted = sum(1 for e in expected.values() if e['drifted'])
        out.append(dict(name=name, method=method, threshold=threshold,
                        columns=[dict(name=c, reference=r, current=k) for c, r, k in cols],
                        features=expected, drift_share=drifted / len(cols), dataset_drift=drifted / len(cols) >= 0.5))
    return out


def main():
    meta = dict(scipy=scipy.__version__, numpy=np.__version__, pandas=pd.__version__)
    files = dict(ks=dict(meta=meta, cases=ks_cases()), kstwo=dict(meta=meta, grid=kstwo_grid()),
                 special=dict(meta=meta, **special_values()), drift=dict(meta=meta, cases=drift_cases()))
    for name, data in files.items():
        with open(os.path.join(HERE, f'{name}.json'), 'w') as fh:
            json.dump(data, fh, indent=None if name == 'drift' else 1, allow_nan=False)
            fh.write('\n')
        print(f'wrote {name}.json')


if __name__ == '__main__':
    main()
