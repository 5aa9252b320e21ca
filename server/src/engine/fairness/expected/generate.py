#!/usr/bin/python3
"""Expected numbers for the fairness tests, computed independently of Plumb with pandas + scikit-learn.

Implements Fairlearn's documented definitions (fairlearn.metrics.MetricFrame and _fairness_metrics.py),
since fairlearn itself is not installable here:
  by_group          = DataFrame.groupby(sensitive columns), one row per non-empty combination
  difference        between_groups: max - min;  to_overall: max |group - overall|
  ratio             between_groups: min / max;  to_overall: min over groups of group/overall, inverted if > 1
  demographic_parity_*  = selection_rate difference / ratio
  equalized_odds_*      = max of TPR and FPR differences / min of TPR and FPR ratios
  equal_opportunity_*   = TPR difference / ratio
Rates come from sklearn.metrics.confusion_matrix per group. Where a rate divides by zero (TPR in a group
without positive labels) it is NaN here, and pandas' min/max skip it — Plumb's documented rule (Fairlearn
itself would report 0 through sklearn's zero_division). Missing sensitive values are the group "(missing)".
Bootstrap intervals: Fairlearn's MetricFrame(n_boot=...) procedure (resample all rows with replacement,
np.quantile), used by the tests with a Monte Carlo tolerance.

Run: /usr/bin/python3 server/src/engine/fairness/expected/generate.py  (writes cases.json beside it)
"""
import json
import os

import numpy as np
import pandas as pd
from sklearn.metrics import (accuracy_score, confusion_matrix, f1_score, mean_absolute_error,
                             mean_squared_error, roc_auc_score)

MISSING = "(missing)"
BINARY_RATES = ["base_rate", "selection_rate", "true_positive_rate", "false_positive_rate",
                "false_negative_rate", "true_negative_rate", "precision", "accuracy"]
NAMED = {
    "demographic_parity": ["selection_rate"],
    "equalized_odds": ["true_positive_rate", "false_positive_rate"],
    "equal_opportunity": ["true_positive_rate"],
}


def div(a, b):
    return a / b if b else np.nan


def binary_rates(y, p):
    tn, fp, fn, tp = confusion_matrix(y, p, labels=[0, 1]).ravel()
    n = tn + fp + fn + tp
    return {
        "base_rate": div(tp + fn, n), "selection_rate": div(tp + fp, n),
        "true_positive_rate": div(tp, tp + fn), "false_positive_rate": div(fp, fp + tn),
        "false_negative_rate": div(fn, tp + fn), "true_negative_rate": div(tn, fp + tn),
        "precision": div(tp, tp + fp), "accuracy": accuracy_score(y, p),
    }


def extra_metrics(y, p, s, names):
    out = {}
    for m in names:
        if m == "f1":
            out[m] = f1_score(y, p, zero_division=0) if (y.sum() + p.sum()) else np.nan
        elif m == "roc_auc":
            out[m] = roc_auc_score(y, s) if len(set(y)) == 2 else np.nan
    return out


def regression_metrics(y, p):
    return {"mean_label": float(np.mean(y)), "mean_prediction": float(np.mean(p)),
            "mae": mean_absolute_error(y, p), "rmse": float(np.sqrt(mean_squared_error(y, p)))}


def difference(by_group, overall, method):
    v = by_group.dropna()
    if v.empty:
        return np.nan
    return v.max() - v.min() if method == "between_groups" else (v - overall).abs().max()


def ratio(by_group, overall, method):
    v = by_group.dropna()
    if v.empty:
        return np.nan
    if method == "between_groups":
        return v.min() / v.max() if v.max() != 0 else np.nan
    if overall == 0 or np.isnan(overall):
        return np.nan
    r = v / overall
    return r.where(r <= 1, 1 / r).min()


def frame(df, sensitive):
    def key(v):
        if v is None or (isinstance(v, float) and np.isnan(v)):
            return MISSING
        return fmt(v) if isinstance(v, (float, np.floating)) else str(v)
    return df.assign(**{c: df[c].astype(object).map(key) for c in sensitive})


def evaluate(df, sensitive, kind, method, extra=()):
    df = frame(df, sensitive)
    if kind == "binary":
        fn = lambda d: {**binary_rates(d.y.values, d.pred.values), **extra_metrics(d.y.values, d.pred.values, d.score.values if "score" in d else None, extra)}
    elif kind == "multiclass":
        fn = lambda d: {"accuracy": accuracy_score(d.y.values, d.pred.values)}
    elif kind == "regression":
        fn = lambda d: regression_metrics(d.y.values, d.pred.values)
    elif kind == "labels":
        fn = lambda d: {"base_rate": float(d.y.mean())}
    else:  # numeric labels, missing ignored
        fn = lambda d: {"mean_label": float(d.y.mean()) if d.y.notna().any() else np.nan}
    rows = []
    for key, d in df.groupby(sensitive if len(sensitive) > 1 else sensitive[0], sort=True):
        key = key if isinstance(key, tuple) else (key,)
        rows.append({"group": dict(zip(sensitive, key)), "count": len(d), "share": len(d) / len(df), **fn(d)})
    by = pd.DataFrame(rows)
    overall = fn(df)
    metrics = {}
    for m in overall:
        metrics[f"{m}_difference"] = difference(by[m], overall[m], method)
        metrics[f"{m}_ratio"] = ratio(by[m], overall[m], method)
    if kind == "binary":
        for name, parts in NAMED.items():
            metrics[f"{name}_difference"] = max(metrics[f"{p}_difference"] for p in parts)
            metrics[f"{name}_ratio"] = min(metrics[f"{p}_ratio"] for p in parts)
        sr = by["selection_rate"]
        metrics["disparate_impact"] = sr.min() / sr.max()
        four = {"ratio": sr.min() / sr.max(), "passed": bool(sr.min() / sr.max() >= 0.8),
                "failing": [", ".join(f"{k}={v}" for k, v in g.items())
                            for g, r in zip(by["group"], sr) if r / sr.max() < 0.8]}
    else:
        four = None
    return {"groups": clean(by.to_dict("records")), "overall": clean(overall), "metrics": clean(metrics), "four_fifths": four}


def bootstrap(df, sensitive, kind, method, n_boot, seed, names):
    """Fairlearn's MetricFrame bootstrap: resample every row with replacement, then np.quantile."""
    rng = np.random.default_rng(seed)
    samples = {m: [] for m in names}
    for _ in range(n_boot):
        d = df.sample(frac=1, replace=True, random_state=rng.integers(0, 2**32 - 1), ignore_index=True)
        res = evaluate(d, sensitive, kind, method)["metrics"]
        for m in names:
            if res.get(m) is not None:
                samples[m].append(res[m])
    return {m: {"low": float(np.quantile(s, 0.025)), "high": float(np.quantile(s, 0.975)), "resamples": len(s)} for m, s in samples.items()}


def clean(x):
    if isinstance(x, dict):
        return {k: clean(v) for k, v in x.items()}
    if isinstance(x, list):
        return [clean(v) for v in x]
    if isinstance(x, (float, np.floating)):
        return None if np.isnan(x) else float(x)
    if isinstance(x, (np.integer,)):
        return int(x)
    return x


def column(values):
    return [None if (v is None or (isinstance(v, float) and np.isnan(v))) else v for v in values]


BOOT_NAMES = {
    "binary": ["demographic_parity_difference", "demographic_parity_ratio", "equalized_odds_difference", "true_positive_rate_difference"],
    "regression": ["mae_difference", "rmse_difference", "mean_prediction_ratio"],
}


def case(name, df, sensitive, kind, method="between_groups", min_group_size=30, extra=(), boot=None, bins=None):
    data = {c: column(df[c].tolist()) for c in df.columns}
    expected = evaluate(df if bins is None else binned(df, bins), sensitive, kind, method, extra)
    out = {"name": name, "kind": kind, "sensitive": sensitive, "relative_to": "groups" if method == "between_groups" else "overall",
           "min_group_size": min_group_size, "metrics_listed": list(extra), "data": data, "expected": expected}
    if bins:
        out["bins"] = bins
    if boot:
        out["bootstrap"] = {"n": boot, "seed": 0, "intervals": bootstrap(df, sensitive, kind, method, boot, 0, BOOT_NAMES[kind])}
    return out


def binned(df, bins):
    """pd.cut with right=False: [a, b) bins, plus < first and >= last, labelled as Plumb labels them."""
    df = df.copy()
    for col, edges in bins.items():
        labels = [f"< {fmt(edges[0])}"] + [f"[{fmt(a)}, {fmt(b)})" for a, b in zip(edges, edges[1:])] + [f">= {fmt(edges[-1])}"]
        cut = pd.cut(df[col], [-np.inf, *edges, np.inf], right=False, labels=labels)
        df[col] = cut.astype(object).where(df[col].notna(), None)
    return df


def fmt(x):
    return str(int(x)) if float(x).is_integer() else str(x)


def main():
    rng = np.random.default_rng(20240601)
    cases = []

    # 1. A deliberate disparity: women selected at about half the men's rate, same labels.
    n = 2000
    sex = rng.choice(["F", "M"], size=n, p=[0.45, 0.55])
    y = (rng.random(n) < 0.4).astype(int)
    p_sel = np.where(sex == "F", np.where(y == 1, 0.45, 0.10), np.where(y == 1, 0.80, 0.25))
    pred = (rng.random(n) < p_sel).astype(int)
    score = np.clip(pred * 0.5 + rng.random(n) * 0.5, 0, 1)
    df = pd.DataFrame({"sex": sex, "y": y, "pred": pred, "score": score})
    cases.append(case("deliberate-disparity", df, ["sex"], "binary", extra=("f1", "roc_auc"), boot=1000))

    # 2. No disparity: each group has exactly the same confusion counts per 100 rows.
    block = [(1, 1)] * 30 + [(1, 0)] * 10 + [(0, 1)] * 12 + [(0, 0)] * 48
    rows = [(g, yy, pp) for g in ["a", "b", "c"] for _ in range(2) for yy, pp in block]
    df = pd.DataFrame(rows, columns=["group", "y", "pred"])
    cases.append(case("no-disparity", df, ["group"], "binary"))

    # 3. Intersections of sex x race, one combination empty, some race values missing.
    n = 900
    sex = rng.choice(["F", "M"], size=n)
    race = rng.choice(["A", "B", "C"], size=n, p=[0.5, 0.3, 0.2]).astype(object)
    race[(sex == "M") & (race == "C")] = "B"  # (M, C) never occurs
    race[rng.random(n) < 0.03] = None
    y = (rng.random(n) < np.where(race == "A", 0.5, 0.3)).astype(int)
    pred = (rng.random(n) < np.where(sex == "F", 0.35, 0.5)).astype(int)
    df = pd.DataFrame({"sex": sex, "race": race, "y": y, "pred": pred})
    cases.append(case("intersections", df, ["sex", "race"], "binary"))
    cases.append(case("intersections-overall", df, ["sex", "race"], "binary", method="to_overall"))

    # 4. A group with no positive labels: its TPR/FNR are undefined and it leaves those disparities.
    n = 300
    grp = np.array(["x"] * 120 + ["y"] * 120 + ["z"] * 60)
    y = (rng.random(n) < 0.5).astype(int)
    y[grp == "z"] = 0
    pred = (rng.random(n) < 0.4).astype(int)
    df = pd.DataFrame({"grp": grp, "y": y, "pred": pred})
    cases.append(case("empty-positive", df, ["grp"], "binary"))

    # 5. A tiny group (12 rows < 30), kept in the disparities.
    n = 412
    grp = np.array(["big1"] * 200 + ["big2"] * 200 + ["tiny"] * 12)
    y = (rng.random(n) < 0.5).astype(int)
    pred = (rng.random(n) < np.where(grp == "tiny", 0.9, 0.4)).astype(int)
    df = pd.DataFrame({"grp": grp, "y": y, "pred": pred})
    cases.append(case("tiny-group", df, ["grp"], "binary"))

    # 6. Regression per group.
    n = 500
    region = rng.choice(["north", "south", "east"], size=n)
    y = rng.normal(50, 10, n)
    pred = y + rng.normal(np.where(region == "south", 5, 0), np.where(region == "east", 8, 3))
    df = pd.DataFrame({"region": region, "y": y, "pred": pred})
    cases.append(case("regression", df, ["region"], "regression"))
    cases.append(case("regression-overall", df, ["region"], "regression", method="to_overall"))

    # 6b. Regression with groups of ~2000 rows: the bootstrap's normal approximation of group means.
    n = 4000
    region = rng.choice(["in", "out"], size=n)
    y = rng.gamma(2.0, 10.0, n)
    pred = y + rng.normal(np.where(region == "out", 2, 0), np.where(region == "out", 6, 4))
    df = pd.DataFrame({"region": region, "y": np.round(y, 4), "pred": np.round(pred, 4)})
    cases.append(case("regression-large", df, ["region"], "regression", boot=1000))

    # 7. Multiclass: accuracy per group.
    n = 400
    grp = rng.choice(["p", "q"], size=n)
    y = rng.integers(0, 3, n)
    pred = np.where(rng.random(n) < np.where(grp == "p", 0.8, 0.6), y, rng.integers(0, 3, n))
    df = pd.DataFrame({"grp": grp, "y": y, "pred": pred})
    cases.append(case("multiclass", df, ["grp"], "multiclass"))

    # 8. Data bias: labels only (binary), with a missing sensitive value.
    n = 600
    sex = rng.choice(["F", "M"], size=n).astype(object)
    sex[rng.random(n) < 0.05] = None
    y = (rng.random(n) < np.where(sex == "F", 0.2, 0.35)).astype(int)
    df = pd.DataFrame({"sex": sex, "y": y})
    cases.append(case("data-labels", df, ["sex"], "labels"))

    # 9. Data bias: numeric label with missing values, a numeric sensitive column cut into bins.
    n = 500
    age = np.round(rng.uniform(18, 80, n))
    age[rng.random(n) < 0.02] = np.nan
    y = 30000 + 500 * np.nan_to_num(age, nan=40) + rng.normal(0, 5000, n)
    y[rng.random(n) < 0.05] = np.nan
    df = pd.DataFrame({"age": age, "y": y})
    cases.append(case("data-numeric-binned", df, ["age"], "numeric-labels", bins={"age": [30, 50, 65]}))

    # 10. A numeric (0/1) sensitive column without bins: its distinct values are the groups.
    n = 300
    flag = rng.integers(0, 2, n).astype(float)
    y = (rng.random(n) < 0.5).astype(int)
    pred = (rng.random(n) < np.where(flag == 1, 0.6, 0.3)).astype(int)
    df = pd.DataFrame({"flag": flag, "y": y, "pred": pred})
    cases.append(case("numeric-sensitive", df, ["flag"], "binary"))

    out = os.path.join(os.path.dirname(os.path.abspath(__file__)), "cases.json")
    with open(out, "w") as f:
        json.dump({"generated_by": "expected/generate.py (pandas " + pd.__version__ + ", scikit-learn " + __import__("sklearn").__version__ + ")", "cases": cases}, f, separators=(",", ":"))
    print(f"wrote {out}: {len(cases)} cases, {os.path.getsize(out)} bytes")


if __name__ == "__main__":
    main()
