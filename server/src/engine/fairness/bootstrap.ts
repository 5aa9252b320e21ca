/**
 * Percentile bootstrap intervals for every disparity, resampling the whole data set as Fairlearn's
 * MetricFrame(n_boot=...) does (`data.sample(frac=1, replace=True)`, then numpy.quantile): each
 * resample draws the groups' sizes from Multinomial(N, count_g / N) and hands them to every family,
 * which redraws its own statistics for those sizes (see cellStats.ts, meanStats.ts, listedMetrics.ts).
 */
import { throwIfCancelled, type CancelSignal } from '../errors';
import { Random } from '../util/random';
import { allDisparities } from './disparity';
import type { Family, MetricValues } from './family';
import { multinomial, quantileSorted } from './sampling';
import type { Interval, RelativeTo } from './types';

export interface BootstrapRun {
  families: Family[];
  /** Rows per group. */
  counts: Int32Array;
  relativeTo: RelativeTo;
  /** Disparities of the point estimate: intervals are made for those that are not null. */
  point: Record<string, number | null>;
  n: number;
  seed: number;
  level: number;
  signal?: CancelSignal;
}

export function bootstrapIntervals(run: BootstrapRun): { intervals: Record<string, Interval>; notes: string[] } {
  const rng = new Random(run.seed);
  let total = 0;
  for (const c of run.counts) total += c;
  const wanted = Object.keys(run.point).filter((k) => run.point[k] !== null);
  const samples: Record<string, number[]> = {};
  for (const k of wanted) samples[k] = [];
  const drawn = new Int32Array(run.counts.length);
  for (let r = 0; r < run.n; r++) {
    if ((r & 15) === 0) throwIfCancelled(run.signal);
    multinomial(rng, total, run.counts, drawn);
    const values: MetricValues = {};
    for (const f of run.families) Object.assign(values, f.resample(rng, drawn) ?? {});
    const d = allDisparities(values, run.relativeTo);
    for (const k of wanted) {
      const v = d[k];
      if (v !== null && v !== undefined && Number.isFinite(v)) samples[k].push(v);
    }
  }

  const intervals: Record<string, Interval> = {};
  const notes: string[] = [];
  const alpha = (1 - run.level) / 2;
  const skippedFamilies = new Set(run.families.filter((f) => f.skipped).flatMap((f) => f.names));
  const partial: string[] = [];
  for (const k of wanted) {
    const s = samples[k];
    if (s.length === 0 && [...skippedFamilies].some((m) => k === `${m}_difference` || k === `${m}_ratio`)) continue;
    if (s.length < 2) {
      notes.push(`\`${k}\` has no interval: fewer than 2 of ${run.n} resamples gave it a value.`);
      continue;
    }
    if (s.length < run.n) partial.push(`\`${k}\` (${run.n - s.length})`);
    s.sort((a, b) => a - b);
    intervals[k] = { low: quantileSorted(s, alpha), high: quantileSorted(s, 1 - alpha) };
  }
  if (partial.length) {
    notes.push(
      `In some of the ${run.n} resamples a disparity had no value (a group drew no row it could be computed on, or a ratio's largest value was 0); those intervals use the other resamples: ${partial.join(', ')}.`,
    );
  }
  for (const f of run.families) if (f.skipped) notes.push(f.skipped);
  return { intervals, notes };
}
