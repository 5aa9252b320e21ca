/**
 * Inline SVG charts for the HTML report, drawn here so the report needs no script and no network:
 * a line chart (curves, windows over time) and a horizontal bar chart (importance, group rates,
 * drift scores). Every chart has a <title> and the numbers it shows are also in a table nearby.
 */
import { escapeHtml, fmt } from './format';

export interface Series {
  name: string;
  x: number[];
  y: number[];
  /** Dashed reference line (the diagonal of a ROC plot, perfect calibration). */
  dashed?: boolean;
}

export interface LineChartOptions {
  title: string;
  xLabel: string;
  yLabel: string;
  /** Fixed axis ranges; default from the data. */
  xRange?: [number, number];
  yRange?: [number, number];
  width?: number;
  height?: number;
}

const COLORS = ['#2563eb', '#dc2626', '#16a34a', '#9333ea', '#ea580c', '#0891b2'];
const r2 = (v: number) => Math.round(v * 100) / 100;

function range(values: number[], fixed?: [number, number]): [number, number] {
  if (fixed) return fixed;
  const finite = values.filter(Number.isFinite);
  if (!finite.length) return [0, 1];
  let lo = Math.min(...finite);
  let hi = Math.max(...finite);
  if (lo === hi) {
    lo -= 0.5;
    hi += 0.5;
  }
  return [lo, hi];
}

function ticks([lo, hi]: [number, number], count = 5): number[] {
  return Array.from({ length: count + 1 }, (_, i) => lo + ((hi - lo) * i) / count);
}

export function lineChart(series: Series[], o: LineChartOptions): string {
  const W = o.width ?? 360;
  const H = o.height ?? 280;
  const legend = series.filter((s) => !s.dashed);
  const m = { l: 48, r: 12, t: legend.length > 1 ? 42 : 28, b: 40 };
  const xr = range(series.flatMap((s) => s.x), o.xRange);
  const yr = range(series.flatMap((s) => s.y), o.yRange);
  const X = (v: number) => r2(m.l + ((v - xr[0]) / (xr[1] - xr[0])) * (W - m.l - m.r));
  const Y = (v: number) => r2(H - m.b - ((v - yr[0]) / (yr[1] - yr[0])) * (H - m.t - m.b));
  const parts: string[] = [];
  for (const t of ticks(yr)) parts.push(`<line x1="${m.l}" x2="${W - m.r}" y1="${Y(t)}" y2="${Y(t)}" class="grid"/><text x="${m.l - 4}" y="${Y(t) + 3}" text-anchor="end">${fmt(t, 2)}</text>`);
  for (const t of ticks(xr)) parts.push(`<text x="${X(t)}" y="${H - m.b + 14}" text-anchor="middle">${fmt(t, 2)}</text>`);
  parts.push(`<rect x="${m.l}" y="${m.t}" width="${W - m.l - m.r}" height="${H - m.t - m.b}" class="frame"/>`);
  series.forEach((s, i) => {
    const pts: string[] = [];
    for (let j = 0; j < Math.min(s.x.length, s.y.length); j++) if (Number.isFinite(s.x[j]) && Number.isFinite(s.y[j])) pts.push(`${X(s.x[j])},${Y(s.y[j])}`);
    const color = s.dashed ? '#9ca3af' : COLORS[i % COLORS.length];
    parts.push(`<polyline fill="none" stroke="${color}" stroke-width="${s.dashed ? 1 : 2}"${s.dashed ? ' stroke-dasharray="4 3"' : ''} points="${pts.join(' ')}"><title>${escapeHtml(s.name)}</title></polyline>`);
    if (pts.length === 1) parts.push(`<circle cx="${pts[0].split(',')[0]}" cy="${pts[0].split(',')[1]}" r="3" fill="${color}"/>`);
  });
  if (legend.length > 1) {
    let x = m.l;
    for (const s of legend) {
      const color = COLORS[series.indexOf(s) % COLORS.length];
      parts.push(`<rect x="${x}" y="25" width="10" height="3" fill="${color}"/><text x="${x + 13}" y="30">${escapeHtml(s.name)}</text>`);
      x += 22 + 6.2 * s.name.length;
    }
  }
  parts.push(`<text x="${(m.l + W - m.r) / 2}" y="${H - 6}" text-anchor="middle" class="axis">${escapeHtml(o.xLabel)}</text>`);
  parts.push(`<text transform="translate(12 ${(m.t + H - m.b) / 2}) rotate(-90)" text-anchor="middle" class="axis">${escapeHtml(o.yLabel)}</text>`);
  parts.push(`<text x="${W / 2}" y="16" text-anchor="middle" class="title">${escapeHtml(o.title)}</text>`);
  return `<svg xmlns="http://www.w3.org/2000/svg" class="chart" role="img" viewBox="0 0 ${W} ${H}" width="${W}" height="${H}"><title>${escapeHtml(o.title)}</title>${parts.join('')}</svg>`;
}

export interface Bar {
  label: string;
  value: number | null;
  /** Error bar or interval. */
  low?: number;
  high?: number;
  /** Highlight (a drifted column, a failing group). */
  flagged?: boolean;
}

export interface BarChartOptions {
  title: string;
  /** Vertical reference line (a threshold). */
  reference?: { value: number; label: string };
  width?: number;
  /** Fixed value range; default [min(0, data), max(data)]. */
  range?: [number, number];
}

export function barChart(bars: Bar[], o: BarChartOptions): string {
  const W = o.width ?? 520;
  const rowH = 20;
  const labelW = Math.min(200, 12 + 7 * Math.max(4, ...bars.map((b) => b.label.length)));
  const m = { l: labelW, r: 70, t: 26, b: 8 };
  const H = m.t + m.b + rowH * Math.max(1, bars.length);
  const values = bars.flatMap((b) => [b.value, b.low, b.high]).filter((v): v is number => typeof v === 'number' && Number.isFinite(v));
  if (o.reference) values.push(o.reference.value);
  const [lo, hi] = o.range ?? [Math.min(0, ...values), Math.max(0, ...values) || 1];
  const X = (v: number) => r2(m.l + ((Math.min(Math.max(v, lo), hi) - lo) / (hi - lo || 1)) * (W - m.l - m.r));
  const parts: string[] = [`<text x="${W / 2}" y="16" text-anchor="middle" class="title">${escapeHtml(o.title)}</text>`];
  bars.forEach((b, i) => {
    const y = m.t + i * rowH;
    parts.push(`<text x="${m.l - 6}" y="${y + 14}" text-anchor="end">${escapeHtml(b.label)}</text>`);
    if (b.value === null || !Number.isFinite(b.value)) {
      parts.push(`<text x="${X(lo) + 4}" y="${y + 14}">n/a</text>`);
      return;
    }
    const x0 = X(Math.max(lo, Math.min(0, hi)));
    const x1 = X(b.value);
    parts.push(`<rect x="${Math.min(x0, x1)}" y="${y + 3}" width="${Math.max(1, Math.abs(x1 - x0))}" height="${rowH - 6}" class="${b.flagged ? 'bar flagged' : 'bar'}"><title>${escapeHtml(`${b.label}: ${fmt(b.value)}`)}</title></rect>`);
    if (typeof b.low === 'number' && typeof b.high === 'number') parts.push(`<line x1="${X(b.low)}" x2="${X(b.high)}" y1="${y + rowH / 2}" y2="${y + rowH / 2}" class="whisker"/>`);
    parts.push(`<text x="${Math.max(x0, x1, typeof b.high === 'number' ? X(b.high) : 0) + 4}" y="${y + 14}">${fmt(b.value)}</text>`);
  });
  if (o.reference) {
    const x = X(o.reference.value);
    parts.push(`<line x1="${x}" x2="${x}" y1="${m.t - 4}" y2="${H - m.b}" class="refline"/><text x="${x + 3}" y="${m.t - 6}" class="axis">${escapeHtml(o.reference.label)}</text>`);
  }
  return `<svg xmlns="http://www.w3.org/2000/svg" class="chart" role="img" viewBox="0 0 ${W} ${H}" width="${W}" height="${H}"><title>${escapeHtml(o.title)}</title>${parts.join('')}</svg>`;
}
