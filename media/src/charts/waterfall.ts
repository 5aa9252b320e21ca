/**
 * Waterfall of one prediction, the data side: from the base value (the mean prediction over the
 * background) each feature's contribution moves the running total until it reaches the prediction.
 * The largest contributions get a row each; the rest are summed into one "other features" row.
 * `waterfallPlot.ts` draws it with Plot.
 */
import { extent, shortNumber, type Margin } from './numbers';

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

/** One row of the chart: the base value, a step, or the prediction. */
export interface WaterfallRow {
  index: number;
  label: string;
  spoken: string;
  className: string;
  /** A step's bar runs from x1 (the running total before it) to x2 (after it). */
  x1?: number;
  x2?: number;
  /** A total's mark (base value, prediction). */
  at?: number;
  text: string;
  textAt: number;
  valueClass: string;
}

/** A dotted line from one row down to the next, where the next one starts. */
export interface Connector {
  x: number;
  from: number;
  to: number;
}

export interface WaterfallModel {
  rows: WaterfallRow[];
  connectors: Connector[];
  domain: [number, number];
  width: number;
  height: number;
  rowHeight: number;
  margin: Margin;
  format: (v: number) => string;
}

export function waterfallModel(o: WaterfallOptions): WaterfallModel {
  const format = o.format ?? shortNumber;
  const signed = (v: number) => `${v >= 0 ? '+' : '−'}${format(Math.abs(v))}`;
  const steps = waterfallSteps(o.base, o.contributions, o.maxRows ?? 10);
  const rows: WaterfallRow[] = [
    { index: 0, label: 'base value', spoken: `base value ${format(o.base)}`, className: 'step total', at: o.base, text: format(o.base), textAt: o.base, valueClass: 'value-label' },
    ...steps.map((s, k): WaterfallRow => {
      const label = s.detail !== undefined ? `${s.label} = ${s.detail}` : s.label;
      return { index: k + 1, label, spoken: `${label}: ${signed(s.value)}`, className: `step ${s.value >= 0 ? 'up' : 'down'} ${s.kind}`, x1: s.start, x2: s.end, text: signed(s.value), textAt: Math.max(s.start, s.end), valueClass: 'value-label' };
    }),
    { index: steps.length + 1, label: 'prediction', spoken: `prediction ${format(o.prediction)}`, className: 'step total', at: o.prediction, text: format(o.prediction), textAt: o.prediction, valueClass: 'value-label strong' },
  ];
  const connectors = [...steps.map((s, k) => ({ x: s.start, from: k, to: k + 1 })), { x: o.prediction, from: steps.length, to: steps.length + 1 }];
  const rowHeight = 24;
  const margin = { top: 8, right: 64, bottom: o.xLabel ? 42 : 26, left: 190 };
  return {
    rows,
    connectors,
    domain: extent(steps.flatMap((s) => [s.start, s.end]), [o.base, o.prediction]),
    width: o.width ?? 560,
    height: margin.top + rows.length * rowHeight + margin.bottom,
    rowHeight,
    margin,
    format,
  };
}
