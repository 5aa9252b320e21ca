/** A small hand-made RunResult with every section, for report tests (no model, no files). */
import type { RunResult } from '../run/runChecks';
import type { FairnessResult } from '../fairness/types';

export function sampleResult(overrides: Partial<RunResult> = {}): RunResult {
  const fairness: FairnessResult = {
    sensitive: ['sex'],
    task: 'binary-classification',
    relative_to: 'groups',
    min_group_size: 30,
    rows: 100,
    group_metrics: ['selection_rate', 'base_rate', 'accuracy'],
    groups: [
      { group: { sex: 'F' }, label: 'sex=F', count: 60, share: 0.6, small: false, selection_rate: 0.25, base_rate: 0.3, accuracy: 0.8 },
      { group: { sex: 'M<&>' }, label: 'sex=M<&>', count: 40, share: 0.4, small: false, selection_rate: 0.5, base_rate: 0.45, accuracy: 0.75 },
    ],
    overall: { selection_rate: 0.35, base_rate: 0.36, accuracy: 0.78 },
    metrics: { demographic_parity_ratio: 0.5, demographic_parity_difference: 0.25, equalized_odds_difference: 0.12, selection_rate_ratio: 0.5, selection_rate_difference: 0.25 },
    intervals: { demographic_parity_ratio: { low: 0.31, high: 0.72 } },
    bootstrap: { resamples: 200, seed: 0, level: 0.95, method: 'percentile' },
    four_fifths: { passed: false, ratio: 0.5, threshold: 0.8, failing_groups: [{ group: { sex: 'F' }, label: 'sex=F', selection_rate: 0.25, impact_ratio: 0.5 }] },
    warnings: [],
    notes: [],
  };
  return {
    spec: '/ws/credit.plumb.yaml',
    name: 'credit <risk> & "co"',
    sections: ['evaluation', 'fairness', 'drift', 'monitoring', 'explain'],
    evaluation: {
      rows: 100,
      task: 'binary-classification',
      threshold: 0.5,
      metrics: { accuracy: 0.78, roc_auc: 0.81234567, log_loss: 0.45, f1: null },
      intervals: { accuracy: { low: 0.7, high: 0.86 }, roc_auc: { low: 0.74, high: 0.88 }, log_loss: { low: 0.4, high: 0.5 }, f1: null },
      labels: [0, 1],
      confusion_matrix: [[50, 14], [8, 28]],
      curves: { roc: { fpr: [0, 0.1, 0.3, 1], tpr: [0, 0.5, 0.8, 1], auc: 0.81234567 }, precision_recall: { precision: [0.36, 0.6, 1], recall: [1, 0.7, 0] }, calibration: { probPred: [0.1, 0.5, 0.9], probTrue: [0.12, 0.45, 0.85] } },
      notes: ['`f1`: undefined for this data'],
    },
    fairness,
    drift: {
      features: {
        age: { column: 'age', method: 'ks', statistic: 0.2, p_value: 0.001, score: 0.001, threshold: 0.05, rule: 'p_value < 0.05', drifted: true },
        income: { column: 'income', method: 'wasserstein', statistic: 0.02, p_value: null, score: 0.02, threshold: 0.1, rule: 'distance >= 0.1', drifted: false },
      },
      drift_share: 0.5,
      share_threshold: 0.5,
      dataset_drift: true,
      number_of_columns: 2,
      reference: { file: '/ws/ref.csv', rows: 1000 },
      current: { file: '/ws/cur.csv', rows: 500 },
    },
    monitoring: {
      windows: [
        { label: '2026-01-05', start: '2026-01-05T00:00:00.000Z', rows: 250, drift_share: 0, metrics: { accuracy: 0.8 }, failed_gates: [] },
        { label: '2026-01-19', start: '2026-01-19T00:00:00.000Z', rows: 250, drift_share: 0.5, dataset_drift: true, drifted_columns: ['age'], metrics: { accuracy: 0.7 }, failed_gates: ['accuracy'] },
      ],
      first_alert: { index: 1, start: '2026-01-19T00:00:00.000Z', reasons: ['age drifted'] },
      recommendation: 'Retrain: the data drifted from window 2.',
    },
    explain: { metric: 'roc_auc', rows: 100, baseline: 0.81, summary: 'Age matters most.', importance: { age: { mean: 0.1, std: 0.01 }, income: { mean: 0.02, std: 0.005 } }, partial_dependence: [{ feature: 'age', grid: [20, 40, 60], average: [0.2, 0.3, 0.5] }] },
    gates: [
      { section: 'evaluation', metric: 'roc_auc', condition: '>= 0.85', value: 0.81234567, passed: false },
      { section: 'evaluation', metric: 'accuracy', condition: '>= 0.7', value: 0.78, passed: true },
      { section: 'fairness', metric: 'demographic_parity_ratio', condition: '>= 0.8', value: 0.5, passed: false },
      { section: 'evaluation', metric: 'f1', condition: '>= 0.5', value: null, passed: false, note: '`f1` is undefined for this data, so the gate cannot pass' },
    ],
    passed: false,
    seconds: 1.25,
    ...overrides,
  };
}
