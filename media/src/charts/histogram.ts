/**
 * Reference and current distributions of one column, overlaid: shares per bin (numeric columns,
 * `edges`) or per category (categorical columns, side by side). Shares rather than counts, so data
 * sets of different sizes compare; every bin is focusable and reads both shares.
 */
import { clip, el, esc, linearScale, niceDomain, shortNumber, svgRoot, text, xAxis, yAxis } from './svg';

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

const pct = (v: number) => `${shortNumber(v * 100)}%`;

export function toShares(counts: number[]): number[] {
  const total = counts.reduce((a, b) => a + (Number.isFinite(b) ? b : 0), 0);
  return counts.map((c) => (total > 0 && Number.isFinite(c) ? c / total : 0));
}

export function histogramOverlay(o: HistogramOverlayOptions): string {
  const width = o.width ?? 480;
  const height = o.height ?? 240;
  const [refName, curName] = o.names ?? ['reference', 'current'];
  const margin = { top: 28, right: 12, bottom: o.xLabel ? 44 : 28, left: 48 };
  const ref = toShares(o.reference);
  const cur = toShares(o.current);
  const n = Math.max(ref.length, cur.length);
  const y = linearScale(niceDomain(0, Math.max(0.01, ...ref, ...cur)), [height - margin.bottom, margin.top]);
  const body: string[] = [yAxis(y, margin.left, { format: pct, grid: width - margin.right })];
  const bins: string[] = [];
  const numeric = !!o.edges && o.edges.length === n + 1 && !o.categories;
  let binLabel: (i: number) => string;
  if (numeric) {
    const edges = o.edges!;
    const x = linearScale([edges[0], edges[n]], [margin.left, width - margin.right]);
    body.push(xAxis(x, height - margin.bottom, { label: o.xLabel }));
    binLabel = (i) => `${shortNumber(edges[i])} to ${shortNumber(edges[i + 1])}`;
    for (let i = 0; i < n; i++) {
      const x0 = x(edges[i]);
      const w = Math.max(1, x(edges[i + 1]) - x0);
      bins.push(bin(i, x0, w, w, 0));
    }
  } else {
    const names = o.categories ?? Array.from({ length: n }, (_, i) => String(i));
    const band = (width - margin.left - margin.right) / Math.max(1, n);
    binLabel = (i) => names[i] ?? String(i);
    const ticks = names.map((c, i) => text(margin.left + i * band + band / 2, height - margin.bottom + 15, clip(c, Math.max(3, Math.floor(band / 7))), { class: 'tick-label', 'text-anchor': 'middle' }));
    body.push(el('g', { class: 'axis x-axis', 'aria-hidden': 'true' }, [el('line', { class: 'axis-line', x1: margin.left, x2: width - margin.right, y1: height - margin.bottom, y2: height - margin.bottom }), ...ticks]));
    if (o.xLabel) body.push(text((margin.left + width - margin.right) / 2, height - margin.bottom + 32, o.xLabel, { class: 'axis-label', 'text-anchor': 'middle' }));
    for (let i = 0; i < n; i++) bins.push(bin(i, margin.left + i * band + band * 0.1, band * 0.4, band * 0.4, band * 0.4));
  }
  function bin(i: number, x0: number, wRef: number, wCur: number, shift: number): string {
    const label = `${binLabel(i)}: ${refName} ${pct(ref[i] ?? 0)}, ${curName} ${pct(cur[i] ?? 0)}`;
    const rect = (cls: string, v: number, x: number, w: number) => el('rect', { class: cls, x, y: y(v), width: w, height: Math.max(0, y(0) - y(v)) });
    return el('g', { class: 'bin', tabindex: 0, role: 'img', 'aria-label': label }, [el('title', {}, esc(label)), rect('ref', ref[i] ?? 0, x0, wRef), rect('cur', cur[i] ?? 0, x0 + shift, wCur)]);
  }
  body.push(el('g', { class: 'bins' }, bins));
  body.push(
    el('g', { class: 'legend', 'aria-hidden': 'true' }, [
      el('rect', { class: 'ref', x: margin.left, y: 6, width: 12, height: 12 }),
      text(margin.left + 16, 16, refName, { class: 'legend-label' }),
      el('rect', { class: 'cur', x: margin.left + 30 + refName.length * 6.5, y: 6, width: 12, height: 12 }),
      text(margin.left + 46 + refName.length * 6.5, 16, curName, { class: 'legend-label' }),
    ]),
  );
  return svgRoot(width, height, o.title, body, { role: 'group', className: 'histogram' });
}
