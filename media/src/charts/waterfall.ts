/**
 * Waterfall of one prediction: from the base value (the mean prediction over the background) each
 * feature's contribution moves the running total until it reaches the prediction. The largest
 * contributions get a row each; the rest are summed into one "other features" row.
 */
import { clip, el, esc, extent, linearScale, niceDomain, px, shortNumber, svgRoot, text, xAxis } from './svg';

export interface Contribution {
  label: string;
  value: number;
  /** The feature's value in this row, shown beside its name. */
  detail?: string;
}

export interface WaterfallOptions {
  title: string;
  base: number;
  prediction: number;
  contributions: Contribution[];
  /** Rows for single features (default 10); the rest are summed. */
  maxRows?: number;
  width?: number;
  format?: (v: number) => string;
  xLabel?: string;
}

export interface WaterfallStep {
  label: string;
  start: number;
  end: number;
  value: number;
  detail?: string;
  kind: 'feature' | 'other';
}

/** The rows of the waterfall, largest |contribution| first, the rest summed into one row. */
export function waterfallSteps(base: number, contributions: Contribution[], maxRows = 10): WaterfallStep[] {
  const sorted = [...contributions].filter((c) => Number.isFinite(c.value)).sort((a, b) => Math.abs(b.value) - Math.abs(a.value) || a.label.localeCompare(b.label));
  const shown = sorted.length > maxRows ? sorted.slice(0, maxRows - 1) : sorted;
  const rest = sorted.slice(shown.length);
  const steps: WaterfallStep[] = [];
  let at = base;
  for (const c of shown) {
    steps.push({ label: c.label, start: at, end: at + c.value, value: c.value, detail: c.detail, kind: 'feature' });
    at += c.value;
  }
  if (rest.length) {
    const sum = rest.reduce((a, c) => a + c.value, 0);
    steps.push({ label: `${rest.length} other features`, start: at, end: at + sum, value: sum, kind: 'other' });
  }
  return steps;
}

export function waterfall(o: WaterfallOptions): string {
  const width = o.width ?? 560;
  const format = o.format ?? shortNumber;
  const signed = (v: number) => `${v >= 0 ? '+' : '−'}${format(Math.abs(v))}`;
  const steps = waterfallSteps(o.base, o.contributions, o.maxRows ?? 10);
  const rowHeight = 24;
  const labelWidth = 190;
  const margin = { top: 8, right: 64, bottom: o.xLabel ? 42 : 26, left: labelWidth };
  const rows = steps.length + 2;
  const height = margin.top + rows * rowHeight + margin.bottom;
  const x = linearScale(niceDomain(...extent(steps.flatMap((s) => [s.start, s.end]), [o.base, o.prediction])), [margin.left, width - margin.right]);
  const body: string[] = [xAxis(x, height - margin.bottom, { format, label: o.xLabel, grid: margin.top })];
  const row = (i: number, label: string, cls: string, spoken: string, parts: string[]) => {
    const cy = margin.top + i * rowHeight + rowHeight / 2;
    return el('g', { class: `step ${cls}`, tabindex: 0, role: 'img', 'aria-label': spoken }, [el('title', {}, esc(spoken)), text(margin.left - 8, cy + 4, clip(label, Math.floor(labelWidth / 6.6)), { class: 'bar-label', 'text-anchor': 'end' }), ...parts]);
  };
  const cyOf = (i: number) => margin.top + i * rowHeight + rowHeight / 2;
  body.push(row(0, 'base value', 'total', `base value ${format(o.base)}`, [el('line', { class: 'total-mark', x1: x(o.base), x2: x(o.base), y1: cyOf(0) - 8, y2: cyOf(0) + 8 }), text(x(o.base) + 6, cyOf(0) + 4, format(o.base), { class: 'value-label' })]));
  steps.forEach((s, k) => {
    const i = k + 1;
    const cy = cyOf(i);
    const [a, b] = [x(s.start), x(s.end)];
    const label = s.detail !== undefined ? `${s.label} = ${s.detail}` : s.label;
    const tip = Math.sign(b - a) * Math.min(6, Math.abs(b - a));
    const d = `M${px(a)},${px(cy - 8)}H${px(b - tip)}L${px(b)},${px(cy)}L${px(b - tip)},${px(cy + 8)}H${px(a)}Z`;
    body.push(
      el('line', { class: 'connector', x1: a, x2: a, y1: cy - rowHeight + 8, y2: cy - 8, 'aria-hidden': 'true' }),
      row(i, label, `${s.value >= 0 ? 'up' : 'down'} ${s.kind}`, `${label}: ${signed(s.value)}`, [
        el('path', { class: 'step-bar', d }),
        text(Math.max(a, b) + 4, cy + 4, signed(s.value), { class: 'value-label' }),
      ]),
    );
  });
  const last = cyOf(rows - 1);
  body.push(row(rows - 1, 'prediction', 'total', `prediction ${format(o.prediction)}`, [el('line', { class: 'connector', x1: x(o.prediction), x2: x(o.prediction), y1: last - rowHeight + 8, y2: last - 8 }), el('line', { class: 'total-mark', x1: x(o.prediction), x2: x(o.prediction), y1: last - 8, y2: last + 8 }), text(x(o.prediction) + 6, last + 4, format(o.prediction), { class: 'value-label strong' })]));
  return svgRoot(width, height, o.title, body, { role: 'group', className: 'waterfall' });
}
