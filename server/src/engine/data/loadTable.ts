/**
 * The data loader's front door: `loadTable` picks CSV or Parquet by the file's extension;
 * `readHeader` and `inferColumnTypes` read only the start of a file, for the language server.
 */
import { extname } from 'node:path';
import { loadCsv, openDataFile } from './csvLoader';
import { readCsvLayout } from './csvHeader';
import { loadParquet, readParquetColumns } from './parquet';
import { dataErrors } from './messages';
import { CSV_EXTENSIONS, PARQUET_EXTENSIONS, type LoadOptions } from './options';
import type { ColumnType, Table } from './table';

export type DataFormat = 'csv' | 'parquet';

/** csv for .csv .tsv .txt .data, parquet for .parquet .pq (any case); else a PlumbError. */
export function dataFormat(file: string): DataFormat {
  const ext = extname(file).toLowerCase();
  if (CSV_EXTENSIONS.includes(ext)) return 'csv';
  if (PARQUET_EXTENSIONS.includes(ext)) return 'parquet';
  throw dataErrors.unsupportedFormat(file, [...CSV_EXTENSIONS, ...PARQUET_EXTENSIONS]);
}

/** Load a data file into columns. For a .tsv file the delimiter defaults to tab. */
export async function loadTable(file: string, options: LoadOptions = {}): Promise<Table> {
  const format = dataFormat(file);
  if (format === 'parquet') return loadParquet(file, options);
  const tsv = extname(file).toLowerCase() === '.tsv' && options.delimiter === undefined;
  return loadCsv(file, tsv ? { ...options, delimiter: '\t' } : options);
}

export interface HeaderInfo {
  columns: string[];
  /** The CSV delimiter found or given; '' for Parquet. */
  delimiter: string;
  format: DataFormat;
}

/** Column names from the header line of a CSV (or the footer schema of a Parquet file), nothing more. */
export async function readHeader(file: string, options: Pick<LoadOptions, 'delimiter' | 'header' | 'columnNames' | 'maxRowBytes'> = {}): Promise<HeaderInfo> {
  const format = dataFormat(file);
  if (format === 'parquet') return { columns: await readParquetColumns(file), delimiter: '', format };
  const tsv = extname(file).toLowerCase() === '.tsv' && options.delimiter === undefined;
  const fh = await openDataFile(file);
  try {
    const layout = await readCsvLayout(fh, file, tsv ? { ...options, delimiter: '\t' } : options);
    if (!layout.hasContent && (options.header ?? true)) throw dataErrors.emptyFile(file);
    return { columns: layout.names, delimiter: layout.delimiter, format };
  } finally {
    await fh.close();
  }
}

/** Each column's type as inferred from the first `sampleRows` rows only. */
export async function inferColumnTypes(file: string, sampleRows = 1000, options: Omit<LoadOptions, 'maxRows' | 'columns'> = {}): Promise<Record<string, ColumnType>> {
  const table = await loadTable(file, { ...options, maxRows: sampleRows, threads: 1 });
  const out: Record<string, ColumnType> = {};
  for (const c of table.columns) out[c.name] = c.type;
  return out;
}
