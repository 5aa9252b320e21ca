/**
 * The line chart drawn with Observable Plot from `lineModel`: one line mark per series, focusable
 * dots and markers (labelled in place), dashed reference lines and diagonal, and an HTML legend.
 */
import * as Plot from '@observablehq/plot';
import { lineModel, type LineChartOptions } from './line';
import { NICE, chartBox, finishChart, focusable, groupParts, legend, named, part, frame } from './plotDom';

export function lineChart(o: LineChartOptions): HTMLElement {
  const m = lineModel(o);
  const { dots, markers, hLines } = m;
  const axis = { className: 'axis', labelAnchor: 'center', labelArrow: 'none', ariaHidden: 'true' } as const;
  const node = Plot.plot({
    ...frame(m, o.title),
    x: { domain: m.xDomain, nice: m.niceX },
    y: { domain: m.yDomain, nice: m.niceY ? NICE : false, inset: m.insetY },
    marks: [
      Plot.gridX({ className: 'grid', ticks: o.xTicks, ariaHidden: 'true' }),
      Plot.gridY({ className: 'grid', ariaHidden: 'true' }),
      Plot.frame({ anchor: 'bottom', className: 'axis-line', ariaHidden: 'true' }),
      Plot.frame({ anchor: 'left', className: 'axis-line', ariaHidden: 'true' }),
      Plot.axisX({ ...axis, ticks: o.xTicks, tickFormat: m.xFormat, label: o.xLabel ?? null, labelOffset: 32 }),
      Plot.axisY({ ...axis, tickFormat: m.yFormat, label: o.yLabel ?? null, labelOffset: m.margin.left - 10 }),
      m.diagonal ? Plot.line(m.diagonal, { x: 'x', y: 'y', className: 'diagonal', ariaHidden: 'true' }) : null,
      ...m.series.map((s) => Plot.line(s.points, { x: 'x', y: 'y', className: `series ${s.className}`, clip: 'frame', render: named(s.name) })),
      // Reference lines over the curves, their labels readable on a halo; dots and markers on top.
      Plot.ruleY(hLines, { y: 'value', className: 'reference-lines', render: part('h') }),
      Plot.text(hLines, { y: 'value', text: 'label', frameAnchor: 'right', textAnchor: 'end', dx: -2, dy: -7, className: 'reference-labels', render: part('h', () => 'reference-label') }),
      Plot.dot(dots, { x: 'x', y: 'y', r: 4, className: 'dots', render: focusable((i) => ({ label: dots[i].spoken, className: `${dots[i].className} ${dots[i].series}` })) }),
      Plot.dot(markers, { x: 'x', y: 'y', r: 5, className: 'markers', render: focusable((i) => ({ label: markers[i].spoken, className: markers[i].className })) }),
      ...(['start', 'end'] as const).map((anchor) =>
        Plot.text(markers, { filter: (k) => k.anchor === anchor, x: 'x', y: 'y', text: 'label', textAnchor: anchor, dx: anchor === 'start' ? 8 : -8, dy: -9, className: 'marker-label', ariaHidden: 'true' }),
      ),
    ],
  });
  const svg = finishChart(node, { title: o.title, className: 'line-chart', role: dots.length || markers.length ? 'group' : 'img', desc: o.desc });
  groupParts(svg, 'h', hLines.map((h) => ({ label: h.spoken, className: h.className })), 'references');
  return chartBox(m.legend.length ? legend(m.legend.map((l) => ({ ...l, shape: 'line' }))) : null, svg);
}
