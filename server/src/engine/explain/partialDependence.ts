/**
 * Partial dependence and individual conditional expectation (ICE), scikit-learn's 'brute' method:
 * for each grid value g, set the feature to g in every row, predict, and average. The ICE curves are
 * the same predictions for a seeded sample of rows. All (grid point, row) pairs go through the model
 * in as few calls as `maxRowsPerCall` allows.
 */
import { PlumbError } from '../errors';
import { callModel, checkFeatureNames, checkMatrix, rowBuffer, rowsPerCall } from './batch';
import { sampleBackground } from './background';
import type { PartialDependenceOptions, PartialDependenceResult } from './types';

/** Most grid points of the default grid of a numeric feature. */
export const DEFAULT_GRID_POINTS = 20;

/**
 * The default grid of a numeric column: its distinct values when there are at most `points` of them,
 * else the quantiles at `points` evenly spaced levels from 5% to 95% (numpy's default, linear),
 * without repeats. Missing values (NaN) are left out.
 */
export function defaultGrid(values: ArrayLike<number>, points = DEFAULT_GRID_POINTS): number[] {
  const finite: number[] = [];
  for (let i = 0; i < values.length; i++) if (!Number.isNaN(values[i])) finite.push(values[i]);
  if (finite.length === 0) return [];
  const sorted = Float64Array.from(finite).sort();
  const distinct = uniqueSorted(Array.from(sorted));
  if (distinct.length <= points) return distinct;
  const grid: number[] = [];
  for (let i = 0; i < points; i++) grid.push(quantileSorted(sorted, 0.05 + (0.9 * i) / (points - 1)));
  return uniqueSorted(grid);
}

/** numpy.quantile(..., method='linear') on ascending values. */
export function quantileSorted(sorted: Float64Array, q: number): number {
  const pos = (sorted.length - 1) * q;
  const lo = Math.floor(pos);
  const hi = Math.min(sorted.length - 1, lo + 1);
  const frac = pos - lo;
  return frac === 0 ? sorted[lo] : sorted[lo] + (sorted[hi] - sorted[lo]) * frac;
}

function uniqueSorted(a: number[]): number[] {
  const out: number[] = [];
  for (const v of a) if (out.length === 0 || out[out.length - 1] !== v) out.push(v);
  return out;
}

export async function partialDependence(opts: PartialDependenceOptions): Promise<PartialDependenceResult> {
  const { X, rows, k, feature, featureNames, predict, signal } = opts;
  checkMatrix('X', X, rows, k);
  if (featureNames) checkFeatureNames(featureNames, k);
  if (!Number.isInteger(feature) || feature < 0 || feature >= k) {
    throw new PlumbError('explain.bad-option', `feature must be a column index from 0 to ${k - 1} (got ${feature}).`);
  }
  if (rows < 1) throw new PlumbError('explain.too-few-rows', 'partial dependence needs at least one data row.');
  const name = opts.featureName ?? featureNames?.[feature] ?? `x${feature}`;
  const categories = opts.featureCategories?.[feature] ?? null;
  let grid: number[];
  if (opts.grid) {
    grid = opts.grid.slice();
    const bad = grid.find((g) => !Number.isFinite(g));
    if (bad !== undefined) throw new PlumbError('explain.bad-grid', `the grid for \`${name}\` has ${bad}; every grid value must be a finite number.`);
    if (categories) {
      const code = grid.find((g) => !Number.isInteger(g) || g < 0 || g >= categories.length);
      if (code !== undefined) throw new PlumbError('explain.bad-grid', `\`${name}\` is categorical with ${categories.length} categories; grid value ${code} is not a category code (0 to ${categories.length - 1}).`);
    }
  } else if (categories) {
    grid = categories.map((_, i) => i);
  } else {
    const column = new Float64Array(rows);
    for (let i = 0; i < rows; i++) column[i] = X[i * k + feature];
    grid = defaultGrid(column);
    if (grid.length === 0) throw new PlumbError('explain.pdp-no-values', `\`${name}\` has no values (all missing), so there is no grid for its partial dependence.`);
  }
  if (grid.length === 0) throw new PlumbError('explain.bad-grid', `the grid for \`${name}\` is empty.`);

  const iceCount = opts.iceRows ?? 50;
  if (!Number.isInteger(iceCount) || iceCount < 0) throw new PlumbError('explain.bad-option', `iceRows must be a whole number >= 0 (got ${iceCount}).`);
  const iceRows = iceCount === 0 ? [] : sampleBackground(rows, iceCount, opts.seed ?? 0);
  const ice: number[][] = iceRows.map(() => new Array<number>(grid.length));
  const average = new Array<number>(grid.length);

  // Work through (grid point, row range) blocks, as many per call as fit.
  const maxRows = rowsPerCall(k, opts.maxRowsPerCall);
  const rowsPerBlock = Math.min(rows, maxRows);
  const blocksPerCall = Math.max(1, Math.floor(maxRows / rowsPerBlock));
  const buffer = rowBuffer(predict, blocksPerCall * rowsPerBlock * k);
  const blocks: { g: number; a: number; b: number }[] = [];
  for (let g = 0; g < grid.length; g++) for (let a = 0; a < rows; a += rowsPerBlock) blocks.push({ g, a, b: Math.min(rows, a + rowsPerBlock) });
  const sums = new Float64Array(grid.length);
  let modelRows = 0;
  for (let i0 = 0; i0 < blocks.length; i0 += blocksPerCall) {
    const batch = blocks.slice(i0, i0 + blocksPerCall);
    let off = 0;
    for (const { g, a, b } of batch) {
      buffer.set(X.subarray(a * k, b * k), off * k);
      const v = grid[g];
      for (let r = off * k + feature, e = (off + b - a) * k; r < e; r += k) buffer[r] = v;
      off += b - a;
    }
    const out = await callModel(predict, buffer, off, k, signal);
    modelRows += off;
    off = 0;
    for (const { g, a, b } of batch) {
      let s = 0;
      for (let r = 0; r < b - a; r++) s += out[off + r];
      sums[g] += s;
      iceRows.forEach((row, i) => {
        if (row >= a && row < b) ice[i][g] = out[off + row - a];
      });
      off += b - a;
    }
  }
  for (let g = 0; g < grid.length; g++) average[g] = sums[g] / rows;
  const result: PartialDependenceResult = { feature: name, grid, average, ice, ice_rows: iceRows, model_calls: modelRows };
  if (categories) result.categories = grid.map((g) => categories[g]);
  return result;
}
