/**
 * Order statistics: numpy's median and percentile (method 'linear', numpy's default), and an
 * in-place quickselect so a median of 1M values needs no full sort.
 */

/** Rearranges `a` so a[k] is the k-th smallest, smaller ones before it, larger after. Values finite. */
export function selectKth(a: Float64Array, k: number): number {
  let lo = 0;
  let hi = a.length - 1;
  while (hi > lo) {
    // median of three as pivot
    const mid = (lo + hi) >>> 1;
    if (a[mid] < a[lo]) swap(a, mid, lo);
    if (a[hi] < a[lo]) swap(a, hi, lo);
    if (a[hi] < a[mid]) swap(a, hi, mid);
    const pivot = a[mid];
    let i = lo;
    let j = hi;
    while (i <= j) {
      while (a[i] < pivot) i++;
      while (a[j] > pivot) j--;
      if (i <= j) {
        swap(a, i, j);
        i++;
        j--;
      }
    }
    if (k <= j) hi = j;
    else if (k >= i) lo = i;
    else break;
  }
  return a[k];
}

function swap(a: Float64Array, i: number, j: number): void {
  const t = a[i];
  a[i] = a[j];
  a[j] = t;
}

/** np.median: the middle value, or the mean of the two middle values. Reorders `a`. NaN when empty. */
export function medianInPlace(a: Float64Array): number {
  const n = a.length;
  if (n === 0) return Number.NaN;
  const k = n >> 1;
  const upper = selectKth(a, k);
  if (n % 2 === 1) return upper;
  let lower = a[0];
  for (let i = 1; i < k; i++) if (a[i] > lower) lower = a[i];
  return (lower + upper) / 2;
}

/**
 * np.percentile(sorted, q) with the default 'linear' method, on an ascending array, reproducing
 * numpy's arithmetic: virtual index q/100 * (n - 1), then numpy's _lerp (b - d*(1-t) when t >= 0.5).
 */
export function percentileSorted(sorted: ArrayLike<number>, q: number): number {
  const n = sorted.length;
  if (n === 0) return Number.NaN;
  const h = (q / 100) * (n - 1);
  const lo = Math.floor(h);
  const t = h - lo;
  const a = sorted[lo];
  const b = sorted[Math.min(lo + 1, n - 1)];
  const d = b - a;
  return t >= 0.5 ? b - d * (1 - t) : a + d * t;
}
