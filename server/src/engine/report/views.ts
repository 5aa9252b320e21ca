/**
 * The parts of a RunResult the reports read, typed loosely: sections other modules own (drift,
 * monitoring, explain) are `unknown` in RunResult, so every field here is optional and checked
 * before use. A report never fails because a section's shape grew a field.
 */
import type { RunResult } from '../run/runChecks';
import type { FairnessResult } from '../fairness/types';

export type Ci = { low: number; high: number } | null | undefined;

export interface DriftFeatureView {
  column?: string;
  kind?: string;
  method?: string;
  statistic?: number | null;
  p_value?: number | null;
  score?: number | null;
  threshold?: number;
  rule?: string;
  drifted?: boolean;
}

export interface DriftView {
  features?: Record<string, DriftFeatureView>;
  drift_share?: number;
  share_threshold?: number;
  dataset_drift?: boolean;
  number_of_columns?: number;
  number_of_drifted_columns?: number;
  method?: string;
  reference?: { file: string; rows: number };
  current?: { file: string; rows: number };
  prediction_drift?: DriftFeatureView;
  skipped?: { column: string; reason: string }[];
}

export interface MonitoringView {
  windows?: { label?: string; start: string | number; end?: string | number; rows: number; drift_share: number | null; dataset_drift?: boolean; drifted_columns?: string[]; metrics?: Record<string, number | null>; failed_gates?: string[] }[];
  first_alert?: { index: number; start: string | number; reasons: string[] } | null;
  recommendation?: string | null;
}

export interface ExplainView {
  metric?: string;
  rows?: number;
  baseline?: number;
  summary?: string;
  importance?: Record<string, { mean: number; std: number }>;
  partial_dependence?: { feature: string; grid: (number | string)[]; average: number[] }[];
}

export interface CurveView {
  roc?: { fpr: number[]; tpr: number[]; auc?: number };
  precision_recall?: { precision: number[]; recall: number[]; averagePrecision?: number; average_precision?: number };
  calibration?: { probPred: number[]; probTrue: number[]; counts?: number[] };
}

export function fairnessOf(r: RunResult): FairnessResult | undefined {
  const f = r.fairness as FairnessResult | undefined;
  return f && Array.isArray(f.groups) ? f : undefined;
}

export function driftOf(r: RunResult): DriftView | undefined {
  const d = r.drift as DriftView | undefined;
  return d && typeof d === 'object' && d.features ? d : undefined;
}

export function monitoringOf(r: RunResult): MonitoringView | undefined {
  const m = r.monitoring as MonitoringView | undefined;
  return m && typeof m === 'object' && Array.isArray(m.windows) ? m : undefined;
}

export function explainOf(r: RunResult): ExplainView | undefined {
  const e = r.explain as ExplainView | undefined;
  return e && typeof e === 'object' ? e : undefined;
}

export function curvesOf(r: RunResult): CurveView | undefined {
  return r.evaluation?.curves as CurveView | undefined;
}

/** Importance sorted by mean drop, largest first. */
export function importanceRanking(e: ExplainView | undefined): { feature: string; mean: number; std: number }[] {
  if (!e?.importance) return [];
  return Object.entries(e.importance)
    .filter(([, v]) => v && typeof v.mean === 'number')
    .map(([feature, v]) => ({ feature, mean: v.mean, std: v.std }))
    .sort((a, b) => b.mean - a.mean);
}

/** Drift score of a feature: the p-value for tests, the distance otherwise. */
export function driftScore(f: DriftFeatureView): number | null {
  if (typeof f.score === 'number') return f.score;
  if (typeof f.p_value === 'number') return f.p_value;
  return typeof f.statistic === 'number' ? f.statistic : null;
}

/** Per-group rates worth a column in a table, in the order the fairness result lists them. */
export function groupColumns(f: FairnessResult, max = 6): string[] {
  const preferred = ['selection_rate', 'base_rate', 'true_positive_rate', 'false_positive_rate', 'accuracy', 'mae', 'rmse', 'mean_prediction', 'mean'];
  const have = f.group_metrics.filter((m) => f.groups.some((g) => typeof g[m] === 'number' || g[m] === null));
  const ordered = [...preferred.filter((m) => have.includes(m)), ...have.filter((m) => !preferred.includes(m))];
  return ordered.slice(0, max);
}
