"""Expected metric values for Plumb's metrics tests, computed by scikit-learn.

Run with Debian's Python, which has scikit-learn, numpy and scipy:
    /usr/bin/python3 server/src/engine/metrics/expected/generate.py
It rewrites binary.json, multiclass.json and regression.json beside this file. Every case holds its
inputs and scikit-learn's outputs; NaN (undefined, or a ValueError from scikit-learn) is null.
`warned` lists the metrics for which scikit-learn raised an UndefinedMetricWarning (zero division).
"""
import json
import os
import warnings

import numpy as np
import sklearn
from sklearn.calibration import calibration_curve
from sklearn.exceptions import UndefinedMetricWarning
from sklearn import metrics as M

HERE = os.path.dirname(os.path.abspath(__file__))
rng = np.random.default_rng(20240611)


def clean(v):
    """numpy -> JSON-able, NaN -> None."""
    if isinstance(v, dict):
        return {k: clean(x) for k, x in v.items()}
    if isinstance(v, (list, tuple, np.ndarray)):
        return [clean(x) for x in v]
    if isinstance(v, (np.integer,)):
        return int(v)
    if isinstance(v, (float, np.floating)):
        f = float(v)
        return None if np.isnan(f) else f
    return v


def run(fn, warned, name):
    """Calls fn; ValueError -> None; records UndefinedMetricWarning under name."""
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        try:
            value = fn()
        except ValueError:
            value = None
    if any(issubclass(w.category, UndefinedMetricWarning) for w in caught):
        warned.append(name)
    return value


def ratio(a, b):
    return 0.0 if b == 0 else a / b


def ece(y, p, n_bins=10):
    """Expected calibration error, 10 equal-width bins, binned as sklearn's calibration_curve."""
    bins = np.linspace(0.0, 1.0, n_bins + 1)
    ids = np.searchsorted(bins[1:-1], p)
    total = 0.0
    for b in range(n_bins):
        mask = ids == b
        cnt = mask.sum()
        if cnt == 0:
            continue
        total += (cnt / len(p)) * abs(y[mask].sum() / cnt - p[mask].sum() / cnt)
    return total


def calibration(y, p, n_bins, strategy):
    prob_true, prob_pred = calibration_curve(y, p, n_bins=n_bins, strategy=strategy)
    if strategy == "uniform":
        edges = np.linspace(0.0, 1.0, n_bins + 1)
    else:
        edges = np.percentile(p, np.linspace(0, 1, n_bins + 1) * 100)
    ids = np.searchsorted(edges[1:-1], p)
    counts = np.bincount(ids, minlength=len(edges))
    return {"nBins": n_bins, "strategy": strategy, "probTrue": prob_true, "probPred": prob_pred,
            "counts": counts[counts != 0], "edges": edges}


def binary_case(name, y, pred, score, probabilities=True, with_sweep=False):
    y = np.asarray(y, dtype=int)
    pred = np.asarray(pred, dtype=int)
    warned = []
    cm = M.confusion_matrix(y, pred, labels=[0, 1])
    tn, fp, fn, tp = (int(v) for v in cm.ravel())
    values = {
        "accuracy": run(lambda: M.accuracy_score(y, pred), warned, "accuracy"),
        "balanced_accuracy": run(lambda: M.balanced_accuracy_score(y, pred), warned, "balanced_accuracy"),
        "precision": run(lambda: M.precision_score(y, pred), warned, "precision"),
        "recall": run(lambda: M.recall_score(y, pred), warned, "recall"),
        "f1": run(lambda: M.f1_score(y, pred), warned, "f1"),
        "specificity": run(lambda: M.recall_score(y, pred, pos_label=0), warned, "specificity"),
        "true_positive_rate": run(lambda: M.recall_score(y, pred), warned, "true_positive_rate"),
        "true_negative_rate": run(lambda: M.recall_score(y, pred, pos_label=0), warned, "true_negative_rate"),
        "false_positive_rate": ratio(fp, fp + tn),
        "false_negative_rate": ratio(fn, fn + tp),
        "selection_rate": float(np.mean(pred)),
        "base_rate": float(np.mean(y)),
        "mcc": run(lambda: M.matthews_corrcoef(y, pred), warned, "mcc"),
    }
    case = {"name": name, "kind": "binary", "y": y, "pred": pred, "score": None, "warned": warned,
            "confusionMatrix": cm}
    score_names = ["roc_auc", "average_precision", "log_loss", "brier_score", "expected_calibration_error"]
    if score is None:
        values.update({k: None for k in score_names})
    else:
        s = np.asarray(score, dtype=float)
        case["score"] = s
        values["roc_auc"] = run(lambda: M.roc_auc_score(y, s), warned, "roc_auc")
        values["average_precision"] = run(lambda: M.average_precision_score(y, s), warned, "average_precision")
        if probabilities:
            values["log_loss"] = run(lambda: M.log_loss(y, s, labels=[0, 1]), warned, "log_loss")
            values["brier_score"] = run(lambda: M.brier_score_loss(y, s, pos_label=1), warned, "brier_score")
            values["expected_calibration_error"] = ece(y, s)
        else:
            # Plumb: scores outside [0, 1] are not probabilities, so these are undefined
            # (scikit-learn's log_loss would clip them silently; brier_score_loss raises).
            values.update({"log_loss": None, "brier_score": None, "expected_calibration_error": None})
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            fpr, tpr, thr = M.roc_curve(y, s)
            prec, rec, pthr = M.precision_recall_curve(y, s)
        if np.isnan(fpr).any() or np.isnan(tpr).any():
            case["roc"] = None
        else:
            case["roc"] = {"fpr": fpr, "tpr": tpr, "thresholds": thr}
        case["pr"] = {"precision": prec, "recall": rec, "thresholds": pthr}
        if probabilities:
            case["calibration"] = [calibration(y, s, 10, "uniform"), calibration(y, s, 5, "uniform"),
                                   calibration(y, s, 4, "quantile")]
            if with_sweep:
                case["sweep"] = sweep(y, s)
    case["values"] = values
    return case


def sweep(y, s, points=101):
    """Labels from score >= t at t = i / (points - 1); sklearn's metrics with zero_division=0."""
    out = []
    for i in range(points):
        t = i / (points - 1)
        p = (s >= t).astype(int)
        cm = M.confusion_matrix(y, p, labels=[0, 1])
        tn, fp, fn, tp = (int(v) for v in cm.ravel())
        out.append({
            "threshold": t, "tp": tp, "fp": fp, "tn": tn, "fn": fn,
            "precision": M.precision_score(y, p, zero_division=0),
            "recall": M.recall_score(y, p, zero_division=0),
            "f1": M.f1_score(y, p, zero_division=0),
            "accuracy": M.accuracy_score(y, p),
            "tpr": M.recall_score(y, p, zero_division=0),
            "fpr": ratio(fp, fp + tn),
        })
    return out


def multiclass_case(name, k, y, pred, proba):
    y = np.asarray(y, dtype=int)
    pred = np.asarray(pred, dtype=int)
    warned = []
    values = {
        "accuracy": run(lambda: M.accuracy_score(y, pred), warned, "accuracy"),
        "balanced_accuracy": run(lambda: M.balanced_accuracy_score(y, pred), warned, "balanced_accuracy"),
    }
    for avg in ["macro", "weighted"]:
        values[f"{avg}_precision"] = run(lambda: M.precision_score(y, pred, average=avg), warned, f"{avg}_precision")
        values[f"{avg}_recall"] = run(lambda: M.recall_score(y, pred, average=avg), warned, f"{avg}_recall")
        values[f"{avg}_f1"] = run(lambda: M.f1_score(y, pred, average=avg), warned, f"{avg}_f1")
    values["micro_f1"] = run(lambda: M.f1_score(y, pred, average="micro"), warned, "micro_f1")
    case = {"name": name, "kind": "multiclass", "classes": k, "y": y, "pred": pred, "proba": None,
            "warned": warned, "confusionMatrix": M.confusion_matrix(y, pred, labels=list(range(k)))}
    if proba is None:
        values["roc_auc"] = None
        values["log_loss"] = None
    else:
        P = np.asarray(proba, dtype=float)
        case["proba"] = P.ravel()
        values["roc_auc"] = run(lambda: M.roc_auc_score(y, P, multi_class="ovr", average="macro"), warned, "roc_auc")
        values["log_loss"] = run(lambda: M.log_loss(y, P, labels=list(range(k))), warned, "log_loss")
    case["values"] = values
    return case


def regression_case(name, y, pred):
    y = np.asarray(y, dtype=float)
    pred = np.asarray(pred, dtype=float)
    warned = []
    values = {
        "mae": run(lambda: M.mean_absolute_error(y, pred), warned, "mae"),
        "mse": run(lambda: M.mean_squared_error(y, pred), warned, "mse"),
        "rmse": run(lambda: M.mean_squared_error(y, pred, squared=False), warned, "rmse"),
        "r2": run(lambda: M.r2_score(y, pred), warned, "r2"),
        "mape": run(lambda: M.mean_absolute_percentage_error(y, pred), warned, "mape"),
        "median_absolute_error": run(lambda: M.median_absolute_error(y, pred), warned, "median_absolute_error"),
        "max_error": run(lambda: M.max_error(y, pred), warned, "max_error"),
        "explained_variance": run(lambda: M.explained_variance_score(y, pred), warned, "explained_variance"),
        "mean_prediction": float(np.mean(pred)),
    }
    r = y - pred
    summary = {
        "rows": len(r), "mean": float(np.mean(r)), "std": float(np.std(r)), "maxAbs": float(np.max(np.abs(r))),
        "quantiles": {str(q): float(np.percentile(r, q)) for q in [5, 25, 50, 75, 95]},
    }
    return {"name": name, "kind": "regression", "y": y, "pred": pred, "warned": warned, "values": values,
            "residualSummary": summary}


def binary_cases():
    cases = []
    # Ties: scores rounded to 2 decimals, some exactly on the calibration bin edges, 0 and 1 included.
    n = 300
    y = rng.binomial(1, 0.4, n)
    s = np.clip(rng.normal(0.35 + 0.3 * y, 0.2), 0, 1).round(2)
    s[:12] = [0.0, 1.0, 0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 0.3]
    cases.append(binary_case("ties", y, (s >= 0.5).astype(int), s, with_sweep=True))
    # Imbalanced: 5% positives, continuous scores.
    n = 400
    y = (rng.random(n) < 0.05).astype(int)
    y[:3] = 1
    s = np.where(y == 1, rng.beta(4, 3, n), rng.beta(2, 5, n))
    cases.append(binary_case("imbalanced", y, (s >= 0.3).astype(int), s, with_sweep=True))
    # Only negatives in y: roc_auc undefined, recall divides by zero, average precision is 0.
    s = rng.random(60)
    cases.append(binary_case("all_negative", np.zeros(60), (s > 0.7).astype(int), s))
    # Only positives: roc_auc undefined, specificity divides by zero.
    s = rng.random(60)
    cases.append(binary_case("all_positive", np.ones(60), (s > 0.2).astype(int), s))
    # Nothing predicted positive: precision divides by zero, MCC is 0.
    y = rng.binomial(1, 0.3, 80)
    s = rng.random(80) * 0.4
    cases.append(binary_case("none_predicted", y, np.zeros(80), s))
    # No positives and nothing predicted positive: f1 divides by zero.
    s = rng.random(40) * 0.4
    cases.append(binary_case("all_negative_none_predicted", np.zeros(40), np.zeros(40), s))
    # Perfect separation and labels.
    y = rng.binomial(1, 0.5, 100)
    s = np.where(y == 1, 0.6 + 0.4 * rng.random(100), 0.5 * rng.random(100))
    cases.append(binary_case("perfect", y, y, s))
    # One score for every row: AUC 0.5, AP the base rate.
    y = rng.binomial(1, 0.3, 50)
    cases.append(binary_case("constant_score", y, np.ones(50), np.full(50, 0.42)))
    # Hard 0/1 probabilities: log loss clips to [eps, 1 - eps].
    y = rng.binomial(1, 0.5, 120)
    s = rng.random(120).round(1)
    s[:20] = y[:20]
    s[20:30] = 1 - y[20:30]
    cases.append(binary_case("extreme_probabilities", y, (s >= 0.5).astype(int), s))
    # Decision-function scores (logits): ranking metrics only.
    y = rng.binomial(1, 0.45, 200)
    s = (rng.normal(1.2 * y, 1.0)).round(1)
    cases.append(binary_case("logits", y, (s >= 0).astype(int), s, probabilities=False))
    # Labels only.
    y = rng.binomial(1, 0.5, 70)
    cases.append(binary_case("labels_only", y, rng.binomial(1, 0.5, 70), None))
    return cases


def softmax(z):
    e = np.exp(z - z.max(axis=1, keepdims=True))
    return e / e.sum(axis=1, keepdims=True)


def multiclass_cases():
    cases = []
    n, k = 300, 3
    y = rng.integers(0, k, n)
    P = softmax(rng.normal(0, 1, (n, k)) + 1.5 * np.eye(k)[y])
    pred = P.argmax(axis=1)
    flip = rng.random(n) < 0.1
    pred[flip] = rng.integers(0, k, flip.sum())
    cases.append(multiclass_case("three_classes", k, y, pred, P))
    # Four classes, probability rows from a small set (many ties), class 3 never predicted.
    n, k = 400, 4
    y = rng.integers(0, k, n)
    base = np.array([[0.5, 0.25, 0.125, 0.125], [0.25, 0.5, 0.125, 0.125], [0.125, 0.25, 0.5, 0.125],
                     [0.125, 0.125, 0.25, 0.5], [0.25, 0.25, 0.25, 0.25], [0.625, 0.125, 0.125, 0.125]])
    pick = np.where(rng.random(n) < 0.6, np.minimum(y, 3), rng.integers(0, len(base), n))
    P = base[pick]
    pred = np.minimum(P.argmax(axis=1), 2)
    cases.append(multiclass_case("four_classes_ties", k, y, pred, P))
    # Class 3 of 4 never in y (one-vs-rest AUC undefined), but predicted sometimes.
    n, k = 200, 4
    y = rng.integers(0, 3, n)
    P = softmax(rng.normal(0, 1, (n, k)) + 1.0 * np.eye(k)[y])
    pred = P.argmax(axis=1)
    cases.append(multiclass_case("missing_class", k, y, pred, P))
    # Labels only.
    y = rng.integers(0, 3, 90)
    pred = np.where(rng.random(90) < 0.7, y, rng.integers(0, 3, 90))
    cases.append(multiclass_case("labels_only", 3, y, pred, None))
    return cases


def regression_cases():
    cases = []
    y = rng.normal(50, 10, 300)
    cases.append(regression_case("normal", y, y + rng.normal(1, 4, 300)))
    # Zeros in y (mape divides by eps) and ties in |error| with an even row count.
    y = rng.integers(0, 5, 200).astype(float)
    pred = y + rng.integers(-2, 3, 200) * 0.5
    y[:10] = 0.0
    pred[:5] = 0.0
    cases.append(regression_case("zeros_and_ties", y, pred))
    cases.append(regression_case("constant_y", np.full(30, 3.0), 3.0 + rng.normal(0, 1, 30)))
    cases.append(regression_case("constant_y_perfect", np.full(30, 3.0), np.full(30, 3.0)))
    cases.append(regression_case("single_row", [2.5], [3.0]))
    return cases


def write(name, cases):
    doc = {"generator": "generate.py", "sklearn": sklearn.__version__, "numpy": np.__version__, "cases": clean(cases)}
    with open(os.path.join(HERE, name), "w") as f:
        json.dump(doc, f, allow_nan=False, separators=(",", ":"))
        f.write("\n")


write("binary.json", binary_cases())
write("multiclass.json", multiclass_cases())
write("regression.json", regression_cases())
