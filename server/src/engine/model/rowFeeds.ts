/**
 * Input tensors from a row-major matrix (rows x k, the spec's feature order): the layout the
 * explainers build. A model with one float [N, k] input takes each batch of float32 rows as a view
 * of the caller's memory, and float64 rows by one typed-array copy into a buffer reused between
 * batches and calls (a double input likewise). Any other layout (one input per feature, integer,
 * bool or string inputs, categorical codes) goes through the column path (featureFeeds.ts), with
 * its checks and messages, so both paths give the model the same values.
 */
import type * as Ort from 'onnxruntime-node';
import { PlumbError } from '../errors';
import { buildFeeds, type FeatureColumn, type FeatureMatrix, type InputPlan } from './featureFeeds';
import type { OrtModule } from './onnxRuntime';

/** Row-major feature values. */
export interface RowMatrix {
  rows: number;
  /** rows x k values, row-major, features in the spec's order; a categorical feature holds codes into `categories[j]` (NaN: missing). */
  values: Float64Array | Float32Array;
  /** Per feature: the categories its codes index, or null for a numeric feature. Default: every feature numeric. */
  categories?: readonly (readonly string[] | null)[];
}

/** The row-major element type that reaches the model without conversion. */
export type RowType = 'float32' | 'float64';

export function nativeRowType(plan: InputPlan): RowType | null {
  if (plan.mode !== 'matrix') return null;
  return plan.input.elemType === 'float' ? 'float32' : plan.input.elemType === 'double' ? 'float64' : null;
}

export type Feeder = (start: number, end: number) => Record<string, Ort.Tensor>;

/** One spare conversion buffer per element type, lent to one call at a time (concurrent calls allocate their own). */
export class ScratchBuffers {
  private spare: { float32: Float32Array | null; float64: Float64Array | null } = { float32: null, float64: null };

  take<T extends RowType>(type: T, length: number): T extends 'float32' ? Float32Array : Float64Array {
    const s = this.spare[type];
    this.spare[type] = null;
    const buf = s && s.length >= length ? s : type === 'float32' ? new Float32Array(length) : new Float64Array(length);
    return buf as T extends 'float32' ? Float32Array : Float64Array;
  }

  give(buf: Float32Array | Float64Array): void {
    if (buf instanceof Float32Array) this.spare.float32 = buf;
    else this.spare.float64 = buf;
  }
}

export function checkRows(m: RowMatrix, features: string[], file: string): void {
  const k = features.length;
  if (!Number.isInteger(m.rows) || m.rows < 0 || m.values.length !== m.rows * k) {
    throw new PlumbError('model.matrix-shape', `the row-major matrix has ${m.values.length} values for ${m.rows} rows x ${k} features (${features.join(', ')}).`, { file });
  }
  if (m.categories && m.categories.length !== k) {
    throw new PlumbError('model.matrix-shape', `the row-major matrix names categories for ${m.categories.length} columns, not ${k} features.`, { file });
  }
}

/** Column view of a row-major matrix for the column path; codes are checked against their categories. */
export function rowsToColumns(m: RowMatrix, features: string[], file: string): FeatureMatrix {
  const k = features.length;
  const n = m.rows;
  const X = m.values;
  const cols: FeatureColumn[] = features.map((feature, j) => {
    const cats = m.categories?.[j];
    if (!cats) {
      const c = new Float64Array(n);
      for (let i = 0, p = j; i < n; i++, p += k) c[i] = X[p];
      return c;
    }
    const codes = new Int32Array(n);
    for (let i = 0, p = j; i < n; i++, p += k) {
      const v = X[p];
      if (v !== v) codes[i] = -1;
      else if (Number.isInteger(v) && v >= 0 && v < cats.length) codes[i] = v;
      else throw new PlumbError('model.bad-code', `feature \`${feature}\` has the code ${v} in row ${i + 1}, which is not one of its ${cats.length} categories.`, { file, column: feature });
    }
    return { codes, categories: cats as string[] };
  });
  return { rows: n, columns: cols };
}

/**
 * Feeds for batches of a row-major matrix (rows [start, end)), and `release` to call when the batches
 * are done. `batch` bounds the rows of one batch (the conversion buffer's size).
 */
export function rowFeeder(ort: OrtModule, plan: InputPlan, m: RowMatrix, features: string[], batch: number, scratch: ScratchBuffers, file: string): { feeds: Feeder; release: () => void } {
  const type = nativeRowType(plan);
  const numeric = !m.categories || m.categories.every((c) => !c);
  if (!type || !numeric || plan.mode !== 'matrix') {
    const matrix = rowsToColumns(m, features, file);
    return { feeds: (start, end) => buildFeeds(ort, plan, matrix, features, start, end, file), release: () => {} };
  }
  const k = plan.width;
  const name = plan.input.name;
  const values = m.values;
  const same = type === 'float32' ? values instanceof Float32Array : values instanceof Float64Array;
  const buf = same ? null : scratch.take(type, Math.min(batch, m.rows) * k);
  return {
    feeds(start, end) {
      const n = end - start;
      let data = values.subarray(start * k, end * k);
      if (buf) {
        const into = buf.subarray(0, n * k);
        into.set(data);
        data = into;
      }
      return { [name]: new ort.Tensor(type as 'float32', data as Float32Array, [n, k]) };
    },
    release: () => {
      if (buf) scratch.give(buf);
    },
  };
}
