/**
 * Shared bins for the binned distances (PSI, Jensen-Shannon), as Evidently's get_binned_data:
 * a numeric column whose reference has more than 20 distinct values gets numpy's Sturges bins
 * over both samples together (np.histogram_bin_edges(concat, 'sturges')); any other column is
 * binned per distinct value (per category) over the values either side has.
 */

export type Binning =
  | { kind: 'sturges'; edges: number[] }
  | { kind: 'values'; values: (number | string)[] };

export interface Binned {
  binning: Binning;
  /** Count per bin. */
  reference: number[];
  current: number[];
}

/** First index with a[i] >= v (side='left') or a[i] > v (side='right'), as numpy's searchsorted. */
export function searchSorted(a: Float64Array, v: number, side: 'left' | 'right'): number {
  let lo = 0;
  let hi = a.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (side === 'left' ? a[mid] < v : a[mid] <= v) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** np.linspace(first, last, bins + 1). */
export function linspace(first: number, last: number, bins: number): number[] {
  const step = (last - first) / bins;
  const edges: number[] = [];
  for (let i = 0; i <= bins; i++) edges.push(step === 0 ? (i / bins) * (last - first) + first : i * step + first);
  edges[bins] = last;
  return edges;
}

/** np.histogram_bin_edges(concat(a, b), 'sturges') for sorted, non-empty, finite a and b. */
export function sturgesEdges(a: Float64Array, b: Float64Array): number[] {
  const n = a.length + b.length;
  const min = Math.min(a.length ? a[0] : Infinity, b.length ? b[0] : Infinity);
  const max = Math.max(a.length ? a[a.length - 1] : -Infinity, b.length ? b[b.length - 1] : -Infinity);
  let first = min;
  let last = max;
  if (first === last) {
    first -= 0.5;
    last += 0.5;
  }
  const width = (max - min) / (Math.log2(n) + 1);
  const bins = width ? Math.ceil((last - first) / width) : 1;
  return linspace(first, last, bins);
}

/** np.histogram(x, edges)[0] for sorted x: [e_k, e_k+1) per bin, the last bin closed. */
export function histogramCounts(sorted: Float64Array, edges: number[]): number[] {
  const k = edges.length - 1;
  const cum: number[] = [];
  for (let i = 0; i < k; i++) cum.push(searchSorted(sorted, edges[i], 'left'));
  cum.push(searchSorted(sorted, edges[k], 'right'));
  const counts: number[] = [];
  for (let i = 0; i < k; i++) counts.push(cum[i + 1] - cum[i]);
  return counts;
}

/** Bins per distinct value of two sorted numeric samples. */
export function valueBins(values: (number | string)[], reference: number[], current: number[]): Binned {
  return { binning: { kind: 'values', values }, reference, current };
}

/** Sturges bins of two sorted numeric samples. */
export function sturgesBins(a: Float64Array, b: Float64Array): Binned {
  const edges = sturgesEdges(a, b);
  return { binning: { kind: 'sturges', edges }, reference: histogramCounts(a, edges), current: histogramCounts(b, edges) };
}

export function shares(counts: number[], n: number): number[] {
  return counts.map((c) => c / n);
}
