/**
 * What the drift panel shows beside the tests: summary statistics per side, missing-value rates,
 * and histograms on shared bins (20 equal-width bins over the combined range for numbers; the most
 * frequent categories, the rest lumped, for categories).
 */
import { histogramCounts, linspace } from './binning';
import { proportionsZ } from './categoricalTests';
import type { CategoricalSample, NumericSample } from './sample';
import type { CategoricalSummary, Histogram, MissingDrift, NumericSummary } from './types';

export const HISTOGRAM_BINS = 20;
export const HISTOGRAM_MAX_CATEGORIES = 30;
export const TOP_CATEGORIES = 10;

/** numpy's 'linear' quantile of sorted values (including its lerp from the nearer end). */
export function quantileSorted(x: Float64Array, q: number): number | null {
  const n = x.length;
  if (n === 0) return null;
  const pos = q * (n - 1);
  const lo = Math.floor(pos);
  const hi = Math.min(lo + 1, n - 1);
  const t = pos - lo;
  const a = x[lo];
  const b = x[hi];
  const d = b - a;
  return t >= 0.5 ? b - d * (1 - t) : a + d * t;
}

export function numericSummary(s: NumericSample): NumericSummary {
  const x = s.sorted;
  const n = x.length;
  let sum = 0;
  for (let i = 0; i < n; i++) sum += x[i];
  const mean = n ? sum / n : null;
  let ss = 0;
  if (mean !== null) {
    for (let i = 0; i < n; i++) {
      const d = x[i] - mean;
      ss += d * d;
    }
  }
  return {
    kind: 'numeric',
    count: n,
    missing: s.missing,
    infinite: s.infinite,
    mean,
    std: n > 1 ? Math.sqrt(ss / (n - 1)) : null,
    min: n ? x[0] : null,
    q05: quantileSorted(x, 0.05),
    q25: quantileSorted(x, 0.25),
    q50: quantileSorted(x, 0.5),
    q75: quantileSorted(x, 0.75),
    q95: quantileSorted(x, 0.95),
    max: n ? x[n - 1] : null,
  };
}

/** Entries sorted by count (descending), ties in first-appearance order. */
function byCount(counts: Map<string, number>): [string, number][] {
  return [...counts.entries()].sort((a, b) => b[1] - a[1]);
}

export function categoricalSummary(s: CategoricalSample): CategoricalSummary {
  return {
    kind: 'categorical',
    count: s.n,
    missing: s.missing,
    unique: s.counts.size,
    top: byCount(s.counts)
      .slice(0, TOP_CATEGORIES)
      .map(([value, count]) => ({ value, count, share: count / s.n })),
  };
}

export function numericHistogram(ref: NumericSample, cur: NumericSample): Histogram | null {
  const a = ref.sorted;
  const b = cur.sorted;
  if (!a.length && !b.length) return null;
  let min = Math.min(a.length ? a[0] : Infinity, b.length ? b[0] : Infinity);
  let max = Math.max(a.length ? a[a.length - 1] : -Infinity, b.length ? b[b.length - 1] : -Infinity);
  if (min === max) {
    min -= 0.5;
    max += 0.5;
  }
  const edges = linspace(min, max, HISTOGRAM_BINS);
  return { kind: 'numeric', edges, reference: histogramCounts(a, edges), current: histogramCounts(b, edges) };
}

/** Counts per category for both sides: the most frequent overall first, the rest as `other`. */
export function categoricalHistogram(keys: string[], reference: number[], current: number[], nRef: number, nCur: number): Histogram {
  const weight = (k: number) => (nRef ? reference[k] / nRef : 0) + (nCur ? current[k] / nCur : 0);
  const order = keys.map((_, k) => k).sort((x, y) => weight(y) - weight(x));
  const shown = order.slice(0, HISTOGRAM_MAX_CATEGORIES);
  const rest = order.slice(HISTOGRAM_MAX_CATEGORIES);
  const h: Histogram = {
    kind: 'categorical',
    categories: shown.map((k) => keys[k]),
    reference: shown.map((k) => reference[k]),
    current: shown.map((k) => current[k]),
  };
  if (rest.length) {
    h.other = {
      categories: rest.length,
      reference: rest.reduce((s, k) => s + reference[k], 0),
      current: rest.reduce((s, k) => s + current[k], 0),
    };
  }
  return h;
}

/** Missing-value rates per side (infinite values count as missing here, as the tests drop them). */
export function missingDrift(refMissing: number, refRows: number, curMissing: number, curRows: number): MissingDrift {
  const rs = refRows ? refMissing / refRows : 0;
  const cs = curRows ? curMissing / curRows : 0;
  return {
    reference: { count: refMissing, share: rs },
    current: { count: curMissing, share: cs },
    difference: cs - rs,
    p_value: proportionsZ(refMissing, refRows, curMissing, curRows)?.p_value ?? null,
  };
}
