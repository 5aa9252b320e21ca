/**
 * The decision-threshold slider: threshold-dependent metrics recomputed from the confusion counts of
 * the run's threshold sweep (`threshold_sweep.points`, each with tp/fp/tn/fn), with the engine's
 * conventions (scikit-learn's: a ratio with a zero denominator is 0; MCC is 0 when y or the
 * predictions have one class; balanced accuracy averages the classes present in y).
 */

export interface Counts {
  tp: number;
  fp: number;
  tn: number;
  fn: number;
}

/** Metrics that change with the threshold; the rest (roc_auc, log_loss, ...) do not. */
export const THRESHOLD_METRICS = [
  'accuracy',
  'balanced_accuracy',
  'precision',
  'recall',
  'true_positive_rate',
  'f1',
  'specificity',
  'true_negative_rate',
  'false_positive_rate',
  'false_negative_rate',
  'selection_rate',
  'mcc',
] as const;
export type ThresholdMetric = (typeof THRESHOLD_METRICS)[number];

export function isThresholdMetric(name: string): name is ThresholdMetric {
  return (THRESHOLD_METRICS as readonly string[]).includes(name);
}

const ratio = (a: number, b: number) => (b === 0 ? 0 : a / b);

/** Every threshold-dependent metric for one confusion matrix; null when there are no rows. */
export function metricsFromCounts(c: Counts): Record<ThresholdMetric, number | null> {
  const { tp, fp, tn, fn } = c;
  const n = tp + fp + tn + fn;
  if (n === 0) return Object.fromEntries(THRESHOLD_METRICS.map((m) => [m, null])) as Record<ThresholdMetric, null>;
  const precision = ratio(tp, tp + fp);
  const recall = ratio(tp, tp + fn);
  const specificity = ratio(tn, tn + fp);
  const perClass = [...(tn + fp > 0 ? [specificity] : []), ...(tp + fn > 0 ? [recall] : [])];
  const t0 = tn + fp;
  const t1 = fn + tp;
  const p0 = tn + fn;
  const p1 = fp + tp;
  const covPP = n * n - (p0 * p0 + p1 * p1);
  const covTT = n * n - (t0 * t0 + t1 * t1);
  return {
    accuracy: (tp + tn) / n,
    balanced_accuracy: perClass.reduce((a, b) => a + b, 0) / perClass.length,
    precision,
    recall,
    true_positive_rate: recall,
    f1: tp + fp + fn === 0 ? 0 : ratio(2 * tp, 2 * tp + fp + fn),
    specificity,
    true_negative_rate: specificity,
    false_positive_rate: ratio(fp, fp + tn),
    false_negative_rate: ratio(fn, fn + tp),
    selection_rate: (tp + fp) / n,
    mcc: covPP * covTT === 0 ? 0 : ((tn + tp) * n - (t0 * p0 + t1 * p1)) / Math.sqrt(covTT * covPP),
  };
}

/** Index of the sweep point whose threshold is nearest `t` (the first of equals); -1 for no points. */
export function nearestPoint(points: readonly { threshold: number }[], t: number): number {
  let best = -1;
  let gap = Infinity;
  points.forEach((p, i) => {
    const d = Math.abs(p.threshold - t);
    if (d < gap) {
      gap = d;
      best = i;
    }
  });
  return best;
}
