/**
 * The histogram overlay drawn with Observable Plot from `histogramModel`: two rect marks (reference
 * and current, translucent so the overlap shows), shares on the y axis as percentages, an HTML
 * legend. Each bin (both rectangles) is one focusable `g.bin`.
 */
import * as Plot from '@observablehq/plot';
import { histogramModel, type HistogramOverlayOptions } from './histogram';
import { percent } from './numbers';
import { NICE, chartBox, finishChart, groupParts, legend, part, frame } from './plotDom';

export function histogramOverlay(o: HistogramOverlayOptions): HTMLElement {
  const m = histogramModel(o);
  const axis = { className: 'axis', labelAnchor: 'center', labelArrow: 'none', ariaHidden: 'true' } as const;
  const rects = (data: typeof m.ref, cls: 'ref' | 'cur') => Plot.rectY(data, { x1: 'x1', x2: 'x2', y1: 0, y2: 'share', insetLeft: m.numeric ? 0.5 : 0, insetRight: m.numeric ? 0.5 : 0, className: `${cls}s`, render: part('bin', () => cls) });
  const node = Plot.plot({
    ...frame(m, o.title),
    x: { domain: m.xDomain },
    y: { domain: [0, m.yMax], nice: NICE },
    marks: [
      Plot.gridY({ className: 'grid', ariaHidden: 'true' }),
      Plot.frame({ anchor: 'bottom', className: 'axis-line', ariaHidden: 'true' }),
      Plot.axisX({ ...axis, ticks: m.xTicks, tickSize: m.numeric ? 6 : 0, tickFormat: m.xTickFormat, label: o.xLabel ?? null, labelOffset: 32 }),
      Plot.axisY({ ...axis, tickFormat: percent, label: null }),
      rects(m.ref, 'ref'),
      rects(m.cur, 'cur'),
    ],
  });
  const svg = finishChart(node, { title: o.title, className: 'histogram' });
  groupParts(svg, 'bin', m.spoken.map((label) => ({ label, className: 'bin' })), 'bins');
  return chartBox(legend([{ name: m.names[0], className: 'ref', shape: 'square' }, { name: m.names[1], className: 'cur', shape: 'square' }]), svg);
}
