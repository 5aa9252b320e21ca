/**
 * Line chart for curves (ROC, precision-recall, calibration, partial dependence and ICE) and
 * timelines: several series, optional dots, a diagonal, horizontal reference lines and labelled
 * markers (e.g. the current decision threshold on the ROC curve).
 */
import { el, esc, extent, linearScale, niceDomain, px, shortNumber, svgRoot, text, xAxis, yAxis } from './svg';

export interface Series {
  name: string;
  points: [number, number][];
  /** e.g. `series-0`, `ice`, `average`. */
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

function pathOf(points: [number, number][], x: (v: number) => number, y: (v: number) => number): string {
  let d = '';
  let pen = false;
  for (const [a, b] of points) {
    if (!Number.isFinite(a) || !Number.isFinite(b)) {
      pen = false;
      continue;
    }
    d += `${pen ? 'L' : 'M'}${px(x(a))},${px(y(b))}`;
    pen = true;
  }
  return d;
}

export function lineChart(o: LineChartOptions): string {
  const width = o.width ?? 360;
  const height = o.height ?? 260;
  const legendItems = o.series.filter((s) => s.legend !== false);
  const margin = { top: 12 + (legendItems.length > 1 ? 16 : 0), right: 16, bottom: o.xLabel ? 42 : 26, left: o.yLabel ? 54 : 40 };
  const xs = o.series.flatMap((s) => s.points.map((p) => p[0]));
  const ys = o.series.flatMap((s) => s.points.map((p) => p[1]));
  const xd = o.xDomain ?? niceDomain(...extent(xs));
  const yd = o.yDomain ?? niceDomain(...extent(ys, (o.hLines ?? []).map((h) => h.value)));
  const x = linearScale(xd, [margin.left, width - margin.right]);
  const y = linearScale(yd, [height - margin.bottom, margin.top]);
  const body: string[] = [
    xAxis(x, height - margin.bottom, { format: o.xFormat, label: o.xLabel, ticks: o.xTicks, grid: margin.top }),
    yAxis(y, margin.left, { format: o.yFormat, label: o.yLabel, grid: width - margin.right }),
  ];
  if (o.diagonal) {
    const lo = Math.max(xd[0], yd[0]);
    const hi = Math.min(xd[1], yd[1]);
    body.push(el('line', { class: 'diagonal', x1: x(lo), y1: y(lo), x2: x(hi), y2: y(hi), 'aria-hidden': 'true' }));
  }
  for (const h of o.hLines ?? []) {
    body.push(el('g', { class: `reference ${h.className ?? ''}`.trim(), role: 'img', 'aria-label': `${h.label}: ${(o.yFormat ?? shortNumber)(h.value)}` }, [
      el('line', { x1: margin.left, x2: width - margin.right, y1: y(h.value), y2: y(h.value) }),
      text(width - margin.right - 2, y(h.value) - 4, h.label, { class: 'reference-label', 'text-anchor': 'end' }),
    ]));
  }
  o.series.forEach((s, i) => {
    const cls = s.className ?? `series-${i % 6}`;
    const parts = [el('path', { class: 'line', d: pathOf(s.points, x, y) })];
    if (s.dots) {
      s.points.forEach(([a, b], j) => {
        if (!Number.isFinite(a) || !Number.isFinite(b)) return;
        const label = `${s.name}: ${(o.xFormat ?? shortNumber)(a)}, ${(o.yFormat ?? shortNumber)(b)}`;
        parts.push(el('circle', { class: `dot ${s.dotClass?.(j) ?? ''}`.trim(), cx: x(a), cy: y(b), r: 4, tabindex: 0, role: 'img', 'aria-label': label }, el('title', {}, esc(label))));
      });
    }
    body.push(el('g', { class: `series ${cls}`, 'aria-label': s.name }, parts));
  });
  for (const m of o.markers ?? []) {
    const label = `${m.label}: ${(o.xFormat ?? shortNumber)(m.x)}, ${(o.yFormat ?? shortNumber)(m.y)}`;
    body.push(el('g', { class: `marker ${m.className ?? ''}`.trim(), tabindex: 0, role: 'img', 'aria-label': label }, [
      el('title', {}, esc(label)),
      el('circle', { cx: x(m.x), cy: y(m.y), r: 5 }),
      text(x(m.x) + 8, y(m.y) - 8, m.label, { class: 'marker-label', 'text-anchor': x(m.x) > width - 90 ? 'end' : 'start' }),
    ]));
  }
  if (legendItems.length > 1) {
    let lx = margin.left;
    const items = legendItems.map((s) => {
      const cls = s.className ?? `series-${o.series.indexOf(s) % 6}`;
      const g = el('g', { class: `legend-item series ${cls}` }, [el('line', { class: 'line', x1: lx, x2: lx + 16, y1: 10, y2: 10 }), text(lx + 20, 14, s.name, { class: 'legend-label' })]);
      lx += 28 + s.name.length * 6.5;
      return g;
    });
    body.push(el('g', { class: 'legend', 'aria-hidden': 'true' }, items));
  }
  return svgRoot(width, height, o.title, body, { desc: o.desc, className: 'line-chart', role: o.series.some((s) => s.dots) || o.markers?.length ? 'group' : 'img' });
}
