/**
 * The pickle opcode table (protocols 0-5) and a reader that decodes one opcode and its argument at
 * a time. It never trusts a length: every argument is bounds-checked against the buffer, and a
 * malformed stream raises PickleParseError with the byte offset instead of reading past the end.
 * The table follows the opcode descriptions in CPython's Lib/pickletools.py.
 */

/** How an opcode's argument is encoded in the stream. */
type ArgKind =
  | 'none'
  | 'uint1' | 'uint2' | 'int4' | 'uint4' | 'uint8' | 'float8'
  | 'decimalnl' | 'floatnl' | 'stringnl' | 'asciinl' | 'unicodenl' | 'pairnl'
  | 'long1' | 'long4'
  | 'string1' | 'string4' | 'bytes1' | 'bytes4' | 'bytes8' | 'unicode1' | 'unicode4' | 'unicode8';

const TABLE: [string, string, ArgKind][] = [
  ['INT', 'I', 'decimalnl'], ['BININT', 'J', 'int4'], ['BININT1', 'K', 'uint1'], ['BININT2', 'M', 'uint2'],
  ['LONG', 'L', 'decimalnl'], ['LONG1', '\x8a', 'long1'], ['LONG4', '\x8b', 'long4'],
  ['STRING', 'S', 'stringnl'], ['BINSTRING', 'T', 'string4'], ['SHORT_BINSTRING', 'U', 'string1'],
  ['BINBYTES', 'B', 'bytes4'], ['SHORT_BINBYTES', 'C', 'bytes1'], ['BINBYTES8', '\x8e', 'bytes8'],
  ['BYTEARRAY8', '\x96', 'bytes8'], ['NEXT_BUFFER', '\x97', 'none'], ['READONLY_BUFFER', '\x98', 'none'],
  ['NONE', 'N', 'none'], ['NEWTRUE', '\x88', 'none'], ['NEWFALSE', '\x89', 'none'],
  ['UNICODE', 'V', 'unicodenl'], ['SHORT_BINUNICODE', '\x8c', 'unicode1'], ['BINUNICODE', 'X', 'unicode4'],
  ['BINUNICODE8', '\x8d', 'unicode8'], ['FLOAT', 'F', 'floatnl'], ['BINFLOAT', 'G', 'float8'],
  ['EMPTY_LIST', ']', 'none'], ['APPEND', 'a', 'none'], ['APPENDS', 'e', 'none'], ['LIST', 'l', 'none'],
  ['EMPTY_TUPLE', ')', 'none'], ['TUPLE', 't', 'none'], ['TUPLE1', '\x85', 'none'], ['TUPLE2', '\x86', 'none'],
  ['TUPLE3', '\x87', 'none'], ['EMPTY_DICT', '}', 'none'], ['DICT', 'd', 'none'], ['SETITEM', 's', 'none'],
  ['SETITEMS', 'u', 'none'], ['EMPTY_SET', '\x8f', 'none'], ['ADDITEMS', '\x90', 'none'], ['FROZENSET', '\x91', 'none'],
  ['POP', '0', 'none'], ['DUP', '2', 'none'], ['MARK', '(', 'none'], ['POP_MARK', '1', 'none'],
  ['GET', 'g', 'decimalnl'], ['BINGET', 'h', 'uint1'], ['LONG_BINGET', 'j', 'uint4'],
  ['PUT', 'p', 'decimalnl'], ['BINPUT', 'q', 'uint1'], ['LONG_BINPUT', 'r', 'uint4'], ['MEMOIZE', '\x94', 'none'],
  ['EXT1', '\x82', 'uint1'], ['EXT2', '\x83', 'uint2'], ['EXT4', '\x84', 'int4'],
  ['GLOBAL', 'c', 'pairnl'], ['STACK_GLOBAL', '\x93', 'none'], ['REDUCE', 'R', 'none'], ['BUILD', 'b', 'none'],
  ['INST', 'i', 'pairnl'], ['OBJ', 'o', 'none'], ['NEWOBJ', '\x81', 'none'], ['NEWOBJ_EX', '\x92', 'none'],
  ['PROTO', '\x80', 'uint1'], ['STOP', '.', 'none'], ['FRAME', '\x95', 'uint8'],
  ['PERSID', 'P', 'asciinl'], ['BINPERSID', 'Q', 'none'],
];

const NAMES: (string | undefined)[] = new Array(256);
const KINDS: (ArgKind | undefined)[] = new Array(256);
for (const [name, code, kind] of TABLE) {
  NAMES[code.charCodeAt(0)] = name;
  KINDS[code.charCodeAt(0)] = kind;
}

/** The opcode name for a byte, or undefined when the byte is not an opcode. */
export function opcodeName(code: number): string | undefined {
  return NAMES[code];
}

export class PickleParseError extends Error {
  constructor(readonly reason: string, readonly offset: number) {
    super(`${reason} at byte ${offset}`);
    this.name = 'PickleParseError';
  }
}

export type OpArg =
  | { kind: 'none' }
  | { kind: 'int'; value: number }
  | { kind: 'float'; value: number }
  | { kind: 'str'; value: string }
  | { kind: 'bytes'; start: number; end: number }
  | { kind: 'pair'; module: string; name: string };

export interface PickleOp {
  code: number;
  name: string;
  /** Offset of the opcode byte. */
  pos: number;
  /** Offset just past the argument. */
  next: number;
  arg: OpArg;
}

const NONE: OpArg = { kind: 'none' };
const utf8 = new TextDecoder('utf-8');
const latin1 = new TextDecoder('latin1');

/** Decodes the opcode at `pos`. Throws PickleParseError on an unknown opcode or a truncated argument. */
export function readOp(buf: Uint8Array, pos: number, end = buf.length): PickleOp {
  if (pos >= end) throw new PickleParseError('stream ends without a STOP opcode', pos);
  const code = buf[pos];
  const name = NAMES[code];
  const kind = KINDS[code];
  if (name === undefined || kind === undefined) {
    throw new PickleParseError(`unknown opcode 0x${code.toString(16).padStart(2, '0')}`, pos);
  }
  const r = new ArgReader(buf, pos + 1, end, name);
  try {
    const arg = r.read(kind);
    return { code, name, pos, next: r.pos, arg };
  } catch (e) {
    // Report the opcode that could not be decoded, not the byte inside its argument.
    if (e instanceof PickleParseError) throw new PickleParseError(e.reason, pos);
    throw e;
  }
}

class ArgReader {
  constructor(readonly buf: Uint8Array, public pos: number, readonly end: number, readonly op: string) {}

  private need(n: number): number {
    if (n > this.end - this.pos) throw new PickleParseError(`${this.op} argument is truncated`, this.pos);
    const at = this.pos;
    this.pos += n;
    return at;
  }

  private u(n: number): number {
    const at = this.need(n);
    let v = 0;
    for (let i = n - 1; i >= 0; i--) v = v * 256 + this.buf[at + i];
    return v;
  }

  private line(): [number, number] {
    const start = this.pos;
    const nl = this.buf.indexOf(0x0a, start);
    if (nl < 0 || nl >= this.end) throw new PickleParseError(`${this.op} argument has no terminating newline`, start);
    this.pos = nl + 1;
    return [start, nl];
  }

  private span(len: number): OpArg {
    const at = this.need(len);
    return { kind: 'bytes', start: at, end: at + len };
  }

  private u8len(): number {
    const lo = this.u(4);
    const hi = this.u(4);
    if (hi > 0x1fffff) throw new PickleParseError(`${this.op} length does not fit in memory`, this.pos - 8);
    return hi * 2 ** 32 + lo;
  }

  read(kind: ArgKind): OpArg {
    switch (kind) {
      case 'none':
        return NONE;
      case 'uint1':
        return { kind: 'int', value: this.u(1) };
      case 'uint2':
        return { kind: 'int', value: this.u(2) };
      case 'uint4':
        return { kind: 'int', value: this.u(4) };
      case 'int4': {
        const v = this.u(4);
        return { kind: 'int', value: v >= 2 ** 31 ? v - 2 ** 32 : v };
      }
      case 'uint8':
        return { kind: 'int', value: this.u8len() };
      case 'float8': {
        const at = this.need(8);
        return { kind: 'float', value: new DataView(this.buf.buffer, this.buf.byteOffset + at, 8).getFloat64(0, false) };
      }
      case 'decimalnl': {
        const [s, e] = this.line();
        const text = latin1.decode(this.buf.subarray(s, e)).trim().replace(/L$/, '');
        if (!/^[+-]?(\d+|0[xob][0-9a-f_]+)$/i.test(text)) throw new PickleParseError(`${this.op} argument is not an integer`, s);
        return { kind: 'int', value: Number(text.replace(/_/g, '')) };
      }
      case 'floatnl': {
        const [s, e] = this.line();
        const value = Number(latin1.decode(this.buf.subarray(s, e)).trim());
        return { kind: 'float', value };
      }
      case 'stringnl': {
        const [s, e] = this.line();
        const q = this.buf[s];
        if (e - s < 2 || (q !== 0x22 && q !== 0x27) || this.buf[e - 1] !== q) {
          throw new PickleParseError('the STRING argument must be quoted', s);
        }
        return { kind: 'str', value: escapeDecode(this.buf.subarray(s + 1, e - 1)) };
      }
      case 'asciinl': {
        const [s, e] = this.line();
        return { kind: 'str', value: latin1.decode(this.buf.subarray(s, e)) };
      }
      case 'unicodenl': {
        const [s, e] = this.line();
        return { kind: 'str', value: rawUnicodeEscapeDecode(this.buf.subarray(s, e)) };
      }
      case 'pairnl': {
        const [s1, e1] = this.line();
        const [s2, e2] = this.line();
        return { kind: 'pair', module: utf8.decode(this.buf.subarray(s1, e1)), name: utf8.decode(this.buf.subarray(s2, e2)) };
      }
      case 'long1':
        return this.span(this.u(1));
      case 'long4': {
        const n = this.u(4);
        if (n >= 2 ** 31) throw new PickleParseError('LONG4 has a negative byte count', this.pos - 4);
        return this.span(n);
      }
      case 'string4': {
        const n = this.u(4);
        if (n >= 2 ** 31) throw new PickleParseError('BINSTRING has a negative byte count', this.pos - 4);
        return this.text(n, latin1);
      }
      case 'string1':
        return this.text(this.u(1), latin1);
      case 'bytes1':
        return this.span(this.u(1));
      case 'bytes4':
        return this.span(this.u(4));
      case 'bytes8':
        return this.span(this.u8len());
      case 'unicode1':
        return this.text(this.u(1), utf8);
      case 'unicode4':
        return this.text(this.u(4), utf8);
      case 'unicode8':
        return this.text(this.u8len(), utf8);
    }
  }

  /** A string argument; long ones are kept as a byte span (no module or name is that long). */
  private text(len: number, decoder: TextDecoder): OpArg {
    const at = this.need(len);
    if (len > 4096) return { kind: 'bytes', start: at, end: at + len };
    return { kind: 'str', value: decoder.decode(this.buf.subarray(at, at + len)) };
  }
}

const SIMPLE_ESCAPES: Record<string, string> = { n: '\n', t: '\t', r: '\r', a: '\x07', b: '\b', f: '\f', v: '\v', '\\': '\\', "'": "'", '"': '"', '\n': '' };

/** Python's codecs.escape_decode on a quoted STRING body, decoded as latin-1. */
export function escapeDecode(b: Uint8Array): string {
  let out = '';
  for (let i = 0; i < b.length; i++) {
    const c = b[i];
    if (c !== 0x5c || i + 1 >= b.length) {
      out += String.fromCharCode(c);
      continue;
    }
    const n = String.fromCharCode(b[++i]);
    if (n in SIMPLE_ESCAPES) out += SIMPLE_ESCAPES[n];
    else if (n === 'x' && i + 2 < b.length && /^[0-9a-f]{2}$/i.test(String.fromCharCode(b[i + 1], b[i + 2]))) {
      out += String.fromCharCode(parseInt(String.fromCharCode(b[i + 1], b[i + 2]), 16));
      i += 2;
    } else if (n >= '0' && n <= '7') {
      let digits = n;
      while (digits.length < 3 && i + 1 < b.length && b[i + 1] >= 0x30 && b[i + 1] <= 0x37) digits += String.fromCharCode(b[++i]);
      out += String.fromCharCode(parseInt(digits, 8) & 0xff);
    } else out += '\\' + n;
  }
  return out;
}

/** Python's raw-unicode-escape decoding (UNICODE opcode): latin-1 bytes with \uXXXX and \UXXXXXXXX. */
export function rawUnicodeEscapeDecode(b: Uint8Array): string {
  const s = latin1.decode(b);
  return s.replace(/\\u([0-9a-fA-F]{4})|\\U([0-9a-fA-F]{8})/g, (_m, u4: string | undefined, u8: string | undefined) => {
    const cp = parseInt(u4 ?? u8 ?? '0', 16);
    return cp <= 0x10ffff ? String.fromCodePoint(cp) : _m;
  });
}

/** Decodes a little-endian two's-complement integer (LONG1/LONG4); large values lose precision. */
export function decodeLong(buf: Uint8Array, start: number, end: number): number {
  if (end === start) return 0;
  let v = 0;
  for (let i = end - 1; i >= start; i--) v = v * 256 + buf[i];
  if (buf[end - 1] & 0x80) v -= 2 ** (8 * (end - start));
  return v;
}
