/**
 * A minimal zip reader: the end-of-central-directory record (and its zip64 form), the central
 * directory, and STORED or DEFLATE entries. It reads only what it is asked for through a
 * ByteSource, checks every offset against the file, and inflates under an output cap, so a zip
 * bomb raises ZipBombError instead of exhausting memory.
 */
import { constants, inflateRawSync } from 'node:zlib';
import type { ByteSource } from './byteSource';

export interface ZipEntry {
  name: string;
  /** 0 STORED, 8 DEFLATE; anything else cannot be read here. */
  method: number;
  encrypted: boolean;
  compressedSize: number;
  uncompressedSize: number;
  localHeaderOffset: number;
}

export interface ZipDirectory {
  entries: ZipEntry[];
  /** The entry count the directory declares (may exceed entries.length when capped). */
  declaredCount: number;
}

export class ZipError extends Error {
  constructor(readonly reason: string, readonly offset: number) {
    super(`${reason} at byte ${offset}`);
    this.name = 'ZipError';
  }
}

export class ZipBombError extends Error {
  constructor(readonly entry: string, readonly limit: number, readonly declared: number) {
    super(`entry ${entry} inflates beyond ${limit} bytes`);
    this.name = 'ZipBombError';
  }
}

const SIG_LOCAL = 0x04034b50;
const SIG_CENTRAL = 0x02014b50;
const SIG_EOCD = 0x06054b50;
const SIG_ZIP64_LOCATOR = 0x07064b50;
const SIG_ZIP64_EOCD = 0x06064b50;
const MAX_COMMENT = 0xffff;

function u16(b: Uint8Array, i: number): number {
  return b[i] | (b[i + 1] << 8);
}
function u32(b: Uint8Array, i: number): number {
  return (b[i] | (b[i + 1] << 8) | (b[i + 2] << 16)) + b[i + 3] * 0x1000000;
}
function u64(b: Uint8Array, i: number): number {
  return u32(b, i) + u32(b, i + 4) * 2 ** 32;
}

/** True when the bytes start like a zip file (a local header, or the record of an empty archive). */
export function isZip(head: Uint8Array): boolean {
  return head.length >= 4 && head[0] === 0x50 && head[1] === 0x4b && ((head[2] === 3 && head[3] === 4) || (head[2] === 5 && head[3] === 6));
}

function findEocd(src: ByteSource): { tail: Uint8Array; at: number; tailStart: number } {
  const tailLen = Math.min(src.size, 22 + MAX_COMMENT);
  const tailStart = src.size - tailLen;
  const tail = src.read(tailStart, tailLen);
  for (let i = tail.length - 22; i >= 0; i--) {
    if (u32(tail, i) === SIG_EOCD) return { tail, at: i, tailStart };
  }
  throw new ZipError('no end-of-central-directory record (not a zip, or truncated)', src.size);
}

export function readZipDirectory(src: ByteSource, maxEntries: number): ZipDirectory {
  const { tail, at, tailStart } = findEocd(src);
  let count = u16(tail, at + 10);
  let cdSize = u32(tail, at + 12);
  let cdOffset = u32(tail, at + 16);
  if (count === 0xffff || cdSize === 0xffffffff || cdOffset === 0xffffffff) {
    const locAt = at - 20;
    if (locAt < 0 || u32(tail, locAt) !== SIG_ZIP64_LOCATOR) throw new ZipError('zip64 values without a zip64 locator', tailStart + at);
    const z64Offset = u64(tail, locAt + 8);
    const z = src.read(z64Offset, 56);
    if (z.length < 56 || u32(z, 0) !== SIG_ZIP64_EOCD) throw new ZipError('zip64 end-of-central-directory record not found', z64Offset);
    count = u64(z, 32);
    cdSize = u64(z, 40);
    cdOffset = u64(z, 48);
  }
  if (cdOffset + cdSize > src.size) throw new ZipError('central directory runs past the end of the file', cdOffset);
  const cd = src.read(cdOffset, cdSize);
  const entries: ZipEntry[] = [];
  const decoder = new TextDecoder();
  let p = 0;
  while (entries.length < Math.min(count, maxEntries)) {
    if (p + 46 > cd.length || u32(cd, p) !== SIG_CENTRAL) throw new ZipError('central directory entry is malformed', cdOffset + p);
    const flags = u16(cd, p + 8);
    const method = u16(cd, p + 10);
    let compressedSize = u32(cd, p + 20);
    let uncompressedSize = u32(cd, p + 24);
    const nameLen = u16(cd, p + 28);
    const extraLen = u16(cd, p + 30);
    const commentLen = u16(cd, p + 32);
    let localHeaderOffset = u32(cd, p + 42);
    const end = p + 46 + nameLen + extraLen + commentLen;
    if (end > cd.length) throw new ZipError('central directory entry runs past the directory', cdOffset + p);
    const name = decoder.decode(cd.subarray(p + 46, p + 46 + nameLen));
    // Zip64 extended information: the 8-byte values replace those stored as 0xffffffff, in this order.
    for (let e = p + 46 + nameLen; e + 4 <= p + 46 + nameLen + extraLen; ) {
      const id = u16(cd, e);
      const size = u16(cd, e + 2);
      if (id === 0x0001) {
        let q = e + 4;
        const lim = Math.min(e + 4 + size, p + 46 + nameLen + extraLen);
        if (uncompressedSize === 0xffffffff && q + 8 <= lim) (uncompressedSize = u64(cd, q)), (q += 8);
        if (compressedSize === 0xffffffff && q + 8 <= lim) (compressedSize = u64(cd, q)), (q += 8);
        if (localHeaderOffset === 0xffffffff && q + 8 <= lim) localHeaderOffset = u64(cd, q);
      }
      e += 4 + size;
    }
    entries.push({ name, method, encrypted: (flags & 1) !== 0, compressedSize, uncompressedSize, localHeaderOffset });
    p = end;
  }
  return { entries, declaredCount: count };
}

function entryData(src: ByteSource, entry: ZipEntry): { start: number } {
  const h = src.read(entry.localHeaderOffset, 30);
  if (h.length < 30 || u32(h, 0) !== SIG_LOCAL) throw new ZipError(`local header of ${entry.name} is missing`, entry.localHeaderOffset);
  const start = entry.localHeaderOffset + 30 + u16(h, 26) + u16(h, 28);
  if (start + entry.compressedSize > src.size) throw new ZipError(`data of ${entry.name} runs past the end of the file`, start);
  return { start };
}

/** The entry's bytes, inflating at most `limit` bytes. Throws ZipBombError past the limit. */
export function readZipEntry(src: ByteSource, entry: ZipEntry, limit: number): Uint8Array {
  if (entry.encrypted) throw new ZipError(`${entry.name} is encrypted`, entry.localHeaderOffset);
  const { start } = entryData(src, entry);
  if (entry.method === 0) {
    if (entry.compressedSize > limit) throw new ZipBombError(entry.name, limit, entry.compressedSize);
    return src.read(start, entry.compressedSize);
  }
  if (entry.method !== 8) throw new ZipError(`${entry.name} uses compression method ${entry.method}`, entry.localHeaderOffset);
  if (entry.uncompressedSize > limit) throw new ZipBombError(entry.name, limit, entry.uncompressedSize);
  if (entry.compressedSize > limit) throw new ZipBombError(entry.name, limit, entry.uncompressedSize);
  const raw = src.read(start, entry.compressedSize);
  try {
    return inflateRawSync(raw, { maxOutputLength: Math.max(1, limit) });
  } catch (e) {
    if ((e as { code?: string }).code === 'ERR_BUFFER_TOO_LARGE' || e instanceof RangeError) {
      throw new ZipBombError(entry.name, limit, entry.uncompressedSize);
    }
    throw new ZipError(`${entry.name} does not inflate (${(e as Error).message})`, start);
  }
}

/**
 * The first bytes of an entry (at most about `want`), inflating only a prefix of the compressed
 * data: enough to read a .npy header without inflating the whole array.
 */
export function readZipEntryPrefix(src: ByteSource, entry: ZipEntry, want: number): Uint8Array {
  if (entry.encrypted) throw new ZipError(`${entry.name} is encrypted`, entry.localHeaderOffset);
  const { start } = entryData(src, entry);
  if (entry.method === 0) return src.read(start, Math.min(want, entry.compressedSize));
  if (entry.method !== 8) throw new ZipError(`${entry.name} uses compression method ${entry.method}`, entry.localHeaderOffset);
  // Deflate expands at most ~1032:1, so this many compressed bytes inflate to at most ~1032 * want.
  const raw = src.read(start, Math.min(entry.compressedSize, want));
  try {
    const out = inflateRawSync(raw, { finishFlush: constants.Z_SYNC_FLUSH, maxOutputLength: 1100 * raw.length + 1024 });
    return out.subarray(0, Math.min(out.length, want));
  } catch (e) {
    throw new ZipError(`${entry.name} does not inflate (${(e as Error).message})`, start);
  }
}
