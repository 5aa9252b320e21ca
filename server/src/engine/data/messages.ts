/**
 * The data loader's error codes and message texts, in one place. Codes are stable (documented in
 * README.md beside this file); the messages name the file, the place and what to do.
 */
import { PlumbError, type ErrorPlace } from '../errors';

export const DataErrorCode = {
  fileNotFound: 'data.file-not-found',
  unreadable: 'data.unreadable',
  unsupportedFormat: 'data.unsupported-format',
  unknownColumn: 'data.unknown-column',
  badOption: 'data.bad-option',
  emptyFile: 'csv.empty-file',
  raggedRow: 'csv.ragged-row',
  unterminatedQuote: 'csv.unterminated-quote',
  notANumber: 'data.not-a-number',
  notABoolean: 'data.not-a-boolean',
  notADatetime: 'data.not-a-datetime',
  rowTooLong: 'csv.row-too-long',
  parquetInvalid: 'parquet.invalid',
  parquetUnsupported: 'parquet.unsupported-column',
} as const;

const size = (bytes: number) =>
  bytes >= 1048576 ? `${Math.round((bytes / 1048576) * 10) / 10} MB` : bytes >= 10240 ? `${Math.round(bytes / 1024)} KB` : `${bytes} bytes`;
const shown = (value: string) => JSON.stringify(value.length > 80 ? `${value.slice(0, 80)}...` : value);
const list = (names: readonly string[]) => (names.length > 12 ? `${names.slice(0, 12).join(', ')}, ... (${names.length} in all)` : names.join(', '));

export const dataErrors = {
  fileNotFound: (file: string) => new PlumbError(DataErrorCode.fileNotFound, `data file not found: ${file}; check the path (relative paths are resolved from the spec file's folder)`, { file }),
  unreadable: (file: string, why: string) => new PlumbError(DataErrorCode.unreadable, `cannot read the data file: ${why}`, { file }),
  unsupportedFormat: (file: string, extensions: readonly string[]) =>
    new PlumbError(DataErrorCode.unsupportedFormat, `unsupported data file type; use one of ${extensions.join(', ')}`, { file }),
  unknownColumn: (file: string, name: string, option: string, available: readonly string[]) =>
    new PlumbError(DataErrorCode.unknownColumn, `\`${option}\` names column \`${name}\`, which is not in the file (columns: ${list(available)})`, { file, column: name }),
  badOption: (file: string, what: string) => new PlumbError(DataErrorCode.badOption, what, { file }),
  emptyFile: (file: string) => new PlumbError(DataErrorCode.emptyFile, 'the file is empty: a CSV needs at least a header line with the column names', { file }),
  raggedRow: (file: string, line: number, expected: number, found: number) =>
    new PlumbError(
      DataErrorCode.raggedRow,
      `row has ${found} field${found === 1 ? '' : 's'} but the header has ${expected}; check for an unquoted delimiter or a missing field${expected === 1 ? ', or set the delimiter' : ''}`,
      { file, line },
    ),
  unterminatedQuote: (file: string, line: number, column?: string) =>
    new PlumbError(DataErrorCode.unterminatedQuote, 'a quoted field opened here is never closed before the end of the file; close the quote or double the quotes inside it ("")', { file, line, column }),
  notANumber: (place: ErrorPlace, value: string) =>
    new PlumbError(DataErrorCode.notANumber, `${shown(value)} is not a number, but the column is read as numeric; fix the value, or do not force the type`, place),
  notABoolean: (place: ErrorPlace, value: string) =>
    new PlumbError(DataErrorCode.notABoolean, `${shown(value)} is not a boolean (true/false/yes/no), but the column is read as boolean`, place),
  notADatetime: (place: ErrorPlace, value: string) =>
    new PlumbError(DataErrorCode.notADatetime, `${shown(value)} is not an ISO 8601 date or date-time (e.g. 2024-05-01 or 2024-05-01T13:45:00Z), but the column is read as datetime`, place),
  rowTooLong: (file: string, line: number, limit: number) =>
    new PlumbError(
      DataErrorCode.rowTooLong,
      `the row starting here is longer than ${size(limit)}; the file may not be a CSV, may have an unclosed quote, or may need a larger maxRowBytes`,
      { file, line },
    ),
  parquetInvalid: (file: string, why: string) => new PlumbError(DataErrorCode.parquetInvalid, `cannot read the Parquet file: ${why}`, { file }),
  parquetUnsupported: (file: string, column: string, what: string) =>
    new PlumbError(DataErrorCode.parquetUnsupported, `column \`${column}\` is ${what}, which Plumb cannot load as a table column; select other columns`, { file, column }),
};

/** A kernel error (thrown as data, see csvKernel.ts) as the PlumbError it stands for; `lineOffset` shifts its line. */
export function kernelErrorToPlumb(e: unknown, file: string, names: readonly string[], lineOffset = 0): unknown {
  const k = (e as { kernel?: { code: string; line: number; field: number; detail: string | number } })?.kernel;
  if (!k) return e;
  const line = k.line + lineOffset;
  const column = k.field >= 0 ? names[k.field] : undefined;
  switch (k.code) {
    case 'csv.ragged-row':
      return dataErrors.raggedRow(file, line, names.length, Number(k.detail));
    case 'csv.unterminated-quote':
      return dataErrors.unterminatedQuote(file, line, column);
    case 'csv.not-a-number':
      return dataErrors.notANumber({ file, line, column }, String(k.detail));
    case 'csv.row-too-long':
      return dataErrors.rowTooLong(file, line, Number(k.detail));
    default:
      return new PlumbError(k.code, `CSV parse error ${k.code}`, { file, line, column });
  }
}
