/**
 * Regression metrics as scikit-learn defines them. r2 and explained_variance follow its
 * force_finite rule (constant y: 1 when the predictions are perfect, else 0, with a note);
 * r2 with fewer than two rows is NaN, as in scikit-learn. mape is a fraction, not a percentage.
 */
import { undefinedBecause, type MetricFn } from './binaryMetrics';
import { EPS, type Prepared } from './prepared';
import { medianInPlace, weightedMedian } from './quantile';
import type { MetricStats } from './stats';
import type { RegressionInput } from './types';

function usable(s: MetricStats, note: (m: string) => void): RegressionInput | null {
  const issue = s.prep.regressionIssue();
  if (issue) {
    undefinedBecause(note, issue);
    return null;
  }
  if (s.rows() === 0) {
    undefinedBecause(note, 'no rows to evaluate');
    return null;
  }
  return s.prep.input as RegressionInput;
}

/** Weighted mean of f(y[i], pred[i]). */
function meanOf(s: MetricStats, inp: RegressionInput, f: (y: number, p: number) => number): number {
  const { y, pred } = inp;
  const w = s.w;
  let sum = 0;
  if (w) {
    for (let i = 0; i < y.length; i++) if (w[i]) sum += w[i] * f(y[i], pred[i]);
  } else {
    for (let i = 0; i < y.length; i++) sum += f(y[i], pred[i]);
  }
  return sum / s.rows();
}

const mse: MetricFn = (s, note) => {
  const inp = usable(s, note);
  return inp ? meanOf(s, inp, (y, p) => (y - p) * (y - p)) : Number.NaN;
};

/** scikit-learn's _assemble_r2_explained_variance with force_finite=True. */
function assemble(num: number, den: number, name: string, note: (m: string) => void): number {
  if (num === 0) {
    if (den === 0) note(`\`y\` is constant and the predictions are exact, so ${name} is set to 1 (as scikit-learn does)`);
    return 1;
  }
  if (den === 0) {
    note(`\`y\` is constant, so ${name} is set to 0 (as scikit-learn does)`);
    return 0;
  }
  return 1 - num / den;
}

/** |y - pred| sorted into distinct values, each row's index into them: for weighted medians and maxima. */
function absErrorGroups(prep: Prepared): { values: Float64Array; groupOf: Int32Array } {
  return prep.once('absErrorGroups', () => {
    const { y, pred } = prep.input as RegressionInput;
    const n = y.length;
    const abs = new Float64Array(n);
    for (let i = 0; i < n; i++) abs[i] = Math.abs(pred[i] - y[i]);
    const sorted = abs.slice().sort();
    let g = 0;
    for (let i = 0; i < n; i++) if (i === 0 || sorted[i] !== sorted[g - 1]) sorted[g++] = sorted[i];
    const values = sorted.slice(0, g);
    const groupOf = new Int32Array(n);
    for (let i = 0; i < n; i++) {
      let lo = 0;
      let hi = g - 1;
      while (lo < hi) {
        const mid = (lo + hi) >>> 1;
        if (values[mid] < abs[i]) lo = mid + 1;
        else hi = mid;
      }
      groupOf[i] = lo;
    }
    return { values, groupOf };
  });
}

function absErrorCounts(s: MetricStats): { values: Float64Array; counts: Float64Array } {
  const { values, groupOf } = absErrorGroups(s.prep);
  const counts = new Float64Array(values.length);
  const w = s.w!;
  for (let i = 0; i < groupOf.length; i++) counts[groupOf[i]] += w[i];
  return { values, counts };
}

export const REGRESSION_METRICS: Record<string, MetricFn> = {
  mae: (s, note) => {
    const inp = usable(s, note);
    return inp ? meanOf(s, inp, (y, p) => Math.abs(p - y)) : Number.NaN;
  },
  mse,
  rmse: (s, note) => Math.sqrt(mse(s, note)),
  mape: (s, note) => {
    const inp = usable(s, note);
    return inp ? meanOf(s, inp, (y, p) => Math.abs(p - y) / Math.max(Math.abs(y), EPS)) : Number.NaN;
  },
  mean_prediction: (s, note) => {
    const inp = usable(s, note);
    return inp ? meanOf(s, inp, (_y, p) => p) : Number.NaN;
  },

  median_absolute_error: (s, note) => {
    const inp = usable(s, note);
    if (!inp) return Number.NaN;
    if (s.w) {
      const { values, counts } = absErrorCounts(s);
      return weightedMedian(values, counts);
    }
    const abs = new Float64Array(inp.y.length);
    for (let i = 0; i < abs.length; i++) abs[i] = Math.abs(inp.pred[i] - inp.y[i]);
    return medianInPlace(abs);
  },

  max_error: (s, note) => {
    const inp = usable(s, note);
    if (!inp) return Number.NaN;
    if (s.w) {
      const { values, counts } = absErrorCounts(s);
      for (let g = values.length - 1; g >= 0; g--) if (counts[g] > 0) return values[g];
      return Number.NaN;
    }
    let max = 0;
    for (let i = 0; i < inp.y.length; i++) {
      const e = Math.abs(inp.y[i] - inp.pred[i]);
      if (e > max) max = e;
    }
    return max;
  },

  r2: (s, note) => {
    const inp = usable(s, note);
    if (!inp) return Number.NaN;
    if (s.rows() < 2) return undefinedBecause(note, 'r2 needs at least two rows (as in scikit-learn)');
    const mean = meanOf(s, inp, (y) => y);
    const w = s.w;
    let num = 0;
    let den = 0;
    for (let i = 0; i < inp.y.length; i++) {
      const c = w ? w[i] : 1;
      if (c === 0) continue;
      const e = inp.y[i] - inp.pred[i];
      const d = inp.y[i] - mean;
      num += c * (e * e);
      den += c * (d * d);
    }
    return assemble(num, den, 'r2', note);
  },

  explained_variance: (s, note) => {
    const inp = usable(s, note);
    if (!inp) return Number.NaN;
    const diffAvg = meanOf(s, inp, (y, p) => y - p);
    const yAvg = meanOf(s, inp, (y) => y);
    const num = meanOf(s, inp, (y, p) => (y - p - diffAvg) ** 2);
    const den = meanOf(s, inp, (y) => (y - yAvg) ** 2);
    return assemble(num, den, 'explained_variance', note);
  },
};
