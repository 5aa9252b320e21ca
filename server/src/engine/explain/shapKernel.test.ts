import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Random } from '../util/random';
import { explainRow } from './index';
import { sampleCoalitions } from './shapKernel';
import { solveSymmetric } from './linalg';
import type { RowExplanation } from './types';
import { bruteForceShapley, interacting, linear, maxAbsDiff, names, phiOf, predictOf, randomMatrix } from './testModels';

function assertEfficient(e: RowExplanation): void {
  const sum = Object.values(e.contributions).reduce((a, b) => a + b, 0);
  const scale = Math.max(Math.abs(e.prediction), Math.abs(e.base_value), 1e-300);
  assert.ok(Math.abs(e.base_value + sum - e.prediction) <= 1e-9 * scale, `efficiency: ${e.base_value} + ${sum} vs ${e.prediction}`);
}

test('Kernel SHAP converges to the exact Shapley values as nsamples grows, and equals them at full enumeration', async () => {
  const k = 8;
  const f = interacting(k, 3);
  const predict = predictOf(k, f);
  const B = randomMatrix(10, k, 4);
  const rows = randomMatrix(3, k, 5);
  const budgets = [20, 60, 160];
  const errors = budgets.map(() => 0);
  for (let r = 0; r < 3; r++) {
    const x = rows.slice(r * k, (r + 1) * k);
    // Reference: the permutation-average definition over all 8! orderings.
    const exact = bruteForceShapley(f, x, B, k);
    for (let i = 0; i < budgets.length; i++) {
      for (let seed = 0; seed < 10; seed++) {
        const e = await explainRow({ x, background: B, k, featureNames: names(k), predict, method: 'kernel', nsamples: budgets[i], seed });
        assert.equal(e.method, 'kernel-shap');
        assertEfficient(e);
        errors[i] += Math.hypot(...phiOf(e.contributions, k).map((p, j) => p - exact[j]));
      }
    }
    for (const nsamples of [254, 5000]) {
      const full = await explainRow({ x, background: B, k, featureNames: names(k), predict, method: 'kernel', nsamples });
      assert.equal(full.coalitions, 254);
      assert.ok(maxAbsDiff(phiOf(full.contributions, k), exact) < 1e-12, `row ${r}: full enumeration ${phiOf(full.contributions, k)} vs ${exact}`);
      assertEfficient(full);
    }
  }
  assert.ok(errors[0] > errors[1] && errors[1] > errors[2], `mean error by budget ${budgets}: ${errors.map((e) => e / 30)}`);
  assert.ok(errors[2] / 30 < 0.05, `error at 160 samples ${errors[2] / 30}`);
});

test('Kernel SHAP recovers a linear model exactly (20 features, default budget): phi_i = w_i (x_i - mean_B x_i)', async () => {
  const k = 20;
  const rng = new Random(9);
  const w = Array.from({ length: k }, (_, j) => (j === 7 ? 0 : rng.normal()));
  const f = linear(w, -0.4);
  const B = randomMatrix(100, k, 10);
  const X = randomMatrix(4, k, 11);
  for (let r = 0; r < 4; r++) {
    const x = X.slice(r * k, (r + 1) * k);
    const e = await explainRow({ x, background: B, k, featureNames: names(k), predict: predictOf(k, f), seed: r });
    assert.equal(e.method, 'kernel-shap');
    assert.equal(e.coalitions, 2 * k + 2048);
    assert.equal(e.model_calls, e.coalitions * 100 + 101);
    for (let j = 0; j < k; j++) {
      let mean = 0;
      for (let b = 0; b < 100; b++) mean += B[b * k + j];
      const expected = w[j] * (x[j] - mean / 100);
      assert.ok(Math.abs(e.contributions[`f${j}`] - expected) < 1e-9, `row ${r} feature ${j}: ${e.contributions[`f${j}`]} vs ${expected}`);
    }
    assertEfficient(e);
  }
});

test('Kernel SHAP on a non-linear 20-feature model is efficient on every row and seeded', async () => {
  const k = 20;
  const f = interacting(k, 12);
  const predict = predictOf(k, f);
  const B = randomMatrix(30, k, 13);
  const X = randomMatrix(5, k, 14);
  for (let r = 0; r < 5; r++) {
    const x = X.slice(r * k, (r + 1) * k);
    const e = await explainRow({ x, background: B, k, featureNames: names(k), predict, nsamples: 500, seed: 1 });
    assertEfficient(e);
    assert.equal(e.prediction, f(x));
    if (r === 0) {
      assert.deepEqual(await explainRow({ x, background: B, k, featureNames: names(k), predict, nsamples: 500, seed: 1 }), e);
      const other = await explainRow({ x, background: B, k, featureNames: names(k), predict, nsamples: 500, seed: 2 });
      assert.notDeepEqual(other.contributions, e.contributions);
      assertEfficient(other);
    }
  }
});

test('coalition sampling: complete sizes enumerated with Shapley-kernel weights, draws paired with complements', () => {
  const M = 10;
  const s = sampleCoalitions(M, 200, new Random(0));
  assert.equal(s.count, 200);
  const sizes = Array.from({ length: s.count }, (_, i) => s.masks.subarray(i * M, (i + 1) * M).reduce((a, b) => a + b, 0));
  // Shapley kernel: (M-1) / (C(M,s) s (M-s)). With 200 samples sizes 1 and 9 (20 subsets) are enumerated first.
  const kernel = (z: number) => (M - 1) / (binom(M, z) * z * (M - z));
  const first = sizes.slice(0, 20);
  assert.deepEqual([...new Set(first)].sort(), [1, 9]);
  for (let i = 1; i < 20; i++) assert.ok(Math.abs(s.weights[i] / s.weights[0] - kernel(sizes[i]) / kernel(sizes[0])) < 1e-12);
  // The rest come in complement pairs (sizes up to 4 are paired with M - size).
  for (let i = 20; i + 1 < s.count; i += 2) {
    if (sizes[i] === 5) break;
    for (let j = 0; j < M; j++) assert.equal(s.masks[i * M + j] + s.masks[(i + 1) * M + j], 1);
  }
  // No coalition twice, none empty or full.
  const keys = new Set<string>();
  for (let i = 0; i < s.count; i++) keys.add(s.masks.subarray(i * M, (i + 1) * M).join(''));
  assert.equal(keys.size, s.count);
  assert.ok(sizes.every((z) => z > 0 && z < M));
  // Weights: enumerated sizes keep their share of the kernel, the draws share what is left.
  const total = s.weights.reduce((a, b) => a + b, 0);
  assert.ok(Math.abs(total - 1) < 1e-12);
});

test('the weighted least squares falls back to the pseudo-inverse on a singular system', () => {
  // Rank-1 matrix [[1, 1], [1, 1]]: the minimum-norm solution of x + y = 2 is (1, 1).
  const { x, singular } = solveSymmetric(Float64Array.from([1, 1, 1, 1]), Float64Array.from([2, 2]), 2);
  assert.equal(singular, true);
  assert.ok(maxAbsDiff(x, [1, 1]) < 1e-12);
  const spd = solveSymmetric(Float64Array.from([4, 1, 1, 3]), Float64Array.from([1, 2]), 2);
  assert.equal(spd.singular, false);
  assert.ok(maxAbsDiff(spd.x, [1 / 11, 7 / 11]) < 1e-14);
});

function binom(n: number, r: number): number {
  let out = 1;
  for (let i = 1; i <= r; i++) out = (out * (n - r + i)) / i;
  return out;
}
