import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { PlumbError } from '../errors';
import { defaultGrid, partialDependence } from './index';
import { maxAbsDiff, predictOf, sigmoid, type RowFn } from './testModels';

// expected/pdp.json: sklearn.inspection.partial_dependence(method='brute', kind='both') on the same
// data and the same two models, written in numpy in expected/generate.py.
const expected = JSON.parse(readFileSync(join(__dirname, 'expected', 'pdp.json'), 'utf8'));
const MODELS: Record<string, RowFn> = {
  classifier: (z) => sigmoid(1.5 * z[0] - 2.0 * z[1] + 0.7 * z[0] * z[2] + 0.2),
  regressor: (z) => z[0] ** 2 - z[1] + Math.sin(z[2]) * z[0],
};
const X = Float64Array.from(expected.X.flat());
const rows: number = expected.X.length;
const k = 3;

test('the average matches scikit-learn partial_dependence (brute) for the same grid, and ICE matches its individual curves', async () => {
  for (const c of expected.cases) {
    const predict = predictOf(k, MODELS[c.model]);
    const r = await partialDependence({ X, rows, k, feature: c.feature, featureNames: ['a', 'b', 'c'], grid: c.grid, predict, iceRows: rows });
    const where = `${c.model}, feature ${c.feature}`;
    assert.equal(r.feature, ['a', 'b', 'c'][c.feature]);
    assert.deepEqual(r.grid, c.grid);
    assert.ok(maxAbsDiff(r.average, c.average) < 1e-12, `${where}: ${r.average} vs ${c.average}`);
    assert.deepEqual(r.ice_rows, Array.from({ length: rows }, (_, i) => i));
    for (let i = 0; i < rows; i++) assert.ok(maxAbsDiff(r.ice[i], c.individual[i]) < 1e-12, `${where}, row ${i}`);
    assert.equal(r.model_calls, rows * c.grid.length);
    assert.equal(predict.stats.calls, 1);
  }
});

test('the default grid: distinct values when at most 20, else 20 quantiles from 5% to 95% (numpy)', async () => {
  for (let j = 0; j < k; j++) {
    const col = Array.from({ length: rows }, (_, i) => X[i * k + j]);
    const g = defaultGrid(col);
    assert.equal(g.length, expected.default_grids[j].length);
    assert.ok(maxAbsDiff(g, expected.default_grids[j]) < 1e-12, `feature ${j}: ${g} vs ${expected.default_grids[j]}`);
  }
  assert.deepEqual(defaultGrid([3, NaN, 1, 3, 2]), [1, 2, 3]);
  const r = await partialDependence({ X, rows, k, feature: 2, featureName: 'c', predict: predictOf(k, MODELS.regressor) });
  assert.deepEqual(r.grid, [0, 1, 2, 3]);
});

test('batching and ICE sampling: chunked calls give the same numbers; a sample of rows is seeded', async () => {
  const c = expected.cases[0];
  const one = await partialDependence({ X, rows, k, feature: 0, grid: c.grid, predict: predictOf(k, MODELS.classifier), iceRows: 5, seed: 3 });
  const chunked = predictOf(k, MODELS.classifier);
  const many = await partialDependence({ X, rows, k, feature: 0, grid: c.grid, predict: chunked, iceRows: 5, seed: 3, maxRowsPerCall: 13 });
  assert.deepEqual(many.ice, one.ice);
  assert.deepEqual(many.ice_rows, one.ice_rows);
  assert.ok(maxAbsDiff(many.average, one.average) < 1e-15);
  assert.equal(chunked.stats.calls, c.grid.length * Math.ceil(rows / 13));
  assert.equal(one.ice.length, 5);
  for (let i = 0; i < 5; i++) assert.ok(maxAbsDiff(one.ice[i], c.individual[one.ice_rows[i]]) < 1e-12);
  const other = await partialDependence({ X, rows, k, feature: 0, grid: c.grid, predict: predictOf(k, MODELS.classifier), iceRows: 5, seed: 4 });
  assert.notDeepEqual(other.ice_rows, one.ice_rows);
});

test('a categorical feature: the grid is every category code, named', async () => {
  const data = Float64Array.from([0, 1.5, 2, 0.5, 1, -1, 2, 2]); // 4 rows: (code, value)
  const predict = predictOf(2, (z) => [0.1, 0.5, 0.3][z[0]] + z[1]);
  const r = await partialDependence({ X: data, rows: 4, k: 2, feature: 0, featureNames: ['grade', 'v'], featureCategories: [['A', 'B', 'C'], null], predict });
  assert.deepEqual(r.grid, [0, 1, 2]);
  assert.deepEqual(r.categories, ['A', 'B', 'C']);
  const meanV = (1.5 + 0.5 - 1 + 2) / 4;
  assert.ok(maxAbsDiff(r.average, [0.1 + meanV, 0.5 + meanV, 0.3 + meanV]) < 1e-15);
  await assert.rejects(
    partialDependence({ X: data, rows: 4, k: 2, feature: 0, featureNames: ['grade', 'v'], featureCategories: [['A', 'B', 'C'], null], grid: [0, 3], predict }),
    (e: unknown) => e instanceof PlumbError && e.code === 'explain.bad-grid',
  );
  const empty = Float64Array.from([NaN, 1, NaN, 2]);
  await assert.rejects(partialDependence({ X: empty, rows: 2, k: 2, feature: 0, predict }), (e: unknown) => e instanceof PlumbError && e.code === 'explain.pdp-no-values');
});
