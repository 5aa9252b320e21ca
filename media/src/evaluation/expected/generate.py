# Expected threshold-dependent metrics for media/src/evaluation/threshold.test.ts, computed by
# scikit-learn from label vectors built from each confusion matrix (zero_division=0, its default value).
# Run: /usr/bin/python3 media/src/evaluation/expected/generate.py > media/src/evaluation/expected/counts.json
import json, warnings
import numpy as np
from sklearn import metrics as M

warnings.simplefilter("ignore")
CASES = [
    dict(tp=524, fp=346, tn=3533, fn=597),
    dict(tp=1121, fp=3879, tn=0, fn=0),   # threshold 0: everything positive
    dict(tp=0, fp=0, tn=3879, fn=1121),   # threshold 1: nothing positive
    dict(tp=5, fp=0, tn=0, fn=0),          # one class in y and predictions
    dict(tp=0, fp=3, tn=7, fn=0),          # no positives in y
    dict(tp=7, fp=2, tn=1, fn=4),
]
out = []
for c in CASES:
    y = np.array([1] * c["tp"] + [0] * c["fp"] + [0] * c["tn"] + [1] * c["fn"])
    p = np.array([1] * c["tp"] + [1] * c["fp"] + [0] * c["tn"] + [0] * c["fn"])
    tn_fp = c["tn"] + c["fp"]
    out.append({
        "counts": c,
        "expected": {
            "accuracy": M.accuracy_score(y, p),
            "balanced_accuracy": M.balanced_accuracy_score(y, p),
            "precision": M.precision_score(y, p, zero_division=0),
            "recall": M.recall_score(y, p, zero_division=0),
            "f1": M.f1_score(y, p, zero_division=0),
            "specificity": M.recall_score(y, p, pos_label=0, zero_division=0),
            "false_positive_rate": (c["fp"] / tn_fp) if tn_fp else 0.0,
            "selection_rate": float(np.mean(p)),
            "mcc": M.matthews_corrcoef(y, p),
        },
    })
print(json.dumps(out, indent=1))
