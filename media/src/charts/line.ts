/**
 * Line chart for curves (ROC, precision-recall, calibration, partial dependence and ICE) and
 * timelines, the data side: several series (a missing point breaks its line), optional dots, the
 * y = x diagonal, horizontal reference lines and labelled markers (e.g. the current decision
 * threshold on the ROC curve), the domains and the legend. `linePlot.ts` draws it with Plot.
 */
import { extent, shortNumber, type Margin } from './numbers';

export interface Series {
  name: string;
  points: [number, number][];
  /** e.g. `series-1`, `ice`, `average`; by default `series-<n>` by position. */
  className?: string;
  /** Draw a focusable dot per point (timelines; few points). */
  dots?: boolean;
  /** Extra class per dot, e.g. `fail` for a window that breaks a gate. */
  dotClass?: (index: number) => string | undefined;
  /** Leave out of the legend (e.g. the many ICE curves). */
  legend?: boolean;
}

export interface Marker {
  x: number;
  y: number;
  label: string;
  className?: string;
}

export interface LineChartOptions {
  title: string;
  series: Series[];
  width?: number;
  height?: number;
  xDomain?: [number, number];
  yDomain?: [number, number];
  xLabel?: string;
  yLabel?: string;
  xFormat?: (v: number) => string;
  yFormat?: (v: number) => string;
  xTicks?: number[];
  /** The y = x line (ROC chance level, perfect calibration). */
  diagonal?: boolean;
  markers?: Marker[];
  hLines?: { value: number; label: string; className?: string }[];
  desc?: string;
}

export interface Point {
  x: number;
  /** NaN where the series has no value: the line breaks there. */
  y: number;
}

export interface LineSeries {
  name: string;
  className: string;
  points: Point[];
}

export interface Dot extends Point {
  spoken: string;
  className: string;
  /** The series' class, for its colour. */
  series: string;
}

export interface MarkerMark extends Point {
  label: string;
  spoken: string;
  className: string;
  /** Labels near the right edge go left of their marker. */
  anchor: 'start' | 'end';
}

export interface HLine {
  value: number;
  label: string;
  spoken: string;
  className: string;
}

export interface LineModel {
  series: LineSeries[];
  dots: Dot[];
  markers: MarkerMark[];
  hLines: HLine[];
  /** The y = x segment inside both domains, when asked for. */
  diagonal: Point[] | null;
  xDomain: [number, number];
  yDomain: [number, number];
  /** Widen the domains to round ticks (those not given). */
  niceX: boolean;
  niceY: boolean;
  /** Pixels kept free inside the frame above and below a computed y domain, so no dot sits on the axis. */
  insetY: number;
  legend: { name: string; className: string }[];
  width: number;
  height: number;
  margin: Margin;
  xFormat: (v: number) => string;
  yFormat: (v: number) => string;
}

const finite = (v: number) => (Number.isFinite(v) ? v : NaN);

export function lineModel(o: LineChartOptions): LineModel {
  const width = o.width ?? 360;
  const height = o.height ?? 260;
  const xFormat = o.xFormat ?? shortNumber;
  const yFormat = o.yFormat ?? shortNumber;
  const classOf = (s: Series, i: number) => s.className ?? `series-${i % 6}`;
  const series = o.series.map((s, i): LineSeries => ({ name: s.name, className: classOf(s, i), points: s.points.map(([x, y]) => ({ x: finite(x), y: Number.isFinite(x) ? finite(y) : NaN })) }));
  const dots = o.series.flatMap((s, i) =>
    !s.dots
      ? []
      : s.points.flatMap(([x, y], j): Dot[] =>
          Number.isFinite(x) && Number.isFinite(y) ? [{ x, y, spoken: `${s.name}: ${xFormat(x)}, ${yFormat(y)}`, className: `dot ${s.dotClass?.(j) ?? ''}`.trim(), series: classOf(s, i) }] : [],
        ),
  );
  const xDomain = o.xDomain ?? extent(o.series.flatMap((s) => s.points.map((p) => p[0])));
  const yDomain = o.yDomain ?? extent(o.series.flatMap((s) => s.points.map((p) => p[1])), (o.hLines ?? []).map((h) => h.value));
  const [x0, x1] = xDomain;
  const markers = (o.markers ?? []).map((m): MarkerMark => ({
    x: m.x,
    y: m.y,
    label: m.label,
    spoken: `${m.label}: ${xFormat(m.x)}, ${yFormat(m.y)}`,
    className: `marker ${m.className ?? ''}`.trim(),
    anchor: x1 > x0 && (m.x - x0) / (x1 - x0) > 0.7 ? 'end' : 'start',
  }));
  const hLines = (o.hLines ?? []).map((h): HLine => ({ value: h.value, label: h.label, spoken: `${h.label}: ${yFormat(h.value)}`, className: `reference ${h.className ?? ''}`.trim() }));
  const lo = Math.max(xDomain[0], yDomain[0]);
  const hi = Math.min(xDomain[1], yDomain[1]);
  const diagonal = o.diagonal && lo < hi ? [{ x: lo, y: lo }, { x: hi, y: hi }] : null;
  const legend = o.series.flatMap((s, i) => (s.legend === false ? [] : [{ name: s.name, className: classOf(s, i) }]));
  const margin = { top: 12, right: 16, bottom: o.xLabel ? 42 : 26, left: o.yLabel ? 54 : 40 };
  const insetY = !o.yDomain && (dots.length || markers.length) ? 6 : 0;
  return { series, dots, markers, hLines, diagonal, xDomain, yDomain, niceX: !o.xDomain, niceY: !o.yDomain, insetY, legend: legend.length > 1 ? legend : [], width, height, margin, xFormat, yFormat };
}
