// Bootstrap intervals. The resample evaluation (per-row multiplicities over the prepared input) is
// checked against recomputing every metric on the materialised resample (subsetInput with repeated
// rows), whose values are themselves checked against scikit-learn in sklearn.test.ts.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { bootstrapIntervals, bootstrapRows, interval } from './bootstrap';
import { computableMetrics, computeMetric, evaluateWeighted, metricFunction } from './compute';
import { close, loadCases } from './expectedCases';
import { prepare } from './prepared';
import { percentileSorted } from './quantile';
import { subsetInput } from './slices';
import { drawCounts, drawIndices } from './resample';
import { CancelledError } from '../errors';
import { Random } from '../util/random';

const ALL = [...loadCases('binary'), ...loadCases('multiclass'), ...loadCases('regression')];

for (const c of ALL) {
  test(`${c.kind}/${c.name}: a weighted resample equals the metrics of the resampled rows`, () => {
    const names = computableMetrics(c.input.kind);
    const fns = names.map((n) => metricFunction(n, c.input.kind));
    const n = c.input.y.length;
    const rng = new Random(7);
    for (let r = 0; r < 3; r++) {
      const idx = rng.resample(n);
      const w = r === 2 ? new Int32Array(n) : new Uint8Array(n); // byte counts, and the 32-bit fallback
      for (const i of idx) w[i]++;
      const weighted = new Float64Array(names.length);
      evaluateWeighted(fns, prepare(c.input), w, weighted);
      const sub = subsetInput(c.input, idx);
      names.forEach((name, m) => {
        const direct = computeMetric(name, sub);
        const a = Number.isNaN(weighted[m]) ? null : weighted[m];
        const b = Number.isNaN(direct) ? null : direct;
        assert.ok(close(a, b, 1e-12) && (a === null) === (b === null), `${name}: weighted ${a}, resampled rows ${b}`);
      });
    }
  });
}

test('intervals are the percentiles of the metric over seeded row resamples', () => {
  const [c] = loadCases('binary').filter((x) => x.name === 'ties');
  const names = ['accuracy', 'roc_auc', 'average_precision', 'log_loss'];
  const B = 60;
  const got = bootstrapIntervals(names, c.input, { n: B, seed: 3, level: 0.9 });
  // the same resamples as row lists, each resample's metrics recomputed on its rows
  const values = names.map(() => [] as number[]);
  for (const rows of bootstrapRows(c.input, { n: B, seed: 3 })) {
    const sub = subsetInput(c.input, rows);
    names.forEach((name, m) => values[m].push(computeMetric(name, sub)));
  }
  names.forEach((name, m) => {
    const sorted = values[m].sort((a, b) => a - b);
    const e = { low: percentileSorted(sorted, 5), high: percentileSorted(sorted, 95) };
    const g = got[name];
    assert.ok(g);
    assert.ok(close(g.low, e.low, 1e-12) && close(g.high, e.high, 1e-12), `${name}: ${JSON.stringify(g)} vs ${JSON.stringify(e)}`);
    const point = computeMetric(name, c.input);
    assert.ok(g.low <= point && point <= g.high, `${name}: point ${point} outside ${JSON.stringify(g)}`);
  });
});

test('the resampled rows of every input kind reproduce the intervals', () => {
  for (const [file, name, metrics] of [['regression', 'zeros_and_ties', ['median_absolute_error', 'r2', 'mape']], ['multiclass', 'three_classes', ['roc_auc', 'macro_f1']], ['binary', 'labels_only', ['mcc']]] as const) {
    const [c] = loadCases(file).filter((x) => x.name === name);
    const got = bootstrapIntervals(metrics, c.input, { n: 30, seed: 5 });
    const all = bootstrapRows(c.input, { n: 30, seed: 5 }).map((rows) => subsetInput(c.input, rows));
    for (const m of metrics) {
      const sorted = all.map((sub) => computeMetric(m, sub)).sort((a, b) => a - b);
      assert.ok(close(got[m]!.low, percentileSorted(sorted, 2.5), 1e-12), `${name} ${m} low`);
      assert.ok(close(got[m]!.high, percentileSorted(sorted, 97.5), 1e-12), `${name} ${m} high`);
    }
  }
});

test('same seed, same intervals; another seed, other intervals', () => {
  const [c] = loadCases('regression').filter((x) => x.name === 'normal');
  const names = ['mae', 'r2', 'median_absolute_error', 'max_error'];
  const a = bootstrapIntervals(names, c.input, { n: 40, seed: 11 });
  assert.deepEqual(bootstrapIntervals(names, c.input, { n: 40, seed: 11 }), a);
  assert.notDeepEqual(bootstrapIntervals(names, c.input, { n: 40, seed: 12 }), a);
});

test('more rows give narrower intervals', () => {
  const [c] = loadCases('binary').filter((x) => x.name === 'imbalanced');
  const n = c.input.y.length;
  const fewer = subsetInput(c.input, Int32Array.from({ length: n / 4 }, (_, i) => i));
  const wide = bootstrapIntervals(['accuracy', 'brier_score'], fewer, { n: 100 });
  const narrow = bootstrapIntervals(['accuracy', 'brier_score'], c.input, { n: 100 });
  for (const m of ['accuracy', 'brier_score']) {
    assert.ok(narrow[m]!.high - narrow[m]!.low < wide[m]!.high - wide[m]!.low, m);
  }
});

test('null for metrics undefined on the data, for zero resamples, and when most resamples are undefined', () => {
  const [neg] = loadCases('binary').filter((x) => x.name === 'all_negative');
  const r = bootstrapIntervals(['roc_auc', 'accuracy'], neg.input, { n: 20 });
  assert.equal(r.roc_auc, null);
  assert.ok(r.accuracy);
  assert.deepEqual(bootstrapIntervals(['accuracy'], neg.input, { n: 0 }), { accuracy: null });
  assert.equal(interval(Float64Array.from([NaN, NaN, 0.5]), 0.95), null);
  assert.deepEqual(interval(Float64Array.from([NaN, 0.25, 0.75]), 0.5), { low: 0.375, high: 0.625 });
});

test('rejects bad options and stops when cancelled', () => {
  const [c] = loadCases('regression').filter((x) => x.name === 'normal');
  assert.throws(() => bootstrapIntervals(['mae'], c.input, { n: -1 }), RangeError);
  assert.throws(() => bootstrapIntervals(['mae'], c.input, { level: 1 }), RangeError);
  assert.throws(() => bootstrapIntervals(['mae'], c.input, { n: 10, signal: { cancelled: true } }), CancelledError);
});

test('resample draws: counts and index lists agree, are uniform-ish, and follow the seed', () => {
  const n = 1000;
  const a = new Random(9);
  const b = new Random(9);
  for (let r = 0; r < 4; r++) {
    // the last round caps byte counts at 1, so the draws are redone into 32-bit counts
    const w = drawCounts(a, new Uint8Array(n), r === 3 ? 1 : 255);
    assert.equal(w instanceof Int32Array, r === 3);
    const idx = drawIndices(b, n);
    const fromIdx = new Array<number>(n).fill(0);
    for (const i of idx) fromIdx[i]++;
    assert.deepEqual(Array.from(w), fromIdx);
    // about 1 - 1/e of the rows are drawn at least once
    const drawn = w.filter((c) => c > 0).length / n;
    assert.ok(drawn > 0.58 && drawn < 0.68, String(drawn));
  }
  assert.notDeepEqual(drawIndices(new Random(1), n), drawIndices(new Random(2), n));
});
