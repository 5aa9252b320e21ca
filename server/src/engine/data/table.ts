/**
 * The in-memory shape of a data set: columns, not rows. Numbers live in Float64Array with NaN for
 * missing; strings are dictionary-encoded (Int32Array codes into `categories`, -1 for missing).
 * Booleans are numeric 0/1 and datetimes are numeric milliseconds since the epoch (UTC), each with
 * its own `type` so callers know how to show them. Nothing missing is ever turned into 0.
 */
export type ColumnType = 'numeric' | 'categorical' | 'boolean' | 'datetime';

export interface NumericColumn {
  name: string;
  type: 'numeric' | 'boolean' | 'datetime';
  /** One value per row; NaN where the value is missing. */
  values: Float64Array;
  /** Count of missing values. */
  missing: number;
}

export interface CategoricalColumn {
  name: string;
  type: 'categorical';
  /** One code per row into `categories`; -1 where the value is missing. */
  codes: Int32Array;
  /** Distinct values in order of first appearance. */
  categories: string[];
  missing: number;
}

export type Column = NumericColumn | CategoricalColumn;

export interface Table {
  /** The file the table came from, for messages. */
  file: string;
  rowCount: number;
  columns: Column[];
}

export function findColumn(table: Table, name: string): Column | undefined {
  return table.columns.find((c) => c.name === name);
}

/** The value of a cell as text, for messages and previews. */
export function cellText(column: Column, row: number): string {
  if (column.type === 'categorical') {
    const code = column.codes[row];
    return code < 0 ? '' : column.categories[code];
  }
  const v = column.values[row];
  if (Number.isNaN(v)) return '';
  if (column.type === 'datetime') return new Date(v).toISOString();
  return String(v);
}
