/**
 * Plumb's data loader: CSV and Parquet files into columnar Tables. See README.md in this folder for
 * the options, the missing-value tokens, the type rules and the error codes.
 */
export * from './table';
export { loadTable, readHeader, inferColumnTypes, dataFormat, type DataFormat, type HeaderInfo } from './loadTable';
export { loadCsv } from './csvLoader';
export { loadParquet } from './parquet';
export { detectDelimiter, cleanNames } from './csvHeader';
export { parseNumberText, parseBooleanText, parseDatetimeText, inferTextType } from './inference';
export { DataErrorCode } from './messages';
export {
  DEFAULT_NA_VALUES,
  DEFAULT_MAX_ROW_BYTES,
  DELIMITER_CANDIDATES,
  CSV_EXTENSIONS,
  PARQUET_EXTENSIONS,
  type LoadOptions,
} from './options';
export { previewFile, tablePreview, columnPreview, type ColumnPreview, type TablePreview } from './preview';
