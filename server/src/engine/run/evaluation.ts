/** The evaluation section: metrics with bootstrap intervals, curves, confusion matrix, slices. */
import type { Table } from '../data/table';
import { findColumn } from '../data/table';
import type { Spec } from '../spec/spec';
import type { CancelSignal } from '../errors';
import type { MetricInput } from '../metrics/types';
import {
  bootstrapIntervals,
  calibrationCurve,
  computeMetrics,
  confusionMatrix,
  metricsBySlice,
  precisionRecallCurve,
  residualSummary,
  rocCurve,
  thresholdSweep,
} from '../metrics';
import { evaluateGates, type GateResult } from './gates';

export interface EvaluationResult {
  rows: number;
  task: string;
  threshold?: number;
  metrics: Record<string, number | null>;
  intervals: Record<string, { low: number; high: number } | null>;
  labels: (string | number)[];
  confusion_matrix?: number[][];
  curves?: Record<string, unknown>;
  threshold_sweep?: unknown;
  residuals?: unknown;
  slices?: { column: string; slices: unknown[] }[];
  notes: string[];
}

export function runEvaluation(spec: Spec, table: Table, input: MetricInput, labels: (string | number)[], signal?: CancelSignal): { result: EvaluationResult; gates: GateResult[] } {
  const ev = spec.evaluation!;
  const { values, notes } = computeMetrics(ev.metrics, input);
  const intervals = ev.bootstrap > 0 ? bootstrapIntervals(ev.metrics, input, { n: ev.bootstrap, seed: ev.seed, signal }) : {};
  const result: EvaluationResult = { rows: table.rowCount, task: spec.model?.task ?? 'binary-classification', metrics: values, intervals, labels, notes };
  if (input.kind !== 'regression') result.confusion_matrix = confusionMatrix(input);
  if (input.kind === 'binary') {
    result.threshold = spec.model?.threshold ?? 0.5;
    if (input.score) {
      result.curves = { roc: rocCurve(input), precision_recall: precisionRecallCurve(input), calibration: calibrationCurve(input) };
      result.threshold_sweep = thresholdSweep(input);
    }
  }
  if (input.kind === 'regression') result.residuals = residualSummary(input);
  const slices: { column: string; slices: unknown[] }[] = [];
  for (const name of ev.slices) {
    const c = findColumn(table, name);
    if (!c) continue;
    if (c.type === 'categorical') slices.push({ column: name, slices: metricsBySlice(ev.metrics, input, c.codes, c.categories) });
    else {
      const cats: string[] = [];
      const index = new Map<number, number>();
      const codes = new Int32Array(c.values.length);
      for (let i = 0; i < codes.length; i++) {
        const v = c.values[i];
        if (Number.isNaN(v)) {
          codes[i] = -1;
          continue;
        }
        let k = index.get(v);
        if (k === undefined) {
          if (index.size >= 50) {
            notes.push(`slice column \`${name}\` has more than 50 distinct values; bin it first to slice by it.`);
            break;
          }
          k = index.size;
          index.set(v, k);
          cats.push(String(v));
        }
        codes[i] = k;
      }
      if (index.size < 50) slices.push({ column: name, slices: metricsBySlice(ev.metrics, input, codes, cats) });
    }
  }
  if (slices.length) result.slices = slices;
  return { result, gates: evaluateGates('evaluation', ev.gates, values) };
}
