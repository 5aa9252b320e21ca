/**
 * One merge of two sorted samples that yields everything the numeric tests need from the pooled
 * order: the KS statistic (as scipy computes it), the Wasserstein-1 distance, and the distinct-value
 * counts per side and together. At a million values per side, one pass instead of four saves about
 * a tenth of a column's time.
 */
export interface MergeStats {
  /** max |i/n1 - j/n2| at each distinct pooled value (scipy's ks_2samp statistic before rounding). */
  ks: number;
  /** scipy.stats.wasserstein_distance. */
  wasserstein: number;
  distinctA: number;
  distinctB: number;
  distinctUnion: number;
}

export function mergeStats(a: Float64Array, b: Float64Array): MergeStats {
  const n1 = a.length;
  const n2 = b.length;
  let i = 0;
  let j = 0;
  let maxS = -Infinity;
  let minS = Infinity;
  let sum = 0;
  let comp = 0;
  let prev = 0;
  let prevDiff = 0;
  let distinctA = 0;
  let distinctB = 0;
  let distinctUnion = 0;
  while (i < n1 || j < n2) {
    const v = i < n1 && (j >= n2 || a[i] <= b[j]) ? a[i] : b[j];
    if (distinctUnion > 0) {
      // Kahan summation of |F1 - F2| * gap.
      const term = prevDiff * (v - prev) - comp;
      const t = sum + term;
      comp = t - sum - term;
      sum = t;
    }
    const i0 = i;
    const j0 = j;
    while (i < n1 && a[i] === v) i++;
    while (j < n2 && b[j] === v) j++;
    if (i > i0) distinctA++;
    if (j > j0) distinctB++;
    distinctUnion++;
    const diff = i / n1 - j / n2;
    if (diff > maxS) maxS = diff;
    if (diff < minS) minS = diff;
    prevDiff = diff < 0 ? -diff : diff;
    prev = v;
  }
  const negMin = Math.min(Math.max(-minS, 0), 1);
  return { ks: negMin > maxS ? negMin : maxS, wasserstein: sum, distinctA, distinctB, distinctUnion };
}
