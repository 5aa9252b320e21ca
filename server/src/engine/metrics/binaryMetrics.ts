/**
 * Binary classification metrics (1 = the positive label), as scikit-learn defines them. A ratio whose
 * denominator is zero is 0, as scikit-learn's default zero_division does, and says so in a note;
 * a metric that has no value for this input (roc_auc with one class, log_loss without scores) is NaN.
 */
import type { MetricStats } from './stats';

export type Note = (message: string) => void;
export type MetricFn = (s: MetricStats, note: Note) => number;

const NO_ROWS = 'no rows to evaluate';

function ratio(num: number, den: number, note: Note, why: string): number {
  if (den === 0) {
    note(`${why}, so it is set to 0 (zero division, as scikit-learn's default does)`);
    return 0;
  }
  return num / den;
}

function rows(s: MetricStats, note: Note): boolean {
  if (s.binary().n > 0) return true;
  undefinedBecause(note, NO_ROWS);
  return false;
}

const precision: MetricFn = (s, note) => {
  const { tp, fp } = s.binary();
  return ratio(tp, tp + fp, note, 'no row is predicted positive (TP + FP = 0)');
};

const recall: MetricFn = (s, note) => {
  const { tp, fn } = s.binary();
  return ratio(tp, tp + fn, note, 'no row is truly positive (TP + FN = 0)');
};

const specificity: MetricFn = (s, note) => {
  const { tn, fp } = s.binary();
  return ratio(tn, tn + fp, note, 'no row is truly negative (TN + FP = 0)');
};

export const BINARY_METRICS: Record<string, MetricFn> = {
  accuracy: (s, note) => (rows(s, note) ? (s.binary().tp + s.binary().tn) / s.binary().n : Number.NaN),

  balanced_accuracy: (s, note) => {
    if (!rows(s, note)) return Number.NaN;
    const { tp, fp, tn, fn } = s.binary();
    // Mean recall over the classes present in y (scikit-learn drops a class absent from y).
    const perClass: number[] = [];
    if (tn + fp > 0) perClass.push(tn / (tn + fp));
    if (tp + fn > 0) perClass.push(tp / (tp + fn));
    if (perClass.length === 1) note(`\`y\` has one class only, so this is that class's recall`);
    return perClass.length === 2 ? (perClass[0] + perClass[1]) / 2 : perClass[0];
  },

  precision: (s, note) => (rows(s, note) ? precision(s, note) : Number.NaN),
  recall: (s, note) => (rows(s, note) ? recall(s, note) : Number.NaN),
  true_positive_rate: (s, note) => (rows(s, note) ? recall(s, note) : Number.NaN),
  specificity: (s, note) => (rows(s, note) ? specificity(s, note) : Number.NaN),
  true_negative_rate: (s, note) => (rows(s, note) ? specificity(s, note) : Number.NaN),

  f1: (s, note) => {
    if (!rows(s, note)) return Number.NaN;
    const { tp, fp, fn } = s.binary();
    if (tp + fp + fn === 0) {
      note('no row is truly or predicted positive (TP + FP + FN = 0), so it is set to 0 (zero division, as scikit-learn\'s default does)');
      return 0;
    }
    const p = tp + fp === 0 ? 0 : tp / (tp + fp);
    const r = tp + fn === 0 ? 0 : tp / (tp + fn);
    const den = p + r;
    return den === 0 ? 0 : (2 * p * r) / den;
  },

  false_positive_rate: (s, note) => {
    if (!rows(s, note)) return Number.NaN;
    const { fp, tn } = s.binary();
    return ratio(fp, fp + tn, note, 'no row is truly negative (FP + TN = 0)');
  },

  false_negative_rate: (s, note) => {
    if (!rows(s, note)) return Number.NaN;
    const { fn, tp } = s.binary();
    return ratio(fn, fn + tp, note, 'no row is truly positive (FN + TP = 0)');
  },

  selection_rate: (s, note) => (rows(s, note) ? (s.binary().tp + s.binary().fp) / s.binary().n : Number.NaN),
  base_rate: (s, note) => (rows(s, note) ? (s.binary().tp + s.binary().fn) / s.binary().n : Number.NaN),

  mcc: (s, note) => {
    if (!rows(s, note)) return Number.NaN;
    // scikit-learn's matthews_corrcoef from the confusion matrix's row/column sums.
    const { tp, fp, tn, fn, n } = s.binary();
    const t0 = tn + fp;
    const t1 = fn + tp;
    const p0 = tn + fn;
    const p1 = fp + tp;
    const covYtYp = (tn + tp) * n - (t0 * p0 + t1 * p1);
    const covYpYp = n * n - (p0 * p0 + p1 * p1);
    const covYtYt = n * n - (t0 * t0 + t1 * t1);
    if (covYpYp * covYtYt === 0) {
      note('`y` or the predictions have one class only, so MCC is set to 0 (as scikit-learn does)');
      return 0;
    }
    return covYtYp / Math.sqrt(covYtYt * covYpYp);
  },

  roc_auc: (s, note) => {
    const issue = s.prep.scoreIssue();
    if (issue) return undefinedBecause(note, issue);
    const { p, n, auc } = s.rank();
    if (p === 0 || n === 0) return undefinedBecause(note, p + n === 0 ? NO_ROWS : `\`y\` has one class only (all ${p === 0 ? 'negative' : 'positive'})`);
    return auc;
  },

  average_precision: (s, note) => {
    const issue = s.prep.scoreIssue();
    if (issue) return undefinedBecause(note, issue);
    if (s.rows() === 0) return undefinedBecause(note, NO_ROWS);
    const { p, ap } = s.rank();
    if (p === 0) note('no row is truly positive, so recall is 1 at every threshold and average precision is 0 (as scikit-learn does)');
    return ap;
  },

  log_loss: (s, note) => {
    const issue = s.prep.probabilityIssue();
    if (issue) return undefinedBecause(note, issue);
    if (s.rows() === 0) return undefinedBecause(note, NO_ROWS);
    return s.logLoss();
  },

  brier_score: (s, note) => {
    const issue = s.prep.probabilityIssue();
    if (issue) return undefinedBecause(note, issue);
    if (s.rows() === 0) return undefinedBecause(note, NO_ROWS);
    return s.brier();
  },

  expected_calibration_error: (s, note) => {
    const issue = s.prep.probabilityIssue();
    if (issue) return undefinedBecause(note, issue);
    const total = s.rows();
    if (total === 0) return undefinedBecause(note, NO_ROWS);
    const { count, sumProb, sumTrue } = s.calibration();
    let ece = 0;
    for (let b = 0; b < count.length; b++) {
      if (count[b] === 0) continue;
      ece += (count[b] / total) * Math.abs(sumTrue[b] / count[b] - sumProb[b] / count[b]);
    }
    return ece;
  },
};

export function undefinedBecause(note: Note, why: string): number {
  note(`undefined: ${why}`);
  return Number.NaN;
}
