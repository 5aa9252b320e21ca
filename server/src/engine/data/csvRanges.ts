/**
 * Parsing a CSV's data rows, on this thread alone or split over two.
 *
 * The split: this thread parses up to a newline near the middle while a worker parses the rest. As
 * soon as this thread's first chunk tells the bytes per row, every column that has storage by then
 * gets one SharedArrayBuffer sized for the whole file: this thread writes rows [0, base), the
 * worker rows [base, ...). Joining the halves is then a move within that buffer (closing the gap
 * left by the estimate) instead of a copy of the worker's half into new memory, so the worker's
 * rows never exist twice and no memory is touched for them but their final place. Whatever the
 * estimate misses (a half with more rows than planned, a column typed only later) falls back to
 * the thread's own arrays and a copy at the join, with the same result.
 */
import type { FileHandle } from 'node:fs/promises';
import { createKernelState, kernelResult, roomFor, type KernelConfig, type KernelPreset, type KernelState } from './csvKernel';
import { parseRange } from './csvDriver';
import type { CsvLayout } from './csvHeader';
import { startKernelWorker, type KernelWorker } from './csvWorker';
import { joinParts, partFromKernel, type Part, type SharedColumns } from './columnParts';
import { kernelErrorToPlumb } from './messages';
import { DEFAULT_CHUNK_BYTES, DEFAULT_MAX_ROW_BYTES, type LoadOptions } from './options';

export interface Job {
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

/** The data rows on this thread, with `config` (the text pass uses its own). */
export async function parseSingle(job: Job, config: KernelConfig, report: boolean): Promise<Part> {
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
 * Move this thread's stored columns into SharedArrayBuffers with room for both halves, from the
 * rows per byte seen so far (`rowsDone` rows in `bytesDone` bytes; `mainLeft` bytes left before the
 * split, `workerBytes` after it). Returns the shared columns and the worker's presets.
 */
export function shareColumns(
  st: KernelState,
  rowsDone: number,
  bytesDone: number,
  mainLeft: number,
  workerBytes: number,
  chunkRows: number,
): { shared: SharedColumns; preset: Array<KernelPreset | null>; workerRows: number } {
  const base = roomFor(st, st.rows, rowsDone, bytesDone, mainLeft, chunkRows, st.rows + 1);
  const workerRows = Math.max(1, roomFor(st, 0, rowsDone, bytesDone, workerBytes, chunkRows, 0));
  const total = base + workerRows;
  const shared: SharedColumns = { base, num: [], codes: [] };
  const preset = st.cols.map((col, f): KernelPreset | null => {
    shared.num[f] = null;
    shared.codes[f] = null;
    if (col.mode === 2) {
      const all = new Float64Array(new SharedArrayBuffer(total * 8));
      all.set(col.num.subarray(0, st.rows));
      col.num = all.subarray(0, base);
      shared.num[f] = all;
      return { num: all.subarray(base), codes: null };
    }
    if (col.mode === 3) {
      const all = new Int32Array(new SharedArrayBuffer(total * 4));
      all.set(col.codes.subarray(0, st.rows));
      col.codes = all.subarray(0, base);
      shared.codes[f] = all;
      return { num: null, codes: all.subarray(base) };
    }
    return null;
  });
  // every stored column is now shared, so every stored column has exactly `base` rows of room
  st.cap = base;
  st.sized = true;
  return { shared, preset, workerRows };
}

/**
 * Two threads: this one parses up to the split, a worker from the split on. The split is trusted
 * only if this thread's parse ends exactly there at a row boundary (not inside a quoted field);
 * otherwise the worker is stopped and this thread carries on alone (in its own arrays, never in
 * the worker's part of the shared ones).
 */
export async function parseParallel(job: Job): Promise<Part> {
  const split = await findSplit(job);
  if (split === null) return parseSingle(job, job.config, true);
  let mainBytes = 0;
  let workerBytes = 0;
  const report = () => job.progress(mainBytes + workerBytes);
  const o = rangeOptions(job);
  const t: { worker?: KernelWorker; shared?: SharedColumns } = {};
  const startWorker = (preset?: Array<KernelPreset | null>, rows?: number) => {
    const config: KernelConfig = { ...job.config, firstLine: 1, ...(preset && rows ? { preset, capacity: rows, sized: true } : {}) };
    const data = { config, path: job.file, start: split, end: job.size, chunkBytes: o.chunkBytes, maxRowBytes: o.maxRowBytes };
    t.worker = startKernelWorker(data, (b) => {
      workerBytes = b;
      report();
    }, job.options.signal);
    return t.worker;
  };
  const st = createKernelState(job.config);
  let worker: KernelWorker;
  try {
    const first = await parseRange(job.fh, st, job.layout.dataStart, split, true, {
      ...o,
      onEstimate: (rowsDone, bytesDone, bytesLeft, chunkRows) => {
        const plan = shareColumns(st, rowsDone, bytesDone, bytesLeft, job.size - split, chunkRows);
        t.shared = plan.shared;
        startWorker(plan.preset, plan.workerRows);
      },
      onBytes: (b) => {
        mainBytes = b;
        report();
      },
    });
    if (!first.complete) {
      t.worker?.terminate();
      await parseRange(job.fh, st, first.pos, job.size, false, { ...o, onBytes: (b) => job.progress(first.pos - job.layout.dataStart + b) });
      return partFromKernel(kernelResult(st));
    }
    // too few rows before the split to estimate from: the worker sizes its own columns
    worker = t.worker ?? startWorker();
  } catch (e) {
    t.worker?.terminate();
    throw e;
  }
  let second;
  try {
    second = await worker.result;
  } catch (e) {
    throw kernelErrorToPlumb(e, job.file, job.layout.names, st.line - 1);
  }
  return joinParts(partFromKernel(kernelResult(st)), partFromKernel(second), st.line - 1, t.shared);
}
