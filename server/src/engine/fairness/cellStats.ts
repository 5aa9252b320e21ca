/**
 * Classification rates from per-group counts. One pass over the rows fills a groups x K table of
 * counts (binary: TN, FP, FN, TP; multiclass: wrong, right; labels only: negative, positive); every
 * rate is a ratio of those counts, so the bootstrap can resample the table instead of the rows.
 */
import type { Random } from '../util/random';
import { multinomial } from './sampling';
import type { Family, MetricValues } from './family';

export interface CellModel {
  k: number;
  names: string[];
  /** The rates of one group (or of all rows) from its K counts at `c[o..o+k)`. */
  rates(c: ArrayLike<number>, o: number): (number | null)[];
  /** Why `name` has no value, for notes. */
  why: Record<string, string>;
}

const NO_POSITIVES = 'no rows with a positive label';
const NO_NEGATIVES = 'no rows with a negative label';

export const BINARY: CellModel = {
  k: 4,
  names: ['base_rate', 'selection_rate', 'true_positive_rate', 'false_positive_rate', 'false_negative_rate', 'true_negative_rate', 'precision', 'accuracy'],
  rates(c, o) {
    const tn = c[o], fp = c[o + 1], fn = c[o + 2], tp = c[o + 3];
    const n = tn + fp + fn + tp;
    const pos = tp + fn;
    const neg = tn + fp;
    const sel = tp + fp;
    return [
      n ? pos / n : null,
      n ? sel / n : null,
      pos ? tp / pos : null,
      neg ? fp / neg : null,
      pos ? fn / pos : null,
      neg ? tn / neg : null,
      sel ? tp / sel : null,
      n ? (tp + tn) / n : null,
    ];
  },
  why: {
    true_positive_rate: NO_POSITIVES,
    false_negative_rate: NO_POSITIVES,
    false_positive_rate: NO_NEGATIVES,
    true_negative_rate: NO_NEGATIVES,
    precision: 'no rows predicted positive',
  },
};

export const MULTICLASS: CellModel = {
  k: 2,
  names: ['accuracy'],
  rates(c, o) {
    const n = c[o] + c[o + 1];
    return [n ? c[o + 1] / n : null];
  },
  why: {},
};

const LABELS: CellModel = {
  k: 2,
  names: ['base_rate'],
  rates(c, o) {
    const n = c[o] + c[o + 1];
    return [n ? c[o + 1] / n : null];
  },
  why: {},
};

/** Binary labels and predictions (0/1). */
export function binaryFamily(ids: Int32Array, groups: number, y: Uint8Array, pred: Uint8Array): Family {
  const cells = new Float64Array(groups * 4);
  for (let i = 0; i < ids.length; i++) cells[ids[i] * 4 + y[i] * 2 + pred[i]]++;
  return cellFamily(BINARY, cells, groups);
}

/** Multiclass: per-group accuracy (the binary rates need a positive class). */
export function multiclassFamily(ids: Int32Array, groups: number, y: Int32Array, pred: Int32Array): Family {
  const cells = new Float64Array(groups * 2);
  for (let i = 0; i < ids.length; i++) cells[ids[i] * 2 + (y[i] === pred[i] ? 1 : 0)]++;
  return cellFamily(MULTICLASS, cells, groups);
}

/** Labels only (no model): the per-group base rate. */
export function labelFamily(ids: Int32Array, groups: number, y: Uint8Array): Family {
  const cells = new Float64Array(groups * 2);
  for (let i = 0; i < ids.length; i++) cells[ids[i] * 2 + y[i]]++;
  return cellFamily(LABELS, cells, groups);
}

/** Every rate of every group (and over all rows) from a groups x K table of counts. */
export function cellRates(model: CellModel, c: ArrayLike<number>, groups: number): MetricValues {
  const k = model.k;
  const perGroup: (number | null)[][] = [];
  for (let g = 0; g < groups; g++) perGroup.push(model.rates(c, g * k));
  const total = new Float64Array(k);
  for (let g = 0; g < groups; g++) for (let j = 0; j < k; j++) total[j] += c[g * k + j];
  const overall = model.rates(total, 0);
  const out: MetricValues = {};
  model.names.forEach((name, m) => {
    out[name] = { groups: perGroup.map((r) => r[m]), overall: overall[m] };
  });
  return out;
}

function cellFamily(model: CellModel, cells: Float64Array, groups: number): Family {
  const k = model.k;
  const evaluate = (c: ArrayLike<number>): MetricValues => cellRates(model, c, groups);
  const sample = new Float64Array(groups * k);
  return {
    names: model.names,
    point: evaluate(cells),
    why: (name) => model.why[name] ?? 'no rows to compute it on',
    resample(rng: Random, groupCounts: Int32Array) {
      // Given a group's resampled size, its K cells are Multinomial(size, cells / count).
      for (let g = 0; g < groups; g++) multinomial(rng, groupCounts[g], cells, sample, g * k, k, g * k);
      return evaluate(sample);
    },
  };
}
