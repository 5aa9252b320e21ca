/**
 * Label metrics at evenly spaced decision thresholds, for the editor's threshold slider. A row is
 * predicted positive when score >= threshold. Thresholds are i / (points - 1) when every score is a
 * probability in [0, 1], else evenly spaced from the lowest to the highest score. Reads the shared
 * score groups, so after roc_auc or a curve on the same input it costs points x log(distinct scores).
 * Zero divisions give 0 (scikit-learn's zero_division=0).
 */
import { prepare } from './prepared';
import type { MetricInput } from './types';

export interface SweepPoint {
  threshold: number;
  tp: number;
  fp: number;
  tn: number;
  fn: number;
  precision: number;
  recall: number;
  f1: number;
  accuracy: number;
  tpr: number;
  fpr: number;
  selectionRate: number;
}

export interface ThresholdSweep {
  /** How thresholds were spaced: over [0, 1] (probabilities) or over the scores' range. */
  scale: 'probability' | 'score';
  points: SweepPoint[];
}

/** null when the input has no usable scores or no rows. */
export function thresholdSweep(input: MetricInput, points = 101): ThresholdSweep | null {
  if (input.kind !== 'binary') return null;
  const prep = prepare(input);
  if (prep.scoreIssue() || prep.n === 0) return null;
  if (!Number.isInteger(points) || points < 2) throw new RangeError(`thresholdSweep: points must be an integer of at least 2, got ${points}`);
  const { thr, pos, neg } = prep.groups();
  const m = thr.length;
  const tps = new Float64Array(m + 1);
  const fps = new Float64Array(m + 1);
  for (let i = 0; i < m; i++) {
    tps[i + 1] = tps[i] + pos[i];
    fps[i + 1] = fps[i] + neg[i];
  }
  const P = tps[m];
  const N = fps[m];
  const probability = prep.probabilityIssue() === null;
  const lo = probability ? 0 : thr[m - 1];
  const hi = probability ? 1 : thr[0];
  const out: SweepPoint[] = [];
  for (let i = 0; i < points; i++) {
    const t = probability ? i / (points - 1) : i === points - 1 ? hi : lo + (hi - lo) * (i / (points - 1));
    // number of distinct scores >= t (thr is descending)
    let a = 0;
    let b = m;
    while (a < b) {
      const mid = (a + b) >>> 1;
      if (thr[mid] >= t) a = mid + 1;
      else b = mid;
    }
    const tp = tps[a];
    const fp = fps[a];
    const fn = P - tp;
    const tn = N - fp;
    const precision = tp + fp === 0 ? 0 : tp / (tp + fp);
    const recall = P === 0 ? 0 : tp / P;
    const f1den = precision + recall;
    out.push({
      threshold: t,
      tp, fp, tn, fn,
      precision,
      recall,
      f1: f1den === 0 ? 0 : (2 * precision * recall) / f1den,
      accuracy: (tp + tn) / (P + N),
      tpr: recall,
      fpr: N === 0 ? 0 : fp / N,
      selectionRate: (tp + fp) / (P + N),
    });
  }
  return { scale: probability ? 'probability' : 'score', points: out };
}
