/**
 * Heatmap for a confusion matrix (or any small table of counts): one cell per value, shaded by its
 * share of the largest value, the number written in the cell, every cell focusable and labelled.
 */
import { clip, el, esc, px, shortNumber, svgRoot, text } from './svg';

export interface HeatmapOptions {
  title: string;
  rowLabels: string[];
  colLabels: string[];
  values: number[][];
  rowTitle?: string;
  colTitle?: string;
  cell?: number;
  format?: (v: number) => string;
  /** Words for a cell's accessible label, e.g. (r, c) => "true 1, predicted 0". */
  describe?: (row: number, col: number) => string;
  /** Extra class per cell, e.g. `correct` on the diagonal. */
  cellClass?: (row: number, col: number) => string | undefined;
}

export function heatmap(o: HeatmapOptions): string {
  const cell = o.cell ?? 64;
  const format = o.format ?? shortNumber;
  const left = 96;
  const top = 40;
  const width = left + cell * o.colLabels.length + 8;
  const height = top + cell * o.rowLabels.length + 8;
  let max = 0;
  for (const row of o.values) for (const v of row) if (Number.isFinite(v) && v > max) max = v;
  const body: string[] = [];
  if (o.colTitle) body.push(text(left + (cell * o.colLabels.length) / 2, 12, o.colTitle, { class: 'axis-label', 'text-anchor': 'middle' }));
  if (o.rowTitle) body.push(text(12, top + (cell * o.rowLabels.length) / 2, o.rowTitle, { class: 'axis-label', 'text-anchor': 'middle', transform: `rotate(-90 12 ${px(top + (cell * o.rowLabels.length) / 2)})` }));
  o.colLabels.forEach((c, j) => body.push(text(left + j * cell + cell / 2, top - 8, clip(c, Math.floor(cell / 7)), { class: 'tick-label', 'text-anchor': 'middle' })));
  o.rowLabels.forEach((r, i) => body.push(text(left - 8, top + i * cell + cell / 2 + 4, clip(r, 10), { class: 'tick-label', 'text-anchor': 'end' })));
  o.values.forEach((row, i) =>
    row.forEach((v, j) => {
      const share = max > 0 && Number.isFinite(v) ? v / max : 0;
      const label = `${o.describe ? o.describe(i, j) : `${o.rowLabels[i]}, ${o.colLabels[j]}`}: ${format(v)}`;
      const x = left + j * cell;
      const y = top + i * cell;
      body.push(
        el('g', { class: `cell ${o.cellClass?.(i, j) ?? ''}`.trim(), tabindex: 0, role: 'img', 'aria-label': label }, [
          el('title', {}, esc(label)),
          el('rect', { class: 'cell-back', x: x + 1, y: y + 1, width: cell - 2, height: cell - 2 }),
          el('rect', { class: 'cell-fill', x: x + 1, y: y + 1, width: cell - 2, height: cell - 2, 'fill-opacity': Math.round((0.08 + 0.92 * share) * 100) / 100 }),
          text(x + cell / 2, y + cell / 2 + 5, format(v), { class: `cell-label ${share > 0.55 ? 'strong' : ''}`.trim(), 'text-anchor': 'middle' }),
        ]),
      );
    }),
  );
  return svgRoot(width, height, o.title, body, { role: 'group', className: 'heatmap' });
}
