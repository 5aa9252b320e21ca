/**
 * Reliability diagram data, as scikit-learn's sklearn.calibration.calibration_curve: rows binned by
 * predicted probability (np.searchsorted on the inner edges, so a probability equal to an edge falls
 * in the lower bin), and for each non-empty bin the observed positive rate and mean probability.
 *
 * expected_calibration_error uses the same binning with 10 uniform bins:
 * ECE = sum over bins of (rows in bin / rows) * |positive rate - mean probability|.
 */
import { binSums } from './stats';
import { binsFor, prepare, uniformEdges } from './prepared';
import { percentileSorted } from './quantile';
import type { MetricInput } from './types';

export type CalibrationStrategy = 'uniform' | 'quantile';

export interface CalibrationCurve {
  nBins: number;
  strategy: CalibrationStrategy;
  /** Observed share of positives per non-empty bin (scikit-learn's prob_true). */
  probTrue: number[];
  /** Mean predicted probability per non-empty bin (prob_pred). */
  probPred: number[];
  /** Rows per non-empty bin. */
  counts: number[];
  /** Index of each non-empty bin, 0..nBins-1. */
  bins: number[];
  /** nBins + 1 bin edges. */
  edges: number[];
  /** ECE over these bins: row-weighted mean |probTrue - probPred|. */
  expectedCalibrationError: number;
}

/** null when there are no rows or the scores are not probabilities in [0, 1]. */
export function calibrationCurve(input: MetricInput, nBins = 10, strategy: CalibrationStrategy = 'uniform'): CalibrationCurve | null {
  if (input.kind !== 'binary') return null;
  const prep = prepare(input);
  if (prep.probabilityIssue() || prep.n === 0) return null;
  if (!Number.isInteger(nBins) || nBins < 1) throw new RangeError(`calibrationCurve: nBins must be a positive integer, got ${nBins}`);
  const p = input.score!;
  let edges: Float64Array;
  if (strategy === 'uniform') {
    edges = uniformEdges(nBins);
  } else {
    const sorted = p.slice().sort();
    edges = new Float64Array(nBins + 1);
    const step = 1 / nBins; // np.linspace(0, 1, nBins + 1) * 100
    for (let i = 0; i <= nBins; i++) edges[i] = percentileSorted(sorted, (i === nBins ? 1 : i * step) * 100);
  }
  const bins = strategy === 'uniform' && nBins === 10 ? prep.calibrationBins() : binsFor(p, edges);
  const { count, sumProb, sumTrue } = binSums(bins, nBins, input.y, p, null);
  const out: CalibrationCurve = { nBins, strategy, probTrue: [], probPred: [], counts: [], bins: [], edges: Array.from(edges), expectedCalibrationError: 0 };
  for (let b = 0; b < nBins; b++) {
    if (count[b] === 0) continue;
    const t = sumTrue[b] / count[b];
    const m = sumProb[b] / count[b];
    out.probTrue.push(t);
    out.probPred.push(m);
    out.counts.push(count[b]);
    out.bins.push(b);
    out.expectedCalibrationError += (count[b] / prep.n) * Math.abs(t - m);
  }
  return out;
}
