/**
 * The names the fairness check reports, with one-sentence descriptions for hovers and did-you-mean:
 * the per-group metrics, Fairlearn's named disparities, and `<metric>_difference` / `<metric>_ratio`
 * for any per-group metric (built-in or listed evaluation metric).
 */
import type { Task } from '../metrics/types';

/** Per-group metrics computed for binary classification (always). */
export const BINARY_GROUP_METRICS: Record<string, string> = {
  base_rate: 'Share of the group whose true label is positive.',
  selection_rate: 'Share of the group predicted positive.',
  true_positive_rate: "Of the group's rows with a positive label, the share predicted positive (recall).",
  false_positive_rate: "Of the group's rows with a negative label, the share predicted positive.",
  false_negative_rate: "Of the group's rows with a positive label, the share predicted negative.",
  true_negative_rate: "Of the group's rows with a negative label, the share predicted negative.",
  precision: "Of the group's rows predicted positive, the share whose label is positive.",
  accuracy: 'Share of the group predicted correctly.',
};

/** Per-group metrics computed for regression (always). */
export const REGRESSION_GROUP_METRICS: Record<string, string> = {
  mean_label: 'Mean true value within the group.',
  mean_prediction: 'Mean predicted value within the group.',
  mae: 'Mean absolute error within the group.',
  rmse: 'Root mean squared error within the group.',
};

export const MULTICLASS_GROUP_METRICS: Record<string, string> = {
  accuracy: 'Share of the group predicted correctly.',
};

/** Fairlearn's named fairness metrics, plus the four-fifths rule's ratio. Binary classification only. */
export const NAMED_FAIRNESS_METRICS: Record<string, string> = {
  demographic_parity_difference: 'Largest minus smallest selection rate across groups (Fairlearn); 0 means every group is selected at the same rate.',
  demographic_parity_ratio: 'Smallest selection rate divided by the largest (Fairlearn); 1 means parity.',
  equalized_odds_difference: 'The larger of the true-positive-rate and false-positive-rate differences across groups (Fairlearn).',
  equalized_odds_ratio: 'The smaller of the true-positive-rate and false-positive-rate ratios across groups (Fairlearn).',
  equal_opportunity_difference: 'Largest minus smallest true positive rate across groups (Fairlearn).',
  equal_opportunity_ratio: 'Smallest true positive rate divided by the largest (Fairlearn).',
  disparate_impact: 'Four-fifths rule: the lowest selection rate over the highest, always between groups; below 0.8 indicates adverse impact.',
};

export const FAIRNESS_METRIC_NAMES: readonly string[] = [
  ...Object.keys(NAMED_FAIRNESS_METRICS),
  ...[...new Set([...Object.keys(BINARY_GROUP_METRICS), ...Object.keys(REGRESSION_GROUP_METRICS)])].flatMap((m) => [`${m}_difference`, `${m}_ratio`]),
];

/** The per-group metrics always computed for a task (null: labels only, no model). */
export function groupMetricsFor(task: Task | null): Record<string, string> {
  if (task === 'binary-classification') return BINARY_GROUP_METRICS;
  if (task === 'multiclass-classification') return MULTICLASS_GROUP_METRICS;
  if (task === 'regression') return REGRESSION_GROUP_METRICS;
  return { base_rate: BINARY_GROUP_METRICS.base_rate, mean_label: REGRESSION_GROUP_METRICS.mean_label };
}

/** Every fairness metric name for a task and the evaluation metrics listed under `fairness.metrics`. */
export function fairnessMetricNames(task: Task | null, listed: readonly string[] = []): string[] {
  const named = task === 'binary-classification' ? Object.keys(NAMED_FAIRNESS_METRICS) : [];
  const perGroup = [...new Set([...Object.keys(groupMetricsFor(task)), ...listed])];
  return [...named, ...perGroup.flatMap((m) => [`${m}_difference`, `${m}_ratio`])];
}

/** Whether `name` is a fairness metric: a named one, or a disparity of a per-group or evaluation metric. */
export function isFairnessMetric(name: string, evaluationMetricNames: readonly string[] = []): boolean {
  if (FAIRNESS_METRIC_NAMES.includes(name)) return true;
  const m = /^(.+)_(difference|ratio)$/.exec(name);
  return !!m && evaluationMetricNames.includes(m[1]);
}

/** One sentence for a fairness metric name, or undefined. `describeMetric` describes evaluation metrics. */
export function describeFairnessMetric(name: string, describeMetric?: (name: string) => string | undefined): string | undefined {
  if (NAMED_FAIRNESS_METRICS[name]) return NAMED_FAIRNESS_METRICS[name];
  const perGroup = (m: string) => BINARY_GROUP_METRICS[m] ?? REGRESSION_GROUP_METRICS[m] ?? describeMetric?.(m);
  if (perGroup(name)) return perGroup(name);
  const m = /^(.+)_(difference|ratio)$/.exec(name);
  if (!m) return undefined;
  const inner = perGroup(m[1]);
  if (!inner) return undefined;
  return m[2] === 'difference'
    ? `Largest minus smallest \`${m[1]}\` across groups (or largest distance to the overall value with \`relative_to: overall\`). ${inner}`
    : `Smallest \`${m[1]}\` divided by the largest across groups (or smallest group/overall ratio with \`relative_to: overall\`). ${inner}`;
}
