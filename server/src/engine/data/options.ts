/**
 * Options of `loadTable` and the defaults behind them. Everything is optional: a plain
 * `loadTable(path)` reads every column with its type inferred, from a CSV whose delimiter is
 * detected, or from a Parquet file.
 */
import type { CancelSignal } from '../errors';
import type { ColumnType } from './table';

export interface LoadOptions {
  /** Load only these columns (in file order); the others are not parsed. */
  columns?: string[];
  /** Force a column's type instead of inferring it. */
  types?: Record<string, ColumnType>;
  /** Stop after this many data rows. */
  maxRows?: number;
  /** Checked between chunks; a cancelled load throws CancelledError. */
  signal?: CancelSignal;
  /** Called with the fraction of the file done, from 0 to 1. */
  onProgress?: (fractionDone: number) => void;

  /** CSV: the delimiter (one character; `tab` or `\t` written out also mean tab). Detected from the header line among `,` `;` tab `|` when absent. */
  delimiter?: string;
  /** CSV: whether the first line holds the column names (default true). */
  header?: boolean;
  /** CSV: column names for a file without a header (default `column1`, `column2`, ...). */
  columnNames?: string[];
  /** CSV: skip spaces right after each delimiter (files written as `a, b, c`). */
  skipInitialSpace?: boolean;
  /** CSV: the tokens read as missing, replacing DEFAULT_NA_VALUES. Compared exactly, case-sensitive. */
  naValues?: string[];
  /** CSV: the longest row accepted, in bytes (default 64 MiB); a longer one is an error, not a hang. */
  maxRowBytes?: number;
  /** CSV: 1 to parse on this thread only; 2 (default) lets large files be split with a second thread. */
  threads?: 1 | 2;
  /** CSV: files smaller than this many bytes are parsed on one thread (default 32 MiB). */
  parallelMinBytes?: number;
  /** CSV: bytes read per chunk (default 1 MiB). */
  chunkBytes?: number;
}

/**
 * Tokens read as missing in CSV (and in Parquet string columns): pandas' default `na_values`,
 * so that a file reads with the same missing cells in Plumb and in pandas. The empty field is
 * always missing. Note that `?` (used by some UCI files) is not in the list: pass
 * `naValues: [...DEFAULT_NA_VALUES, '?']` for those.
 */
export const DEFAULT_NA_VALUES: readonly string[] = [
  '',
  '#N/A',
  '#N/A N/A',
  '#NA',
  '-1.#IND',
  '-1.#QNAN',
  '-NaN',
  '-nan',
  '1.#IND',
  '1.#QNAN',
  '<NA>',
  'N/A',
  'NA',
  'NULL',
  'NaN',
  'None',
  'n/a',
  'nan',
  'null',
];

export const DEFAULT_MAX_ROW_BYTES = 64 * 1024 * 1024;
export const DEFAULT_CHUNK_BYTES = 1024 * 1024;
export const DEFAULT_PARALLEL_MIN_BYTES = 32 * 1024 * 1024;
/** Delimiters the header line is searched for, in order of preference on a tie. */
export const DELIMITER_CANDIDATES: readonly string[] = [',', ';', '\t', '|'];

export const CSV_EXTENSIONS: readonly string[] = ['.csv', '.tsv', '.txt', '.data'];
export const PARQUET_EXTENSIONS: readonly string[] = ['.parquet', '.pq'];
