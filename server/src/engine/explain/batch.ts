/**
 * Calling the black-box model: how many rows go into one call, and checking what comes back, so a
 * wrong-length or non-finite answer becomes a PlumbError rather than a silently wrong explanation.
 */
import { PlumbError, throwIfCancelled, type CancelSignal } from '../errors';
import type { PredictFn } from './types';

const DEFAULT_MAX_ROWS = 1_000_000;
const DEFAULT_MAX_CELLS = 1 << 21;

/** Rows per predict call: the caller's choice, else 1M rows and at most 2^21 cells (16 MB of doubles): for a 20-feature Kernel SHAP of 8000 coalitions, 1M-row buffers took about twice the CPU time of 50k-100k-row ones. */
export function rowsPerCall(k: number, requested?: number): number {
  if (requested !== undefined) {
    if (!Number.isFinite(requested) || requested < 1) {
      throw new PlumbError('explain.bad-option', `maxRowsPerCall must be a positive number of rows (got ${requested}).`);
    }
    return Math.floor(requested);
  }
  return Math.max(1, Math.min(DEFAULT_MAX_ROWS, Math.floor(DEFAULT_MAX_CELLS / Math.max(1, k))));
}

/** Rows an explainer builds for the model: float64, or float32 for a model that takes them (PredictFn.float32). */
export type ModelRows = Float64Array | Float32Array;

/** A buffer of `length` values in the element type the model takes best. */
export function rowBuffer(predict: PredictFn, length: number): ModelRows {
  return predict.float32 ? new Float32Array(length) : new Float64Array(length);
}

/** Runs the model on `rows` rows of `X` and checks the answer. */
export async function callModel(predict: PredictFn, X: ModelRows, rows: number, k: number, signal: CancelSignal | undefined): Promise<Float64Array> {
  throwIfCancelled(signal);
  const input = X.length === rows * k ? X : X.subarray(0, rows * k);
  const out = input instanceof Float32Array ? await float32Of(predict)(input, rows, signal) : await predict(input, rows, signal);
  throwIfCancelled(signal);
  if (!out || out.length !== rows) {
    throw new PlumbError('explain.bad-prediction', `the model returned ${out ? out.length : 'no'} values for ${rows} rows; it must return one number per row.`);
  }
  for (let i = 0; i < rows; i++) {
    const v = out[i];
    if (v - v !== 0) {
      // NaN or +-Infinity
      throw new PlumbError(
        'explain.non-finite-prediction',
        `the model returned ${out[i]} for a row built by the explainer; explanations need a finite output for every row (check missing values in the data or the background).`,
      );
    }
  }
  return out;
}

function float32Of(predict: PredictFn): NonNullable<PredictFn['float32']> {
  if (!predict.float32) throw new PlumbError('explain.bad-prediction', 'float32 rows were built for a model without a float32 entry point.');
  return predict.float32;
}

export function checkMatrix(name: string, X: Float64Array, rows: number, k: number): void {
  if (!Number.isInteger(k) || k < 1) throw new PlumbError('explain.bad-option', `k must be a positive whole number of features (got ${k}).`);
  if (!Number.isInteger(rows) || rows < 0) throw new PlumbError('explain.bad-option', `${name}: rows must be a whole number (got ${rows}).`);
  if (X.length !== rows * k) {
    throw new PlumbError('explain.bad-shape', `${name} has ${X.length} values, but ${rows} rows x ${k} features need ${rows * k}.`);
  }
}

export function checkFeatureNames(names: string[], k: number): void {
  if (names.length !== k) {
    throw new PlumbError('explain.bad-shape', `featureNames has ${names.length} names for ${k} features.`);
  }
  const seen = new Set<string>();
  for (const n of names) {
    if (seen.has(n)) throw new PlumbError('explain.duplicate-feature', `the feature name \`${n}\` appears twice; explanations are keyed by name.`);
    seen.add(n);
  }
}
