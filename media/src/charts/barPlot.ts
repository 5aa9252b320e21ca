/**
 * The bar chart drawn with Observable Plot from `barModel`: bars from the zero line, error bars
 * (a link with tick ends), labels left of the bars, values right of them, dashed reference lines
 * behind the bars (labelled above the plot).
 * Each row (bar, label, interval, value) becomes one focusable `g.bar-row` with its `aria-label`.
 */
import * as Plot from '@observablehq/plot';
import { barModel, type BarChartOptions } from './bar';
import { chartBox, finishChart, groupParts, part, frame } from './plotDom';

/** Font size of chart text (panel.css), for Plot's estimate of label widths. */
export const FONT_SIZE = 11;

export function barChart(o: BarChartOptions): HTMLElement {
  const m = barModel(o);
  const { rows, references } = m;
  const band = m.rowHeight;
  const node = Plot.plot({
    ...frame(m, o.title),
    x: { domain: m.domain, nice: m.nice },
    // One band per row: the bar is the band less 4 px above and below.
    y: { domain: rows.map((r) => r.index), axis: null, paddingInner: 8 / band, paddingOuter: 4 / band, align: 0.5 },
    marks: [
      Plot.gridX({ className: 'grid', ariaHidden: 'true' }),
      Plot.axisX({ className: 'axis', tickFormat: m.format, label: o.xLabel ?? null, labelAnchor: 'center', labelArrow: 'none', labelOffset: 32, ariaHidden: 'true' }),
      // Reference lines behind the bars, so that they never cross a value label.
      Plot.ruleX(references, { x: 'value', insetTop: -4, className: 'reference-lines', render: part('ref') }),
      ...(['middle', 'end'] as const).map((anchor) =>
        Plot.text(references, { filter: (r) => r.anchor === anchor, x: 'value', text: 'text', frameAnchor: 'top', lineAnchor: 'bottom', dy: -5, textAnchor: anchor, className: 'reference-labels', render: part('ref', () => 'reference-label') }),
      ),
      Plot.barX(rows, { x1: 'x1', x2: 'x2', y: 'index', className: 'bars', render: part('row', (i) => rows[i].barClass) }),
      Plot.link(rows, { x1: 'low', x2: 'high', y1: 'index', y2: 'index', className: 'error-bars', markerStart: 'tick', markerEnd: 'tick', render: part('row', () => 'error-bar') }),
      Plot.text(rows, { y: 'index', text: 'label', frameAnchor: 'left', textAnchor: 'end', dx: -8, lineWidth: (m.margin.left - 12) / FONT_SIZE, textOverflow: 'ellipsis', className: 'bar-labels', render: part('row', () => 'bar-label') }),
      Plot.text(rows, { x: 'textAt', y: 'index', text: 'text', textAnchor: 'start', dx: 4, className: 'value-labels', render: part('row', (i) => (rows[i].value === null ? 'value-label muted' : 'value-label')) }),
    ],
  });
  const svg = finishChart(node, { title: o.title, className: 'bar-chart' });
  groupParts(svg, 'row', rows.map((r) => ({ label: r.spoken, className: r.className, key: r.key })), 'bars');
  groupParts(svg, 'ref', references.map((r) => ({ label: r.spoken, className: r.className })), 'references');
  // A clipped label's full text is in the row's title already.
  for (const t of Array.from(svg.querySelectorAll('.bar-label title'))) t.remove();
  return chartBox(svg);
}
