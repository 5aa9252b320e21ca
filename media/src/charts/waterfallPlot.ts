/**
 * The waterfall drawn with Observable Plot from `waterfallModel`: a bar per step (red up, blue
 * down), a tick for the base value and the prediction, dotted connectors where each step starts,
 * labels left and signed values right. Each row is one focusable `g.step`.
 */
import * as Plot from '@observablehq/plot';
import { FONT_SIZE } from './barPlot';
import { waterfallModel, type WaterfallOptions } from './waterfall';
import { chartBox, finishChart, groupParts, part, frame } from './plotDom';

export function waterfall(o: WaterfallOptions): HTMLElement {
  const m = waterfallModel(o);
  const { rows } = m;
  const band = m.rowHeight;
  const node = Plot.plot({
    ...frame(m, o.title),
    x: { domain: m.domain, nice: true },
    y: { domain: rows.map((r) => r.index), axis: null, paddingInner: 8 / band, paddingOuter: 4 / band, align: 0.5 },
    marks: [
      Plot.gridX({ className: 'grid', ariaHidden: 'true' }),
      Plot.frame({ anchor: 'bottom', className: 'axis-line', ariaHidden: 'true' }),
      Plot.axisX({ className: 'axis', tickFormat: m.format, label: o.xLabel ?? null, labelAnchor: 'center', labelArrow: 'none', labelOffset: 32, ariaHidden: 'true' }),
      Plot.link(m.connectors, { x1: 'x', x2: 'x', y1: 'from', y2: 'to', className: 'connector', ariaHidden: 'true' }),
      Plot.barX(rows, { x1: 'x1', x2: 'x2', y: 'index', className: 'step-bars', render: part('step', () => 'step-bar') }),
      Plot.tickX(rows, { x: 'at', y: 'index', className: 'total-marks', render: part('step', () => 'total-mark') }),
      Plot.text(rows, { y: 'index', text: 'label', frameAnchor: 'left', textAnchor: 'end', dx: -8, lineWidth: (m.margin.left - 12) / FONT_SIZE, textOverflow: 'ellipsis', className: 'bar-labels', render: part('step', () => 'bar-label') }),
      Plot.text(rows, { x: 'textAt', y: 'index', text: 'text', textAnchor: 'start', dx: 5, className: 'value-labels', render: part('step', (i) => rows[i].valueClass) }),
    ],
  });
  const svg = finishChart(node, { title: o.title, className: 'waterfall' });
  groupParts(svg, 'step', rows.map((r) => ({ label: r.spoken, className: r.className })), 'steps');
  for (const t of Array.from(svg.querySelectorAll('.bar-label title'))) t.remove();
  return chartBox(svg);
}
