/**
 * A family of per-group metrics computed the same way (count ratios, means, catalog metrics), with its
 * point values and a way to redraw them for one bootstrap resample.
 */
import type { Random } from '../util/random';

/** Metric name -> its value in each group (null where undefined) and over all rows. */
export type MetricValues = Record<string, { groups: (number | null)[]; overall: number | null }>;

export interface Family {
  names: string[];
  point: MetricValues;
  /** Why `name` is undefined in group `g`, for a note ("no rows with a positive label"). */
  why(name: string, g: number): string;
  /**
   * Values for one whole-data bootstrap resample, given how many rows each group drew
   * (a Multinomial(N, count_g / N) draw shared by every family of the resample). Null when
   * this family is not resampled (see `skipped`).
   */
  resample(rng: Random, groupCounts: Int32Array): MetricValues | null;
  /** Further notes about the point values (e.g. a zero division that gave 0), given the group labels. */
  notes?(labels: string[]): string[];
  /** Why this family's disparities have no intervals, when it can't be resampled cheaply. */
  skipped?: string;
}
