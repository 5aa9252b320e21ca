/**
 * Bootstrap intervals. Reference intervals come from expected/generate.py, which runs Fairlearn's
 * MetricFrame bootstrap procedure in pandas (resample every row with replacement, np.quantile at
 * 2.5% / 97.5%) with numpy's generator. Plumb resamples counts with its own seeded generator, so the
 * two agree up to Monte Carlo error: the tolerance is 15% of the interval's width (about five
 * standard errors of a percentile estimated from 1000-2000 resamples).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Random } from '../util/random';
import { CancelledError } from '../errors';
import { computeFairness } from './index';
import { binomial, multinomial, quantileSorted } from './sampling';
import { getCase, inputOf, tableOf } from './testCases';

function agreesWithPandas(name: string): void {
  const c = getCase(name);
  const res = computeFairness({ table: tableOf(c), sensitive: c.sensitive, input: inputOf(c), bootstrap: { n: 2000, seed: 11 } });
  for (const [m, ref] of Object.entries(c.bootstrap!.intervals)) {
    const ours = res.intervals[m];
    assert.ok(ours, `${name}: no interval for ${m}`);
    const tol = 0.15 * (ref.high - ref.low);
    assert.ok(Math.abs(ours.low - ref.low) <= tol, `${name} ${m}: low ${ours.low} vs pandas ${ref.low} (tolerance ${tol})`);
    assert.ok(Math.abs(ours.high - ref.high) <= tol, `${name} ${m}: high ${ours.high} vs pandas ${ref.high} (tolerance ${tol})`);
    const point = res.metrics[m] as number;
    assert.ok(ours.low <= point && point <= ours.high, `${name} ${m}: point ${point} outside [${ours.low}, ${ours.high}]`);
  }
}

test('binary: intervals from resampled confusion counts match row resampling in pandas', () => {
  agreesWithPandas('deliberate-disparity');
});

test('regression with groups of ~2000 rows (normal approximation of group means) matches row resampling in pandas', () => {
  agreesWithPandas('regression-large');
});

test('the same seed gives the same intervals; another seed gives different ones', () => {
  const c = getCase('intersections');
  const runWith = (seed: number) => computeFairness({ table: tableOf(c), sensitive: c.sensitive, input: inputOf(c), bootstrap: { n: 100, seed } });
  const a = runWith(3);
  assert.deepEqual(runWith(3).intervals, a.intervals);
  assert.notDeepEqual(runWith(4).intervals, a.intervals);
  assert.deepEqual(a.bootstrap, { resamples: 100, seed: 3, level: 0.95, method: a.bootstrap!.method });
});

test('bootstrap: false gives no intervals; a level of 0.5 gives narrower intervals than 0.95', () => {
  const c = getCase('deliberate-disparity');
  const base = { table: tableOf(c), sensitive: c.sensitive, input: inputOf(c) };
  const off = computeFairness({ ...base, bootstrap: false });
  assert.deepEqual(off.intervals, {});
  assert.equal(off.bootstrap, null);
  const wide = computeFairness({ ...base, bootstrap: { n: 300, seed: 1 } }).intervals.demographic_parity_difference;
  const narrow = computeFairness({ ...base, bootstrap: { n: 300, seed: 1, level: 0.5 } }).intervals.demographic_parity_difference;
  assert.ok(narrow.high - narrow.low < wide.high - wide.low);
});

test('an undefined disparity gets no interval, and resamples where a rate vanishes are noted', () => {
  // Group z has no positive labels: its TPR never exists, but x and y keep a TPR difference.
  const c = getCase('empty-positive');
  const res = computeFairness({ table: tableOf(c), sensitive: c.sensitive, input: inputOf(c), bootstrap: { n: 200, seed: 0 } });
  assert.ok(res.intervals.true_positive_rate_difference);
  assert.equal(res.metrics.base_rate_ratio, 0);
  assert.ok(res.intervals.base_rate_ratio, 'a ratio of 0 is a value, and gets an interval');
});

test('cancellation stops the bootstrap', () => {
  const c = getCase('deliberate-disparity');
  let calls = 0;
  const signal = {
    get cancelled() {
      return ++calls > 3;
    },
  };
  assert.throws(() => computeFairness({ table: tableOf(c), sensitive: c.sensitive, input: inputOf(c), bootstrap: { n: 5000, seed: 0 }, signal }), CancelledError);
});

test('binomial draws have the binomial mean and variance, for small and large n*p', () => {
  const rng = new Random(5);
  for (const [n, p] of [[20, 0.1], [1000, 0.3], [1_000_000, 0.02], [500, 0.97]] as const) {
    const draws = 20000;
    let s = 0;
    let s2 = 0;
    for (let i = 0; i < draws; i++) {
      const x = binomial(rng, n, p);
      assert.ok(Number.isInteger(x) && x >= 0 && x <= n);
      s += x;
      s2 += x * x;
    }
    const mean = s / draws;
    const variance = s2 / draws - mean * mean;
    const sd = Math.sqrt(n * p * (1 - p));
    assert.ok(Math.abs(mean - n * p) < (5 * sd) / Math.sqrt(draws), `n=${n} p=${p}: mean ${mean}`);
    assert.ok(Math.abs(variance / (sd * sd) - 1) < 0.05, `n=${n} p=${p}: variance ${variance} vs ${sd * sd}`);
  }
  assert.equal(binomial(rng, 10, 0), 0);
  assert.equal(binomial(rng, 10, 1), 10);
});

test('multinomial draws add up to n and never fill an empty cell', () => {
  const rng = new Random(9);
  const out = new Int32Array(5);
  for (let r = 0; r < 200; r++) {
    multinomial(rng, 1000, [10, 0, 30, 60, 0], out);
    assert.equal(out.reduce((a, b) => a + b, 0), 1000);
    assert.equal(out[1], 0);
    assert.equal(out[4], 0);
  }
});

test('quantileSorted is numpy.quantile (linear)', () => {
  // np.quantile([1, 2, 4, 8], [0.025, 0.5, 0.975]) = [1.075, 3.0, 7.7]
  assert.ok(Math.abs(quantileSorted([1, 2, 4, 8], 0.025) - 1.075) < 1e-12);
  assert.equal(quantileSorted([1, 2, 4, 8], 0.5), 3);
  assert.ok(Math.abs(quantileSorted([1, 2, 4, 8], 0.975) - 7.7) < 1e-12);
});

test('labels-only, numeric labels with missing values and multiclass runs get intervals around their point values', () => {
  for (const name of ['data-labels', 'data-numeric-binned', 'multiclass']) {
    const c = getCase(name);
    const y = c.kind === 'labels' ? Uint8Array.from(c.data.y as number[]) : c.kind === 'numeric-labels' ? Float64Array.from(c.data.y, (v) => (v === null ? NaN : Number(v))) : null;
    const groups = c.bins ? { age: { bins: c.bins.age } } : undefined;
    const res = computeFairness({ table: tableOf(c), sensitive: c.sensitive, groups, input: inputOf(c), y, bootstrap: { n: 300, seed: 1 } });
    const metric = c.kind === 'multiclass' ? 'accuracy_difference' : c.kind === 'labels' ? 'base_rate_difference' : 'mean_label_difference';
    const iv = res.intervals[metric];
    const point = res.metrics[metric] as number;
    assert.ok(iv && iv.low < iv.high, `${name}: ${JSON.stringify(iv)}`);
    assert.ok(iv.low <= point && point <= iv.high, `${name}: ${point} outside ${JSON.stringify(iv)}`);
  }
});
