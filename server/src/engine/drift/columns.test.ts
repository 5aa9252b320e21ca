/**
 * computeDrift's handling of columns and options: default and explicit columns, errors with codes,
 * text-vs-number columns, empty sides, infinite values, method fallbacks and thresholds, and
 * prediction drift. Expected values here follow from the definitions (no external numbers needed),
 * except where a test compares with another Plumb entry point on the same data.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { PlumbError } from '../errors';
import { computeDrift } from './computeDrift';
import { computePredictionDrift } from './predictionDrift';
import { categoricalColumn, numericColumn, numericValues, table } from './testData';

const ref = table('ref.csv', [
  numericColumn('age', numericValues({ seed: 1, n: 500, loc: 40, scale: 10, decimals: 0 })),
  numericColumn('income', numericValues({ seed: 2, n: 500, loc: 50, scale: 5, decimals: 2 })),
  categoricalColumn('city', Array.from({ length: 500 }, (_, i) => ['a', 'b', 'c'][i % 3])),
  numericColumn('target', Array.from({ length: 500 }, (_, i) => i % 2)),
]);
const cur = table('cur.csv', [
  numericColumn('age', numericValues({ seed: 3, n: 300, loc: 45, scale: 10, decimals: 0 })),
  numericColumn('income', numericValues({ seed: 4, n: 300, loc: 50, scale: 5, decimals: 2 })),
  categoricalColumn('city', Array.from({ length: 300 }, (_, i) => ['a', 'b', 'c'][i % 3])),
  numericColumn('target', Array.from({ length: 300 }, (_, i) => i % 2)),
  numericColumn('extra', new Float64Array(300)),
]);

function throwsCode(fn: () => unknown, code: string, includes?: string): void {
  assert.throws(fn, (e: unknown) => {
    assert.ok(e instanceof PlumbError, `expected PlumbError, got ${e}`);
    assert.equal(e.code, code);
    if (includes) assert.ok(e.message.includes(includes), e.message);
    return true;
  });
}

test('default columns: those both tables share, minus exclude, with a note about the rest', () => {
  const r = computeDrift({ reference: ref, current: cur, exclude: ['target'] });
  assert.deepEqual(r.columns, ['age', 'income', 'city']);
  assert.ok(r.notes.some((n) => n.includes('Only in the current data') && n.includes('extra')));
  assert.equal(r.number_of_columns, 3);
  assert.equal(r.features.age.drifted, true, 'a 0.5 sd mean shift on 500 vs 300 rows');
  assert.equal(r.features.city.drifted, false);
});

test('an unknown column is an error naming the file and the columns there', () => {
  throwsCode(() => computeDrift({ reference: ref, current: cur, columns: ['age', 'extra'] }), 'drift.unknown-column', 'ref.csv');
  throwsCode(() => computeDrift({ reference: ref, current: cur, method: 'anova' as never }), 'drift.unknown-method');
  throwsCode(() => computeDrift({ reference: ref, current: cur, threshold: -1 }), 'drift.bad-threshold');
  throwsCode(() => computeDrift({ reference: ref, current: cur, shareThreshold: 1.5 }), 'drift.bad-share-threshold');
  const other = table('other.csv', [numericColumn('z', [1, 2])]);
  throwsCode(() => computeDrift({ reference: ref, current: other }), 'drift.no-columns');
});

test('a column read as text in one file is compared as numbers when every value is a number', () => {
  const ages = numericValues({ seed: 3, n: 300, loc: 45, scale: 10, decimals: 0 });
  const asText = table('cur.csv', [categoricalColumn('age', Array.from(ages, (v) => (Number.isNaN(v) ? null : String(v))))]);
  const numeric = table('cur.csv', [numericColumn('age', ages)]);
  const a = computeDrift({ reference: ref, current: asText, columns: ['age'] });
  const b = computeDrift({ reference: ref, current: numeric, columns: ['age'] });
  assert.equal(a.features.age.kind, 'numeric');
  assert.equal(a.features.age.score, b.features.age.score);
  assert.ok(a.notes.some((n) => n.includes('read as text')));
  const bad = table('cur.csv', [categoricalColumn('age', ['41', 'forty', '39'])]);
  throwsCode(() => computeDrift({ reference: ref, current: bad, columns: ['age'] }), 'drift.type-mismatch', '"forty"');
  const dates = table('cur.csv', [numericColumn('age', [1, 2, 3], 'datetime')]);
  throwsCode(() => computeDrift({ reference: ref, current: dates, columns: ['age'] }), 'drift.type-mismatch');
});

test('all-missing current column counts as drifted; all-missing reference column is skipped', () => {
  const r1 = table('r.csv', [numericColumn('x', [1, 2, 3, 4, 5, 6, 7]), numericColumn('y', [NaN, NaN, NaN, NaN, NaN, NaN, NaN])]);
  const c1 = table('c.csv', [numericColumn('x', [NaN, NaN, NaN]), numericColumn('y', [1, 2, 3])]);
  const r = computeDrift({ reference: r1, current: c1 });
  assert.equal(r.features.x.method, 'none');
  assert.equal(r.features.x.drifted, true);
  assert.equal(r.features.x.missing.current.share, 1);
  assert.deepEqual(r.skipped.map((s) => s.column), ['y']);
  assert.equal(r.drift_share, 1);
  assert.equal(r.dataset_drift, true);
});

test('infinite values are left out of the tests and reported', () => {
  const withInf = table('c.csv', [numericColumn('income', [...numericValues({ seed: 4, n: 300, loc: 50, scale: 5, decimals: 2 }), Infinity, -Infinity])]);
  const plain = table('c.csv', [numericColumn('income', numericValues({ seed: 4, n: 300, loc: 50, scale: 5, decimals: 2 }))]);
  const a = computeDrift({ reference: ref, current: withInf, columns: ['income'] }).features.income;
  const b = computeDrift({ reference: ref, current: plain, columns: ['income'] }).features.income;
  assert.equal(a.score, b.score);
  assert.equal(a.summary.current.kind === 'numeric' && a.summary.current.infinite, 2);
  assert.equal(a.missing.current.count, 2);
});

test('a requested test that does not fit a column falls back to the default test, saying why', () => {
  const r = computeDrift({ reference: ref, current: cur, columns: ['age', 'city'], method: 'ks', threshold: 0.01 });
  assert.equal(r.features.age.method, 'ks');
  assert.equal(r.features.age.threshold, 0.01);
  assert.equal(r.features.age.rule, 'p_value <= 0.01');
  assert.equal(r.features.city.method, 'chisquare');
  assert.equal(r.features.city.threshold, 0.05, 'the fallback keeps its own default threshold');
  assert.match(r.features.city.reason, /ks needs a numeric column/);
  const z = computeDrift({ reference: ref, current: cur, columns: ['income'], method: 'ztest' });
  assert.equal(z.features.income.method, 'ks');
  const chi = computeDrift({ reference: ref, current: cur, columns: ['income'], method: 'chisquare' });
  assert.match(chi.features.income.reason, /distinct values/);
});

test('per-test thresholds apply to the test that runs; distances use >=, ks p <= and chi-square p <', () => {
  const loose = computeDrift({ reference: ref, current: cur, columns: ['age'], method: 'wasserstein', threshold: { wasserstein: 10 } });
  assert.equal(loose.features.age.threshold, 10);
  assert.equal(loose.features.age.drifted, false);
  const score = loose.features.age.score!;
  const exact = computeDrift({ reference: ref, current: cur, columns: ['age'], method: 'wasserstein', threshold: score });
  assert.equal(exact.features.age.drifted, true, 'distance == threshold drifts');
  const p = computeDrift({ reference: ref, current: cur, columns: ['income'], method: 'ks' }).features.income.p_value!;
  assert.equal(computeDrift({ reference: ref, current: cur, columns: ['income'], method: 'ks', threshold: p }).features.income.drifted, true);
  const pc = computeDrift({ reference: ref, current: cur, columns: ['city'], method: 'chisquare' }).features.city.p_value!;
  assert.equal(computeDrift({ reference: ref, current: cur, columns: ['city'], method: 'chisquare', threshold: pc }).features.city.drifted, false);
});

test('the dataset drifts when the drifted share reaches the share threshold', () => {
  const r = computeDrift({ reference: ref, current: cur, columns: ['age', 'income'], shareThreshold: 0.5 });
  assert.equal(r.number_of_drifted_columns, 1);
  assert.equal(r.drift_share, 0.5);
  assert.equal(r.dataset_drift, true);
  assert.equal(computeDrift({ reference: ref, current: cur, columns: ['age', 'income'], shareThreshold: 0.51 }).dataset_drift, false);
});

test('prediction drift runs the same tests on scores and on labels', () => {
  const scoresRef = numericValues({ seed: 10, n: 2000, loc: 0.3, scale: 0.1 });
  const scoresCur = numericValues({ seed: 11, n: 1000, loc: 0.4, scale: 0.1 });
  const p = computePredictionDrift(scoresRef, scoresCur);
  const viaTable = computeDrift({ reference: table('r', [numericColumn('prediction', scoresRef)]), current: table('c', [numericColumn('prediction', scoresCur)]) });
  assert.equal(p.method, 'wasserstein');
  assert.deepEqual(p, viaTable.features.prediction);
  assert.equal(p.drifted, true);
  const labels = computePredictionDrift(['yes', 'no', 'no', 'yes', 'no'], ['yes', 'yes', 'yes', null]);
  assert.equal(labels.method, 'ztest');
  assert.equal(labels.kind, 'categorical');
  assert.equal(labels.missing.current.count, 1);
  throwsCode(() => computePredictionDrift(scoresRef, ['a']), 'drift.prediction-kind');
});

test('cancellation stops between columns', () => {
  assert.throws(() => computeDrift({ reference: ref, current: cur, signal: { cancelled: true } }), /cancelled/);
});
