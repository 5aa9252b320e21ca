/**
 * Curves for the JSON result keep at most ~200 points: Largest-Triangle-Three-Buckets (Steinarsson,
 * 2013). The first and last points stay; the points between are split into equal index buckets and
 * from each the one making the largest triangle with the previously kept point and the next bucket's
 * centroid is kept, so corners and steps survive while dense straight stretches thin out. Every kept
 * point is an actual point of the curve (with its own threshold); metrics always use the full data.
 */

export const MAX_CURVE_POINTS = 200;

/** Indices (ascending) of the points to keep; all of them when n <= maxPoints. */
export function downsampleIndices(x: ArrayLike<number>, y: ArrayLike<number>, maxPoints = MAX_CURVE_POINTS): Int32Array {
  const n = x.length;
  if (n <= maxPoints || maxPoints < 3) {
    const all = new Int32Array(n <= maxPoints ? n : Math.min(n, 2));
    if (all.length === n) for (let i = 0; i < n; i++) all[i] = i;
    else all.set(n > 1 ? [0, n - 1] : [0]);
    return all;
  }
  const out = new Int32Array(maxPoints);
  const every = (n - 2) / (maxPoints - 2);
  let a = 0;
  out[0] = 0;
  for (let b = 0; b < maxPoints - 2; b++) {
    const start = Math.floor(b * every) + 1;
    const end = Math.floor((b + 1) * every) + 1;
    const nextStart = end;
    const nextEnd = Math.min(Math.floor((b + 2) * every) + 1, n);
    let cx = 0;
    let cy = 0;
    for (let j = nextStart; j < nextEnd; j++) {
      cx += x[j];
      cy += y[j];
    }
    const cnt = nextEnd - nextStart;
    cx /= cnt;
    cy /= cnt;
    let best = -1;
    let bestArea = -1;
    for (let j = start; j < end; j++) {
      const area = Math.abs((x[a] - cx) * (y[j] - y[a]) - (x[a] - x[j]) * (cy - y[a]));
      if (area > bestArea) {
        bestArea = area;
        best = j;
      }
    }
    out[b + 1] = best;
    a = best;
  }
  out[maxPoints - 1] = n - 1;
  return out;
}

export function pick(values: ArrayLike<number>, idx: Int32Array): number[] {
  const out = new Array<number>(idx.length);
  for (let i = 0; i < idx.length; i++) out[i] = values[idx[i]];
  return out;
}
