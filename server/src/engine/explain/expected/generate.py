"""
Expected values for the explain tests, from scikit-learn (an implementation independent of ours).
Run with Debian's Python, which has scikit-learn:  /usr/bin/python3 generate.py
Writes pdp.json and permutation.json beside this file. The models are fixed functions written
identically in numpy here and in TypeScript in the tests.
"""
import json
import os

import numpy as np
import sklearn
from sklearn.base import BaseEstimator, ClassifierMixin, RegressorMixin
from sklearn.inspection import partial_dependence, permutation_importance
from sklearn.metrics import roc_auc_score

HERE = os.path.dirname(os.path.abspath(__file__))


def sigmoid(z):
    return 1.0 / (1.0 + np.exp(-z))


class InteractionClassifier(ClassifierMixin, BaseEstimator):
    """P(y=1) = sigmoid(1.5 x0 - 2 x1 + 0.7 x0 x2 + 0.2)."""

    def fit(self, X, y=None):
        self.classes_ = np.array([0, 1])
        return self

    def predict_proba(self, X):
        X = np.asarray(X, dtype=float)
        p = sigmoid(1.5 * X[:, 0] - 2.0 * X[:, 1] + 0.7 * X[:, 0] * X[:, 2] + 0.2)
        return np.column_stack([1 - p, p])

    def predict(self, X):
        return (self.predict_proba(X)[:, 1] >= 0.5).astype(int)


class CurvedRegressor(RegressorMixin, BaseEstimator):
    """f = x0^2 - x1 + sin(x2) x0."""

    def fit(self, X, y=None):
        self.fitted_ = True
        return self

    def predict(self, X):
        X = np.asarray(X, dtype=float)
        return X[:, 0] ** 2 - X[:, 1] + np.sin(X[:, 2]) * X[:, 0]


class LogisticModel(ClassifierMixin, BaseEstimator):
    def __init__(self, w=None, b=0.0):
        self.w = w
        self.b = b

    def fit(self, X, y=None):
        self.classes_ = np.array([0, 1])
        return self

    def predict_proba(self, X):
        p = sigmoid(np.asarray(X, dtype=float) @ np.asarray(self.w) + self.b)
        return np.column_stack([1 - p, p])


def pdp_cases():
    rng = np.random.default_rng(7)
    n = 30
    X = np.column_stack([
        rng.normal(0, 1, n),
        rng.uniform(-1, 2, n),
        rng.integers(0, 4, n).astype(float),  # few distinct values: the grid is those values
    ]).round(4)
    cases = []
    for name, est in [('classifier', InteractionClassifier().fit(X)), ('regressor', CurvedRegressor().fit(X))]:
        for feature in range(3):
            r = partial_dependence(est, X, [feature], kind='both', grid_resolution=7, percentiles=(0.05, 0.95), method='brute')
            grid = r['values'][0] if 'values' in r else r['grid_values'][0]
            cases.append({
                'model': name,
                'feature': feature,
                'grid': np.asarray(grid).tolist(),
                'average': np.asarray(r['average'])[0].tolist(),
                'individual': np.asarray(r['individual'])[0].tolist(),
            })
    default_grids = []
    for feature in range(3):
        col = X[:, feature]
        distinct = np.unique(col)
        grid = distinct if len(distinct) <= 20 else np.unique(np.quantile(col, np.linspace(0.05, 0.95, 20)))
        default_grids.append(grid.tolist())
    return {'X': X.tolist(), 'cases': cases, 'default_grids': default_grids}


def permutation_case():
    rng = np.random.default_rng(11)
    n = 1000
    X = rng.normal(0, 1, (n, 4)).round(5)
    w = [1.5, -1.0, 0.5, 0.0]
    b = -0.3
    y = (rng.uniform(0, 1, n) < sigmoid(X @ np.array(w) + b)).astype(int)
    est = LogisticModel(w=w, b=b).fit(X, y)
    scorer = lambda e, X_, y_: roc_auc_score(y_, e.predict_proba(X_)[:, 1])
    r = permutation_importance(est, X, y, scoring=scorer, n_repeats=50, random_state=0)
    return {
        'X': X.tolist(), 'y': y.tolist(), 'w': w, 'b': b, 'repeats': 50,
        'baseline': scorer(est, X, y),
        'importances_mean': r.importances_mean.tolist(),
        'importances_std': r.importances_std.tolist(),
    }


def main():
    meta = {'generator': 'generate.py', 'sklearn': sklearn.__version__, 'numpy': np.__version__}
    with open(os.path.join(HERE, 'pdp.json'), 'w') as f:
        json.dump({**meta, **pdp_cases()}, f)
        f.write('\n')
    with open(os.path.join(HERE, 'permutation.json'), 'w') as f:
        json.dump({**meta, **permutation_case()}, f)
        f.write('\n')


if __name__ == '__main__':
    main()
