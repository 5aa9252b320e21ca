/**
 * What every metric takes: the true values and the model's predictions for one task, as columns.
 * Binary: `y` and `pred` are 0/1 (1 = the spec's positive_label); `score` is the positive class's
 * probability or score, or null when only labels are known (then roc_auc and friends are undefined).
 * Multiclass: class indices 0..classes-1 into the result's `labels`; `proba` is row-major N x classes.
 * Regression: numbers.
 */
export type Task = 'binary-classification' | 'multiclass-classification' | 'regression';

export interface BinaryInput {
  kind: 'binary';
  y: Uint8Array;
  pred: Uint8Array;
  score: Float64Array | null;
}

export interface MulticlassInput {
  kind: 'multiclass';
  classes: number;
  y: Int32Array;
  pred: Int32Array;
  proba: Float64Array | null;
}

export interface RegressionInput {
  kind: 'regression';
  y: Float64Array;
  pred: Float64Array;
}

export type MetricInput = BinaryInput | MulticlassInput | RegressionInput;
