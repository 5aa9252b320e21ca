/**
 * Every evaluation metric Plumb knows: which tasks it applies to, a one-sentence definition for
 * hovers and completion, which direction is better, whether it needs scores/probabilities, and its
 * range where bounded. Definitions follow scikit-learn (names in parentheses).
 */
import type { Task } from './types';

export interface MetricInfo {
  tasks: Task[];
  /** One-sentence definition, Markdown allowed. */
  description: string;
  higherIsBetter: boolean;
  /** True when the metric needs the positive-class score (binary) or class probabilities (multiclass). */
  needsScore: boolean;
  /** [min, max] for metrics bounded on both sides (absent for losses and errors without an upper bound, and for r2). */
  range?: [number, number];
}

const B: Task = 'binary-classification';
const M: Task = 'multiclass-classification';
const R: Task = 'regression';

export const METRIC_CATALOG: Record<string, MetricInfo> = {
  // Binary and multiclass
  accuracy: { tasks: [B, M], description: 'Share of rows whose predicted label equals the true label (`accuracy_score`).', higherIsBetter: true, needsScore: false, range: [0, 1] },
  balanced_accuracy: { tasks: [B, M], description: 'Mean of per-class recall over the classes present in the true labels (`balanced_accuracy_score`).', higherIsBetter: true, needsScore: false, range: [0, 1] },
  roc_auc: { tasks: [B, M], description: 'Area under the ROC curve: the probability a random positive scores above a random negative, ties counting half; multiclass is one-vs-rest, macro-averaged (`roc_auc_score`).', higherIsBetter: true, needsScore: true, range: [0, 1] },
  log_loss: { tasks: [B, M], description: 'Mean negative log-likelihood of the true class under the predicted probabilities, clipped to [eps, 1 - eps] with eps the float64 machine epsilon (`log_loss`).', higherIsBetter: false, needsScore: true },

  // Binary
  precision: { tasks: [B], description: 'Of the rows predicted positive, the share that are truly positive: TP / (TP + FP) (`precision_score`).', higherIsBetter: true, needsScore: false, range: [0, 1] },
  recall: { tasks: [B], description: 'Of the truly positive rows, the share predicted positive (true positive rate, sensitivity): TP / (TP + FN) (`recall_score`).', higherIsBetter: true, needsScore: false, range: [0, 1] },
  f1: { tasks: [B], description: 'Harmonic mean of precision and recall: 2TP / (2TP + FP + FN) (`f1_score`).', higherIsBetter: true, needsScore: false, range: [0, 1] },
  average_precision: { tasks: [B], description: 'Step-wise area under the precision-recall curve: sum over thresholds of (R_n - R_{n-1}) P_n, not interpolated (`average_precision_score`).', higherIsBetter: true, needsScore: true, range: [0, 1] },
  brier_score: { tasks: [B], description: 'Mean squared difference between the positive-class probability and the 0/1 outcome (`brier_score_loss`).', higherIsBetter: false, needsScore: true, range: [0, 1] },
  expected_calibration_error: { tasks: [B], description: 'Calibration gap: with 10 equal-width probability bins, the row-weighted mean of |observed positive rate - mean predicted probability| per bin.', higherIsBetter: false, needsScore: true, range: [0, 1] },
  specificity: { tasks: [B], description: 'Of the truly negative rows, the share predicted negative (true negative rate): TN / (TN + FP).', higherIsBetter: true, needsScore: false, range: [0, 1] },
  false_positive_rate: { tasks: [B], description: 'Of the truly negative rows, the share predicted positive: FP / (FP + TN).', higherIsBetter: false, needsScore: false, range: [0, 1] },
  false_negative_rate: { tasks: [B], description: 'Of the truly positive rows, the share predicted negative: FN / (FN + TP).', higherIsBetter: false, needsScore: false, range: [0, 1] },
  selection_rate: { tasks: [B], description: 'Share of rows predicted positive (Fairlearn `selection_rate`).', higherIsBetter: true, needsScore: false, range: [0, 1] },
  mcc: { tasks: [B], description: 'Matthews correlation coefficient between true and predicted labels: (TP·TN - FP·FN) / sqrt((TP+FP)(TP+FN)(TN+FP)(TN+FN)) (`matthews_corrcoef`).', higherIsBetter: true, needsScore: false, range: [-1, 1] },

  // Multiclass
  macro_precision: { tasks: [M], description: 'Unweighted mean of per-class precision (`precision_score(average="macro")`).', higherIsBetter: true, needsScore: false, range: [0, 1] },
  macro_recall: { tasks: [M], description: 'Unweighted mean of per-class recall (`recall_score(average="macro")`).', higherIsBetter: true, needsScore: false, range: [0, 1] },
  macro_f1: { tasks: [M], description: 'Unweighted mean of per-class F1 (`f1_score(average="macro")`).', higherIsBetter: true, needsScore: false, range: [0, 1] },
  weighted_precision: { tasks: [M], description: 'Mean of per-class precision weighted by each class\'s true count (`precision_score(average="weighted")`).', higherIsBetter: true, needsScore: false, range: [0, 1] },
  weighted_recall: { tasks: [M], description: 'Mean of per-class recall weighted by each class\'s true count (`recall_score(average="weighted")`).', higherIsBetter: true, needsScore: false, range: [0, 1] },
  weighted_f1: { tasks: [M], description: 'Mean of per-class F1 weighted by each class\'s true count (`f1_score(average="weighted")`).', higherIsBetter: true, needsScore: false, range: [0, 1] },
  micro_f1: { tasks: [M], description: 'F1 from the pooled counts of all classes; equals accuracy for single-label multiclass (`f1_score(average="micro")`).', higherIsBetter: true, needsScore: false, range: [0, 1] },

  // Regression
  mae: { tasks: [R], description: 'Mean absolute error: mean of |y - ŷ| (`mean_absolute_error`).', higherIsBetter: false, needsScore: false },
  mse: { tasks: [R], description: 'Mean squared error: mean of (y - ŷ)² (`mean_squared_error`).', higherIsBetter: false, needsScore: false },
  rmse: { tasks: [R], description: 'Root mean squared error: square root of the MSE, in the target\'s units (`root_mean_squared_error`).', higherIsBetter: false, needsScore: false },
  r2: { tasks: [R], description: 'Coefficient of determination: 1 - SS_res / SS_tot; 1 is perfect, 0 is no better than predicting the mean (`r2_score`).', higherIsBetter: true, needsScore: false },
  mape: { tasks: [R], description: 'Mean absolute percentage error as a fraction: mean of |y - ŷ| / max(|y|, eps), eps the float64 machine epsilon (`mean_absolute_percentage_error`).', higherIsBetter: false, needsScore: false },
  median_absolute_error: { tasks: [R], description: 'Median of |y - ŷ|, robust to outliers (`median_absolute_error`).', higherIsBetter: false, needsScore: false },
  max_error: { tasks: [R], description: 'Largest absolute error over all rows (`max_error`).', higherIsBetter: false, needsScore: false },
  explained_variance: { tasks: [R], description: 'Share of the target\'s variance explained: 1 - Var(y - ŷ) / Var(y) (`explained_variance_score`).', higherIsBetter: true, needsScore: false },
};

/** The metric names defined for a task, in catalog order. */
export function metricNamesFor(task: Task): string[] {
  return Object.keys(METRIC_CATALOG).filter((name) => METRIC_CATALOG[name].tasks.includes(task));
}
