/**
 * Horizontal bar chart: one row per bar, an optional interval (error bar) per bar, and vertical
 * reference lines (a gate's threshold, the overall value). Bars start at 0; negative values go left.
 * Each row is focusable and labelled, so the values can be read with a keyboard and a screen reader.
 */
import { clip, el, esc, extent, linearScale, niceDomain, px, shortNumber, svgRoot, text, xAxis } from './svg';

export interface Bar {
  label: string;
  /** null draws no bar and says "undefined". */
  value: number | null;
  /** Interval around the value (e.g. a bootstrap interval or mean ± std). */
  low?: number;
  high?: number;
  /** Extra classes, e.g. `fail`, `small`, `series-1`. */
  className?: string;
  /** Added to the bar's accessible label, e.g. "small group". */
  note?: string;
  /** Set as `data-key`, for panels that react to a bar being chosen. */
  key?: string;
}

export interface ReferenceLine {
  value: number;
  label: string;
  className?: string;
}

export interface BarChartOptions {
  title: string;
  bars: Bar[];
  width?: number;
  rowHeight?: number;
  labelWidth?: number;
  domain?: [number, number];
  format?: (v: number) => string;
  references?: ReferenceLine[];
  xLabel?: string;
}

export function barChart(o: BarChartOptions): string {
  const width = o.width ?? 480;
  const rowHeight = o.rowHeight ?? 24;
  const labelWidth = o.labelWidth ?? 140;
  const format = o.format ?? shortNumber;
  const margin = { top: 8 + (o.references?.length ? 14 : 0), right: 56, bottom: o.xLabel ? 40 : 24, left: labelWidth };
  const height = margin.top + Math.max(1, o.bars.length) * rowHeight + margin.bottom;
  const values = o.bars.flatMap((b) => [b.value ?? 0, b.low ?? 0, b.high ?? 0]);
  const [lo, hi] = o.domain ?? niceDomain(...extent(values, [0, ...(o.references ?? []).map((r) => r.value)]));
  const x = linearScale([lo, hi], [margin.left, width - margin.right]);
  const zero = x(Math.min(Math.max(0, lo), hi));
  const body: string[] = [xAxis(x, height - margin.bottom, { format, label: o.xLabel, grid: margin.top })];
  const rows = o.bars.map((b, i) => {
    const y = margin.top + i * rowHeight;
    const cy = y + rowHeight / 2;
    const parts = [text(margin.left - 8, cy + 4, clip(b.label, Math.floor(labelWidth / 7)), { class: 'bar-label', 'text-anchor': 'end' })];
    let spoken = `${b.label}: `;
    if (b.value === null) {
      parts.push(text(zero + 4, cy + 4, 'undefined', { class: 'value-label muted' }));
      spoken += 'undefined';
    } else {
      const xv = x(b.value);
      parts.push(el('rect', { class: `bar ${b.value < 0 ? 'neg' : 'pos'}`, x: Math.min(zero, xv), y: y + 4, width: Math.max(1, Math.abs(xv - zero)), height: rowHeight - 8 }));
      spoken += format(b.value);
      let end = Math.max(xv, zero);
      if (b.low !== undefined && b.high !== undefined) {
        const [l, h] = [x(b.low), x(b.high)];
        parts.push(el('path', { class: 'error-bar', d: `M${px(l)},${px(cy - 5)}v10M${px(l)},${px(cy)}H${px(h)}M${px(h)},${px(cy - 5)}v10` }));
        spoken += ` (${format(b.low)} to ${format(b.high)})`;
        end = Math.max(end, h);
      }
      parts.push(text(end + 4, cy + 4, format(b.value), { class: 'value-label' }));
    }
    if (b.note) spoken += `, ${b.note}`;
    return el('g', { class: `bar-row ${b.className ?? ''}`.trim(), tabindex: 0, role: 'img', 'aria-label': spoken, 'data-key': b.key }, [el('title', {}, esc(spoken)), ...parts]);
  });
  body.push(el('g', { class: 'bars' }, rows));
  for (const r of o.references ?? []) {
    const xr = x(r.value);
    body.push(
      el('g', { class: `reference ${r.className ?? ''}`.trim(), role: 'img', 'aria-label': `${r.label}: ${format(r.value)}` }, [
        el('line', { x1: xr, x2: xr, y1: margin.top - 4, y2: height - margin.bottom }),
        text(xr, margin.top - 6, `${r.label} ${format(r.value)}`, { class: 'reference-label', 'text-anchor': xr > width - 100 ? 'end' : 'middle' }),
      ]),
    );
  }
  return svgRoot(width, height, o.title, body, { role: 'group', className: 'bar-chart' });
}
