/**
 * Walks protobuf fields over bytes that may live in memory or in a file, reading only the headers
 * of fields it skips. This lets the ONNX signature reader step over gigabytes of weights without
 * loading them: a file is read through a small block cache with positioned reads, and every
 * length is checked against the enclosing message before anything is read or allocated.
 */
import { closeSync, fstatSync, openSync, readSync } from 'node:fs';
import { ProtobufError, ProtoReader, WireType } from './protobuf';

export interface ByteSource {
  readonly size: number;
  /** The bytes [start, end). Callers check bounds and sizes first. */
  bytes(start: number, end: number): Uint8Array;
}

export function memorySource(buf: Uint8Array): ByteSource {
  return { size: buf.length, bytes: (start, end) => buf.subarray(start, end) };
}

const BLOCK = 64 * 1024;

/** A file read with positioned reads and a one-block cache. Call close() when done. */
export class FileSource implements ByteSource {
  readonly size: number;
  private readonly fd: number;
  private block = new Uint8Array(0);
  private blockStart = 0;

  constructor(path: string) {
    this.fd = openSync(path, 'r');
    try {
      const stat = fstatSync(this.fd);
      if (stat.isDirectory()) throw Object.assign(new Error('is a directory'), { code: 'EISDIR' });
      this.size = stat.size;
    } catch (e) {
      closeSync(this.fd);
      throw e;
    }
  }

  bytes(start: number, end: number): Uint8Array {
    if (start >= this.blockStart && end <= this.blockStart + this.block.length) {
      return this.block.subarray(start - this.blockStart, end - this.blockStart);
    }
    const want = Math.min(Math.max(end - start, BLOCK), this.size - start);
    const buf = new Uint8Array(want);
    let got = 0;
    while (got < want) {
      const n = readSync(this.fd, buf, got, want - got, start + got);
      if (n === 0) break;
      got += n;
    }
    if (got < end - start) throw new ProtobufError('file ended early (changed while reading?)', start + got);
    if (want <= BLOCK) {
      this.block = buf.subarray(0, got);
      this.blockStart = start;
    }
    return buf.subarray(0, end - start);
  }

  close(): void {
    closeSync(this.fd);
  }
}

export interface SourceField {
  number: number;
  wireType: WireType;
  /** The value of a varint field. */
  varint: number;
  /** Absolute payload bounds in the source. */
  start: number;
  end: number;
}

/** The fields of the message occupying [start, end) of `src`, in order. */
export function* walkFields(src: ByteSource, start: number, end: number): Generator<SourceField> {
  let pos = start;
  while (pos < end) {
    const head = src.bytes(pos, Math.min(pos + 20, end));
    const r = new ProtoReader(head);
    const at = (e: unknown): never => {
      if (e instanceof ProtobufError) throw new ProtobufError(e.message.replace(/ at byte \d+$/, ''), pos + e.offset);
      throw e;
    };
    let tag = 0;
    let value = 0;
    try {
      tag = r.varint();
    } catch (e) {
      at(e);
    }
    const number = Math.floor(tag / 8);
    const wireType = (tag & 7) as WireType;
    if (number === 0) throw new ProtobufError('field number 0', pos);
    let payload = 0;
    let length = 0;
    switch (wireType) {
      case WireType.Varint:
        try {
          value = r.varint();
        } catch (e) {
          at(e);
        }
        payload = pos + r.pos;
        break;
      case WireType.LengthDelimited:
        try {
          length = r.varint();
        } catch (e) {
          at(e);
        }
        payload = pos + r.pos;
        if (length > end - payload) throw new ProtobufError(`length ${length} runs past the end of the message`, payload);
        value = length;
        break;
      case WireType.Fixed32:
      case WireType.Fixed64:
        length = wireType === WireType.Fixed32 ? 4 : 8;
        payload = pos + r.pos;
        if (length > end - payload) throw new ProtobufError('truncated fixed-size field', payload);
        break;
      default:
        throw new ProtobufError(`unsupported wire type ${wireType as number}`, pos);
    }
    pos = payload + length;
    yield { number, wireType, varint: value, start: payload, end: pos };
  }
}

/** Reads a whole (small) field payload, refusing anything larger than `limit` bytes. */
export function readPayload(src: ByteSource, f: SourceField, limit: number, what: string): ProtoReader {
  if (f.end - f.start > limit) {
    throw new ProtobufError(`${what} is ${f.end - f.start} bytes, more than the ${limit} allowed`, f.start);
  }
  return new ProtoReader(src.bytes(f.start, f.end));
}

export function readString(src: ByteSource, f: SourceField, limit: number, what: string): string {
  if (f.wireType !== WireType.LengthDelimited) throw new ProtobufError(`${what} is not a string`, f.start);
  const r = readPayload(src, f, limit, what);
  return new TextDecoder().decode(r.buf);
}
