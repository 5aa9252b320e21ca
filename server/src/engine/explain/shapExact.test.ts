import { test } from 'node:test';
import assert from 'node:assert/strict';
import { CancelledError, PlumbError } from '../errors';
import { checkEfficiency, explainRow, sampleBackground, takeRows } from './index';
import type { RowExplanation } from './types';
import { bruteForceShapley, coalitionValue, linear, maxAbsDiff, names, nonlinear6, phiOf, predictOf, randomMatrix } from './testModels';

/** Efficiency, checked independently of the engine's own check. */
function assertEfficient(e: RowExplanation): void {
  const sum = Object.values(e.contributions).reduce((a, b) => a + b, 0);
  const scale = Math.max(Math.abs(e.prediction), Math.abs(e.base_value), 1e-300);
  assert.ok(Math.abs(e.base_value + sum - e.prediction) <= 1e-9 * scale, `efficiency: ${e.base_value} + ${sum} vs ${e.prediction}`);
}

test('exact Shapley equals the permutation-average definition on a non-linear model (k = 6), efficient on every row', async () => {
  const k = 6;
  const X = randomMatrix(8, k, 1);
  const B = randomMatrix(12, k, 2);
  const predict = predictOf(k, nonlinear6);
  for (let r = 0; r < 8; r++) {
    const x = X.slice(r * k, (r + 1) * k);
    const e = await explainRow({ x, background: B, k, featureNames: names(k), predict, seed: 0 });
    assert.equal(e.method, 'exact-shapley');
    // Reference: average of marginal contributions over all 6! orderings (testModels.bruteForceShapley).
    const brute = bruteForceShapley(nonlinear6, x, B, k);
    assert.ok(maxAbsDiff(phiOf(e.contributions, k), brute) < 1e-12, `row ${r}: ${phiOf(e.contributions, k)} vs ${brute}`);
    assert.equal(e.prediction, nonlinear6(x));
    assert.ok(Math.abs(e.base_value - coalitionValue(nonlinear6, x, B, k, () => false)) < 1e-15);
    assertEfficient(e);
    // The zero-weight feature gets exactly 0 even though it varies.
    assert.equal(e.contributions.f5, 0);
  }
});

test('exact Shapley of a linear model is w_i (x_i - mean_B x_i)', async () => {
  const k = 5;
  const w = [2, -1.5, 0.25, 0, 3];
  const f = linear(w, 0.7);
  const B = randomMatrix(30, k, 3);
  const x = Float64Array.from([0.3, -1.2, 2.5, 9, -0.4]);
  const e = await explainRow({ x, background: B, k, featureNames: names(k), predict: predictOf(k, f), method: 'exact' });
  for (let j = 0; j < k; j++) {
    let mean = 0;
    for (let b = 0; b < 30; b++) mean += B[b * k + j];
    mean /= 30;
    assert.ok(Math.abs(e.contributions[`f${j}`] - w[j] * (x[j] - mean)) < 1e-12, `feature ${j}`);
  }
  assert.equal(e.contributions.f3, 0);
  assertEfficient(e);
});

test('features equal to x in every background row get exactly 0 and are not enumerated', async () => {
  const k = 4;
  const B = randomMatrix(10, k, 4);
  for (let b = 0; b < 10; b++) B[b * k + 2] = 1.25;
  const x = Float64Array.from([0.5, -0.5, 1.25, 2]);
  const predict = predictOf(k, (z) => z[0] * z[1] + 3 * z[2] + Math.exp(z[3] / 4));
  const e = await explainRow({ x, background: B, k, featureNames: names(k), predict });
  assert.equal(e.contributions.f2, 0);
  // 3 varying features: 2^3 - 2 coalitions of 10 rows, plus x and the background.
  assert.equal(e.coalitions, 6);
  assert.equal(e.model_calls, 6 * 10 + 11);
  assert.equal(predict.stats.rows, e.model_calls);
  assertEfficient(e);
});

test('one varying feature takes the whole difference; none varying gives all zeros', async () => {
  const k = 3;
  const x = Float64Array.from([1, 2, 3]);
  const B = Float64Array.from([1, 2, 0, 1, 2, 5]);
  const f = (z: Float64Array) => z[0] + z[1] * z[2];
  for (const method of ['exact', 'kernel'] as const) {
    const e = await explainRow({ x, background: B, k, featureNames: ['a', 'b', 'c'], predict: predictOf(k, f), method });
    assert.deepEqual(e.contributions, { a: 0, b: 0, c: f(x) - (f(B.subarray(0, 3)) + f(B.subarray(3, 6))) / 2 });
    assertEfficient(e);
  }
  const same = await explainRow({ x, background: Float64Array.from([1, 2, 3, 1, 2, 3]), k, featureNames: ['a', 'b', 'c'], predict: predictOf(k, f) });
  assert.deepEqual(same.contributions, { a: 0, b: 0, c: 0 });
  assertEfficient(same);
});

test('batching does not change the values: one call or many', async () => {
  const k = 6;
  const B = randomMatrix(9, k, 5);
  const x = randomMatrix(1, k, 6);
  const one = predictOf(k, nonlinear6);
  const many = predictOf(k, nonlinear6);
  const a = await explainRow({ x, background: B, k, featureNames: names(k), predict: one });
  const b = await explainRow({ x, background: B, k, featureNames: names(k), predict: many, maxRowsPerCall: 20 });
  assert.deepEqual(a, b);
  assert.equal(one.stats.calls, 2); // the ends (x and background), then all 62 coalitions
  assert.equal(many.stats.calls, 1 + Math.ceil(62 / 2)); // 20 rows hold 2 coalitions of 9
});

test('method auto switches to Kernel SHAP above maxExactFeatures; exact refuses', async () => {
  const k = 6;
  const B = randomMatrix(5, k, 7);
  const x = randomMatrix(1, k, 8);
  const predict = predictOf(k, nonlinear6);
  const e = await explainRow({ x, background: B, k, featureNames: names(k), predict, maxExactFeatures: 5 });
  assert.equal(e.method, 'kernel-shap');
  assertEfficient(e);
  await assert.rejects(
    explainRow({ x, background: B, k, featureNames: names(k), predict, method: 'exact', maxExactFeatures: 5 }),
    (err: unknown) => err instanceof PlumbError && err.code === 'explain.too-many-features-for-exact',
  );
});

test('bad input and bad model output are PlumbErrors; a cancelled signal stops the run', async () => {
  const k = 2;
  const B = Float64Array.from([0, 0, 1, 1]);
  const x = Float64Array.from([2, 3]);
  const code = (c: string) => (err: unknown) => err instanceof PlumbError && err.code === c;
  await assert.rejects(explainRow({ x, background: B.subarray(0, 3), k, featureNames: ['a', 'b'], predict: predictOf(k, () => 1) }), code('explain.bad-shape'));
  await assert.rejects(explainRow({ x, background: B, k, featureNames: ['a', 'a'], predict: predictOf(k, () => 1) }), code('explain.duplicate-feature'));
  await assert.rejects(explainRow({ x, background: B, k, featureNames: ['a', 'b'], predict: predictOf(k, (z) => (z[0] > 1.5 ? NaN : 1)) }), code('explain.non-finite-prediction'));
  await assert.rejects(explainRow({ x, background: B, k, featureNames: ['a', 'b'], predict: async () => new Float64Array(1) }), code('explain.bad-prediction'));
  await assert.rejects(explainRow({ x, background: B, k, featureNames: ['a', 'b'], predict: predictOf(k, () => 1), signal: { cancelled: true } }), (e: unknown) => e instanceof CancelledError);
});

test('checkEfficiency accepts rounding and rejects a real gap', () => {
  checkEfficiency(0.5, 0.8, [0.1, 0.2 + 1e-16]);
  assert.throws(() => checkEfficiency(0.5, 0.8, [0.1, 0.2001]), (e: unknown) => e instanceof PlumbError && e.code === 'explain.efficiency');
});

test('sampleBackground: distinct, ascending, seeded, all rows when few', () => {
  const a = sampleBackground(1000, 100, 3);
  assert.equal(a.length, 100);
  assert.equal(new Set(a).size, 100);
  assert.ok(a.every((v, i) => v >= 0 && v < 1000 && (i === 0 || v > a[i - 1])));
  assert.deepEqual(sampleBackground(1000, 100, 3), a);
  assert.notDeepEqual(sampleBackground(1000, 100, 4), a);
  assert.deepEqual(sampleBackground(5, 100, 0), [0, 1, 2, 3, 4]);
  // Every row equally likely: over 400 samples of 10 from 20 rows each row is drawn ~200 times.
  const counts = new Array(20).fill(0);
  for (let s = 0; s < 400; s++) for (const r of sampleBackground(20, 10, s)) counts[r]++;
  assert.ok(counts.every((c) => c > 140 && c < 260), counts.join(','));
  const X = Float64Array.from([1, 2, 3, 4, 5, 6]);
  assert.deepEqual(Array.from(takeRows(X, 2, [2, 0])), [5, 6, 1, 2]);
});
