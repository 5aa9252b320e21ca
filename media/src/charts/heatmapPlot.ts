/**
 * The heatmap drawn with Observable Plot from `heatmapModel`: two cell marks (the cell's outline
 * and its shade, whose opacity is the value's share of the largest), the number in each cell, the
 * column labels on top and the row labels on the left. Each cell is one focusable `g.cell`.
 */
import * as Plot from '@observablehq/plot';
import { heatmapModel, type HeatmapOptions } from './heatmap';
import { chartBox, finishChart, groupParts, part, frame } from './plotDom';

export function heatmap(o: HeatmapOptions): HTMLElement {
  const m = heatmapModel(o);
  const { cells } = m;
  const axis = { className: 'axis', tickSize: 0, labelAnchor: 'center', labelArrow: 'none', ariaHidden: 'true' } as const;
  const node = Plot.plot({
    ...frame(m, o.title),
    x: { domain: o.colLabels.map((_, j) => j), padding: 0 },
    y: { domain: o.rowLabels.map((_, i) => i), padding: 0 },
    opacity: { type: 'identity' },
    marks: [
      Plot.axisX({ ...axis, anchor: 'top', tickFormat: (j: number) => m.colTicks[j], label: o.colTitle ?? null, labelOffset: 30 }),
      Plot.axisY({ ...axis, anchor: 'left', tickFormat: (i: number) => m.rowTicks[i], label: o.rowTitle ?? null, labelOffset: m.margin.left - 12 }),
      Plot.cell(cells, { x: 'col', y: 'row', inset: 1, className: 'cell-backs', render: part('cell', () => 'cell-back') }),
      Plot.cell(cells, { x: 'col', y: 'row', inset: 1, fillOpacity: 'opacity', className: 'cell-fills', render: part('cell', () => 'cell-fill') }),
      Plot.text(cells, { x: 'col', y: 'row', text: 'text', className: 'cell-labels', render: part('cell', (i) => cells[i].labelClass) }),
    ],
  });
  const svg = finishChart(node, { title: o.title, className: 'heatmap' });
  groupParts(svg, 'cell', cells.map((c) => ({ label: c.spoken, className: c.className })), 'cells');
  return chartBox(svg);
}
