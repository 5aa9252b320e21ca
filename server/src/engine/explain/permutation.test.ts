import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { PlumbError } from '../errors';
import { Random } from '../util/random';
import { permutationImportance } from './index';
import { linear, names, predictOf, randomMatrix, sigmoid } from './testModels';

const mse = (y: Float64Array) => (pred: Float64Array) => {
  let s = 0;
  for (let i = 0; i < y.length; i++) s += (pred[i] - y[i]) ** 2;
  return s / y.length;
};

function regressionData(rows: number, w: number[], seed: number): { X: Float64Array; y: Float64Array } {
  const k = w.length;
  const X = randomMatrix(rows, k, seed);
  const rng = new Random(seed + 1);
  const y = new Float64Array(rows);
  for (let i = 0; i < rows; i++) y[i] = linear(w, 0)(X.subarray(i * k, (i + 1) * k)) + 0.5 * rng.normal();
  return { X, y };
}

test('a feature the model ignores, and a constant column, come out exactly 0', async () => {
  const k = 4;
  const w = [1, -2, 0, 0.5];
  const { X, y } = regressionData(300, w, 1);
  for (let i = 0; i < 300; i++) X[i * k + 3] = 7;
  const r = await permutationImportance({ X, rows: 300, k, featureNames: names(k), predict: predictOf(k, linear(w, 0)), metric: mse(y), higherIsBetter: false });
  assert.deepEqual(r.importance.f2, { mean: 0, std: 0, values: [0, 0, 0, 0, 0] });
  assert.deepEqual(r.importance.f3, { mean: 0, std: 0, values: [0, 0, 0, 0, 0] });
  assert.ok(r.importance.f0.mean > 0 && r.importance.f1.mean > r.importance.f0.mean);
});

test('for a linear model and MSE, shuffling feature j raises the error by 2 w_j^2 var(x_j)', async () => {
  // Closed form: pred' - pred = w_j (x_pi(i),j - x_ij), whose mean square is 2 w_j^2 var(x_j) for an independent feature.
  const k = 3;
  const w = [1.5, -0.8, 0.3];
  const rows = 4000;
  const { X, y } = regressionData(rows, w, 2);
  const r = await permutationImportance({ X, rows, k, featureNames: names(k), predict: predictOf(k, linear(w, 0)), metric: mse(y), higherIsBetter: false, repeats: 10, seed: 5 });
  for (let j = 0; j < k; j++) {
    let m = 0;
    let v = 0;
    for (let i = 0; i < rows; i++) m += X[i * k + j];
    m /= rows;
    for (let i = 0; i < rows; i++) v += (X[i * k + j] - m) ** 2;
    v /= rows;
    const expected = 2 * w[j] ** 2 * v;
    assert.ok(Math.abs(r.importance[`f${j}`].mean - expected) < 0.06 * expected, `f${j}: ${r.importance[`f${j}`].mean} vs ${expected}`);
  }
  assert.equal(r.metric, 'metric');
  assert.equal(r.higher_is_better, false);
  assert.ok(Math.abs(r.baseline - 0.25) < 0.03);
});

test('agrees with scikit-learn permutation_importance (ROC AUC, logistic model, 50 repeats)', async () => {
  // expected/permutation.json: sklearn.inspection.permutation_importance on the same data and model (expected/generate.py).
  const e = JSON.parse(readFileSync(join(__dirname, 'expected', 'permutation.json'), 'utf8'));
  const rows = e.X.length;
  const k = e.w.length;
  const X = Float64Array.from(e.X.flat());
  const y = Uint8Array.from(e.y);
  const predict = predictOf(k, (z) => sigmoid(linear(e.w, e.b)(z)));
  const r = await permutationImportance({ X, rows, k, featureNames: names(k), y, predict, metric: rocAuc, metricName: 'roc_auc', higherIsBetter: true, repeats: e.repeats, seed: 0 });
  assert.ok(Math.abs(r.baseline - e.baseline) < 1e-12);
  for (let j = 0; j < k; j++) {
    const ours = r.importance[`f${j}`];
    // Different shuffles, same distribution: the means differ by sampling noise only.
    const se = Math.sqrt((ours.std ** 2 + e.importances_std[j] ** 2) / e.repeats);
    assert.ok(Math.abs(ours.mean - e.importances_mean[j]) <= 4 * se, `f${j}: ${ours.mean} vs sklearn ${e.importances_mean[j]} (se ${se})`);
    assert.ok(Math.abs(ours.std - e.importances_std[j]) <= 0.5 * e.importances_std[j] + 1e-15, `f${j} std: ${ours.std} vs ${e.importances_std[j]}`);
  }
  assert.deepEqual(r.importance.f3, { mean: 0, std: 0, values: new Array(e.repeats).fill(0) });
});

test('batching does not change the result: one copy per call, split rows, or several copies per call', async () => {
  const k = 3;
  const w = [1, 2, -1];
  const { X, y } = regressionData(50, w, 3);
  const run = (maxRowsPerCall?: number) => {
    const predict = predictOf(k, linear(w, 0));
    return permutationImportance({ X, rows: 50, k, featureNames: names(k), predict, metric: mse(y), higherIsBetter: false, repeats: 5, seed: 9, maxRowsPerCall }).then((r) => ({ r, calls: predict.stats.calls }));
  };
  const all = await run();
  const split = await run(7);
  const two = await run(100);
  assert.deepEqual(split.r.importance, all.r.importance);
  assert.deepEqual(two.r.importance, all.r.importance);
  assert.equal(all.calls, 1 + k); // baseline, then all 5 repeats of a feature in one call
  assert.equal(two.calls, 1 + k * 3); // 100 rows per call hold 2 copies: repeats in calls of 2, 2 and 1
  assert.equal(split.calls, Math.ceil(50 / 7) * (1 + k * 5));
  assert.equal(all.r.model_calls, 50 * (1 + k * 5));
});

test('every feature gets the same shuffles (as scikit-learn), a seed reproduces them, another seed changes them', async () => {
  const k = 2;
  const X = randomMatrix(80, 1, 4);
  const X2 = new Float64Array(160);
  for (let i = 0; i < 80; i++) X2[2 * i] = X2[2 * i + 1] = X[i];
  const y = Float64Array.from(X, (v) => 3 * v);
  const predict = predictOf(k, (z) => z[0] + z[1]);
  const args = { X: X2, rows: 80, k, featureNames: ['a', 'b'], predict, metric: mse(y), higherIsBetter: false, repeats: 4 };
  const r = await permutationImportance({ ...args, seed: 1 });
  assert.deepEqual(r.importance.a, r.importance.b);
  assert.deepEqual(await permutationImportance({ ...args, seed: 1 }), { ...r, model_calls: r.model_calls });
  const other = await permutationImportance({ ...args, seed: 2 });
  assert.notDeepEqual(other.importance.a.values, r.importance.a.values);
  // std is numpy's default (ddof = 0).
  const v = r.importance.a.values;
  const mean = v.reduce((s, x) => s + x, 0) / v.length;
  assert.ok(Math.abs(r.importance.a.std - Math.sqrt(v.reduce((s, x) => s + (x - mean) ** 2, 0) / v.length)) < 1e-15);
});

test('progress, and errors for an undefined metric or bad options', async () => {
  const k = 2;
  const X = randomMatrix(10, k, 5);
  const predict = predictOf(k, (z) => z[0]);
  const seen: [number, number][] = [];
  await permutationImportance({ X, rows: 10, k, featureNames: ['a', 'b'], predict, metric: () => 1, higherIsBetter: true, onProgress: (d, t) => seen.push([d, t]) });
  assert.deepEqual(seen, [[0, 2], [1, 2], [2, 2]]);
  const code = (c: string) => (err: unknown) => err instanceof PlumbError && err.code === c;
  await assert.rejects(permutationImportance({ X, rows: 10, k, featureNames: ['a', 'b'], predict, metric: () => NaN, higherIsBetter: true }), code('explain.metric-undefined'));
  await assert.rejects(permutationImportance({ X, rows: 10, k, featureNames: ['a', 'b'], predict, metric: () => 1, higherIsBetter: true, repeats: 0 }), code('explain.bad-option'));
  await assert.rejects(permutationImportance({ X, rows: 9, k, featureNames: ['a', 'b'], predict, metric: () => 1, higherIsBetter: true }), code('explain.bad-shape'));
});

/** ROC AUC by the rank-sum (Mann-Whitney) formula with average ranks for ties. */
function rocAuc(score: Float64Array, y: Uint8Array): number {
  const n = score.length;
  const order = Array.from({ length: n }, (_, i) => i).sort((a, b) => score[a] - score[b]);
  const rank = new Float64Array(n);
  for (let i = 0; i < n; ) {
    let j = i;
    while (j + 1 < n && score[order[j + 1]] === score[order[i]]) j++;
    for (let t = i; t <= j; t++) rank[order[t]] = (i + j) / 2 + 1;
    i = j + 1;
  }
  let pos = 0;
  let sum = 0;
  for (let i = 0; i < n; i++) if (y[i]) {
    pos++;
    sum += rank[i];
  }
  const neg = n - pos;
  return (sum - (pos * (pos + 1)) / 2) / (pos * neg);
}
