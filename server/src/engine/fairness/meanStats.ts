/**
 * Per-group means: regression errors (mae, rmse = sqrt of mean squared error, mean_prediction,
 * mean_label) and the mean label of a numeric target with no model.
 *
 * Bootstrap: a group that drew d rows gets the mean of d values drawn with replacement from its own
 * values — exactly when d <= EXACT_DRAWS, else from the normal approximation N(mean, variance / d)
 * of that mean (the central limit theorem at d > 1000; see README).
 */
import type { Random } from '../util/random';
import { binomial } from './sampling';
import type { Family, MetricValues } from './family';

export const EXACT_DRAWS = 1000;

interface Stat {
  name: string;
  value: (i: number) => number;
  /** Applied to the mean (sqrt for rmse). */
  finish?: (mean: number) => number;
}

export function regressionFamily(ids: Int32Array, groups: number, y: Float64Array, pred: Float64Array): Family {
  return meanFamily(ids, groups, [
    { name: 'mean_label', value: (i) => y[i] },
    { name: 'mean_prediction', value: (i) => pred[i] },
    { name: 'mae', value: (i) => Math.abs(pred[i] - y[i]) },
    { name: 'rmse', value: (i) => (pred[i] - y[i]) ** 2, finish: Math.sqrt },
  ]);
}

/** A numeric label with no model: the mean label per group, over rows whose label is not missing. */
export function numericLabelFamily(ids: Int32Array, groups: number, y: Float64Array): Family {
  return meanFamily(ids, groups, [{ name: 'mean_label', value: (i) => y[i] }]);
}

interface Pool {
  stat: Stat;
  /** Rows with a value, grouped: rows of group g are order[offsets[g] .. offsets[g+1]). */
  order: Int32Array;
  offsets: Int32Array;
  sum: Float64Array;
  /** Sum of squared deviations from the group mean (two passes, no cancellation). */
  m2: Float64Array;
  /** Rows per group, including rows without a value. */
  rows: Int32Array;
}

function meanFamily(ids: Int32Array, groups: number, stats: Stat[]): Family {
  const rows = new Int32Array(groups);
  for (let i = 0; i < ids.length; i++) rows[ids[i]]++;
  const pools = stats.map((stat) => buildPool(ids, groups, stat, rows));
  const finish = (s: Stat, m: number) => (s.finish ? s.finish(m) : m);

  const point: MetricValues = {};
  for (const p of pools) {
    const vals: (number | null)[] = [];
    let sum = 0;
    let count = 0;
    for (let g = 0; g < groups; g++) {
      const c = p.offsets[g + 1] - p.offsets[g];
      vals.push(c ? finish(p.stat, p.sum[g] / c) : null);
      sum += p.sum[g];
      count += c;
    }
    point[p.stat.name] = { groups: vals, overall: count ? finish(p.stat, sum / count) : null };
  }

  return {
    names: stats.map((s) => s.name),
    point,
    why: () => 'no rows with a label',
    resample(rng: Random, groupCounts: Int32Array) {
      const out: MetricValues = {};
      for (const p of pools) {
        const vals: (number | null)[] = [];
        let sum = 0;
        let count = 0;
        for (let g = 0; g < groups; g++) {
          const have = p.offsets[g + 1] - p.offsets[g];
          // Of the group's drawn rows, those that have a value.
          const d = have === p.rows[g] ? groupCounts[g] : binomial(rng, groupCounts[g], have / p.rows[g]);
          if (d === 0 || have === 0) {
            vals.push(null);
            continue;
          }
          const mean = drawMean(rng, p, g, d);
          vals.push(finish(p.stat, mean));
          sum += mean * d;
          count += d;
        }
        out[p.stat.name] = { groups: vals, overall: count ? finish(p.stat, sum / count) : null };
      }
      return out;
    },
  };
}

function buildPool(ids: Int32Array, groups: number, stat: Stat, rows: Int32Array): Pool {
  const have = new Int32Array(groups);
  const sum = new Float64Array(groups);
  for (let i = 0; i < ids.length; i++) {
    const v = stat.value(i);
    if (Number.isNaN(v)) continue;
    const g = ids[i];
    have[g]++;
    sum[g] += v;
  }
  const offsets = new Int32Array(groups + 1);
  for (let g = 0; g < groups; g++) offsets[g + 1] = offsets[g] + have[g];
  const next = offsets.slice(0, groups);
  const order = new Int32Array(offsets[groups]);
  const m2 = new Float64Array(groups);
  for (let i = 0; i < ids.length; i++) {
    const v = stat.value(i);
    if (Number.isNaN(v)) continue;
    const g = ids[i];
    order[next[g]++] = i;
    const dev = v - sum[g] / have[g];
    m2[g] += dev * dev;
  }
  return { stat, order, offsets, sum, m2, rows };
}

function drawMean(rng: Random, p: Pool, g: number, d: number): number {
  const start = p.offsets[g];
  const size = p.offsets[g + 1] - start;
  if (d <= EXACT_DRAWS) {
    let s = 0;
    for (let j = 0; j < d; j++) s += p.stat.value(p.order[start + rng.int(size)]);
    return s / d;
  }
  const mean = p.sum[g] / size;
  const variance = p.m2[g] / size;
  return Math.max(p.stat.finish ? 0 : -Infinity, mean + rng.normal() * Math.sqrt(variance / d));
}
