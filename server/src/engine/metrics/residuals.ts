/**
 * Summary of regression residuals (y - pred, positive when the model under-predicts): mean, population
 * standard deviation (np.std, ddof=0), quantiles as np.percentile (linear), and the largest |residual|.
 */
import { PlumbError } from '../errors';
import { prepare } from './prepared';
import { percentileSorted } from './quantile';
import type { MetricInput } from './types';

export const RESIDUAL_QUANTILES = [5, 25, 50, 75, 95] as const;

export interface ResidualSummary {
  rows: number;
  mean: number;
  std: number;
  /** Percentile (as a string key, "5" .. "95") -> residual. */
  quantiles: Record<string, number>;
  maxAbs: number;
}

/** null when there are no rows or a value is not finite. */
export function residualSummary(input: MetricInput): ResidualSummary | null {
  if (input.kind !== 'regression') throw new PlumbError('metric.wrong-task', 'residualSummary needs a regression input.');
  const prep = prepare(input);
  const n = prep.n;
  if (n === 0 || prep.regressionIssue()) return null;
  const r = new Float64Array(n);
  let sum = 0;
  let maxAbs = 0;
  for (let i = 0; i < n; i++) {
    const e = input.y[i] - input.pred[i];
    r[i] = e;
    sum += e;
    if (Math.abs(e) > maxAbs) maxAbs = Math.abs(e);
  }
  const mean = sum / n;
  let ss = 0;
  for (let i = 0; i < n; i++) ss += (r[i] - mean) * (r[i] - mean);
  r.sort();
  const quantiles: Record<string, number> = {};
  for (const q of RESIDUAL_QUANTILES) quantiles[String(q)] = percentileSorted(r, q);
  return { rows: n, mean, std: Math.sqrt(ss / n), quantiles, maxAbs };
}
