/**
 * `plumb run --only evaluation` on a generated 1,000,000-row x 20-column CSV, end to end (load,
 * ONNX inference, metrics), against the Python baseline the issue names: pandas.read_csv + NumPy
 * scoring of the same logistic model + scikit-learn metrics, both as fresh processes under
 * /usr/bin/time -v (wall time and peak memory), in the same run.
 */
import { writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { buildLinearClassifier } from '../server/src/engine/model';
import { bigCsv, DATA_DIR, NUMERIC, trueWeights } from './lib/bigCsv';
import { median, timed } from './lib/timed';

const ROWS = 1_000_000;
const RUNS = 3;
const ROOT = resolve(__dirname, '..');
const METRICS = ['accuracy', 'precision', 'recall', 'f1', 'roc_auc', 'average_precision', 'log_loss', 'brier_score'];

const PYTHON = String.raw`
import json, sys, time
import numpy as np, pandas as pd
from sklearn import metrics as m
df = pd.read_csv(sys.argv[1])
w = np.array(json.loads(sys.argv[2])); b = float(sys.argv[3])
X = df[[f"x{j}" for j in range(${NUMERIC})]].to_numpy(dtype=np.float32)
p = 1 / (1 + np.exp(-(X.astype(np.float64) @ w + b)))
y = df["label"].to_numpy(); pred = (p >= 0.5).astype(int)
out = { "accuracy": m.accuracy_score(y, pred), "precision": m.precision_score(y, pred), "recall": m.recall_score(y, pred),
  "f1": m.f1_score(y, pred), "roc_auc": m.roc_auc_score(y, p), "average_precision": m.average_precision_score(y, p),
  "log_loss": m.log_loss(y, p), "brier_score": m.brier_score_loss(y, p), "cm": m.confusion_matrix(y, pred).tolist() }
print(json.dumps(out))
`;

function main(): void {
  const csv = bigCsv(ROWS);
  const w = trueWeights();
  const model = join(DATA_DIR, 'eval-bench.onnx');
  writeFileSync(model, buildLinearClassifier({ features: NUMERIC, coefficients: w, intercepts: [0], classLabels: [0, 1], zipmap: true }));
  const features = Array.from({ length: NUMERIC }, (_, j) => `x${j}`);
  const spec = (bootstrap: number) => {
    const file = join(DATA_DIR, `eval-bench-${bootstrap}.plumb.yaml`);
    writeFileSync(file, `plumb: 1\nname: eval-bench\nmodel:\n  path: eval-bench.onnx\n  task: binary-classification\n  features: [${features.join(', ')}]\ndata:\n  eval: ${csv.split('/').pop()}\n  target: label\nevaluation:\n  metrics: [${METRICS.join(', ')}]\n  bootstrap: ${bootstrap}\n`);
    return file;
  };
  const specNoBoot = spec(0);
  const specBoot = spec(200);
  const cli = join(ROOT, 'dist/cli.js');
  const ours = Array.from({ length: RUNS }, () => timed(process.execPath, [cli, 'run', specNoBoot, '--only', 'evaluation', '--format', 'json', '--quiet']));
  const oursBoot = Array.from({ length: RUNS }, () => timed(process.execPath, [cli, 'run', specBoot, '--only', 'evaluation', '--format', 'json', '--quiet']));
  const env = { ...process.env };
  const py = Array.from({ length: RUNS }, () => timed('/usr/bin/python3', ['-c', PYTHON, csv, JSON.stringify(w), '0'], env));
  // Same answers: compare our metrics with scikit-learn's on this data.
  const a = JSON.parse(ours[0].stdout).evaluation.metrics as Record<string, number>;
  const b = JSON.parse(py[0].stdout) as Record<string, number>;
  const maxDiff = Math.max(...METRICS.map((k) => Math.abs(a[k] - b[k])));
  const t1 = median(ours.map((r) => r.wallMs));
  const t2 = median(oursBoot.map((r) => r.wallMs));
  const tp = median(py.map((r) => r.wallMs));
  const row = (name: string, t: number, runs: { rssMb: number }[]) => `| ${name} | ${(t / 1000).toFixed(2)} s | ${median(runs.map((r) => r.rssMb)).toFixed(0)} MB | ${(t / tp).toFixed(2)} |`;
  console.log(`## Evaluation: \`plumb run --only evaluation\` on 1M rows x 20 features

A ${ROWS.toLocaleString('en')}-row CSV (20 numeric columns, a 0/1 label, a group column; ~400 MB), a 20-feature logistic-regression ONNX model with ZipMap (as sklearn-onnx exports it), ${METRICS.length} metrics. Each side is a fresh process timed end to end (wall clock, median of ${RUNS}); peak memory is the maximum resident set size from \`/usr/bin/time -v\`. The Python baseline reads with pandas, scores the same model with NumPy and computes the same metrics with scikit-learn. Largest difference between the two sides' metrics: ${maxDiff.toExponential(1)} (float32 inference on both).

| run | time | peak memory | ratio to baseline |
|---|---:|---:|---:|
${row('Plumb, no bootstrap', t1, ours)}
${row('Plumb, with 200-resample bootstrap intervals', t2, oursBoot)}
| pandas + NumPy + scikit-learn | ${(tp / 1000).toFixed(2)} s | ${median(py.map((r) => r.rssMb)).toFixed(0)} MB | 1.00 |

Goal: at most half the baseline's time (ratio <= 0.5) and peak memory under 1.5 GB.
`);
}

main();
