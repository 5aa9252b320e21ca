/**
 * Heatmap for a confusion matrix (or any small table of counts), the data side: one cell per value,
 * shaded by its share of the largest value, with the number written in it (in the strong text
 * colour on dark cells) and what a screen reader says. `heatmapPlot.ts` draws it with Plot.
 */
import { clip, shortNumber, type Margin } from './numbers';

export interface HeatmapOptions {
  title: string;
  rowLabels: string[];
  colLabels: string[];
  values: number[][];
  rowTitle?: string;
  colTitle?: string;
  /** Side of a cell in pixels (default 64). */
  cell?: number;
  format?: (v: number) => string;
  /** Words for a cell's accessible label, e.g. (r, c) => "true 1, predicted 0". */
  describe?: (row: number, col: number) => string;
  /** Extra class per cell, e.g. `correct` on the diagonal. */
  cellClass?: (row: number, col: number) => string | undefined;
}

export interface HeatCell {
  row: number;
  col: number;
  value: number;
  /** The value over the largest value (0 when it is not finite or all are 0). */
  share: number;
  /** Fill opacity: 0.08 for nothing up to 1 for the largest. */
  opacity: number;
  text: string;
  spoken: string;
  className: string;
  /** Class of the number: `cell-label`, plus `strong` on dark cells. */
  labelClass: string;
}

export interface HeatmapModel {
  cells: HeatCell[];
  /** Row and column tick labels, clipped to fit. */
  rowTicks: string[];
  colTicks: string[];
  cell: number;
  width: number;
  height: number;
  margin: Margin;
}

export function heatmapModel(o: HeatmapOptions): HeatmapModel {
  const cell = o.cell ?? 64;
  const format = o.format ?? shortNumber;
  let max = 0;
  for (const row of o.values) for (const v of row) if (Number.isFinite(v) && v > max) max = v;
  const cells = o.values.flatMap((row, i) =>
    row.map((value, j): HeatCell => {
      const share = max > 0 && Number.isFinite(value) ? value / max : 0;
      const spoken = `${o.describe ? o.describe(i, j) : `${o.rowLabels[i]}, ${o.colLabels[j]}`}: ${format(value)}`;
      return {
        row: i,
        col: j,
        value,
        share,
        opacity: Math.round((0.08 + 0.92 * share) * 100) / 100,
        text: format(value),
        spoken,
        className: `cell ${o.cellClass?.(i, j) ?? ''}`.trim(),
        labelClass: share > 0.55 ? 'cell-label strong' : 'cell-label',
      };
    }),
  );
  const margin = { top: 40, right: 8, bottom: 8, left: 96 };
  return {
    cells,
    rowTicks: o.rowLabels.map((r) => clip(r, 10)),
    colTicks: o.colLabels.map((c) => clip(c, Math.floor(cell / 7))),
    cell,
    width: margin.left + cell * o.colLabels.length + margin.right,
    height: margin.top + cell * o.rowLabels.length + margin.bottom,
    margin,
  };
}
