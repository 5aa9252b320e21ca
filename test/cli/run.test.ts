/**
 * `plumb run` end to end on the bundled example: the JSON contract, exit codes, and clear errors for
 * bad data. The example's numbers were cross-checked with scikit-learn by examples/credit-risk/verify.py
 * (eval ROC AUC 0.720807, recall at threshold 0.3 of 0.467); here we check the CLI reports them.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { EXAMPLE, exampleCopy, plumb } from './cliHelpers';

const SPEC = join(EXAMPLE, 'credit-risk.plumb.yaml');

interface RunJson {
  spec: string;
  evaluation: { rows: number; metrics: Record<string, number>; confusion_matrix: number[][]; labels: unknown[]; intervals: Record<string, { low: number; high: number }> };
  fairness?: { sensitive: string[]; groups: { group: Record<string, string>; count: number; selection_rate: number }[]; metrics: Record<string, number> };
  gates: { section: string; metric: string; condition: string; value: number; passed: boolean }[];
  passed: boolean;
}

test('plumb run --only evaluation --format json: the contract and the example\'s numbers', () => {
  const r = plumb(['run', SPEC, '--only', 'evaluation', '--format', 'json']);
  assert.equal(r.code, 0, r.stderr);
  const out = JSON.parse(r.stdout) as RunJson;
  assert.equal(out.spec, SPEC);
  assert.equal(out.evaluation.rows, 5000);
  assert.deepEqual(out.evaluation.labels, [0, 1]);
  assert.ok(Math.abs(out.evaluation.metrics.roc_auc - 0.720807) < 5e-6, String(out.evaluation.metrics.roc_auc));
  assert.ok(Math.abs(out.evaluation.metrics.recall - 0.4674398) < 1e-6);
  const cm = out.evaluation.confusion_matrix;
  assert.equal(cm[0][0] + cm[0][1] + cm[1][0] + cm[1][1], 5000);
  const ci = out.evaluation.intervals.roc_auc;
  assert.ok(ci.low < out.evaluation.metrics.roc_auc && out.evaluation.metrics.roc_auc < ci.high);
  assert.deepEqual(out.gates.map((g) => [g.section, g.metric, g.condition, g.passed]), [['evaluation', 'roc_auc', '>= 0.70', true], ['evaluation', 'recall', '>= 0.4', true]]);
  assert.equal(out.gates[0].value, out.evaluation.metrics.roc_auc);
});

test('the same run twice gives the same numbers, intervals included (seeded)', () => {
  const a = plumb(['run', SPEC, '--only', 'evaluation', '--format', 'json']);
  const b = plumb(['run', SPEC, '--only', 'evaluation', '--format', 'json']);
  const strip = (s: string) => ({ ...JSON.parse(s), seconds: 0 });
  assert.deepEqual(strip(a.stdout), strip(b.stdout));
});

test('plumb run: a failing gate exits 1 and says which', () => {
  const dir = exampleCopy();
  const file = join(dir, 'tight.plumb.yaml');
  writeFileSync(file, readFileSync(SPEC, 'utf8').replace('roc_auc: ">= 0.70"', 'roc_auc: ">= 0.90"'));
  const r = plumb(['run', file, '--only', 'evaluation'], dir);
  assert.equal(r.code, 1, r.stderr);
  assert.match(r.stdout, /FAIL {2}evaluation\.roc_auc = 0\.7208 \(gate >= 0\.90\)/);
  assert.match(r.stdout, /1 of 2 gate\(s\) failed\./);
});

test('plumb run: an invalid spec exits 2 with its diagnostics', () => {
  const dir = exampleCopy();
  const file = join(dir, 'bad.plumb.yaml');
  writeFileSync(file, readFileSync(SPEC, 'utf8').replace('target: default', 'target: defaulted'));
  const r = plumb(['run', file], dir);
  assert.equal(r.code, 2);
  assert.match(r.stderr, /column `defaulted` is not in data\/eval.csv/);
});

test('plumb run: a ragged row in the data exits 2 naming file, line and what to do', () => {
  const dir = exampleCopy();
  const csv = join(dir, 'data/eval.csv');
  const lines = readFileSync(csv, 'utf8').split('\n');
  lines[10] = lines[10] + ',extra';
  writeFileSync(csv, lines.join('\n'));
  const r = plumb(['run', join(dir, 'credit-risk.plumb.yaml'), '--only', 'evaluation'], dir);
  assert.equal(r.code, 2, r.stdout);
  assert.match(r.stderr, /eval\.csv:11/);
});

test('plumb run: a non-numeric value in a feature exits 2 with the line and column', () => {
  const dir = exampleCopy();
  const csv = join(dir, 'data/eval.csv');
  const lines = readFileSync(csv, 'utf8').split('\n');
  const header = lines[0].split(',');
  const cells = lines[5].split(',');
  cells[header.indexOf('age')] = 'forty';
  lines[5] = cells.join(',');
  writeFileSync(csv, lines.join('\n'));
  const r = plumb(['run', join(dir, 'credit-risk.plumb.yaml'), '--only', 'evaluation'], dir);
  assert.equal(r.code, 2, r.stdout + r.stderr);
  assert.match(r.stderr, /age/);
  assert.match(r.stderr, /eval\.csv/);
});

test('predictions from a column (data.prediction) instead of a model', () => {
  const dir = exampleCopy();
  const csv = join(dir, 'data/eval.csv');
  const lines = readFileSync(csv, 'utf8').trimEnd().split('\n');
  const header = lines[0].split(',');
  const pay = header.indexOf('repay_status_1');
  // A simple made-up score: repayment delay squashed into [0, 1].
  const scored = [lines[0] + ',score', ...lines.slice(1).map((l) => `${l},${(1 / (1 + Math.exp(-Number(l.split(',')[pay])))).toFixed(6)}`)];
  writeFileSync(csv, scored.join('\n') + '\n');
  const spec = `plumb: 1\nname: logs\nmodel:\n  task: binary-classification\n  threshold: 0.5\ndata:\n  eval: data/eval.csv\n  target: default\n  prediction: score\nevaluation:\n  metrics: [accuracy, roc_auc]\n`;
  writeFileSync(join(dir, 'logs.plumb.yaml'), spec);
  const r = plumb(['run', join(dir, 'logs.plumb.yaml'), '--format', 'json'], dir);
  assert.equal(r.code, 0, r.stderr);
  const out = JSON.parse(r.stdout) as RunJson;
  // ROC AUC by its definition (Mann-Whitney: P(score of a positive > score of a negative), ties half).
  const rows = scored.slice(1).map((l) => l.split(','));
  const target = header.indexOf('default');
  const pos = rows.filter((c) => c[target] === '1').map((c) => Number(c[c.length - 1]));
  const neg = rows.filter((c) => c[target] === '0').map((c) => Number(c[c.length - 1]));
  let wins = 0;
  for (const p of pos) for (const q of neg) wins += p > q ? 1 : p === q ? 0.5 : 0;
  assert.ok(Math.abs(out.evaluation.metrics.roc_auc - wins / (pos.length * neg.length)) < 1e-12);
  const acc = rows.filter((c) => (Number(c[c.length - 1]) >= 0.5 ? '1' : '0') === c[target]).length / rows.length;
  assert.ok(Math.abs(out.evaluation.metrics.accuracy - acc) < 1e-12);
});

test('plumb run on a pipeline points to plumb plan', () => {
  const r = plumb(['run', join(EXAMPLE, 'pipeline.plumb.yaml')]);
  assert.equal(r.code, 2);
  assert.match(r.stderr, /is a pipeline: `plumb plan/);
});
