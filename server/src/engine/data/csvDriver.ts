/**
 * The main thread's read loop: a byte range of the file, in chunks read into one reused buffer,
 * through the kernel. Checks cancellation between chunks and reports bytes done.
 */
import { readSync } from 'node:fs';
import type { FileHandle } from 'node:fs/promises';
import { throwIfCancelled, type CancelSignal } from '../errors';
import { canEstimate, kernelFail, parseChunk, planRoom, type KernelState } from './csvKernel';

export interface RangeOptions {
  chunkBytes: number;
  maxRowBytes: number;
  signal?: CancelSignal;
  /** Bytes of the range parsed so far. */
  onBytes?: (bytes: number) => void;
  /**
   * Called once, instead of the usual sizing, when the range's rows can first be estimated (the
   * two-thread split plans its shared columns here); it must size the columns and set `st.sized`.
   */
  onEstimate?: (rowsDone: number, bytesDone: number, bytesLeft: number, chunkRows: number) => void;
}

export interface RangeEnd {
  /** False when a soft end fell inside a row (so the split was not a row boundary). */
  complete: boolean;
  /** File offset where parsing stopped: the start of the first unparsed row. */
  pos: number;
}

/**
 * Parse bytes [start, end). With `soft`, `end` is not the end of the input: a row cut there is left
 * unparsed and reported as incomplete, so the caller can tell whether `end` was a row boundary.
 */
export async function parseRange(fh: FileHandle, st: KernelState, start: number, end: number, soft: boolean, o: RangeOptions): Promise<RangeEnd> {
  let buf = Buffer.allocUnsafe(Math.max(16, o.chunkBytes) + 1);
  let have = 0;
  let filePos = start;
  let chunks = 0;
  let chunkRows = 0;
  const rows0 = st.rows;
  for (;;) {
    throwIfCancelled(o.signal);
    const want = Math.min(buf.length - 1 - have, end - filePos);
    // Synchronous reads (from the page cache, mostly) cost less than an await per chunk; the loop
    // still yields to the event loop every few chunks so a cancellation can arrive.
    const n = want > 0 ? readSync(fh.fd, buf, have, want, filePos) : 0;
    if (++chunks % 8 === 0) await new Promise((resolve) => setImmediate(resolve));
    filePos += n;
    const total = have + n;
    const atEnd = filePos >= end || n === 0;
    const rowsBefore = st.rows;
    const used = parseChunk(st, buf, 0, total, atEnd && !soft);
    const rest = total - used;
    const doneBytes = filePos - start - rest;
    o.onBytes?.(doneBytes);
    if (st.done || atEnd) return { complete: rest === 0 || st.done, pos: filePos - rest };
    chunkRows = Math.max(chunkRows, st.rows - rowsBefore);
    const rowsDone = st.rows - rows0;
    if (!st.sized && o.onEstimate && canEstimate(rowsDone, doneBytes)) o.onEstimate(rowsDone, doneBytes, end - start - doneBytes, chunkRows);
    else planRoom(st, rowsDone, doneBytes, end - start - doneBytes, chunkRows);
    if (rest > o.maxRowBytes) kernelFail('csv.row-too-long', st.line, -1, o.maxRowBytes);
    if (used === 0 && rest === buf.length - 1) {
      const bigger = Buffer.allocUnsafe(Math.min(buf.length * 2, o.maxRowBytes + 3));
      buf.copy(bigger, 0, 0, total);
      buf = bigger;
    } else if (used > 0) buf.copyWithin(0, used, total);
    have = rest;
  }
}
