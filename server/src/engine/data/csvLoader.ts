/**
 * Load a CSV file into a Table: read the layout, plan which fields to parse and how, parse on one
 * thread or split in two at a row boundary (csvRanges.ts), re-read as text any column that turned
 * out not to be numeric, then give each column its final type.
 */
import { open, type FileHandle } from 'node:fs/promises';
import type { KernelConfig } from './csvKernel';
import { readCsvLayout, delimiterCode } from './csvHeader';
import { parseParallel, parseSingle, type Job } from './csvRanges';
import { finishColumns, type Part } from './columnParts';
import { dataErrors, kernelErrorToPlumb } from './messages';
import { DEFAULT_NA_VALUES, DEFAULT_PARALLEL_MIN_BYTES, type LoadOptions } from './options';
import type { ColumnType, Table } from './table';

/** Open a data file, turning the usual failures into PlumbErrors. */
export async function openDataFile(file: string): Promise<FileHandle> {
  let fh: FileHandle;
  try {
    fh = await open(file, 'r');
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'ENOTDIR') throw dataErrors.fileNotFound(file);
    throw dataErrors.unreadable(file, code === 'EACCES' || code === 'EPERM' ? 'permission denied' : (e as Error).message);
  }
  const st = await fh.stat();
  if (!st.isFile()) {
    await fh.close();
    throw dataErrors.unreadable(file, st.isDirectory() ? 'it is a folder, not a file' : 'it is not a regular file');
  }
  return fh;
}

/** Check the names in `columns` and `types` against the file's; returns the kernel mode per field. */
export function planFields(file: string, names: readonly string[], options: LoadOptions): { modes: number[]; forced: boolean[]; types: Record<string, ColumnType> } {
  const types = options.types ?? {};
  for (const [name, type] of Object.entries(types)) {
    if (!names.includes(name)) throw dataErrors.unknownColumn(file, name, 'types', names);
    if (!['numeric', 'categorical', 'boolean', 'datetime'].includes(type)) {
      throw dataErrors.badOption(file, `type \`${type}\` for column \`${name}\` is not one of numeric, categorical, boolean, datetime`);
    }
  }
  const wanted = options.columns ? new Set(options.columns) : null;
  for (const name of options.columns ?? []) if (!names.includes(name)) throw dataErrors.unknownColumn(file, name, 'columns', names);
  const modes = names.map((name) => {
    if (wanted && !wanted.has(name)) return 0;
    const t = types[name];
    return t === undefined ? 1 : t === 'numeric' ? 2 : 3;
  });
  const forced = names.map((name) => types[name] === 'numeric');
  return { modes, forced, types };
}

export async function loadCsvFrom(fh: FileHandle, file: string, options: LoadOptions): Promise<Table> {
  const size = (await fh.stat()).size;
  const layout = await readCsvLayout(fh, file, options);
  if (!layout.hasContent && (options.header ?? true)) throw dataErrors.emptyFile(file);
  const { modes, forced, types } = planFields(file, layout.names, options);
  const maxRows = options.maxRows ?? Number.MAX_SAFE_INTEGER;
  if (!(maxRows >= 0)) throw dataErrors.badOption(file, `maxRows must be a number of rows, not ${options.maxRows}`);
  const config: KernelConfig = {
    delimiter: delimiterCode(file, layout.delimiter),
    skipInitialSpace: options.skipInitialSpace ?? false,
    modes,
    forced,
    naValues: [...(options.naValues ?? DEFAULT_NA_VALUES)],
    maxRows,
    // small to start when there are very many columns; the driver sizes it from the first chunk
    capacity: Math.max(16, Math.min(1024, Math.floor(4_000_000 / Math.max(1, modes.filter((m) => m !== 0).length)))),
    firstLine: layout.firstDataLine,
  };
  const dataBytes = Math.max(1, size - layout.dataStart);
  let lastReported = -1;
  const progress = (bytes: number) => {
    const f = Math.min(0.99, bytes / dataBytes);
    if (options.onProgress && f - lastReported >= 0.01) {
      lastReported = f;
      options.onProgress(f);
    }
  };
  const job: Job = { fh, file, size, layout, config, options, progress };
  const parallel =
    (options.threads ?? 2) === 2 && options.maxRows === undefined && dataBytes >= (options.parallelMinBytes ?? DEFAULT_PARALLEL_MIN_BYTES) && modes.some((m) => m !== 0);
  let part: Part;
  try {
    part = parallel ? await parseParallel(job) : await parseSingle(job, config, true);
    const demoted = part.columns.map((c) => c.kind === 'demoted');
    if (demoted.some(Boolean)) {
      // Columns that began as numbers and then met text: read them again, as text, in one pass.
      const again = await parseSingle(job, { ...config, modes: modes.map((m, f) => (demoted[f] ? 3 : 0)) }, false);
      part = { rows: part.rows, columns: part.columns.map((c, f) => (demoted[f] ? again.columns[f] : c)) };
    }
  } catch (e) {
    throw kernelErrorToPlumb(e, file, layout.names);
  }
  const columns = finishColumns(part, layout.names, types, file);
  options.onProgress?.(1);
  return { file, rowCount: part.rows, columns };
}

export async function loadCsv(file: string, options: LoadOptions = {}): Promise<Table> {
  const fh = await openDataFile(file);
  try {
    return await loadCsvFrom(fh, file, options);
  } finally {
    await fh.close();
  }
}
