/**
 * Confusion matrix, ROC and precision-recall curves as plain JSON, point for point as scikit-learn's
 * confusion_matrix, roc_curve (drop_intermediate=True) and precision_recall_curve compute them, then
 * downsampled for display (see downsample.ts; `maxPoints: Infinity` keeps every point).
 *
 * ROC thresholds start with max(score) + 1, as scikit-learn 1.2 does (1.3+ writes inf there, which
 * JSON can't carry). A curve that is undefined (no usable scores; ROC with one class) is null.
 */
import { downsampleIndices, MAX_CURVE_POINTS, pick } from './downsample';
import { prepare } from './prepared';
import { averagePrecisionFromGroups, rocAucFromGroups, type ScoreGroups } from './ranking';
import { MetricStats } from './stats';
import type { MetricInput } from './types';

export interface CurveOptions {
  /** Most points to return (default 200); the first and last are always kept. */
  maxPoints?: number;
}

export interface RocCurve {
  fpr: number[];
  tpr: number[];
  /** Row is predicted positive when score >= threshold. */
  thresholds: number[];
  auc: number;
  /** Points of the full curve before downsampling. */
  totalPoints: number;
}

export interface PrecisionRecallCurve {
  /** Ordered by increasing threshold; the last point is (recall 0, precision 1) and has no threshold. */
  precision: number[];
  recall: number[];
  thresholds: number[];
  averagePrecision: number;
  totalPoints: number;
}

/** [[tn, fp], [fn, tp]] for binary; k x k (rows true class, columns predicted) for multiclass. */
export function confusionMatrix(input: MetricInput): number[][] {
  const stats = new MetricStats(prepare(input), null);
  if (input.kind === 'binary') {
    const { tn, fp, fn, tp } = stats.binary();
    return [[tn, fp], [fn, tp]];
  }
  if (input.kind === 'multiclass') {
    const k = input.classes;
    const m = stats.matrix();
    return Array.from({ length: k }, (_, r) => Array.from(m.subarray(r * k, (r + 1) * k)));
  }
  throw new TypeError('confusionMatrix needs a classification input');
}

/** Cumulative counts per distinct score, descending: scikit-learn's _binary_clf_curve. */
function cumulative(g: ScoreGroups): { fps: Float64Array; tps: Float64Array } {
  const m = g.thr.length;
  const fps = new Float64Array(m);
  const tps = new Float64Array(m);
  let tp = 0;
  let fp = 0;
  for (let i = 0; i < m; i++) {
    tp += g.pos[i];
    fp += g.neg[i];
    tps[i] = tp;
    fps[i] = fp;
  }
  return { fps, tps };
}

function binaryGroups(input: MetricInput): ScoreGroups | null {
  if (input.kind !== 'binary') return null;
  const prep = prepare(input);
  if (prep.scoreIssue() || prep.n === 0) return null;
  return prep.groups();
}

export function rocCurve(input: MetricInput, options: CurveOptions = {}): RocCurve | null {
  const g = binaryGroups(input);
  if (!g) return null;
  const { fps, tps } = cumulative(g);
  const m = fps.length;
  const P = tps[m - 1];
  const N = fps[m - 1];
  if (P === 0 || N === 0) return null;
  // drop_intermediate: keep the ends and every point where either count bends; then the (0, 0) start.
  const fpr = new Float64Array(m + 1);
  const tpr = new Float64Array(m + 1);
  const thresholds = new Float64Array(m + 1);
  thresholds[0] = g.thr[0] + 1;
  let k = 1;
  for (let i = 0; i < m; i++) {
    const corner = m <= 2 || i === 0 || i === m - 1 ||
      fps[i + 1] - fps[i] - (fps[i] - fps[i - 1]) !== 0 || tps[i + 1] - tps[i] - (tps[i] - tps[i - 1]) !== 0;
    if (!corner) continue;
    fpr[k] = fps[i] / N;
    tpr[k] = tps[i] / P;
    thresholds[k] = g.thr[i];
    k++;
  }
  const idx = downsampleIndices(fpr.subarray(0, k), tpr.subarray(0, k), options.maxPoints ?? MAX_CURVE_POINTS);
  return { fpr: pick(fpr, idx), tpr: pick(tpr, idx), thresholds: pick(thresholds, idx), auc: rocAucFromGroups(g), totalPoints: k };
}

export function precisionRecallCurve(input: MetricInput, options: CurveOptions = {}): PrecisionRecallCurve | null {
  const g = binaryGroups(input);
  if (!g) return null;
  const { fps, tps } = cumulative(g);
  const m = fps.length;
  const P = tps[m - 1];
  // Reversed so thresholds increase, then the (recall 0, precision 1) end point, as scikit-learn.
  const precision = new Float64Array(m + 1);
  const recall = new Float64Array(m + 1);
  const thresholds = new Float64Array(m);
  for (let i = 0; i < m; i++) {
    const j = m - 1 - i;
    const ps = tps[j] + fps[j];
    precision[i] = ps === 0 ? 0 : tps[j] / ps;
    recall[i] = P === 0 ? 1 : tps[j] / P;
    thresholds[i] = g.thr[j];
  }
  precision[m] = 1;
  recall[m] = 0;
  const idx = downsampleIndices(recall, precision, options.maxPoints ?? MAX_CURVE_POINTS);
  return {
    precision: pick(precision, idx),
    recall: pick(recall, idx),
    thresholds: pick(thresholds, idx.subarray(0, idx.length - 1)),
    averagePrecision: averagePrecisionFromGroups(g).value,
    totalPoints: m + 1,
  };
}
