/**
 * Permutation importance (Breiman; scikit-learn's `permutation_importance`): how much the metric
 * drops when one feature's column is shuffled, breaking its link to the target. As in scikit-learn
 * every feature gets the same `repeats` shuffles (one seed for all features), importance is
 * baseline - shuffled for higher-is-better metrics (shuffled - baseline otherwise), and `std` has
 * ddof = 0. A feature the model ignores gets the same predictions, the same metric, and exactly 0.
 *
 * Batching: the repeats of one feature go through the model together, `floor(maxRowsPerCall / rows)`
 * copies of the data per call; a data set larger than one call is split by rows. The copies are made
 * once (in float32 for a model that takes float32 rows, PredictFn.float32); only the shuffled column
 * is rewritten between features, and the permutations, the same for every feature, are drawn once.
 */
import { PlumbError } from '../errors';
import { Random } from '../util/random';
import { callModel, checkFeatureNames, checkMatrix, rowBuffer, rowsPerCall, type ModelRows } from './batch';
import type { FeatureImportance, PermutationImportanceOptions, PermutationImportanceResult } from './types';

export async function permutationImportance<Y>(opts: PermutationImportanceOptions<Y>): Promise<PermutationImportanceResult> {
  const { X, rows, k, featureNames, predict, metric, higherIsBetter, signal } = opts;
  checkMatrix('X', X, rows, k);
  checkFeatureNames(featureNames, k);
  const repeats = opts.repeats ?? 5;
  if (!Number.isInteger(repeats) || repeats < 1) throw new PlumbError('explain.bad-option', `repeats must be a whole number >= 1 (got ${repeats}).`);
  if (rows < 2) throw new PlumbError('explain.too-few-rows', `permutation importance needs at least 2 rows (got ${rows}).`);
  const seed = opts.seed ?? 0;
  const maxRows = rowsPerCall(k, opts.maxRowsPerCall);
  const score = (pred: Float64Array): number => {
    const m = metric(pred, opts.y as Y);
    if (typeof m !== 'number' || Number.isNaN(m)) {
      throw new PlumbError('explain.metric-undefined', `the metric${opts.metricName ? ` ${opts.metricName}` : ''} is undefined on these predictions (NaN); permutation importance needs a defined metric.`);
    }
    return m;
  };
  let modelRows = 0;

  // Baseline: the data as it is, in row chunks.
  const basePred = new Float64Array(rows);
  for (let a = 0; a < rows; a += maxRows) {
    const b = Math.min(rows, a + maxRows);
    basePred.set(await callModel(predict, X.subarray(a * k, b * k), b - a, k, signal), a);
    modelRows += b - a;
  }
  const baseline = score(basePred);
  opts.onProgress?.(0, k);

  const copies = Math.max(1, Math.min(repeats, Math.floor(maxRows / rows)));
  const split = rows > maxRows; // one repeat needs several calls
  const buffer = rowBuffer(predict, (split ? maxRows : copies * rows) * k);
  if (!split) for (let c = 0; c < copies; c++) buffer.set(X, c * rows * k);
  const shuffles = shuffleSource(seed, rows, repeats);
  const shuffled = new Float64Array(rows);
  const importance: Record<string, FeatureImportance> = {};

  const column = new Float64Array(rows);
  for (let j = 0; j < k; j++) {
    shuffles.restart();
    for (let i = 0; i < rows; i++) column[i] = X[i * k + j]; // contiguous, so shuffled reads stay in cache
    const values: number[] = [];
    for (let r0 = 0; r0 < repeats; r0 += copies) {
      const n = Math.min(copies, repeats - r0);
      if (split) {
        const perm = shuffles.next();
        for (let i = 0; i < rows; i++) shuffled[i] = column[perm[i]];
        const pred = new Float64Array(rows);
        for (let a = 0; a < rows; a += maxRows) {
          const b = Math.min(rows, a + maxRows);
          buffer.set(X.subarray(a * k, b * k));
          writeColumn(buffer, j, k, shuffled.subarray(a, b), null);
          pred.set(await callModel(predict, buffer, b - a, k, signal), a);
          modelRows += b - a;
        }
        values.push(drop(baseline, score(pred), higherIsBetter));
        continue;
      }
      for (let c = 0; c < n; c++) writeColumn(buffer, c * rows * k + j, k, column, shuffles.next());
      const out = await callModel(predict, buffer, n * rows, k, signal);
      modelRows += n * rows;
      for (let c = 0; c < n; c++) values.push(drop(baseline, score(out.subarray(c * rows, (c + 1) * rows)), higherIsBetter));
    }
    if (!split) {
      // Put the column back in every copy before the next feature.
      for (let c = 0; c < copies; c++) writeColumn(buffer, c * rows * k + j, k, column, null);
    }
    importance[featureNames[j]] = summarize(values);
    opts.onProgress?.(j + 1, k);
  }
  return {
    metric: opts.metricName ?? 'metric',
    higher_is_better: higherIsBetter,
    baseline,
    repeats,
    importance,
    model_calls: modelRows,
  };
}

function drop(baseline: number, shuffled: number, higherIsBetter: boolean): number {
  return higherIsBetter ? baseline - shuffled : shuffled - baseline;
}

/** A uniformly random permutation of 0..n-1 (Fisher-Yates on the identity). */
function shuffleIndices(rng: Random, perm: Int32Array): Int32Array {
  for (let i = 0; i < perm.length; i++) perm[i] = i;
  rng.shuffle(perm);
  return perm;
}

/** Permutations kept for all features when they take at most this many indices (16 MB). */
const MAX_KEPT_INDICES = 1 << 22;

/**
 * The repeats' permutations, the same sequence for every feature (scikit-learn seeds each feature's
 * shuffles alike): drawn once and kept when they fit, else drawn again from the seed for each feature.
 * `restart` goes back to the first permutation; `next` returns the following one.
 */
export function shuffleSource(seed: number, rows: number, repeats: number, maxKept = MAX_KEPT_INDICES): { restart(): void; next(): Int32Array } {
  const kept = rows * repeats <= maxKept ? (() => { const rng = new Random(seed); return Array.from({ length: repeats }, () => shuffleIndices(rng, new Int32Array(rows))); })() : null;
  const perm = kept ? null : new Int32Array(rows);
  let rng = new Random(seed);
  let at = 0;
  return {
    restart() {
      at = 0;
      rng = new Random(seed);
    },
    next() {
      return kept ? kept[at++] : shuffleIndices(rng, perm!);
    },
  };
}

/** Sets one column of a row-major buffer (stride k, first value at `off`) to `values`, or to `values[perm[i]]`. */
function writeColumn(buffer: ModelRows, off: number, k: number, values: Float64Array, perm: Int32Array | null): void {
  const n = values.length;
  if (perm) for (let i = 0, p = off; i < n; i++, p += k) buffer[p] = values[perm[i]];
  else for (let i = 0, p = off; i < n; i++, p += k) buffer[p] = values[i];
}

/** Mean and population standard deviation (ddof = 0), as numpy's `mean` and `std`. */
export function summarize(values: number[]): FeatureImportance {
  const n = values.length;
  let sum = 0;
  for (const v of values) sum += v;
  const mean = sum / n;
  let ss = 0;
  for (const v of values) ss += (v - mean) * (v - mean);
  return { mean, std: Math.sqrt(ss / n), values };
}
