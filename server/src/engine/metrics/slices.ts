/**
 * Row subsets of a MetricInput (fairness groups, evaluation slices) and metrics per slice.
 */
import { PlumbError } from '../errors';
import { computeMetrics } from './compute';
import { prepare } from './prepared';
import type { MetricInput } from './types';

/** The rows at `indices` (in that order, repeats allowed) as a new input. */
export function subsetInput(input: MetricInput, indices: Int32Array): MetricInput {
  const n = input.y.length;
  const m = indices.length;
  for (let j = 0; j < m; j++) {
    const i = indices[j];
    if (i < 0 || i >= n) throw new PlumbError('metrics.bad-input', `subsetInput: row index ${i} is outside 0..${n - 1}. This is a bug in how the subset was built; please report it.`);
  }
  switch (input.kind) {
    case 'binary': {
      const y = new Uint8Array(m);
      const pred = new Uint8Array(m);
      const score = input.score ? new Float64Array(m) : null;
      for (let j = 0; j < m; j++) {
        const i = indices[j];
        y[j] = input.y[i];
        pred[j] = input.pred[i];
        if (score) score[j] = input.score![i];
      }
      return { kind: 'binary', y, pred, score };
    }
    case 'multiclass': {
      const k = input.classes;
      const y = new Int32Array(m);
      const pred = new Int32Array(m);
      const proba = input.proba ? new Float64Array(m * k) : null;
      for (let j = 0; j < m; j++) {
        const i = indices[j];
        y[j] = input.y[i];
        pred[j] = input.pred[i];
        if (proba) for (let c = 0; c < k; c++) proba[j * k + c] = input.proba![i * k + c];
      }
      return { kind: 'multiclass', classes: k, y, pred, proba };
    }
    case 'regression': {
      const y = new Float64Array(m);
      const pred = new Float64Array(m);
      for (let j = 0; j < m; j++) {
        y[j] = input.y[indices[j]];
        pred[j] = input.pred[indices[j]];
      }
      return { kind: 'regression', y, pred };
    }
  }
}

export interface SliceMetrics {
  slice: string;
  rows: number;
  /** null where undefined for the slice's rows (see notes). */
  metrics: Record<string, number | null>;
  notes: string[];
}

/**
 * Metrics for each slice: rows whose code is s belong to sliceNames[s]. Rows with a code outside
 * 0..sliceNames.length-1 (e.g. -1 for a missing slice value) are in no slice. Every named slice is
 * reported, an empty one with rows 0 and null metrics.
 */
export function metricsBySlice(names: readonly string[], input: MetricInput, sliceCodes: Int32Array, sliceNames: string[]): SliceMetrics[] {
  prepare(input);
  const n = input.y.length;
  if (sliceCodes.length !== n) {
    throw new PlumbError('metrics.bad-input', `metricsBySlice: ${sliceCodes.length} slice codes for ${n} rows. This is a bug in how the slices were built; please report it.`);
  }
  const s = sliceNames.length;
  const offsets = new Int32Array(s + 1);
  for (let i = 0; i < n; i++) {
    const c = sliceCodes[i];
    if (c >= 0 && c < s) offsets[c + 1]++;
  }
  for (let c = 0; c < s; c++) offsets[c + 1] += offsets[c];
  const order = new Int32Array(offsets[s]);
  const fill = offsets.slice(0, s);
  for (let i = 0; i < n; i++) {
    const c = sliceCodes[i];
    if (c >= 0 && c < s) order[fill[c]++] = i;
  }
  return sliceNames.map((slice, c) => {
    const sub = subsetInput(input, order.subarray(offsets[c], offsets[c + 1]));
    const { values, notes } = computeMetrics(names, sub);
    return { slice, rows: offsets[c + 1] - offsets[c], metrics: values, notes };
  });
}
