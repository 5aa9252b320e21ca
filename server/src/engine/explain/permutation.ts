/**
 * Permutation importance (Breiman; scikit-learn's `permutation_importance`): how much the metric
 * drops when one feature's column is shuffled, breaking its link to the target. As in scikit-learn
 * every feature gets the same `repeats` shuffles (one seed for all features), importance is
 * baseline - shuffled for higher-is-better metrics (shuffled - baseline otherwise), and `std` has
 * ddof = 0. A feature the model ignores gets the same predictions, the same metric, and exactly 0.
 *
 * Batching: the repeats of one feature go through the model together, `floor(maxRowsPerCall / rows)`
 * copies of the data per call; a data set larger than one call is split by rows. The copies are made
 * once; only the shuffled column is rewritten between features.
 */
import { PlumbError } from '../errors';
import { Random } from '../util/random';
import { callModel, checkFeatureNames, checkMatrix, rowsPerCall } from './batch';
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
  const buffer = new Float64Array((split ? maxRows : copies * rows) * k);
  if (!split) for (let c = 0; c < copies; c++) buffer.set(X, c * rows * k);
  const perm = new Int32Array(rows);
  const shuffled = new Float64Array(rows);
  const importance: Record<string, FeatureImportance> = {};

  const column = new Float64Array(rows);
  for (let j = 0; j < k; j++) {
    // The same sequence of shuffles for every feature, as scikit-learn does.
    const rng = new Random(seed);
    for (let i = 0; i < rows; i++) column[i] = X[i * k + j]; // contiguous, so shuffled reads stay in cache
    const values: number[] = [];
    for (let r0 = 0; r0 < repeats; r0 += copies) {
      const n = Math.min(copies, repeats - r0);
      if (split) {
        shuffleIndices(rng, perm);
        for (let i = 0; i < rows; i++) shuffled[i] = column[perm[i]];
        const pred = new Float64Array(rows);
        for (let a = 0; a < rows; a += maxRows) {
          const b = Math.min(rows, a + maxRows);
          buffer.set(X.subarray(a * k, b * k));
          for (let i = a; i < b; i++) buffer[(i - a) * k + j] = shuffled[i];
          pred.set(await callModel(predict, buffer, b - a, k, signal), a);
          modelRows += b - a;
        }
        values.push(drop(baseline, score(pred), higherIsBetter));
        continue;
      }
      for (let c = 0; c < n; c++) {
        shuffleIndices(rng, perm);
        const off = c * rows * k + j;
        for (let i = 0; i < rows; i++) buffer[off + i * k] = column[perm[i]];
      }
      const out = await callModel(predict, buffer, n * rows, k, signal);
      modelRows += n * rows;
      for (let c = 0; c < n; c++) values.push(drop(baseline, score(out.subarray(c * rows, (c + 1) * rows)), higherIsBetter));
    }
    if (!split) {
      // Put the column back in every copy before the next feature.
      for (let c = 0; c < copies; c++) {
        const off = c * rows * k + j;
        for (let i = 0; i < rows; i++) buffer[off + i * k] = column[i];
      }
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
function shuffleIndices(rng: Random, perm: Int32Array): void {
  for (let i = 0; i < perm.length; i++) perm[i] = i;
  rng.shuffle(perm);
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
