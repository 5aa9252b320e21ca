"""Expected numbers for engine/compare and engine/pipeline tests, from scipy, numpy and scikit-learn.

    /usr/bin/python3 server/src/engine/compare/expected/generate.py

Writes, next to this file:
  fixture.csv  800 rows (x1, x2, sex, label) for a champion that uses x1 only and a challenger that
               also uses x2, which is correlated with sex: the challenger is more accurate and less fair.
  cases.json   special functions (scipy.special / scipy.stats), McNemar's test (scipy.stats.binomtest
               and chi2 on the discordant counts), two-proportion power (scipy.stats.norm), the
               fixture's metrics for both models (scikit-learn), and paired vs unpaired bootstrap
               intervals of the differences (numpy, 4000 resamples).
Nothing in the project runs this; the tests read the committed outputs.
"""
import json
import os

import numpy as np
from scipy import special, stats
from sklearn.metrics import accuracy_score, roc_auc_score

HERE = os.path.dirname(os.path.abspath(__file__))
out = {}

# --- special functions -----------------------------------------------------------------------
xs = [-3.0, -1.0, -1e-8, 0.0, 1e-8, 0.1, 0.3, 0.7, 1.0, 1.5, 2.0, 2.4999, 2.5, 2.5001, 3.0, 4.0, 5.0, 7.5, 10.0, 15.0, 26.0]
out["erfc"] = [[x, float(special.erfc(x))] for x in xs]
ps = [1e-12, 1e-6, 0.001, 0.01, 0.02425, 0.025, 0.1, 0.2, 0.5, 0.8, 0.9, 0.975, 0.97575, 0.99, 0.999999]
out["normal_quantile"] = [[p, float(stats.norm.ppf(p))] for p in ps]
zs = [-8.0, -3.0, -1.959963984540054, -0.5, 0.0, 0.5, 1.0, 1.959963984540054, 3.0, 6.0]
out["normal_cdf"] = [[z, float(stats.norm.cdf(z))] for z in zs]
chis = [0.0, 1e-6, 0.5, 1.0, 3.841458820694124, 10.0, 50.0, 200.0, 700.0]
out["chi2_sf_1"] = [[x, float(stats.chi2.sf(x, 1))] for x in chis]
binoms = [(0, 0, 0.5), (0, 10, 0.5), (3, 10, 0.5), (5, 10, 0.5), (7, 24, 0.5), (2, 30, 0.1), (40, 100, 0.45), (300, 1000, 0.31), (1, 5000, 0.5)]
out["binomial_cdf"] = [[k, n, p, float(stats.binom.cdf(k, n, p))] for k, n, p in binoms]

# --- McNemar ---------------------------------------------------------------------------------
def mcnemar(b, c):
    n = b + c
    if n < 25:
        k = min(b, c)
        p = 1.0 if n == 0 else float(stats.binomtest(k, n, 0.5).pvalue)
        return {"b": b, "c": c, "method": "exact", "statistic": k, "p_value": p}
    stat = (abs(b - c) - 1) ** 2 / n
    return {"b": b, "c": c, "method": "chi-square", "statistic": stat, "p_value": float(stats.chi2.sf(stat, 1))}

pairs = [(0, 0), (1, 0), (0, 4), (3, 7), (12, 12), (5, 19), (24, 0), (2, 22), (13, 12), (12, 13), (30, 50), (40, 40), (200, 260), (1000, 1100), (5, 40), (0, 300)]
out["mcnemar"] = [mcnemar(b, c) for b, c in pairs]

# --- two-proportion power (two-sided z-test, pooled variance under H0) -------------------------
def power(p1, p2, n1, n2, alpha=0.05):
    z = stats.norm.ppf(1 - alpha / 2)
    d = abs(p2 - p1)
    pbar = (n1 * p1 + n2 * p2) / (n1 + n2)
    se0 = np.sqrt(pbar * (1 - pbar) * (1 / n1 + 1 / n2))
    se1 = np.sqrt(p1 * (1 - p1) / n1 + p2 * (1 - p2) / n2)
    return float(stats.norm.cdf((d - z * se0) / se1) + stats.norm.cdf((-d - z * se0) / se1))

def arms(splits, min_rows):
    smallest = min(splits.values())
    return [(k, int(np.floor(min_rows * v / smallest + 0.5))) for k, v in splits.items()]

def ab_power(splits, min_rows, baseline, effect):
    a = arms(splits, min_rows)
    return min(power(baseline, baseline + effect, a[0][1], t[1]) for t in a[1:])

def rows_for(splits, baseline, effect, target=0.8):
    lo, hi = 1, 2
    while ab_power(splits, hi, baseline, effect) < target:
        hi *= 2
    while hi - lo > 1:
        mid = (lo + hi) // 2
        if ab_power(splits, mid, baseline, effect) >= target:
            hi = mid
        else:
            lo = mid
    return hi

power_cases = [
    ({"champion": 50, "challenger": 50}, 2000, 0.2, 0.03),
    ({"champion": 50, "challenger": 50}, 500, 0.5, 0.05),
    ({"control": 90, "treatment": 10}, 1000, 0.1, 0.02),
    ({"a": 40, "b": 30, "c": 30}, 3000, 0.3, 0.04),
    ({"champion": 50, "challenger": 50}, 20000, 0.05, 0.01),
]
out["power"] = [
    {"splits": s, "min_sample_size": n, "baseline": p, "effect": e, "arms": arms(s, n), "power": ab_power(s, n, p, e), "rows_for_target": rows_for(s, p, e)}
    for s, n, p, e in power_cases
]
out["power_pairs"] = [[p1, p2, n1, n2, power(p1, p2, n1, n2)] for p1, p2, n1, n2 in [(0.2, 0.23, 2000, 2000), (0.1, 0.12, 9000, 1000), (0.5, 0.45, 300, 700), (0.01, 0.02, 5000, 5000)]]

# --- the champion/challenger fixture ---------------------------------------------------------
def sigmoid32(z):
    z = z.astype(np.float32)
    return (np.float32(1) / (np.float32(1) + np.exp(-z))).astype(np.float32)

rng = np.random.default_rng(20260301)
n = 800
sex = np.where(rng.random(n) < 0.5, "female", "male")
x1 = np.round(rng.normal(0, 1, n), 4)
x2 = np.round(np.where(sex == "male", 0.8, -0.8) + rng.normal(0, 0.8, n), 4)
y = (rng.random(n) < 1 / (1 + np.exp(-(1.2 * x1 + 1.0 * x2 - 0.4)))).astype(int)
champion = {"coefficients": [1.2, 0.0], "intercept": -0.4}
challenger = {"coefficients": [1.2, 1.0], "intercept": -0.4}

def scores(m):
    w = np.array(m["coefficients"], dtype=np.float32)
    X = np.stack([x1, x2], axis=1).astype(np.float32)
    return sigmoid32(X @ w + np.float32(m["intercept"]))

sa, sb = scores(champion), scores(challenger)
assert np.min(np.abs(sa - 0.5)) > 1e-4 and np.min(np.abs(sb - 0.5)) > 1e-4, "a score is too close to the threshold; change the seed"
pa, pb = (sa >= 0.5).astype(int), (sb >= 0.5).astype(int)
with open(os.path.join(HERE, "fixture.csv"), "w") as f:
    f.write("x1,x2,sex,label\n")
    for i in range(n):
        f.write(f"{x1[i]:.4f},{x2[i]:.4f},{sex[i]},{y[i]}\n")

def dp_ratio(pred):
    rates = [pred[sex == g].mean() for g in ("female", "male")]
    return min(rates) / max(rates), dict(zip(("female", "male"), rates))

ca, cb = (pa == y), (pb == y)
b = int(np.sum(ca & ~cb))
c = int(np.sum(~ca & cb))
fx = {
    "rows": n,
    "champion": champion,
    "challenger": challenger,
    "accuracy": [accuracy_score(y, pa), accuracy_score(y, pb)],
    "roc_auc": [roc_auc_score(y, sa.astype(np.float64)), roc_auc_score(y, sb.astype(np.float64))],
    "demographic_parity_ratio": [dp_ratio(pa)[0], dp_ratio(pb)[0]],
    "selection_rate": [dp_ratio(pa)[1], dp_ratio(pb)[1]],
    "disagreements": int(np.sum(pa != pb)),
    "mcnemar": mcnemar(b, c),
}

# Paired bootstrap: the same resampled rows for both models; unpaired: independent rows per model.
B = 4000
boot = np.random.default_rng(7)
def boot_interval(metric, paired):
    d = np.empty(B)
    for r in range(B):
        i = boot.integers(0, n, n)
        j = i if paired else boot.integers(0, n, n)
        d[r] = metric(y[j], sb[j], pb[j]) - metric(y[i], sa[i], pa[i])
    return [float(np.percentile(d, 2.5)), float(np.percentile(d, 97.5))]

acc = lambda yy, s, p: accuracy_score(yy, p)
auc = lambda yy, s, p: roc_auc_score(yy, s.astype(np.float64))
fx["bootstrap"] = {
    "resamples": B,
    "accuracy": {"paired": boot_interval(acc, True), "unpaired": boot_interval(acc, False)},
    "roc_auc": {"paired": boot_interval(auc, True), "unpaired": boot_interval(auc, False)},
}
out["fixture"] = fx

with open(os.path.join(HERE, "cases.json"), "w") as f:
    json.dump(out, f, indent=1)
    f.write("\n")
print(json.dumps(fx, indent=1))
