/**
 * Builders for the scanner's tests: pickles from raw opcodes, zip archives (STORED, DEFLATE, zip64),
 * and .npy files. Test-only; nothing in the scanner imports this.
 */
import { deflateRawSync } from 'node:zlib';

export type Part = number | string | Uint8Array | Part[];

/** Concatenates bytes: numbers are single bytes, strings latin-1 bytes. */
export function bytes(...parts: Part[]): Uint8Array {
  const chunks: Uint8Array[] = [];
  const add = (p: Part): void => {
    if (typeof p === 'number') chunks.push(Uint8Array.of(p & 0xff));
    else if (typeof p === 'string') chunks.push(Uint8Array.from(p, (c) => c.charCodeAt(0) & 0xff));
    else if (Array.isArray(p)) p.forEach(add);
    else chunks.push(p);
  };
  parts.forEach(add);
  return new Uint8Array(Buffer.concat(chunks));
}

const utf8 = (s: string) => new TextEncoder().encode(s);
const le = (v: number, n: number): number[] => Array.from({ length: n }, (_, i) => Math.floor(v / 256 ** i) % 256);

/** Pickle opcodes with their arguments encoded. */
export const P = {
  proto: (v: number) => bytes(0x80, v),
  frame: (n: number) => bytes(0x95, le(n, 8)),
  stop: '.',
  mark: '(',
  reduce: 'R',
  build: 'b',
  tuple: 't',
  tuple1: 0x85,
  tuple2: 0x86,
  emptyTuple: ')',
  emptyDict: '}',
  emptyList: ']',
  setitem: 's',
  setitems: 'u',
  append: 'a',
  none: 'N',
  newobj: 0x81,
  obj: 'o',
  memoize: 0x94,
  stackGlobal: 0x93,
  global: (module: string, name: string) => bytes('c', utf8(module), '\n', utf8(name), '\n'),
  inst: (module: string, name: string) => bytes('i', utf8(module), '\n', utf8(name), '\n'),
  shortUnicode: (s: string) => bytes(0x8c, utf8(s).length, utf8(s)),
  binUnicode: (s: string) => bytes('X', le(utf8(s).length, 4), utf8(s)),
  shortBinstring: (s: string) => bytes('U', s.length, s),
  string: (s: string) => bytes('S', `'${s}'\n`),
  binint1: (v: number) => bytes('K', v),
  binint: (v: number) => bytes('J', le(v < 0 ? v + 2 ** 32 : v, 4)),
  binput: (i: number) => bytes('q', i),
  binget: (i: number) => bytes('h', i),
  put: (i: number) => bytes('p', `${i}\n`),
  get: (i: number) => bytes('g', `${i}\n`),
  binpersid: 'Q',
  ext1: (code: number) => bytes(0x82, code),
};

/** protocol 0: os.system('echo pwned') */
export const OS_SYSTEM_P0 = bytes(P.global('os', 'system'), P.mark, P.string('echo pwned'), P.tuple, P.reduce, P.stop);

// ---------------------------------------------------------------------------------------------
// zip

const CRC_TABLE = (() => {
  const t = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    t[n] = c >>> 0;
  }
  return t;
})();

export function crc32(data: Uint8Array): number {
  let c = 0xffffffff;
  for (const b of data) c = CRC_TABLE[(c ^ b) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

export interface ZipInput {
  name: string;
  data: Uint8Array;
  /** 0 STORED (default), 8 DEFLATE. */
  method?: 0 | 8;
  /** Override the uncompressed size written in the headers (to lie about it). */
  declaredSize?: number;
}

/** Writes a zip archive; with `zip64`, the end record points to zip64 records (as large torch files do). */
export function buildZip(inputs: ZipInput[], opts: { zip64?: boolean } = {}): Uint8Array {
  const chunks: Uint8Array[] = [];
  const central: number[][] = [];
  let offset = 0;
  for (const e of inputs) {
    const name = utf8(e.name);
    const body = e.method === 8 ? deflateRawSync(e.data) : e.data;
    const size = e.declaredSize ?? e.data.length;
    const crc = crc32(e.data);
    const local = bytes(le(0x04034b50, 4), le(20, 2), le(0, 2), le(e.method ?? 0, 2), le(0, 4), le(crc, 4),
      le(body.length, 4), le(size, 4), le(name.length, 2), le(0, 2), name, body);
    const extra = opts.zip64 ? [...le(1, 2), ...le(24, 2), ...le(size, 8), ...le(body.length, 8), ...le(offset, 8)] : [];
    const big = opts.zip64 ? 0xffffffff : undefined;
    central.push([...le(0x02014b50, 4), ...le(45, 2), ...le(45, 2), ...le(0, 2), ...le(e.method ?? 0, 2), ...le(0, 4), ...le(crc, 4),
      ...le(big ?? body.length, 4), ...le(big ?? size, 4), ...le(name.length, 2), ...le(extra.length, 2), ...le(0, 2), ...le(0, 2),
      ...le(0, 2), ...le(0, 4), ...le(big ?? offset, 4), ...name, ...extra]);
    chunks.push(local);
    offset += local.length;
  }
  const cd = central.flat();
  const tail: number[] = [];
  if (opts.zip64) {
    const z64At = offset + cd.length;
    tail.push(...le(0x06064b50, 4), ...le(44, 8), ...le(45, 2), ...le(45, 2), ...le(0, 4), ...le(0, 4),
      ...le(inputs.length, 8), ...le(inputs.length, 8), ...le(cd.length, 8), ...le(offset, 8));
    tail.push(...le(0x07064b50, 4), ...le(0, 4), ...le(z64At, 8), ...le(1, 4));
    tail.push(...le(0x06054b50, 4), ...le(0, 2), ...le(0, 2), ...le(0xffff, 2), ...le(0xffff, 2), ...le(0xffffffff, 4), ...le(0xffffffff, 4), ...le(0, 2));
  } else {
    tail.push(...le(0x06054b50, 4), ...le(0, 2), ...le(0, 2), ...le(inputs.length, 2), ...le(inputs.length, 2), ...le(cd.length, 4), ...le(offset, 4), ...le(0, 2));
  }
  return bytes(chunks, cd, tail);
}

// ---------------------------------------------------------------------------------------------
// npy

/** A version 1.0 .npy file with the given header dict text and data bytes. */
export function buildNpy(header: string, data: Uint8Array): Uint8Array {
  let h = header;
  while ((10 + h.length + 1) % 64 !== 0) h += ' ';
  h += '\n';
  return bytes(0x93, 'NUMPY', 1, 0, le(h.length, 2), h, data);
}

/** A torch.save-style zip: `archive/data.pkl`, `archive/version`, and raw storages. */
export function torchZip(dataPkl: Uint8Array, opts: { method?: 0 | 8; storages?: Uint8Array[] } = {}): Uint8Array {
  return buildZip([
    { name: 'archive/data.pkl', data: dataPkl, method: opts.method },
    { name: 'archive/version', data: bytes('3\n') },
    ...(opts.storages ?? []).map((data, i) => ({ name: `archive/data/${i}`, data })),
  ]);
}

/**
 * What torch.save writes for {'weight': FloatTensor of 4 elements}: an OrderedDict whose value is
 * torch._utils._rebuild_tensor_v2(persistent storage ('storage', FloatStorage, '0', 'cpu', 4), 0, (4,), (1,), False, OrderedDict()).
 */
export const TORCH_STATE_DICT = bytes(
  P.proto(2), P.global('collections', 'OrderedDict'), P.binput(0), P.emptyTuple, P.reduce, P.binput(1),
  P.shortBinstring('weight'), P.binput(2),
  P.global('torch._utils', '_rebuild_tensor_v2'), P.binput(3),
  P.mark, P.mark, P.shortBinstring('storage'), P.global('torch', 'FloatStorage'), P.shortBinstring('0'), P.shortBinstring('cpu'), P.binint1(4), P.tuple, P.binpersid,
  P.binint1(0), P.binint1(4), P.tuple1, P.binint1(1), P.tuple1, 0x89, P.global('collections', 'OrderedDict'), P.emptyTuple, P.reduce, P.tuple,
  P.reduce, P.binput(4), P.setitem, P.stop,
);
