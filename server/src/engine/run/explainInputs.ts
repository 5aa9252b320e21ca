/**
 * Adapts tables and the ONNX predictor to the explainers' view: a row-major numeric matrix (codes
 * for categorical features, in one category space shared by the eval and background data) and a
 * batched predict function.
 */
import type { Column, Table } from '../data/table';
import type { Predictor } from '../model';
import type { CancelSignal } from '../errors';
import type { PredictFn } from '../explain';
import { requireColumn } from './targets';

export interface FeatureSpace {
  names: string[];
  /** Per feature: its categories (categorical) or null (numeric). */
  categories: (string[] | null)[];
}

export function featureSpace(table: Table, features: string[]): FeatureSpace {
  return { names: features, categories: features.map((f, j) => { const c = requireColumn(table, f, `model.features[${j}]`); return c.type === 'categorical' ? [...c.categories] : null; }) };
}

function codeOf(space: FeatureSpace, j: number, c: Column, row: number): number {
  if (c.type !== 'categorical') return c.values[row];
  const code = c.codes[row];
  if (code < 0) return NaN;
  const cats = space.categories[j]!;
  const text = c.categories[code];
  let k = cats.indexOf(text);
  if (k < 0) {
    cats.push(text);
    k = cats.length - 1;
  }
  return k;
}

/** Rows of a table as a row-major matrix in the feature space (all rows, or the given ones). */
export function toRowMajor(table: Table, space: FeatureSpace, rows?: ArrayLike<number>): Float64Array {
  const k = space.names.length;
  const n = rows ? rows.length : table.rowCount;
  const X = new Float64Array(n * k);
  space.names.forEach((name, j) => {
    const c = requireColumn(table, name, `model.features[${j}]`);
    for (let i = 0; i < n; i++) X[i * k + j] = codeOf(space, j, c, rows ? rows[i] : i);
  });
  return X;
}

/** One number per row: P(positive) for binary, a class's probability for multiclass, the value for regression. */
export function scalarPredict(predictor: Predictor, space: FeatureSpace, positive: number | string | undefined): PredictFn {
  const run = (X: Float64Array | Float32Array, rows: number, signal?: CancelSignal) => predictor.predictRowsScalar({ rows, values: X, categories: space.categories }, { signal, classLabel: positive });
  const predict: PredictFn = run;
  // A model with one float input takes float32 rows as they are: the explainers then build float32 rows.
  if (predictor.rowType === 'float32' && space.categories.every((c) => !c)) predict.float32 = run;
  return predict;
}

/** The predicted class index per row, for multiclass accuracy-style importance. */
export function classIndexPredict(predictor: Predictor, space: FeatureSpace, labels: (string | number)[]): PredictFn {
  return async (X, rows, signal?: CancelSignal) => {
    const p = await predictor.predictRows({ rows, values: X, categories: space.categories }, { signal });
    const out = new Float64Array(rows);
    if (p.kind === 'proba') {
      const C = p.classes.length;
      for (let i = 0; i < rows; i++) {
        let best = 0;
        for (let c = 1; c < C; c++) if (p.proba[i * C + c] > p.proba[i * C + best]) best = c;
        out[i] = labels.findIndex((l) => String(l) === String(p.classes[best]));
      }
    } else if (p.kind === 'label') {
      for (let i = 0; i < rows; i++) out[i] = labels.findIndex((l) => String(l) === String(p.labels[i]));
    }
    return out;
  };
}
