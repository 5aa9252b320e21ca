/**
 * Load a CSV file into a Table: read the layout, plan which fields to parse and how, parse on one
 * thread or split in two at a row boundary, re-read as text any column that turned out not to be
 * numeric, then give each column its final type.
 */
import { open, type FileHandle } from 'node:fs/promises';
import { PlumbError } from '../errors';
import { createKernelState, kernelResult, type KernelConfig, type KernelState } from './csvKernel';
import { parseRange } from './csvDriver';
import { readCsvLayout, delimiterCode, type CsvLayout } from './csvHeader';
import { startKernelWorker } from './csvWorker';
import { finishColumns, joinParts, partFromKernel, type Part } from './columnParts';
import { dataErrors } from './messages';
import { DEFAULT_CHUNK_BYTES, DEFAULT_MAX_ROW_BYTES, DEFAULT_NA_VALUES, DEFAULT_PARALLEL_MIN_BYTES, type LoadOptions } from './options';
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

/** A kernel error (thrown as data) as the PlumbError it stands for. `lineOffset` shifts its line. */
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

interface Job {
  fh: FileHandle;
  file: string;
  size: number;
  layout: CsvLayout;
  config: KernelConfig;
  options: LoadOptions;
  progress: (bytesDone: number) => void;
}

const rangeOptions = (job: Job, onBytes?: (b: number) => void) => ({
  chunkBytes: job.options.chunkBytes ?? DEFAULT_CHUNK_BYTES,
  maxRowBytes: job.options.maxRowBytes ?? DEFAULT_MAX_ROW_BYTES,
  signal: job.options.signal,
  onBytes,
});

async function parseSingle(job: Job, config: KernelConfig, report: boolean): Promise<Part> {
  const st = createKernelState(config);
  await parseRange(job.fh, st, job.layout.dataStart, job.size, false, rangeOptions(job, report ? job.progress : undefined));
  return partFromKernel(kernelResult(st));
}

/** A split point near the middle: just after a newline. Null when none is found nearby. */
async function findSplit(job: Job): Promise<number | null> {
  const { dataStart } = job.layout;
  const mid = dataStart + Math.floor((job.size - dataStart) / 2);
  const buf = Buffer.alloc(1 << 16);
  const { bytesRead } = await job.fh.read(buf, 0, buf.length, mid);
  const i = buf.subarray(0, bytesRead).indexOf(10);
  return i < 0 || mid + i + 1 >= job.size ? null : mid + i + 1;
}

/**
 * Two threads: this one parses up to the split, a worker from the split on. The split is trusted
 * only if this thread's parse ends exactly there at a row boundary (not inside a quoted field);
 * otherwise the worker is stopped and this thread carries on alone.
 */
async function parseParallel(job: Job): Promise<Part> {
  const split = await findSplit(job);
  if (split === null) return parseSingle(job, job.config, true);
  let mainBytes = 0;
  let workerBytes = 0;
  const report = () => job.progress(mainBytes + workerBytes);
  const o = rangeOptions(job);
  const worker = startKernelWorker(
    { config: { ...job.config, firstLine: 1 }, path: job.file, start: split, end: job.size, chunkBytes: o.chunkBytes, maxRowBytes: o.maxRowBytes },
    (b) => {
      workerBytes = b;
      report();
    },
    job.options.signal,
  );
  let st: KernelState;
  try {
    st = createKernelState(job.config);
    const first = await parseRange(job.fh, st, job.layout.dataStart, split, true, {
      ...o,
      // room for the worker's rows too, so joining the halves copies them into these arrays
      sizeForBytes: job.size - job.layout.dataStart,
      onBytes: (b) => {
        mainBytes = b;
        report();
      },
    });
    if (!first.complete) {
      worker.terminate();
      await parseRange(job.fh, st, first.pos, job.size, false, { ...o, onBytes: (b) => job.progress(first.pos - job.layout.dataStart + b) });
      return partFromKernel(kernelResult(st));
    }
  } catch (e) {
    worker.terminate();
    throw e;
  }
  let second;
  try {
    second = await worker.result;
  } catch (e) {
    throw kernelErrorToPlumb(e, job.file, job.layout.names, st.line - 1);
  }
  return joinParts(partFromKernel(kernelResult(st)), partFromKernel(second), st.line - 1);
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
