/** Seeded row samples: the SHAP background and the rows whose ICE curves are drawn. */
import { PlumbError } from '../errors';
import { Random } from '../util/random';

/** `size` distinct row indices (all rows when rows <= size), seeded, ascending. */
export function sampleBackground(rows: number, size = 100, seed = 0): number[] {
  if (!Number.isInteger(rows) || rows < 1) throw new PlumbError('explain.too-few-rows', `a background needs at least one data row (got ${rows}).`);
  if (!Number.isInteger(size) || size < 1) throw new PlumbError('explain.bad-option', `the background size must be a whole number >= 1 (got ${size}).`);
  if (rows <= size) return Array.from({ length: rows }, (_, i) => i);
  // Floyd's algorithm: `size` distinct indices without a rows-long array.
  const rng = new Random(seed);
  const chosen = new Set<number>();
  for (let j = rows - size; j < rows; j++) {
    const t = rng.int(j + 1);
    chosen.add(chosen.has(t) ? j : t);
  }
  return [...chosen].sort((a, b) => a - b);
}

/** Copies the rows `indices` of X (rows x k) into a new background matrix. */
export function takeRows(X: Float64Array, k: number, indices: readonly number[]): Float64Array {
  const out = new Float64Array(indices.length * k);
  indices.forEach((r, i) => out.set(X.subarray(r * k, (r + 1) * k), i * k));
  return out;
}
