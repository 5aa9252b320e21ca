/**
 * What a model spec computes, by gateable name: its evaluation metrics, fairness disparities, drift
 * and monitoring values and compare deltas. A pipeline's deploy gates may use any of these from the
 * specs its stages reference.
 */
import { compareGateNames, DRIFT_METRICS, fairnessGateNames } from '../spec/checkNames';
import type { Spec } from '../spec/spec';

export function computedMetrics(spec: Spec): string[] {
  const task = spec.model?.task;
  const out = new Set<string>();
  if (spec.evaluation) for (const m of spec.evaluation.metrics) out.add(m);
  if (spec.fairness) {
    const listed = [...spec.fairness.metrics, ...(spec.evaluation?.metricsListed ? spec.evaluation.metrics : [])];
    for (const m of fairnessGateNames(task, listed)) out.add(m);
  }
  if (spec.drift) for (const m of Object.keys(DRIFT_METRICS)) out.add(m);
  if (spec.monitoring) for (const m of ['drift_share', 'drifted_columns', 'prediction_drift', ...Object.keys(spec.monitoring.gates)]) out.add(m);
  if (spec.compare) for (const m of compareGateNames(task)) out.add(m);
  return [...out];
}
