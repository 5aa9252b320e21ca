/**
 * Random access to a file's bytes without reading all of it: the zip reader only needs the
 * central directory and the few entries it scans, which matters for multi-gigabyte checkpoints.
 */
import { closeSync, fstatSync, openSync, readSync } from 'node:fs';

export interface ByteSource {
  readonly size: number;
  /** Up to `length` bytes from `offset` (fewer at the end of the source). */
  read(offset: number, length: number): Uint8Array;
}

export function bufferSource(buf: Uint8Array): ByteSource {
  return {
    size: buf.length,
    read: (offset, length) => buf.subarray(Math.max(0, offset), Math.max(0, Math.min(buf.length, offset + length))),
  };
}

/** readSync takes at most 2 GiB - 1 per call. */
const READ_CHUNK = 1 << 30;

export interface FileSource extends ByteSource {
  close(): void;
}

export function openFileSource(path: string): FileSource {
  const fd = openSync(path, 'r');
  try {
    const size = fstatSync(fd).size;
    return {
      size,
      read(offset, length) {
        const n = Math.max(0, Math.min(length, size - offset));
        const out = new Uint8Array(n);
        let got = 0;
        while (got < n) {
          const r = readSync(fd, out, got, Math.min(n - got, READ_CHUNK), offset + got);
          if (r === 0) break;
          got += r;
        }
        return got === n ? out : out.subarray(0, got);
      },
      close: () => closeSync(fd),
    };
  } catch (e) {
    closeSync(fd);
    throw e;
  }
}
