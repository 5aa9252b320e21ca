/**
 * A small Protocol Buffers wire-format reader and writer: enough to read an ONNX model's signature
 * without loading its weights, to rewrite a graph in memory, and to build test models. It never
 * trusts a length it reads: every field is bounds-checked against the buffer, and a malformed
 * buffer raises ProtobufError instead of reading past the end or looping.
 */
export class ProtobufError extends Error {
  constructor(message: string, readonly offset: number) {
    super(`${message} at byte ${offset}`);
    this.name = 'ProtobufError';
  }
}

export const enum WireType {
  Varint = 0,
  Fixed64 = 1,
  LengthDelimited = 2,
  Fixed32 = 5,
}

export interface Field {
  number: number;
  wireType: WireType;
  /** Varint value (as a number; values above 2^53 lose precision, which no signature field needs). */
  varint: number;
  /** Start and end of the payload of a length-delimited or fixed field. */
  start: number;
  end: number;
}

export class ProtoReader {
  pos: number;
  constructor(readonly buf: Uint8Array, start = 0, readonly end = buf.length) {
    this.pos = start;
  }

  done(): boolean {
    return this.pos >= this.end;
  }

  varint(): number {
    let result = 0;
    let mul = 1;
    for (let i = 0; i < 10; i++) {
      if (this.pos >= this.end) throw new ProtobufError('truncated varint', this.pos);
      const b = this.buf[this.pos++];
      result += (b & 0x7f) * mul;
      if ((b & 0x80) === 0) return result;
      mul *= 128;
    }
    throw new ProtobufError('varint longer than 10 bytes', this.pos);
  }

  /** Reads the next field's tag and payload bounds and moves past it. */
  next(): Field {
    const tagPos = this.pos;
    const tag = this.varint();
    const number = Math.floor(tag / 8);
    const wireType = (tag & 7) as WireType;
    if (number === 0) throw new ProtobufError('field number 0', tagPos);
    switch (wireType) {
      case WireType.Varint: {
        const v = this.varint();
        return { number, wireType, varint: v, start: this.pos, end: this.pos };
      }
      case WireType.Fixed64:
        return this.fixed(number, wireType, 8);
      case WireType.Fixed32:
        return this.fixed(number, wireType, 4);
      case WireType.LengthDelimited: {
        const len = this.varint();
        const start = this.pos;
        if (len > this.end - start) throw new ProtobufError(`length ${len} runs past the end of the message`, start);
        this.pos = start + len;
        return { number, wireType, varint: len, start, end: this.pos };
      }
      default:
        throw new ProtobufError(`unsupported wire type ${wireType as number}`, tagPos);
    }
  }

  private fixed(number: number, wireType: WireType, size: number): Field {
    const start = this.pos;
    if (size > this.end - start) throw new ProtobufError('truncated fixed-size field', start);
    this.pos += size;
    return { number, wireType, varint: 0, start, end: this.pos };
  }

  string(f: Field): string {
    return new TextDecoder().decode(this.buf.subarray(f.start, f.end));
  }

  bytes(f: Field): Uint8Array {
    return this.buf.subarray(f.start, f.end);
  }

  sub(f: Field): ProtoReader {
    return new ProtoReader(this.buf, f.start, f.end);
  }

  float32(f: Field): number {
    return new DataView(this.buf.buffer, this.buf.byteOffset + f.start, 4).getFloat32(0, true);
  }

  float64(f: Field): number {
    return new DataView(this.buf.buffer, this.buf.byteOffset + f.start, 8).getFloat64(0, true);
  }

  /** Packed repeated varints (int64s, int32s) in a length-delimited field. */
  packedVarints(f: Field): number[] {
    const r = new ProtoReader(this.buf, f.start, f.end);
    const out: number[] = [];
    while (!r.done()) out.push(r.varint());
    return out;
  }

  packedFloats(f: Field): number[] {
    const out: number[] = [];
    const view = new DataView(this.buf.buffer, this.buf.byteOffset + f.start, f.end - f.start);
    for (let i = 0; i + 4 <= view.byteLength; i += 4) out.push(view.getFloat32(i, true));
    return out;
  }
}

/** Decodes a varint that encodes a signed int64 in two's complement (as protobuf int64 does). */
export function int64FromVarint(v: number): number {
  return v >= 2 ** 63 ? v - 2 ** 64 : v;
}

/** Builds protobuf messages. Nested messages are written with `message(n, w => ...)`. */
export class ProtoWriter {
  private chunks: number[] = [];

  private pushVarint(v: number): void {
    if (v < 0) v += 2 ** 64; // int64 two's complement, as protobuf encodes negative int64
    while (v >= 128) {
      this.chunks.push((v % 128) | 0x80);
      v = Math.floor(v / 128);
    }
    this.chunks.push(v);
  }

  private tag(n: number, wt: WireType): void {
    this.pushVarint(n * 8 + wt);
  }

  varint(n: number, v: number): this {
    this.tag(n, WireType.Varint);
    this.pushVarint(v);
    return this;
  }

  bytes(n: number, b: Uint8Array): this {
    this.tag(n, WireType.LengthDelimited);
    this.pushVarint(b.length);
    for (const x of b) this.chunks.push(x);
    return this;
  }

  string(n: number, s: string): this {
    return this.bytes(n, new TextEncoder().encode(s));
  }

  message(n: number, build: (w: ProtoWriter) => void): this {
    const w = new ProtoWriter();
    build(w);
    return this.bytes(n, w.finish());
  }

  float32(n: number, v: number): this {
    this.tag(n, WireType.Fixed32);
    const b = new Uint8Array(4);
    new DataView(b.buffer).setFloat32(0, v, true);
    for (const x of b) this.chunks.push(x);
    return this;
  }

  packedFloats(n: number, values: ArrayLike<number>): this {
    const b = new Uint8Array(values.length * 4);
    const view = new DataView(b.buffer);
    for (let i = 0; i < values.length; i++) view.setFloat32(i * 4, values[i], true);
    return this.bytes(n, b);
  }

  packedDoubles(n: number, values: ArrayLike<number>): this {
    const b = new Uint8Array(values.length * 8);
    const view = new DataView(b.buffer);
    for (let i = 0; i < values.length; i++) view.setFloat64(i * 8, values[i], true);
    return this.bytes(n, b);
  }

  packedVarints(n: number, values: ArrayLike<number>): this {
    const w = new ProtoWriter();
    for (let i = 0; i < values.length; i++) w.pushVarint(values[i]);
    return this.bytes(n, w.finish());
  }

  finish(): Uint8Array {
    return Uint8Array.from(this.chunks);
  }
}
