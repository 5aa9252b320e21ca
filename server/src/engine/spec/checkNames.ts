/**
 * Which names each section can gate on, with one-line definitions for hovers and did-you-mean.
 * Evaluation metrics come from the metrics catalog; fairness, drift and compare names are built on it.
 */
import { METRIC_CATALOG, metricNamesFor } from '../metrics/catalog';
import type { Task } from '../metrics/types';

export const DEFAULT_METRICS: Record<Task, string[]> = {
  'binary-classification': ['accuracy', 'precision', 'recall', 'f1', 'roc_auc'],
  'multiclass-classification': ['accuracy', 'macro_f1', 'weighted_f1'],
  regression: ['mae', 'rmse', 'r2'],
};

export const DEFAULT_IMPORTANCE_METRIC: Record<Task, string> = {
  'binary-classification': 'roc_auc',
  'multiclass-classification': 'accuracy',
  regression: 'r2',
};

/** Per-group rates the fairness section always computes (classification). */
export const GROUP_RATES: Record<string, string> = {
  selection_rate: 'Share of the group predicted positive.',
  base_rate: 'Share of the group whose true label is positive.',
  true_positive_rate: 'Of the group\'s true positives, the share the model predicts positive (recall).',
  false_positive_rate: 'Of the group\'s true negatives, the share the model predicts positive.',
  false_negative_rate: 'Of the group\'s true positives, the share the model misses.',
  true_negative_rate: 'Of the group\'s true negatives, the share the model predicts negative.',
  precision: 'Of the group\'s predicted positives, the share that are truly positive.',
  accuracy: 'Share of the group predicted correctly.',
};

export const GROUP_REGRESSION: Record<string, string> = {
  mae: 'Mean absolute error within the group.',
  rmse: 'Root mean squared error within the group.',
  mean_prediction: 'Mean predicted value within the group.',
};

export const NAMED_FAIRNESS_METRICS: Record<string, string> = {
  demographic_parity_difference: 'Largest difference in selection rate between groups (Fairlearn). 0 means every group is selected at the same rate.',
  demographic_parity_ratio: 'Smallest selection rate divided by the largest (Fairlearn). 1 means parity; the four-fifths rule asks for at least 0.8.',
  equalized_odds_difference: 'The larger of the true-positive-rate and false-positive-rate differences between groups (Fairlearn).',
  equalized_odds_ratio: 'The smaller of the true-positive-rate and false-positive-rate ratios between groups (Fairlearn).',
  equal_opportunity_difference: 'Largest difference in true positive rate (recall) between groups.',
  equal_opportunity_ratio: 'Smallest true positive rate divided by the largest.',
  disparate_impact: 'Four-fifths rule: lowest selection rate over the highest; below 0.8 indicates adverse impact.',
};

export const DRIFT_METRICS: Record<string, string> = {
  drift_share: 'Share of checked columns that drifted (drifted columns / columns checked).',
  drifted_columns: 'Number of columns that drifted.',
  dataset_drift: '1 when the drift share reaches `drift.share_threshold` (default 0.5), else 0.',
  prediction_drift: '1 when the model\'s predictions drifted between reference and current data, else 0.',
};

export const COMPARE_METRICS: Record<string, string> = {
  disagreement_rate: 'Share of rows where champion and challenger predict different labels.',
  mcnemar_p_value: "p-value of McNemar's test: do the two classifiers make different errors?",
};

export function evaluationMetricNames(task: Task): string[] {
  return metricNamesFor(task);
}

/** Every metric computed per group for this task (rates + listed metrics). */
export function groupMetricNames(task: Task, listed: readonly string[]): string[] {
  const base = task === 'regression' ? Object.keys(GROUP_REGRESSION) : Object.keys(GROUP_RATES);
  return [...new Set([...base, ...listed])];
}

/** Every name a fairness gate can use for this task and these per-group metrics. */
export function fairnessGateNames(task: Task | undefined, listed: readonly string[]): string[] {
  const named = task === 'regression' ? [] : Object.keys(NAMED_FAIRNESS_METRICS);
  const perGroup = task ? groupMetricNames(task, listed) : ['base_rate'];
  return [...named, ...perGroup.flatMap((m) => [`${m}_difference`, `${m}_ratio`])];
}

export function monitoringGateNames(task: Task | undefined): string[] {
  return [...(task ? evaluationMetricNames(task) : []), 'drift_share', 'drifted_columns', 'prediction_drift'];
}

export function compareGateNames(task: Task | undefined): string[] {
  const evalNames = task ? evaluationMetricNames(task) : [];
  const fair = task ? fairnessGateNames(task, []) : [];
  return [...[...evalNames, ...fair].map((m) => `${m}_delta`), ...Object.keys(COMPARE_METRICS)];
}

/** A one-line definition of any gateable name, for hovers. */
export function describeCheckName(name: string): string | undefined {
  const entry = METRIC_CATALOG[name];
  if (entry) return entry.description;
  const all: Record<string, string> = { ...GROUP_RATES, ...GROUP_REGRESSION, ...NAMED_FAIRNESS_METRICS, ...DRIFT_METRICS, ...COMPARE_METRICS };
  if (all[name]) return all[name];
  const m = /^(.*)_(difference|ratio|delta)$/.exec(name);
  if (m) {
    const inner = describeCheckName(m[1]);
    const how = m[2] === 'difference' ? 'Largest difference between groups of' : m[2] === 'ratio' ? 'Smallest ratio between groups of' : 'Challenger minus champion for';
    return inner ? `${how} \`${m[1]}\`: ${inner}` : undefined;
  }
  return undefined;
}
