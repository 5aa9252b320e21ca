/**
 * Options and result shapes of drift detection and monitoring. Results are plain JSON (no classes,
 * no Maps): they pass engine -> LSP -> webview and `plumb --format json` unchanged. Field names are
 * snake_case like the rest of Plumb's results and Evidently's report.
 */
import type { CancelSignal } from '../errors';
import type { Table } from '../data/table';
import type { Binning } from './binning';

export type DriftTest = 'ks' | 'chisquare' | 'ztest' | 'psi' | 'wasserstein' | 'jensenshannon';
export type DriftMethod = 'auto' | DriftTest;

/** A threshold for every test, or per test (tests not named keep their default). */
export type DriftThreshold = number | Partial<Record<DriftTest, number>>;

export interface DriftOptions {
  reference: Table;
  current: Table;
  /** Columns to compare. Default: every column both tables have, minus `exclude`. */
  columns?: string[];
  /** Columns left out of the default list (target, prediction, timestamp). */
  exclude?: string[];
  method?: DriftMethod;
  threshold?: DriftThreshold;
  /** The data set drifts when the share of drifted columns is >= this (Evidently: 0.5). */
  shareThreshold?: number;
  signal?: CancelSignal;
}

export interface MissingDrift {
  reference: { count: number; share: number };
  current: { count: number; share: number };
  /** current share - reference share. */
  difference: number;
  /** Two-proportion z-test on the two missing rates (not part of drift_share). */
  p_value: number | null;
}

export interface NumericSummary {
  kind: 'numeric';
  count: number;
  missing: number;
  /** +-Infinity cells, left out of the tests and of these statistics. */
  infinite: number;
  mean: number | null;
  /** Sample standard deviation (ddof = 1), as pandas' describe. */
  std: number | null;
  min: number | null;
  q05: number | null;
  q25: number | null;
  q50: number | null;
  q75: number | null;
  q95: number | null;
  max: number | null;
}

export interface CategoricalSummary {
  kind: 'categorical';
  count: number;
  missing: number;
  unique: number;
  /** The 10 most frequent values; share of the non-missing values. */
  top: { value: string; count: number; share: number }[];
}

export type Summary = NumericSummary | CategoricalSummary;

export type Histogram =
  | { kind: 'numeric'; edges: number[]; reference: number[]; current: number[] }
  | { kind: 'categorical'; categories: string[]; reference: number[]; current: number[]; other?: { categories: number; reference: number; current: number } };

/** Every test computed for a column (the one in `method` decides `drifted`). */
export interface DriftTests {
  ks?: { statistic: number; p_value: number; mode: 'exact' | 'asymp' };
  wasserstein?: { distance: number; raw: number; reference_std: number };
  psi?: { value: number; filled_bins: number };
  jensenshannon?: { distance: number };
  chisquare?: { statistic: number | null; p_value: number; df: number };
  ztest?: { statistic: number; p_value: number; compared: string };
}

export interface FeatureDrift {
  column: string;
  /** How the column was treated: numeric (numbers, booleans, dates) or categorical. */
  kind: 'numeric' | 'categorical';
  /** The test that decided `drifted`; 'none' when the current data has no values at all. */
  method: DriftTest | 'none';
  /** Why this test ran (auto rule, requested, or a fallback). */
  reason: string;
  /** The test's statistic: KS D, chi-square, z, or the distance itself; null if infinite or none. */
  statistic: number | null;
  /** p-value for ks, chisquare and ztest; null for distances. */
  p_value: number | null;
  /** The value compared with the threshold: the p-value of a test, the distance otherwise. */
  score: number | null;
  /** null when no test ran. */
  threshold: number | null;
  /** e.g. "p_value <= 0.05", "distance >= 0.1". */
  rule: string;
  drifted: boolean;
  tests: DriftTests;
  /** Bins shared by psi and jensenshannon. */
  binning: Binning | null;
  /** Categories (or values, for few-valued numeric columns) only in current / only in reference. */
  new_categories?: string[];
  missing_categories?: string[];
  unique: { reference: number; current: number; combined: number };
  missing: MissingDrift;
  summary: { reference: Summary; current: Summary };
  histogram: Histogram | null;
  notes: string[];
}

/** A type alias (not an interface) so that it also reads as a plain Record<string, unknown>. */
export type DriftResult = {
  features: Record<string, FeatureDrift>;
  /** Columns compared, in order (features' keys). */
  columns: string[];
  number_of_columns: number;
  number_of_drifted_columns: number;
  /** Drifted / compared columns (skipped ones excluded). */
  drift_share: number;
  share_threshold: number;
  dataset_drift: boolean;
  method: DriftMethod;
  reference: { file: string; rows: number };
  current: { file: string; rows: number };
  /** Columns not compared, and why. */
  skipped: { column: string; reason: string }[];
  notes: string[];
};

export interface PredictionDriftOptions {
  method?: DriftMethod;
  threshold?: DriftThreshold;
  /** Name shown in the result (default "prediction"). */
  name?: string;
  signal?: CancelSignal;
}

/** Compact per-column result used in monitoring windows. */
export interface ColumnScore {
  method: DriftTest | 'none';
  score: number | null;
  drifted: boolean;
}

export interface MonitoringOptions extends DriftOptions {
  /** Column with the time of each row; without it windows are consecutive row ranges. */
  timestamp?: string;
  /** '7d', '12h', '2w', '30m' (needs `timestamp`) or a row count such as '5000'. */
  window: string | number;
  /** Model scores per row (reference and current), for prediction drift per window. */
  referenceScores?: Float64Array;
  currentScores?: Float64Array;
  /** Metrics per window from the rows (indices into `current`). */
  metricsForWindow?: (rows: Int32Array) => Record<string, number | null>;
  /** Whether a value passes its gate (the caller owns gate parsing); metrics without a gate pass. */
  passes?: (metric: string, value: number | null) => boolean;
}

export interface MonitoringWindow {
  index: number;
  /** ISO 8601 (UTC) for time windows; 0-based row index for row windows. `end` is exclusive. */
  start: string | number;
  end: string | number;
  label: string;
  rows: number;
  /** null when no column could be compared. */
  drift_share: number | null;
  dataset_drift: boolean;
  drifted_columns: string[];
  /** Column -> drift score (p-value or distance), with the test and verdict. */
  features: Record<string, ColumnScore>;
  prediction_drift?: ColumnScore;
  metrics?: Record<string, number | null>;
  /** Gates (by metric name) this window fails, as `passes` says. */
  failed_gates: string[];
}

export interface MonitoringResult {
  window: { kind: 'duration' | 'rows'; size: string; ms?: number; rows?: number };
  timestamp: string | null;
  windows: MonitoringWindow[];
  /** Windows with no rows, left out of `windows`. */
  empty_windows: { start: string; end: string }[];
  /** Current rows without a timestamp, not in any window. */
  rows_without_timestamp: number;
  share_threshold: number;
  /** The first window where the data set drifts or a gate fails, if any. */
  first_alert: { index: number; start: string | number; reasons: string[] } | null;
  recommendation: string | null;
  notes: string[];
}
