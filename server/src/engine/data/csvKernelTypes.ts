/**
 * The shapes the CSV kernel (csvKernel.ts) works on and hands back: its configuration, its state,
 * its result, and the messages of its worker thread. Types only, so the kernel stays free of
 * runtime imports.
 */
export interface KernelConfig {
  /** Delimiter byte. */
  delimiter: number;
  skipInitialSpace: boolean;
  /** One mode per field of the header (0 skip, 1 auto, 2 numeric, 3 text). */
  modes: number[];
  /** Per field: true when the user forced the type, so a non-number in a numeric column is an error. */
  forced: boolean[];
  /** Tokens read as missing (exact, case-sensitive). */
  naValues: string[];
  maxRows: number;
  /** Initial rows of capacity. */
  capacity: number;
  /** Physical 1-based line number of the first byte this state parses. */
  firstLine: number;
  /**
   * Per field, storage to use (instead of allocating) when the column becomes numeric or text:
   * views of `capacity` rows into another thread's SharedArrayBuffers (the two-thread split).
   */
  preset?: Array<KernelPreset | null>;
  /** True when `capacity` was planned for the whole range: the drivers' first size estimate is skipped. */
  sized?: boolean;
}

export interface KernelPreset {
  num: Float64Array | null;
  codes: Int32Array | null;
}

export interface KernelDict {
  table: Int32Array;
  mask: number;
  count: number;
  pool: Uint8Array;
  poolLen: number;
  off: Int32Array;
  len: Int32Array;
  hash: Int32Array;
  /** Output code per entry: -1 for missing-value tokens, else the category index. */
  code: Int32Array;
  /** Physical line where the entry first appeared. */
  line: Float64Array;
  nextCode: number;
}

export interface KernelColumn {
  mode: number;
  forced: boolean;
  num: Float64Array;
  codes: Int32Array;
  dict: KernelDict | null;
  /** NaN values stored in `num` (mode 2), kept as they are written so no pass is needed to count them. */
  missing: number;
  /** The row whose NaN was counted last. */
  missingRow: number;
  /** Storage to take when the column becomes numeric or text (KernelConfig.preset). */
  preset: KernelPreset | null;
}

export interface KernelState {
  delim: number;
  skipSpace: boolean;
  nFields: number;
  cols: KernelColumn[];
  rows: number;
  cap: number;
  maxRows: number;
  /** Physical line of the next row's first byte. */
  line: number;
  done: boolean;
  /** Result slot of scanNumber / parseNumberSlow. */
  num: number;
  /** Newlines inside the last quoted field. */
  qLines: number;
  pow: Float64Array;
  powHi: Float64Array;
  powLo: Float64Array;
  scratch: Buffer;
  na: Uint8Array[];
  /** Shared zero-length arrays for columns that store nothing (wide files have many). */
  noNum: Float64Array;
  noCodes: Int32Array;
  /** The capacity has been planned for the range (see planRoom). */
  sized: boolean;
}

/** What a parse produced, as plain data with transferable buffers. */
export interface KernelColumnResult {
  mode: number;
  num: Float64Array | null;
  /** NaN values in `num`. */
  missing: number;
  codes: Int32Array | null;
  /** Category bytes, and per category (in code order) its offset, length and first line. */
  pool: Uint8Array | null;
  off: Int32Array | null;
  len: Int32Array | null;
  firstLine: Float64Array | null;
}

export interface KernelResult {
  rows: number;
  /** Physical line after the last parsed row. */
  line: number;
  cols: KernelColumnResult[];
}

/** Message the parsing thread receives in workerData. */
export interface KernelWorkerData {
  config: KernelConfig;
  path: string;
  start: number;
  end: number;
  chunkBytes: number;
  maxRowBytes: number;
}

/** Messages the parsing thread posts: progress, its result, or the error that stopped it. */
export type KernelWorkerMessage =
  | { kind: 'progress'; bytes: number }
  | { kind: 'result'; result: KernelResult }
  | { kind: 'error'; message: string; kernel?: { code: string; line: number; field: number; detail: string | number } };
