/**
 * Horizontal bar chart, the data side: one row per bar from the zero line to its value, an optional
 * interval (error bar) per bar, vertical reference lines (a gate's threshold, the overall value), the
 * x domain and what each row says to a screen reader. `barPlot.ts` draws it with Observable Plot.
 */
import { extent, shortNumber, type Margin } from './numbers';

export interface Bar {
  label: string;
  /** null draws no bar and says "undefined". */
  value: number | null;
  /** Interval around the value (e.g. a bootstrap interval or mean ± std). */
  low?: number;
  high?: number;
  /** Extra classes, e.g. `fail`, `small`, `muted`. */
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
  /** A fixed x domain; by default the data's extent with 0 and the references, widened to round ticks. */
  domain?: [number, number];
  format?: (v: number) => string;
  references?: ReferenceLine[];
  xLabel?: string;
}

export interface BarRow {
  /** Position from the top (the y value). */
  index: number;
  label: string;
  value: number | null;
  /** The bar runs from x1 (the zero line) to x2 (the value); absent when the value is null. */
  x1?: number;
  x2?: number;
  /** The error bar, when the bar has an interval. */
  low?: number;
  high?: number;
  /** The value label and where it starts (right of the bar and of its interval). */
  text: string;
  textAt: number;
  /** What a screen reader says: "label: value (low to high), note". */
  spoken: string;
  /** Classes of the row (`bar-row` and the bar's own) and of the bar (`bar pos` or `bar neg`). */
  className: string;
  barClass: string;
  key?: string;
}

export interface ReferenceMark {
  value: number;
  text: string;
  spoken: string;
  className: string;
  /** Labels near the right edge end at the line, the others are centred on it. */
  anchor: 'middle' | 'end';
}

export interface BarModel {
  rows: BarRow[];
  references: ReferenceMark[];
  domain: [number, number];
  /** Widen the domain to round ticks (when it was not given). */
  nice: boolean;
  zero: number;
  width: number;
  height: number;
  rowHeight: number;
  margin: Margin;
  format: (v: number) => string;
}

export function barModel(o: BarChartOptions): BarModel {
  const width = o.width ?? 480;
  const rowHeight = o.rowHeight ?? 24;
  const format = o.format ?? shortNumber;
  const refs = o.references ?? [];
  const margin = { top: 8 + (refs.length ? 14 : 0), right: 56, bottom: o.xLabel ? 40 : 24, left: o.labelWidth ?? 140 };
  const height = margin.top + Math.max(1, o.bars.length) * rowHeight + margin.bottom;
  const values = o.bars.flatMap((b) => [b.value ?? NaN, b.low ?? NaN, b.high ?? NaN]);
  const domain = o.domain ?? extent(values, [0, ...refs.map((r) => r.value)]);
  const [lo, hi] = domain;
  const zero = Math.min(Math.max(0, lo), hi);
  const rows = o.bars.map((b, index): BarRow => {
    const interval = b.value !== null && b.low !== undefined && b.high !== undefined;
    let spoken = `${b.label}: ${b.value === null ? 'undefined' : format(b.value)}`;
    if (interval) spoken += ` (${format(b.low!)} to ${format(b.high!)})`;
    if (b.note) spoken += `, ${b.note}`;
    return {
      index,
      label: b.label,
      value: b.value,
      ...(b.value !== null ? { x1: zero, x2: b.value } : {}),
      ...(interval ? { low: b.low, high: b.high } : {}),
      text: b.value === null ? 'undefined' : format(b.value),
      textAt: b.value === null ? zero : Math.max(b.value, zero, interval ? b.high! : -Infinity),
      spoken,
      className: `bar-row ${b.className ?? ''}`.trim(),
      barClass: `bar ${b.value !== null && b.value < 0 ? 'neg' : 'pos'}`,
      key: b.key,
    };
  });
  const references = refs.map((r): ReferenceMark => ({
    value: r.value,
    text: `${r.label} ${format(r.value)}`,
    spoken: `${r.label}: ${format(r.value)}`,
    className: `reference ${r.className ?? ''}`.trim(),
    anchor: hi > lo && (r.value - lo) / (hi - lo) > 0.85 ? 'end' : 'middle',
  }));
  return { rows, references, domain, nice: !o.domain, zero, width, height, rowHeight, margin, format };
}
