import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { isThresholdMetric, metricsFromCounts, nearestPoint, type Counts } from './threshold';

// Expected values: scikit-learn on label vectors built from each confusion matrix (expected/generate.py).
const cases = JSON.parse(readFileSync(join(__dirname, 'expected/counts.json'), 'utf8')) as { counts: Counts; expected: Record<string, number> }[];

test('metrics from confusion counts agree with scikit-learn, zero divisions included', () => {
  for (const { counts, expected } of cases) {
    const got = metricsFromCounts(counts);
    for (const [name, value] of Object.entries(expected)) {
      const v = got[name as keyof typeof got];
      assert.ok(v !== null && Math.abs(v - value) < 1e-12, `${JSON.stringify(counts)} ${name}: ${v} vs scikit-learn ${value}`);
    }
    assert.equal(got.true_positive_rate, got.recall);
    assert.equal(got.true_negative_rate, got.specificity);
  }
});

test('no rows gives null for every metric rather than 0', () => {
  const got = metricsFromCounts({ tp: 0, fp: 0, tn: 0, fn: 0 });
  assert.ok(Object.values(got).every((v) => v === null));
});

test('the nearest sweep point wins, ties go to the first', () => {
  const points = [0, 0.25, 0.5, 0.75, 1].map((threshold) => ({ threshold }));
  assert.equal(nearestPoint(points, 0.3), 1);
  assert.equal(nearestPoint(points, 0.375), 1);
  assert.equal(nearestPoint(points, 2), 4);
  assert.equal(nearestPoint([], 0.5), -1);
});

test('only threshold-dependent metrics are recomputed', () => {
  assert.ok(isThresholdMetric('f1') && isThresholdMetric('mcc'));
  assert.ok(!isThresholdMetric('roc_auc') && !isThresholdMetric('log_loss') && !isThresholdMetric('brier_score'));
});
