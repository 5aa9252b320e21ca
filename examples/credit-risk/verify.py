#!/usr/bin/python3
"""Independent check of the credit-risk example, with scikit-learn / scipy / pandas (not Plumb).

    /usr/bin/python3 examples/credit-risk/verify.py [spec.plumb.yaml ...]

1. Refits LogisticRegression(penalty="l2", C) on StandardScaler-ed features and compares its
   coefficients and eval AUC with models/training-summary.json, written by train.ts.
2. Computes what each given spec gates on (default: credit-risk.plumb.yaml and strict.plumb.yaml),
   from the scikit-learn model's probabilities: evaluation metrics at the spec's threshold, Fairlearn's
   demographic_parity_ratio and equalized_odds_difference over the intersections of the sensitive
   columns, and Evidently's default drift tests (normed Wasserstein for numeric columns with more
   than 5 values, Jensen-Shannon otherwise, both drifting at >= 0.1), or the two-sample KS test
   (drifting at p < 0.05) for `method: ks`, over the whole current data and per monitoring window.
Exits 1 when the fits disagree. The project's tests never run this script.
"""
import json
import re
import sys
from pathlib import Path

import numpy as np
import pandas as pd
import yaml
from scipy.spatial import distance
from scipy.stats import ks_2samp, wasserstein_distance
from sklearn import metrics
from sklearn.linear_model import LogisticRegression
from sklearn.preprocessing import StandardScaler

HERE = Path(__file__).resolve().parent


def check_fit():
    summary = json.loads((HERE / "models" / "training-summary.json").read_text())
    features = summary["features"]
    train = pd.read_csv(HERE / "data" / "train.csv")
    ev = pd.read_csv(HERE / "data" / "eval.csv")
    scaler = StandardScaler().fit(train[features])
    model = LogisticRegression(penalty="l2", C=summary["C"], solver="newton-cg", tol=1e-6, max_iter=1000)
    model.fit(scaler.transform(train[features]), train["default"])
    w_sk = np.concatenate([model.intercept_, model.coef_[0]])
    w_ts = np.array([summary["standardized"]["intercept"]] + summary["standardized"]["weights"])
    p_sk = model.predict_proba(scaler.transform(ev[features]))[:, 1]
    auc_sk = metrics.roc_auc_score(ev["default"], p_sk)
    coef_diff = np.max(np.abs(w_sk - w_ts))
    auc_diff = abs(auc_sk - summary["eval"]["roc_auc"])
    print("1. Fit: scikit-learn %s LogisticRegression(C=%g, newton-cg) vs train.ts" % (__import__("sklearn").__version__, summary["C"]))
    print("   %-16s %12s %12s" % ("", "scikit-learn", "train.ts"))
    for name, a, b in zip(["intercept"] + features, w_sk, w_ts):
        print("   %-16s %12.6f %12.6f" % (name, a, b))
    print("   max |coefficient difference| %.2e; eval AUC %.6f vs %.6f (difference %.1e)" % (coef_diff, auc_sk, summary["eval"]["roc_auc"], auc_diff))
    ok = coef_diff < 1e-5 and auc_diff < 1e-6
    print("   agreement:", "OK" if ok else "FAILED")
    return ok, (lambda df: model.predict_proba(scaler.transform(df[features]))[:, 1])


def gate_ok(value, gate):
    op, num = re.fullmatch(r"\s*(>=|<=|==|>|<)\s*(\S+)\s*", gate).groups()
    num = float(num)
    return {">=": value >= num, "<=": value <= num, "==": value == num, ">": value > num, "<": value < num}[op]


def show(name, value, gates):
    gate = gates.get(name)
    verdict = "" if gate is None else ("  gate %s: %s" % (gate, "pass" if gate_ok(value, gate) else "FAIL"))
    print("   %-28s %.4f%s" % (name, value, verdict))


def drift_score(ref, cur, method):
    if method == "ks":
        return "ks", ks_2samp(ref, cur).pvalue
    values = pd.concat([ref, cur]).nunique()
    if pd.api.types.is_numeric_dtype(ref) and values > 5:
        return "wasserstein", wasserstein_distance(ref, cur) / max(np.std(ref), 0.001)
    keys = sorted(set(ref.unique()) | set(cur.unique()), key=str)
    def shares(s):
        counts = s.value_counts()
        p = np.array([counts.get(k, 0) for k in keys], dtype=float) / len(s)
        p[p == 0] = 0.0001
        return p
    return "jensenshannon", distance.jensenshannon(shares(ref), shares(cur))


def preview(spec_path, predict):
    spec = yaml.safe_load(spec_path.read_text())
    base = spec_path.parent
    threshold = spec["model"].get("threshold", 0.5)
    target = spec["data"]["target"]
    ev = pd.read_csv(base / spec["data"]["eval"])
    y = ev[target].to_numpy()
    p = predict(ev)
    pred = (p >= threshold).astype(int)
    print("\n2. %s (threshold %g, %d eval rows)" % (spec_path.name, threshold, len(ev)))
    gates = spec.get("evaluation", {}).get("gates", {})
    values = {
        "accuracy": metrics.accuracy_score(y, pred), "precision": metrics.precision_score(y, pred),
        "recall": metrics.recall_score(y, pred), "f1": metrics.f1_score(y, pred),
        "roc_auc": metrics.roc_auc_score(y, p), "average_precision": metrics.average_precision_score(y, p),
        "log_loss": metrics.log_loss(y, p), "brier_score": metrics.brier_score_loss(y, p),
    }
    for name in spec.get("evaluation", {}).get("metrics", values.keys()):
        show(name, values[name], gates)

    fair = spec.get("fairness")
    if fair:
        groups = ev[fair["sensitive"]].astype(str).agg(" & ".join, axis=1)
        rows = []
        for g in sorted(groups.unique()):
            m = (groups == g).to_numpy()
            rows.append((g, m.sum(), pred[m].mean(), pred[m & (y == 1)].mean(), pred[m & (y == 0)].mean()))
        print("   groups (%s): size, selection rate, TPR, FPR" % ", ".join(fair["sensitive"]))
        for g, n, sr, tpr, fpr in rows:
            print("     %-30s %5d  %.3f  %.3f  %.3f%s" % (g, n, sr, tpr, fpr, "  (< min_group_size)" if n < fair.get("min_group_size", 30) else ""))
        sr = [r[2] for r in rows]; tpr = [r[3] for r in rows]; fpr = [r[4] for r in rows]
        show("demographic_parity_ratio", min(sr) / max(sr), fair.get("gates", {}))
        show("demographic_parity_difference", max(sr) - min(sr), fair.get("gates", {}))
        show("equalized_odds_difference", max(max(tpr) - min(tpr), max(fpr) - min(fpr)), fair.get("gates", {}))
        show("equalized_odds_ratio", min(min(tpr) / max(tpr), min(fpr) / max(fpr)), fair.get("gates", {}))

    drift = spec.get("drift")
    if drift:
        ref = pd.read_csv(base / spec["data"]["reference"])
        cur = pd.read_csv(base / spec["data"]["current"])
        cols = drift["columns"]
        method = drift.get("method", "auto")
        if method not in ("auto", "ks"):
            raise SystemExit("verify.py only previews drift methods auto and ks, not %s" % method)
        limit = drift.get("threshold", 0.05 if method == "ks" else 0.1)
        is_drift = (lambda s: s < limit) if method == "ks" else (lambda s: s >= limit)
        def share(cur_part, label):
            scores = [(c, *drift_score(ref[c], cur_part[c], method)) for c in cols]
            drifted = [c for c, _, s in scores if is_drift(s)]
            print("   %-22s drift_share %.3f  %s" % (label, len(drifted) / len(cols), "  ".join("%s=%.3g%s" % (c, s, "*" if is_drift(s) else "") for c, _, s in scores)))
            return len(drifted) / len(cols)
        print("   drift (* = drifted; %s)" % ("KS p-value < %g" % limit if method == "ks" else "normed Wasserstein for numeric, Jensen-Shannon for categorical, >= %g" % limit))
        overall = share(cur, "all current rows")
        ts = pd.to_datetime(cur[spec["data"]["timestamp"]])
        days = int(re.fullmatch(r"(\d+)d", str(spec["monitoring"]["window"])).group(1)) if spec.get("monitoring") else 14
        start = ts.min().normalize()
        for k in range(int(np.ceil((ts.max() - start) / pd.Timedelta(days=days)))):
            lo = start + pd.Timedelta(days=days * k)
            m = (ts >= lo) & (ts < lo + pd.Timedelta(days=days))
            share(cur[m.to_numpy()], "window %s (%d)" % (lo.date(), m.sum()))
        show("drift_share", overall, drift.get("gates", {}))


def main():
    ok, predict = check_fit()
    specs = [Path(a) for a in sys.argv[1:]] or [p for p in (HERE / "credit-risk.plumb.yaml", HERE / "strict.plumb.yaml") if p.exists()]
    for spec in specs:
        preview(spec.resolve(), predict)
    sys.exit(0 if ok else 1)


if __name__ == "__main__":
    main()
