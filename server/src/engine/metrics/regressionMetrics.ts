/**
 * Regression metrics as scikit-learn defines them. r2 and explained_variance follow its
 * force_finite rule (constant y: 1 when the predictions are perfect, else 0, with a note);
 * r2 with fewer than two rows is NaN, as in scikit-learn. mape is a fraction, not a percentage.
 */
import { undefinedBecause, type MetricFn } from './binaryMetrics';
import { medianInPlace } from './quantile';
import type { MetricStats, RegressionMoments } from './stats';
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

/**
 * Median of |error| over a resample: walk rows from the smallest |error| up to the middle
 * (np.median of the resampled rows: the mean of the two middle values for an even count).
 */
function weightedMedianAbs(s: MetricStats): number {
  const { order, sorted } = s.prep.absErrorIndex();
  const w = s.w!;
  const total = s.rows();
  const kHi = Math.floor(total / 2);
  const kLo = total % 2 === 1 ? kHi : kHi - 1;
  let seen = 0;
  let lower = Number.NaN;
  for (let j = order.length - 1; j >= 0; j--) {
    const c = w[order[j]];
    if (c === 0) continue;
    seen += c;
    if (Number.isNaN(lower) && kLo < seen) lower = sorted[j];
    if (kHi < seen) return kLo === kHi ? sorted[j] : (lower + sorted[j]) / 2;
  }
  return Number.NaN;
}

function moment(pick: (m: RegressionMoments) => number): MetricFn {
  return (s, note) => (usable(s, note) ? pick(s.regression()) : Number.NaN);
}

export const REGRESSION_METRICS: Record<string, MetricFn> = {
  mae: moment((m) => m.abs / m.rows),
  mse: moment((m) => m.sq / m.rows),
  rmse: moment((m) => Math.sqrt(m.sq / m.rows)),
  mape: moment((m) => m.ape / m.rows),
  mean_prediction: moment((m) => m.pred / m.rows),

  median_absolute_error: (s, note) => {
    const inp = usable(s, note);
    if (!inp) return Number.NaN;
    if (s.w) return weightedMedianAbs(s);
    const abs = new Float64Array(inp.y.length);
    for (let i = 0; i < abs.length; i++) abs[i] = Math.abs(inp.pred[i] - inp.y[i]);
    return medianInPlace(abs);
  },

  max_error: (s, note) => {
    const inp = usable(s, note);
    if (!inp) return Number.NaN;
    if (s.w) {
      const { order, sorted } = s.prep.absErrorIndex();
      for (let j = 0; j < order.length; j++) if (s.w[order[j]] > 0) return sorted[j];
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
    if (!usable(s, note)) return Number.NaN;
    if (s.rows() < 2) return undefinedBecause(note, 'r2 needs at least two rows (as in scikit-learn)');
    const m = s.regression();
    return assemble(m.r2Num, m.r2Den, 'r2', note);
  },

  explained_variance: (s, note) => {
    if (!usable(s, note)) return Number.NaN;
    const m = s.regression();
    return assemble(m.evNum, m.evDen, 'explained_variance', note);
  },
};
