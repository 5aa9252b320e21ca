/**
 * Which names each section can gate on, with one-line definitions for hovers and did-you-mean.
 * Evaluation metrics come from the metrics catalog; fairness, drift and compare names are built on it.
 */
import { METRIC_CATALOG, metricNamesFor } from '../metrics/catalog';
import type { Task } from '../metrics/types';
import { describeFairnessMetric, fairnessMetricNames } from '../fairness/catalog';

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

/** Every name a fairness gate can use for this task and these listed per-group metrics (the fairness catalog's). */
export function fairnessGateNames(task: Task | undefined, listed: readonly string[]): string[] {
  return fairnessMetricNames(task ?? null, listed);
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
  const all: Record<string, string> = { ...DRIFT_METRICS, ...COMPARE_METRICS };
  if (all[name]) return all[name];
  const fair = describeFairnessMetric(name, (m) => METRIC_CATALOG[m]?.description);
  if (fair) return fair;
  const m = /^(.*)_delta$/.exec(name);
  if (m) {
    const inner = describeCheckName(m[1]);
    return inner ? `Challenger minus champion for \`${m[1]}\`: ${inner}` : undefined;
  }
  return undefined;
}
