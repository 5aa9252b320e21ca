/**
 * Options and result shapes of the fairness checks. Results are plain JSON (no classes, no Maps):
 * they pass engine -> LSP -> webview and `plumb --format json` unchanged.
 */
import type { CancelSignal } from '../errors';
import type { Table } from '../data/table';
import type { MetricInput } from '../metrics/types';

/** How one sensitive column becomes groups. Only numeric columns take `bins`. */
export interface SensitiveGrouping {
  /**
   * Ascending cut points for a numeric column: `[25, 45]` makes `< 25`, `[25, 45)` and `>= 45`.
   * Without bins a numeric column groups by its distinct values, and more than `maxValues` of them is an error.
   */
  bins?: number[];
  /** Most distinct values a numeric column without bins may have (default 20). */
  maxValues?: number;
}

export type RelativeTo = 'groups' | 'overall';

export interface BootstrapOptions {
  /** Resamples (default 200). */
  n: number;
  seed: number;
  /** Central interval level (default 0.95). */
  level?: number;
}

export interface FairnessOptions {
  table: Table;
  /** Sensitive columns; with several, groups are their non-empty intersections. */
  sensitive: string[];
  /** Per-column grouping (bins for numeric columns), keyed by column name. */
  groups?: Record<string, SensitiveGrouping>;
  /** Labels and predictions, one per table row; null for a data-only check (see dataBias). */
  input: MetricInput | null;
  /** Labels when `input` is null: 0/1 (Uint8Array) for a base rate, numbers (Float64Array, NaN missing) for a mean. */
  y?: Uint8Array | Float64Array | null;
  /** Extra evaluation metrics to compute per group (names of the metrics catalog). */
  metrics?: string[];
  /** Groups smaller than this get a warning (default 30). They stay in every disparity, as in Fairlearn. */
  minGroupSize?: number;
  /** Disparities between groups (default) or against the overall value. */
  relativeTo?: RelativeTo;
  /** Bootstrap intervals for each disparity; false turns them off. Default { n: 200, seed: 0 }. */
  bootstrap?: BootstrapOptions | false;
  signal?: CancelSignal;
}

/** A group value: a number, null (undefined, see notes), or the group's own identity fields. */
export type GroupCell = number | null | string | boolean | Record<string, string>;

export interface FairnessGroup {
  /** Column -> value, e.g. `{ "sex": "F", "race": "A" }`. Missing values read "(missing)". */
  group: Record<string, string>;
  /** "sex=F, race=A", for tables and messages. */
  label: string;
  count: number;
  /** count / rows. */
  share: number;
  /** count < min_group_size. */
  small: boolean;
  /** Every per-group metric, by name (see `group_metrics`); null where undefined (see `notes`). */
  [metric: string]: GroupCell;
}

export interface Interval {
  low: number;
  high: number;
}

export interface FourFifths {
  passed: boolean;
  /** Lowest selection rate over the highest (disparate impact). */
  ratio: number;
  threshold: number;
  /** Groups whose selection rate is below `threshold` times the highest. */
  failing_groups: { group: Record<string, string>; label: string; selection_rate: number; impact_ratio: number }[];
}

export interface FairnessResult {
  sensitive: string[];
  task: 'binary-classification' | 'multiclass-classification' | 'regression' | 'data';
  relative_to: RelativeTo;
  min_group_size: number;
  rows: number;
  /** Names of the per-group metrics, in display order. */
  group_metrics: string[];
  groups: FairnessGroup[];
  /** The per-group metrics over all rows. */
  overall: Record<string, number | null>;
  /** Disparities (`<metric>_difference`, `<metric>_ratio`, named Fairlearn metrics); null when undefined. */
  metrics: Record<string, number | null>;
  /** Bootstrap percentile intervals for the disparities that could be resampled. */
  intervals: Record<string, Interval>;
  bootstrap: { resamples: number; seed: number; level: number; method: string } | null;
  four_fifths: FourFifths | null;
  warnings: string[];
  notes: string[];
}
