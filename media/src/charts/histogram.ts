/**
 * Reference and current distributions of one column, the data side: shares per bin (numeric
 * columns, `edges`: both series on the bin's edges, overlaid) or per category (categorical columns:
 * the two side by side in the category's slot). Shares rather than counts, so data sets of different
 * sizes compare; every bin reads both shares. `histogramPlot.ts` draws it with Plot.
 */
import { clip, percent, shortNumber, type Margin } from './numbers';

export interface HistogramOverlayOptions {
  title: string;
  reference: number[];
  current: number[];
  /** Bin edges for a numeric column (bins + 1 values). */
  edges?: number[];
  /** Category names for a categorical column (one per bin). */
  categories?: string[];
  width?: number;
  height?: number;
  xLabel?: string;
  /** Names of the two series (default "reference", "current"). */
  names?: [string, string];
}

export function toShares(counts: number[]): number[] {
  const total = counts.reduce((a, b) => a + (Number.isFinite(b) ? b : 0), 0);
  return counts.map((c) => (total > 0 && Number.isFinite(c) ? c / total : 0));
}

/** One rectangle: from x1 to x2, from 0 up to its share. */
export interface BinRect {
  bin: number;
  x1: number;
  x2: number;
  share: number;
}

export interface HistogramModel {
  numeric: boolean;
  ref: BinRect[];
  cur: BinRect[];
  /** Per bin: what a screen reader says. */
  spoken: string[];
  xDomain: [number, number];
  /** Categorical: a tick under each slot's middle, with the category's (clipped) name. */
  xTicks?: number[];
  xTickFormat: (v: number) => string;
  yMax: number;
  names: [string, string];
  width: number;
  height: number;
  margin: Margin;
}

export function histogramModel(o: HistogramOverlayOptions): HistogramModel {
  const width = o.width ?? 480;
  const height = o.height ?? 240;
  const names = o.names ?? ['reference', 'current'];
  const margin = { top: 8, right: 12, bottom: o.xLabel ? 44 : 28, left: 48 };
  const refShares = toShares(o.reference);
  const curShares = toShares(o.current);
  const n = Math.max(refShares.length, curShares.length);
  const numeric = !!o.edges && o.edges.length === n + 1 && !o.categories;
  const bins = Array.from({ length: n }, (_, i) => i);
  const ref: BinRect[] = [];
  const cur: BinRect[] = [];
  let binLabel: (i: number) => string;
  let xDomain: [number, number];
  let xTicks: number[] | undefined;
  let xTickFormat: (v: number) => string = shortNumber;
  if (numeric) {
    const e = o.edges!;
    for (const i of bins) {
      ref.push({ bin: i, x1: e[i], x2: e[i + 1], share: refShares[i] ?? 0 });
      cur.push({ bin: i, x1: e[i], x2: e[i + 1], share: curShares[i] ?? 0 });
    }
    binLabel = (i) => `${shortNumber(e[i])} to ${shortNumber(e[i + 1])}`;
    xDomain = [e[0], e[n]];
  } else {
    // Category i has the slot [i, i + 1]: reference on its left 40%, current on its right, 10% margins.
    const categories = o.categories ?? bins.map(String);
    for (const i of bins) {
      ref.push({ bin: i, x1: i + 0.1, x2: i + 0.5, share: refShares[i] ?? 0 });
      cur.push({ bin: i, x1: i + 0.5, x2: i + 0.9, share: curShares[i] ?? 0 });
    }
    binLabel = (i) => categories[i] ?? String(i);
    xDomain = [0, Math.max(1, n)];
    xTicks = bins.map((i) => i + 0.5);
    const room = Math.max(3, Math.floor((width - margin.left - margin.right) / Math.max(1, n) / 7));
    xTickFormat = (v) => clip(categories[Math.floor(v)] ?? '', room);
  }
  const spoken = bins.map((i) => `${binLabel(i)}: ${names[0]} ${percent(refShares[i] ?? 0)}, ${names[1]} ${percent(curShares[i] ?? 0)}`);
  return { numeric, ref, cur, spoken, xDomain, xTicks, xTickFormat, yMax: Math.max(0.01, ...refShares, ...curShares), names, width, height, margin };
}
