/**
 * Metrics benchmark: 1M rows. Plumb's computeMetrics (all catalog metrics of the task, on a fresh
 * input, so including the score sort) against scikit-learn computing the same metrics; roc_auc
 * alone; and one bootstrap resample (Plumb: every binary metric, over 200 resamples; scikit-learn:
 * fancy-indexing the rows and calling the same functions, over 5 resamples).
 *
 * Run: node --import tsx bench/metrics.bench.ts
 * Data is generated here with a seeded generator and written to bench/.data/metrics/ as raw arrays;
 * both sides load it untimed. Best of several runs each.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { bootstrapIntervals, computeMetric, computeMetrics, metricNamesFor, type MetricInput } from '../server/src/engine/metrics';
import { Random } from '../server/src/engine/util/random';

const ROWS = 1_000_000;
const RUNS = 3;
const DIR = join(__dirname, '.data', 'metrics');

function generate() {
  const rng = new Random(7);
  const y = new Uint8Array(ROWS);
  const pred = new Uint8Array(ROWS);
  const score = new Float64Array(ROWS);
  const ry = new Float64Array(ROWS);
  const rp = new Float64Array(ROWS);
  for (let i = 0; i < ROWS; i++) {
    y[i] = rng.next() < 0.3 ? 1 : 0;
    score[i] = Math.fround(Math.min(1, Math.max(0, 0.3 + 0.25 * y[i] + 0.2 * rng.normal()))); // float32 like ONNX output
    pred[i] = score[i] >= 0.5 ? 1 : 0;
    ry[i] = 50 + 10 * rng.normal();
    rp[i] = ry[i] + 3 * rng.normal() + 0.5;
  }
  mkdirSync(DIR, { recursive: true });
  writeFileSync(join(DIR, 'y.u8'), Buffer.from(y.buffer));
  writeFileSync(join(DIR, 'pred.u8'), Buffer.from(pred.buffer));
  writeFileSync(join(DIR, 'score.f64'), Buffer.from(score.buffer));
  writeFileSync(join(DIR, 'ry.f64'), Buffer.from(ry.buffer));
  writeFileSync(join(DIR, 'rp.f64'), Buffer.from(rp.buffer));
  return { y, pred, score, ry, rp };
}

const SKLEARN = String.raw`
import json, sys, time, warnings
import numpy as np, sklearn
from sklearn import metrics as M
d = sys.argv[1]
y = np.fromfile(d + '/y.u8', dtype=np.uint8).astype(np.int64)
pred = np.fromfile(d + '/pred.u8', dtype=np.uint8).astype(np.int64)
s = np.fromfile(d + '/score.f64')
ry = np.fromfile(d + '/ry.f64'); rp = np.fromfile(d + '/rp.f64')
def ece(y, p):
    ids = np.searchsorted(np.linspace(0, 1, 11)[1:-1], p)
    cnt = np.bincount(ids, minlength=10); st = np.bincount(ids, weights=y, minlength=10); sp = np.bincount(ids, weights=p, minlength=10)
    nz = cnt > 0
    return float(np.sum(cnt[nz] / len(p) * np.abs(st[nz] / cnt[nz] - sp[nz] / cnt[nz])))
def binary(y, pred, s):
    cm = M.confusion_matrix(y, pred); tn, fp, fn, tp = cm.ravel()
    return {'accuracy': M.accuracy_score(y, pred), 'balanced_accuracy': M.balanced_accuracy_score(y, pred),
            'precision': M.precision_score(y, pred), 'recall': M.recall_score(y, pred), 'f1': M.f1_score(y, pred),
            'roc_auc': M.roc_auc_score(y, s), 'average_precision': M.average_precision_score(y, s),
            'log_loss': M.log_loss(y, s), 'brier_score': M.brier_score_loss(y, s), 'expected_calibration_error': ece(y, s),
            'specificity': tn / (tn + fp), 'false_positive_rate': fp / (fp + tn), 'false_negative_rate': fn / (fn + tp),
            'selection_rate': pred.mean(), 'mcc': M.matthews_corrcoef(y, pred)}
def regression(y, p):
    return {'mae': M.mean_absolute_error(y, p), 'mse': M.mean_squared_error(y, p), 'rmse': M.mean_squared_error(y, p, squared=False),
            'r2': M.r2_score(y, p), 'mape': M.mean_absolute_percentage_error(y, p), 'median_absolute_error': M.median_absolute_error(y, p),
            'max_error': M.max_error(y, p), 'explained_variance': M.explained_variance_score(y, p)}
def best(f, runs):
    t = []
    for _ in range(runs):
        a = time.perf_counter(); r = f(); t.append(time.perf_counter() - a)
    return min(t) * 1000, r
out = {'sklearn': sklearn.__version__}
out['binary_ms'], b = best(lambda: binary(y, pred, s), ${RUNS})
out['binary'] = {k: float(v) for k, v in b.items()}
out['roc_auc_ms'], _ = best(lambda: M.roc_auc_score(y, s), ${RUNS})
out['regression_ms'], r = best(lambda: regression(ry, rp), ${RUNS})
out['regression'] = {k: float(v) for k, v in r.items()}
rng = np.random.default_rng(0)
def resample():
    i = rng.integers(0, len(y), len(y))
    return binary(y[i], pred[i], s[i])
a = time.perf_counter()
for _ in range(5): resample()
out['resample_ms'] = (time.perf_counter() - a) / 5 * 1000
print(json.dumps(out))
`;

function best(f: () => void, runs = RUNS): number {
  let min = Infinity;
  for (let r = 0; r < runs; r++) {
    const t = performance.now();
    f();
    min = Math.min(min, performance.now() - t);
  }
  return min;
}

function main() {
  const d = generate();
  // A fresh input object each run, so nothing (the sort included) is reused from the last run.
  const binary = (): MetricInput => ({ kind: 'binary', y: d.y, pred: d.pred, score: d.score });
  const regression = (): MetricInput => ({ kind: 'regression', y: d.ry, pred: d.rp });
  const bNames = metricNamesFor('binary-classification');
  const rNames = metricNamesFor('regression');
  computeMetrics(bNames, binary()); // warm-up
  computeMetrics(rNames, regression());
  let ours = computeMetrics(bNames, binary()).values;
  const oursBinary = best(() => (ours = computeMetrics(bNames, binary()).values));
  const oursAuc = best(() => computeMetric('roc_auc', binary()));
  let oursReg = computeMetrics(rNames, regression()).values;
  const oursRegression = best(() => (oursReg = computeMetrics(rNames, regression()).values));
  const B = 200;
  const bootTotal = best(() => bootstrapIntervals(bNames, binary(), { n: B, seed: 0 }), 1);
  const bootOnce = best(() => bootstrapIntervals(bNames, binary(), { n: 1, seed: 0 }), 1);
  const perResample = (bootTotal - bootOnce) / (B - 1);

  const py = spawnSync('/usr/bin/python3', ['-c', SKLEARN, DIR], { encoding: 'utf8', maxBuffer: 1 << 20 });
  if (py.status !== 0) throw new Error(`scikit-learn baseline failed: ${py.stderr}`);
  const sk = JSON.parse(py.stdout.trim().split('\n').pop()!);
  const diff = (a: Record<string, number | null>, b: Record<string, number>) =>
    Math.max(...Object.keys(b).map((k) => Math.abs((a[k] as number) - b[k]) / Math.max(1, Math.abs(b[k]))));

  const f = (ms: number) => ms.toFixed(1);
  const x = (a: number, b: number) => `${(a / b).toFixed(2)}x`;
  const lines = [
    '## Metrics: 1M rows',
    '',
    `| what | Plumb (ms) | scikit-learn ${sk.sklearn} (ms) | Plumb / scikit-learn |`,
    '| --- | ---: | ---: | ---: |',
    `| all ${bNames.length} binary metrics (fresh input: one sort shared by roc_auc and average_precision) | ${f(oursBinary)} | ${f(sk.binary_ms)} | ${x(oursBinary, sk.binary_ms)} |`,
    `| roc_auc alone | ${f(oursAuc)} | ${f(sk.roc_auc_ms)} | ${x(oursAuc, sk.roc_auc_ms)} |`,
    `| all ${rNames.length} regression metrics | ${f(oursRegression)} | ${f(sk.regression_ms)} | ${x(oursRegression, sk.regression_ms)} |`,
    `| one bootstrap resample, all binary metrics (Plumb: per-row weights, over ${B} resamples; scikit-learn: indexed copy) | ${f(perResample)} | ${f(sk.resample_ms)} | ${x(perResample, sk.resample_ms)} |`,
    `| bootstrapIntervals, ${B} resamples, all binary metrics | ${f(bootTotal)} | — | — |`,
    '',
    `Largest relative difference from scikit-learn: binary ${diff(ours, sk.binary).toExponential(1)}, regression ${diff(oursReg, sk.regression).toExponential(1)}.`,
    '',
    `Measured in one run on this machine: best of ${RUNS} runs each after a warm-up (bootstrap: one run), data generated with a seeded generator (scores rounded to float32, as ONNX models output) and loaded untimed on both sides.`,
  ];
  console.log(lines.join('\n'));
}

main();
