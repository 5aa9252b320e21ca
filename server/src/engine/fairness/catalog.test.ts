/**
 * The fairness name catalog: every name the check reports is in it and described, and nothing else is.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { computeFairness, describeFairnessMetric, FAIRNESS_METRIC_NAMES, fairnessMetricNames, isFairnessMetric } from './index';
import { getCase, inputOf, tableOf } from './testCases';

test('every disparity a binary and a regression run report is a known fairness metric with a description', () => {
  for (const name of ['deliberate-disparity', 'regression']) {
    const c = getCase(name);
    const res = computeFairness({ table: tableOf(c), sensitive: c.sensitive, input: inputOf(c), bootstrap: false });
    const task = res.task === 'data' ? null : res.task;
    const known = fairnessMetricNames(task, []);
    for (const m of Object.keys(res.metrics)) {
      assert.ok(known.includes(m), `${name}: ${m} is not in fairnessMetricNames`);
      assert.ok(isFairnessMetric(m), `${m} is not a fairness metric`);
      assert.ok(describeFairnessMetric(m), `${m} has no description`);
    }
    assert.equal(Object.keys(res.metrics).length, known.length, `${name}: reported ${Object.keys(res.metrics).join(', ')}`);
  }
});

test('disparities of listed evaluation metrics count only when the metric is an evaluation metric', () => {
  assert.equal(isFairnessMetric('roc_auc_difference'), false);
  assert.equal(isFairnessMetric('roc_auc_difference', ['roc_auc', 'f1']), true);
  assert.equal(isFairnessMetric('roc_auc_ratio', ['roc_auc']), true);
  assert.equal(isFairnessMetric('roc_auc', ['roc_auc']), false);
  assert.equal(isFairnessMetric('demographic_parity_diference'), false);
  assert.ok(FAIRNESS_METRIC_NAMES.includes('demographic_parity_difference'));
  assert.ok(FAIRNESS_METRIC_NAMES.includes('mae_ratio'));
  assert.ok(fairnessMetricNames('binary-classification', ['roc_auc']).includes('roc_auc_ratio'));
  assert.ok(!fairnessMetricNames('regression', []).includes('demographic_parity_difference'));
});

test('descriptions say what a difference and a ratio are, using the evaluation catalog when given', () => {
  assert.match(describeFairnessMetric('true_positive_rate_difference')!, /Largest minus smallest `true_positive_rate`/);
  assert.match(describeFairnessMetric('selection_rate_ratio')!, /Smallest `selection_rate` divided by the largest/);
  assert.equal(describeFairnessMetric('roc_auc_ratio'), undefined);
  assert.match(describeFairnessMetric('roc_auc_ratio', (m) => (m === 'roc_auc' ? 'Area under the ROC curve.' : undefined))!, /ROC/);
  assert.match(describeFairnessMetric('disparate_impact')!, /four-fifths|Four-fifths/);
});
