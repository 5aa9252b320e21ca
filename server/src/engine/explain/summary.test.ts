import { test } from 'node:test';
import assert from 'node:assert/strict';
import { directionOf, formatNumber, summarizeDirection, summarizeImportance, summarizeRow } from './index';
import type { PartialDependenceResult, PermutationImportanceResult } from './types';

function importance(higher: boolean, entries: [string, number, number][]): PermutationImportanceResult {
  return {
    metric: 'roc_auc',
    higher_is_better: higher,
    baseline: 0.8,
    repeats: 5,
    importance: Object.fromEntries(entries.map(([n, mean, std]) => [n, { mean, std, values: [] }])),
    model_calls: 0,
  };
}

function pdp(feature: string, grid: number[], average: number[], categories?: string[]): PartialDependenceResult {
  return { feature, grid, average, ice: [], ice_rows: [], model_calls: 0, ...(categories ? { categories } : {}) };
}

test('importance summary: the top feature, the next ones, and those with no measurable effect', () => {
  const r = importance(true, [
    ['age', 0.0112, 0.002],
    ['x', 0, 0],
    ['income', 0.1234, 0.01],
    ['y', 0.001, 0.003], // within two standard deviations of 0
    ['debt', 0.0499, 0.004],
    ['z', -0.002, 0.001],
  ]);
  assert.equal(
    summarizeImportance(r, { metricLabel: 'ROC AUC' }),
    'Income matters most: shuffling it lowers ROC AUC by 0.12. Then debt (0.05) and age (0.011). 3 features have no measurable effect: x, y and z.',
  );
  const loss = importance(false, [['a', 0.3, 0], ['b', 0.2, 0], ['c', 0.1, 0], ['d', 0.05, 0], ['e', 0.01, 0]]);
  assert.equal(
    summarizeImportance(loss, { metricLabel: 'log loss', maxListed: 2 }),
    'A matters most: shuffling it raises log loss by 0.3. Then b (0.2) and c (0.1). 2 more features matter less.',
  );
  assert.match(summarizeImportance(importance(true, [['a', 0, 0]])), /^No feature has a measurable effect on roc_auc/);
  const many = importance(true, [['top', 1, 0], ...Array.from({ length: 10 }, (_, i) => [`n${i}`, 0, 0] as [string, number, number])]);
  assert.match(summarizeImportance(many, { maxNamed: 3 }), /10 features have no measurable effect: n0, n1, n2, and 7 more\.$/);
});

test('direction of a partial dependence curve, and its sentence', () => {
  assert.equal(directionOf(pdp('income', [1, 2, 3], [0.4, 0.3, 0.1])), 'decreasing');
  assert.equal(directionOf(pdp('age', [1, 2, 3], [0.1, 0.1000001, 0.3])), 'increasing');
  assert.equal(directionOf(pdp('age', [1, 2, 3], [0.1, 0.3, 0.2])), 'mixed');
  assert.equal(directionOf(pdp('c', [1, 2], [0.2, 0.2])), 'flat');
  assert.equal(directionOf(pdp('grade', [0, 1], [0.2, 0.4], ['A', 'B'])), 'categorical');
  assert.equal(
    summarizeDirection(
      [
        pdp('income', [1, 2, 3], [0.312, 0.2, 0.118]),
        pdp('age', [20, 40, 60], [0.1, 0.3, 0.2]),
        pdp('grade', [0, 1, 2], [0.2, 0.4, 0.1], ['A', 'B', 'C']),
        pdp('zip', [1, 2], [0.5, 0.5]),
      ],
      { outcomeLabel: 'the predicted risk' },
    ),
    'Higher income lowers the predicted risk (from 0.31 to 0.12 across its range). ' +
      'Age moves the predicted risk both ways: highest at 40 (0.3), lowest at 20 (0.1). ' +
      'For grade, the predicted risk is highest for B (0.4) and lowest for C (0.1). ' +
      'Zip does not change the predicted risk.',
  );
});

test('row summary: prediction against the background average, features pushing up and down', () => {
  const text = summarizeRow({
    method: 'exact-shapley',
    base_value: 0.52,
    prediction: 0.734,
    contributions: { income: 0.12, debt: 0.124, age: -0.03, zip: 0 },
    coalitions: 14,
    model_calls: 0,
  });
  assert.equal(text, 'The prediction is 0.73, 0.21 above the background average of 0.52. Pushing it up: debt (+0.12), income (+0.12). Pulling it down: age (-0.03).');
});

test('numbers keep two significant digits without exponents', () => {
  assert.equal(formatNumber(0.1234), '0.12');
  assert.equal(formatNumber(0.0499), '0.05');
  assert.equal(formatNumber(0.0051), '0.0051');
  assert.equal(formatNumber(0.000012345), '0.000012');
  assert.equal(formatNumber(3), '3');
  assert.equal(formatNumber(12.34), '12');
  assert.equal(formatNumber(1234), '1,200');
  assert.equal(formatNumber(-0.25), '-0.25');
  assert.equal(formatNumber(0), '0');
});
