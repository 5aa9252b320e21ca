/**
 * A preview of each column from the first rows of a data file, for hovers and completion details in
 * the editor: its type, how many of the rows read are missing, the range and mean of a numeric
 * column and the most frequent values of a categorical one. Reads at most `maxRows` rows (the
 * `plumb.hover.maxRows` setting); checks never use it.
 */
import { loadTable } from './loadTable';
import type { Column, ColumnType, Table } from './table';

export interface ColumnPreview {
  type: ColumnType;
  /** Rows read (the same for every column of a file). */
  rows: number;
  missing: number;
  /** Numeric, boolean and datetime columns: over the non-missing values read (null when all are missing). */
  min?: number | null;
  max?: number | null;
  mean?: number | null;
  /** Categorical and boolean columns: distinct values among the rows read. */
  distinct?: number;
  /** The most frequent values (at most 5), most frequent first, ties in order of first appearance. */
  top?: { value: string; count: number }[];
}

export interface TablePreview {
  /** Rows read: fewer than asked when the file is shorter. */
  rows: number;
  /** True when those are all the file's rows (it had fewer than the limit). */
  complete: boolean;
  columns: Record<string, ColumnPreview>;
}

const TOP = 5;

function numericPreview(values: Float64Array, missing: number, type: ColumnType, rows: number): ColumnPreview {
  let min = Infinity;
  let max = -Infinity;
  let sum = 0;
  let n = 0;
  for (const v of values) {
    if (Number.isNaN(v)) continue;
    if (v < min) min = v;
    if (v > max) max = v;
    sum += v;
    n++;
  }
  return { type, rows, missing, min: n ? min : null, max: n ? max : null, mean: n ? sum / n : null };
}

function topValues(labels: string[], counts: number[]): { value: string; count: number }[] {
  return labels
    .map((value, i) => ({ value, count: counts[i], i }))
    .filter((x) => x.count > 0)
    .sort((a, b) => b.count - a.count || a.i - b.i)
    .slice(0, TOP)
    .map(({ value, count }) => ({ value, count }));
}

export function columnPreview(column: Column, rows: number): ColumnPreview {
  if (column.type === 'categorical') {
    const counts = new Array<number>(column.categories.length).fill(0);
    for (const c of column.codes) if (c >= 0) counts[c]++;
    return { type: 'categorical', rows, missing: column.missing, distinct: counts.filter((c) => c > 0).length, top: topValues(column.categories, counts) };
  }
  const out = numericPreview(column.values, column.missing, column.type, rows);
  if (column.type === 'boolean') {
    const counts = [0, 0];
    for (const v of column.values) if (!Number.isNaN(v)) counts[v ? 1 : 0]++;
    // As the loader understood them (the file may say yes/no or 1/0).
    out.distinct = counts.filter((c) => c > 0).length;
    out.top = topValues(['false', 'true'], counts);
  }
  return out;
}

/** `limit`: the most rows that were read (the table is the whole file when it has fewer). */
export function tablePreview(table: Table, limit = Infinity): TablePreview {
  const columns: Record<string, ColumnPreview> = {};
  for (const c of table.columns) columns[c.name] = columnPreview(c, table.rowCount);
  return { rows: table.rowCount, complete: table.rowCount < limit, columns };
}

/** Reads the first `maxRows` rows (one thread) and previews every column. */
export async function previewFile(file: string, maxRows: number): Promise<TablePreview> {
  if (!(Number.isInteger(maxRows) && maxRows > 0)) throw new RangeError(`previewFile: maxRows must be a positive integer (got ${maxRows}).`);
  return tablePreview(await loadTable(file, { maxRows, threads: 1 }), maxRows);
}
