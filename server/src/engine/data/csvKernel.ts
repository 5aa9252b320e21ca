/**
 * The byte-level CSV parser: rows in, growable typed columns out, no string per cell.
 *
 * Everything in this file is self-contained on purpose: no runtime imports (types only), no
 * module-level values, only functions calling each other by name and byte codes written as
 * literals (9 tab, 10 LF, 13 CR, 32 space, 34 quote, 43 '+', 45 '-', 46 '.', 48-57 digits,
 * 69/101 'E'/'e'). `KERNEL_FUNCTIONS` at the end lists them for csvWorker.ts, which turns them into
 * source text for the second parsing thread, so anything they referenced from outside would be
 * missing there. It is one file, longer than most, for that reason. The column modes are numbers:
 * 0 skip, 1 auto (type not decided yet: every value so far missing), 2 numeric, 3 text
 * (dictionary-coded), 4 demoted (was numeric, met a non-number: re-read as text in a second pass).
 */
import type { KernelColumn, KernelColumnResult, KernelConfig, KernelDict, KernelResult, KernelState, KernelWorkerData } from './csvKernelTypes';

export type * from './csvKernelTypes';

export function createKernelState(cfg: KernelConfig): KernelState {
  const pow = new Float64Array(23);
  const powHi = new Float64Array(23);
  const powLo = new Float64Array(23);
  for (let i = 0; i < 23; i++) {
    const p = Number('1e' + i);
    const c = 134217729 * p;
    pow[i] = p;
    powHi[i] = c - (c - p);
    powLo[i] = p - powHi[i];
  }
  const st: KernelState = {
    delim: cfg.delimiter,
    skipSpace: cfg.skipInitialSpace,
    nFields: cfg.modes.length,
    cols: [],
    rows: 0,
    cap: Math.max(1, cfg.capacity),
    maxRows: cfg.maxRows,
    line: cfg.firstLine,
    done: false,
    num: 0,
    qLines: 0,
    pow,
    powHi,
    powLo,
    scratch: Buffer.allocUnsafe(256),
    na: cfg.naValues.map((s) => Buffer.from(s, 'utf8')),
    noNum: new Float64Array(0),
    noCodes: new Int32Array(0),
    sized: cfg.sized === true,
  };
  for (let f = 0; f < cfg.modes.length; f++) {
    const col: KernelColumn = { mode: 0, forced: cfg.forced[f] === true, num: st.noNum, codes: st.noCodes, dict: null, missing: 0, missingRow: -1, preset: cfg.preset?.[f] ?? null };
    st.cols.push(col);
    setMode(st, col, cfg.modes[f], 0);
  }
  return st;
}

/**
 * Switch a column to a mode, with rows [0, filled) missing. Its storage is the field's preset array
 * when it has one of the right kind and the current capacity, else a new one.
 */
export function setMode(st: KernelState, col: KernelColumn, mode: number, filled: number): void {
  col.mode = mode;
  col.num = st.noNum;
  col.codes = st.noCodes;
  col.missing = 0;
  col.missingRow = -1;
  const p = col.preset;
  if (mode === 2) {
    col.num = p && p.num && p.num.length === st.cap ? p.num : new Float64Array(st.cap);
    col.num.fill(NaN, 0, filled);
    col.missing = filled;
  } else if (mode === 3) {
    col.codes = p && p.codes && p.codes.length === st.cap ? p.codes : new Int32Array(st.cap);
    col.codes.fill(-1, 0, filled);
    if (col.dict === null) col.dict = dictCreate(st);
  }
}

/** Make room for at least `rows` rows in every stored column. */
export function reserveRows(st: KernelState, rows: number): void {
  if (rows <= st.cap) return;
  st.cap = rows;
  for (const col of st.cols) {
    if (col.mode === 2) {
      const a = new Float64Array(rows);
      a.set(col.num.subarray(0, st.rows));
      col.num = a;
    } else if (col.mode === 3) {
      const a = new Int32Array(rows);
      a.set(col.codes.subarray(0, st.rows));
      col.codes = a;
    }
  }
}

/** Enough rows seen (in so many bytes) to estimate how many rows a range holds. */
export function canEstimate(rowsDone: number, bytesDone: number): boolean {
  return rowsDone > 16 || (rowsDone > 0 && bytesDone >= 8388608);
}

/**
 * The capacity to plan: `rowsNow` rows, plus the rows that `bytesLeft` should hold at the bytes per
 * row seen so far (`rowsDone` in `bytesDone`; 3% over, and room for two more chunks of
 * `chunkRows`), at least `atLeast`, and never more than `bytesLeft` could hold (a row takes at
 * least one byte per delimiter) or maxRows.
 */
export function roomFor(st: KernelState, rowsNow: number, rowsDone: number, bytesDone: number, bytesLeft: number, chunkRows: number, atLeast: number): number {
  const most = rowsNow + Math.floor(bytesLeft / Math.max(1, st.nFields - 1)) + 1;
  const want = rowsNow + Math.ceil(((bytesLeft * rowsDone) / bytesDone) * 1.03) + 2 * chunkRows + 64;
  return Math.min(st.maxRows, most, Math.max(want, atLeast));
}

/**
 * Called by the read loops between chunks (not at the end of the range): size the columns once for
 * the whole range as soon as the rows can be estimated, then grow them only when they are about to
 * fill up, to the new estimate (at least 1/8 more), so columns are copied rarely and not doubled
 * past what the file holds. `chunkRows` is the most rows one chunk has held so far.
 */
export function planRoom(st: KernelState, rowsDone: number, bytesDone: number, bytesLeft: number, chunkRows: number): void {
  if (!st.sized) {
    if (!canEstimate(rowsDone, bytesDone)) return;
    st.sized = true;
    reserveRows(st, roomFor(st, st.rows, rowsDone, bytesDone, bytesLeft, chunkRows, 0));
  } else if (st.cap - st.rows < 2 * chunkRows + 64 && rowsDone > 0) {
    reserveRows(st, roomFor(st, st.rows, rowsDone, bytesDone, bytesLeft, chunkRows, Math.ceil(st.cap * 1.125)));
  }
}

export function kernelFail(code: string, line: number, field: number, detail: string | number): never {
  throw Object.assign(new Error(code), { kernel: { code, line, field, detail } });
}

/**
 * Parse the complete rows in buf[start, end). Returns where the first incomplete row starts (the
 * caller keeps those bytes and calls again with more), or `end`. With `eof` the input ends at `end`.
 */
export function parseChunk(st: KernelState, buf: Buffer, start: number, end: number, eof: boolean): number {
  const delim = st.delim;
  const nF = st.nFields;
  const cols = st.cols;
  const skipSpace = st.skipSpace;
  // scanNumber stops at this 0 instead of testing bounds (bytes past `end` are the caller's spare room)
  if (end < buf.length) buf[end] = 0;
  let pos = start;
  while (pos < end) {
    if (st.rows >= st.maxRows) {
      st.done = true;
      return pos;
    }
    const rowStart = pos;
    let c = buf[pos];
    if (c === 10 || c === 13) {
      // a blank line: skipped, as pandas does
      if (c === 13 && pos + 1 >= end && !eof) return rowStart;
      pos += c === 13 && pos + 1 < end && buf[pos + 1] === 10 ? 2 : 1;
      st.line++;
      continue;
    }
    if (st.rows === st.cap) reserveRows(st, st.cap * 2);
    const row = st.rows;
    let lines = 0;
    let f = 0;
    for (;;) {
      if (skipSpace) while (pos < end && buf[pos] === 32) pos++;
      const mode = f < nF ? cols[f].mode : 0;
      if (pos < end && buf[pos] === 34) {
        const q = parseQuoted(st, buf, pos, end, eof, f, row, st.line + lines);
        if (q < 0) return rowStart;
        lines += st.qLines;
        pos = q;
      } else {
        let done = false;
        if ((mode === 2 || mode === 1) && pos < end) {
          const q = scanNumber(st, buf, pos);
          if (q > pos) {
            if (q < end) {
              c = buf[q];
              done = c === delim || c === 10 || c === 13;
            } else if (eof) done = true;
            else return rowStart;
            if (done) {
              if (mode === 2) cols[f].num[row] = st.num;
              else decideNumeric(st, f, row);
              pos = q;
            }
          }
        }
        if (!done) {
          let q = pos;
          while (q < end) {
            c = buf[q];
            if (c === delim || c === 10 || c === 13) break;
            q++;
          }
          if (q === end && !eof) return rowStart;
          if (mode !== 0) handleField(st, f, buf, pos, q, row, st.line + lines);
          pos = q;
        }
      }
      if (pos < end && buf[pos] === delim) {
        pos++;
        f++;
        continue;
      }
      if (f + 1 !== nF) kernelFail('csv.ragged-row', st.line, -1, f + 1);
      if (pos < end) {
        if (buf[pos] === 13) {
          if (pos + 1 < end) pos += buf[pos + 1] === 10 ? 2 : 1;
          else if (!eof) return rowStart;
          else pos++;
        } else pos++;
      }
      st.line += lines + 1;
      st.rows = row + 1;
      break;
    }
  }
  return pos;
}

/** A quoted field starting at buf[pos]; returns the position of its terminator, or -1 when incomplete. */
export function parseQuoted(st: KernelState, buf: Buffer, pos: number, end: number, eof: boolean, f: number, row: number, line: number): number {
  let q = pos + 1;
  let lines = 0;
  let esc = false;
  for (;;) {
    while (q < end) {
      const c = buf[q];
      if (c === 34) break;
      // a line break is LF, CRLF or a lone CR (the byte after a CR is always there once the field closes)
      if (c === 10 || (c === 13 && buf[q + 1] !== 10)) lines++;
      q++;
    }
    if (q >= end) {
      if (!eof) return -1;
      kernelFail('csv.unterminated-quote', line, f, 0);
    }
    if (q + 1 >= end) {
      if (!eof) return -1;
      break;
    }
    if (buf[q + 1] !== 34) break;
    esc = true;
    q += 2;
  }
  // Like pandas and Python's csv module, text after the closing quote up to the delimiter is kept.
  const after = q + 1;
  let tail = after;
  const delim = st.delim;
  while (tail < end) {
    const c = buf[tail];
    if (c === delim || c === 10 || c === 13) break;
    tail++;
  }
  if (tail === end && !eof) return -1;
  st.qLines = lines;
  if (f >= st.nFields || st.cols[f].mode === 0) return tail;
  if (!esc && tail === after) {
    handleField(st, f, buf, pos + 1, q, row, line);
    return tail;
  }
  const need = q - pos + tail - after;
  if (st.scratch.length <= need) st.scratch = Buffer.allocUnsafe(need * 2 + 1);
  const s = st.scratch;
  let n = 0;
  for (let i = pos + 1; i < q; i++) {
    const c = buf[i];
    s[n++] = c;
    if (c === 34) i++;
  }
  for (let i = after; i < tail; i++) s[n++] = buf[i];
  handleField(st, f, s, 0, n, row, line);
  return tail;
}

/** Store a field that the numeric fast path did not take. */
export function handleField(st: KernelState, f: number, src: Buffer, s: number, e: number, row: number, line: number): void {
  const col = st.cols[f];
  const mode = col.mode;
  if (mode === 2) {
    const r = parseNumberSlow(st, src, s, e);
    if (r === 1) col.num[row] = st.num;
    else if (r === 0) {
      col.num[row] = NaN;
      // a row cut by the end of a chunk is parsed again from its start: count it once
      if (col.missingRow !== row) {
        col.missing++;
        col.missingRow = row;
      }
    }
    else if (col.forced) kernelFail('csv.not-a-number', line, f, src.toString('utf8', s, Math.min(e, s + 200)));
    else setMode(st, col, 4, 0);
  } else if (mode === 3) {
    col.codes[row] = dictCode(st, col.dict as KernelDict, src, s, e, line);
  } else if (mode === 1) {
    const r = parseNumberSlow(st, src, s, e);
    if (r === 1) decideNumeric(st, f, row);
    else if (r === -1) {
      setMode(st, col, 3, row);
      col.codes[row] = dictCode(st, col.dict as KernelDict, src, s, e, line);
    }
  }
}

/** An auto column meets its first number (in st.num): it becomes numeric. */
export function decideNumeric(st: KernelState, f: number, row: number): void {
  const col = st.cols[f];
  setMode(st, col, 2, row);
  col.num[row] = st.num;
}

/**
 * Parse a plain decimal number at buf[p..) into st.num; returns the position after it, or -1 when
 * the bytes there are not a plain number or need the exact fallback (more than 19 significant
 * digits, an exponent beyond 10^±22, or a value too close to a rounding boundary). The result is
 * the correctly rounded double, as Number() would give. The byte after the caller's range must be
 * readable and not part of a number (the drivers keep a 0 there), so the loops need no bounds test.
 */
export function scanNumber(st: KernelState, buf: Uint8Array, p: number): number {
  let i = p;
  let d = buf[i] - 48;
  let neg = false;
  if (d === -3 || d === -5) {
    // '-' or '+'
    neg = d === -3;
    d = buf[++i] - 48;
  }
  let hi = 0;
  let lo = 0;
  let nd = 0;
  let nlo = 0;
  let exp = 0;
  let zeros = false;
  while (d === 0) {
    zeros = true;
    d = buf[++i] - 48;
  }
  while (d >= 0 && d <= 9) {
    if (nd < 14) {
      // two digits at a time while both fit in the exact part
      const d2 = buf[i + 1] - 48;
      if (d2 >= 0 && d2 <= 9) {
        hi = hi * 100 + d * 10 + d2;
        nd += 2;
        i += 2;
        d = buf[i] - 48;
        continue;
      }
    }
    if (nd < 15) hi = hi * 10 + d;
    else if (nd < 19) {
      lo = lo * 10 + d;
      nlo++;
    } else if (d === 0) exp++;
    else return -1;
    nd++;
    d = buf[++i] - 48;
  }
  if (d === -2) {
    // '.'
    d = buf[++i] - 48;
    if (nd === 0) {
      while (d === 0) {
        zeros = true;
        exp--;
        d = buf[++i] - 48;
      }
    }
    while (d >= 0 && d <= 9) {
      if (nd < 14) {
        const d2 = buf[i + 1] - 48;
        if (d2 >= 0 && d2 <= 9) {
          hi = hi * 100 + d * 10 + d2;
          nd += 2;
          exp -= 2;
          i += 2;
          d = buf[i] - 48;
          continue;
        }
      }
      if (nd < 15) {
        hi = hi * 10 + d;
        exp--;
      } else if (nd < 19) {
        lo = lo * 10 + d;
        nlo++;
        exp--;
      } else if (d !== 0) return -1;
      nd++;
      d = buf[++i] - 48;
    }
  }
  if (nd === 0 && !zeros) return -1;
  if (d === 53 || d === 21) {
    // 'e' or 'E'
    d = buf[++i] - 48;
    let eneg = false;
    if (d === -3 || d === -5) {
      eneg = d === -3;
      d = buf[++i] - 48;
    }
    if (!(d >= 0 && d <= 9)) return -1;
    let e = 0;
    while (d >= 0 && d <= 9) {
      if (e < 100000) e = e * 10 + d;
      d = buf[++i] - 48;
    }
    exp += eneg ? -e : e;
  }
  let v = 0;
  if (nd !== 0) {
    let w = hi;
    if (nd > 19) nd = 19;
    if (nlo !== 0) {
      w = hi * st.pow[nlo] + lo;
      if (w >= 9007199254740992) {
        v = ddValue(st, hi, nlo, lo, exp);
        if (v !== v) return -1;
        st.num = neg ? -v : v;
        return i;
      }
    }
    if (exp === 0) v = w;
    else if (exp > 0 && exp <= 22) v = w * st.pow[exp];
    else if (exp < 0 && exp >= -22) v = w / st.pow[-exp];
    else return -1;
  }
  st.num = neg ? -v : v;
  return i;
}

/**
 * (hi * 10^nlo + lo) * 10^exp for a 16-19 digit mantissa, in double-double arithmetic (Dekker's
 * exact products; error below 2^-100 of the value), rounded once. NaN when a perturbation of
 * 2^-70 of the value could change the rounding (about 1 in 30,000 values): the caller then takes
 * the exact string path.
 */
export function ddValue(st: KernelState, hi: number, nlo: number, lo: number, exp: number): number {
  if (exp > 22 || exp < -22) return NaN;
  const pow = st.pow;
  const s = pow[nlo];
  const ph = hi * s;
  const ch = 134217729 * hi;
  const hh = ch - (ch - hi);
  const hl = hi - hh;
  const pl = hh * s - ph + hl * s;
  const w0 = ph + lo;
  const bb = w0 - ph;
  const e0 = ph - (w0 - bb) + (lo - bb);
  const t = e0 + pl;
  const wh = w0 + t;
  const wl = t - (wh - w0);
  let xh: number;
  let xl: number;
  if (exp >= 0) {
    const P = pow[exp];
    const PH = st.powHi[exp];
    const PL = st.powLo[exp];
    xh = wh * P;
    const cw = 134217729 * wh;
    const wH = cw - (cw - wh);
    const wL = wh - wH;
    xl = wH * PH - xh + wH * PL + wL * PH + wL * PL + wl * P;
  } else {
    const P = pow[-exp];
    const PH = st.powHi[-exp];
    const PL = st.powLo[-exp];
    const q1 = wh / P;
    const cq = 134217729 * q1;
    const qH = cq - (cq - q1);
    const qL = q1 - qH;
    const t1 = q1 * P;
    const t2 = qH * PH - t1 + qH * PL + qL * PH + qL * PL;
    xh = q1;
    xl = (wh - t1 - t2 + wl) / P;
  }
  const margin = xh * 8.470329472543003e-22;
  const up = xh + (xl + margin);
  return up === xh + (xl - margin) ? up : NaN;
}

/**
 * A field that is not a plain number at first sight: trims spaces and tabs, then 1 with the number
 * in st.num, 0 when missing (empty or a missing-value token), -1 when not a number.
 */
export function parseNumberSlow(st: KernelState, src: Buffer, s: number, e: number): number {
  while (s < e && (src[s] === 32 || src[s] === 9)) s++;
  while (e > s && (src[e - 1] === 32 || src[e - 1] === 9)) e--;
  if (s === e) return 0;
  // a 0 after the field, as scanNumber needs (src always has a byte there: see the drivers)
  const saved = src[e];
  src[e] = 0;
  const q = scanNumber(st, src, s);
  src[e] = saved;
  if (q === e) return 1;
  if (isNa(st, src, s, e)) return 0;
  if (numberSyntax(src, s, e)) {
    st.num = Number(src.toString('latin1', s, e));
    return 1;
  }
  const text = e - s <= 9 ? src.toString('latin1', s, e).toLowerCase() : '';
  if (text === 'inf' || text === '+inf' || text === 'infinity' || text === '+infinity') {
    st.num = Infinity;
    return 1;
  }
  if (text === '-inf' || text === '-infinity') {
    st.num = -Infinity;
    return 1;
  }
  return -1;
}

/** [+-]? (digits [. digits?] | . digits) ([eE] [+-]? digits)? */
export function numberSyntax(src: Uint8Array, s: number, e: number): boolean {
  let i = s;
  if (i < e && (src[i] === 43 || src[i] === 45)) i++;
  let digits = 0;
  while (i < e && src[i] >= 48 && src[i] <= 57) {
    i++;
    digits++;
  }
  if (i < e && src[i] === 46) {
    i++;
    while (i < e && src[i] >= 48 && src[i] <= 57) {
      i++;
      digits++;
    }
  }
  if (digits === 0) return false;
  if (i < e && (src[i] === 101 || src[i] === 69)) {
    i++;
    if (i < e && (src[i] === 43 || src[i] === 45)) i++;
    let ed = 0;
    while (i < e && src[i] >= 48 && src[i] <= 57) {
      i++;
      ed++;
    }
    if (ed === 0) return false;
  }
  return i === e;
}

export function isNa(st: KernelState, src: Uint8Array, s: number, e: number): boolean {
  const n = e - s;
  const na = st.na;
  for (let k = 0; k < na.length; k++) {
    const t = na[k];
    if (t.length !== n) continue;
    let i = 0;
    while (i < n && t[i] === src[s + i]) i++;
    if (i === n) return true;
  }
  return false;
}

/** A byte-keyed dictionary whose missing-value tokens are entries with code -1. */
export function dictCreate(st: KernelState): KernelDict {
  const d: KernelDict = {
    table: new Int32Array(64),
    mask: 63,
    count: 0,
    pool: new Uint8Array(1024),
    poolLen: 0,
    off: new Int32Array(16),
    len: new Int32Array(16),
    hash: new Int32Array(16),
    code: new Int32Array(16),
    line: new Float64Array(16),
    nextCode: 0,
  };
  for (const t of st.na) {
    const b = Buffer.from(t.buffer, t.byteOffset, t.length);
    if (t.length > 0) dictCode(st, d, b, 0, t.length, 0);
  }
  for (let k = 0; k < d.count; k++) d.code[k] = -1;
  d.nextCode = 0;
  return d;
}

/** The code of src[s, e) in d, adding it when new (first seen at `line`). -1 when missing. */
export function dictCode(st: KernelState, d: KernelDict, src: Uint8Array, s: number, e: number, line: number): number {
  const n = e - s;
  if (n === 0) return -1;
  let h = -2128831035;
  for (let i = s; i < e; i++) h = Math.imul(h ^ src[i], 16777619);
  let slot = h & d.mask;
  const table = d.table;
  for (;;) {
    const ent = table[slot];
    if (ent === 0) break;
    const k = ent - 1;
    if (d.hash[k] === h && d.len[k] === n) {
      const pool = d.pool;
      const o = d.off[k];
      let i = 0;
      while (i < n && pool[o + i] === src[s + i]) i++;
      if (i === n) return d.code[k];
    }
    slot = (slot + 1) & d.mask;
  }
  const k = d.count;
  if (k === d.off.length) {
    const m = k * 2;
    const grow32 = (a: Int32Array) => {
      const b = new Int32Array(m);
      b.set(a);
      return b;
    };
    d.off = grow32(d.off);
    d.len = grow32(d.len);
    d.hash = grow32(d.hash);
    d.code = grow32(d.code);
    const l = new Float64Array(m);
    l.set(d.line);
    d.line = l;
  }
  if (d.poolLen + n > d.pool.length) {
    const p = new Uint8Array(Math.max(d.pool.length * 2, d.poolLen + n));
    p.set(d.pool.subarray(0, d.poolLen));
    d.pool = p;
  }
  d.pool.set(src.subarray(s, e), d.poolLen);
  d.off[k] = d.poolLen;
  d.len[k] = n;
  d.hash[k] = h;
  d.line[k] = line;
  d.poolLen += n;
  const code = d.nextCode++;
  d.code[k] = code;
  d.count = k + 1;
  table[slot] = k + 1;
  if (d.count * 2 > table.length) dictRehash(d);
  return code;
}

export function dictRehash(d: KernelDict): void {
  const size = d.table.length * 2;
  const table = new Int32Array(size);
  const mask = size - 1;
  for (let k = 0; k < d.count; k++) {
    let slot = d.hash[k] & mask;
    while (table[slot] !== 0) slot = (slot + 1) & mask;
    table[slot] = k + 1;
  }
  d.table = table;
  d.mask = mask;
}

export function kernelResult(st: KernelState): KernelResult {
  const cols: KernelColumnResult[] = st.cols.map((col) => {
    const r: KernelColumnResult = { mode: col.mode, num: null, missing: 0, codes: null, pool: null, off: null, len: null, firstLine: null };
    if (col.mode === 2) {
      r.num = col.num;
      r.missing = col.missing;
    }
    if (col.mode === 3 && col.dict !== null) {
      const d = col.dict;
      r.codes = col.codes;
      r.pool = d.pool.subarray(0, d.poolLen);
      const n = d.nextCode;
      r.off = new Int32Array(n);
      r.len = new Int32Array(n);
      r.firstLine = new Float64Array(n);
      for (let k = 0; k < d.count; k++) {
        const c = d.code[k];
        if (c < 0) continue;
        r.off[c] = d.off[k];
        r.len[c] = d.len[k];
        r.firstLine[c] = d.line[k];
      }
    }
    return r;
  });
  return { rows: st.rows, line: st.line, cols };
}

/**
 * Parse bytes [start, end) of a file synchronously (the worker thread's loop): reads chunks into one
 * reused buffer, keeps an incomplete row for the next chunk, grows the buffer for long rows up to
 * maxRowBytes. `progress(bytesDone)` is called after each chunk.
 */
export function parseRangeSync(
  fs: typeof import('node:fs'),
  st: KernelState,
  path: string,
  start: number,
  end: number,
  chunkBytes: number,
  maxRowBytes: number,
  progress: (bytes: number) => void,
): void {
  const fd = fs.openSync(path, 'r');
  try {
    let buf = Buffer.allocUnsafe(chunkBytes + 1);
    let have = 0;
    let filePos = start;
    let chunkRows = 0;
    for (;;) {
      const want = Math.min(buf.length - 1 - have, end - filePos);
      const n = want > 0 ? fs.readSync(fd, buf, have, want, filePos) : 0;
      filePos += n;
      const total = have + n;
      const eof = filePos >= end || n === 0;
      const rowsBefore = st.rows;
      const used = parseChunk(st, buf, 0, total, eof);
      const rest = total - used;
      const doneBytes = filePos - start - rest;
      progress(doneBytes);
      if (st.done || eof) return;
      chunkRows = Math.max(chunkRows, st.rows - rowsBefore);
      planRoom(st, st.rows, doneBytes, end - start - doneBytes, chunkRows);
      if (rest > maxRowBytes) kernelFail('csv.row-too-long', st.line, -1, maxRowBytes);
      if (used === 0 && rest === buf.length - 1) {
        const bigger = Buffer.allocUnsafe(Math.min(buf.length * 2, maxRowBytes + 3));
        buf.copy(bigger, 0, 0, total);
        buf = bigger;
      } else buf.copyWithin(0, used, total);
      have = rest;
    }
  } finally {
    fs.closeSync(fd);
  }
}

/** The parsing thread's entry point (called with its own `fs` and `worker_threads`). */
export function kernelWorkerMain(fs: typeof import('node:fs'), wt: typeof import('node:worker_threads')): void {
  const port = wt.parentPort;
  if (port === null) return;
  const data = wt.workerData as KernelWorkerData;
  try {
    const st = createKernelState(data.config);
    let last = 0;
    parseRangeSync(fs, st, data.path, data.start, data.end, data.chunkBytes, data.maxRowBytes, (bytes) => {
      if (bytes - last >= 4 * data.chunkBytes) {
        last = bytes;
        port.postMessage({ kind: 'progress', bytes });
      }
    });
    const result = kernelResult(st);
    const transfer: ArrayBuffer[] = [];
    for (const c of result.cols) {
      // arrays in the main thread's SharedArrayBuffers are shared already (and cannot be transferred)
      for (const a of [c.num, c.codes, c.pool, c.off, c.len, c.firstLine]) if (a !== null && a.buffer instanceof ArrayBuffer) transfer.push(a.buffer);
    }
    port.postMessage({ kind: 'result', result }, transfer);
  } catch (e) {
    const err = e as Error & { kernel?: unknown };
    port.postMessage({ kind: 'error', message: String(err && err.message), kernel: err && err.kernel });
  }
}

/** Every function above, for the worker's source text (csvWorker.ts). Keep it complete. */
export const KERNEL_FUNCTIONS: ReadonlyArray<(...args: never[]) => unknown> = [
  createKernelState,
  setMode,
  reserveRows,
  canEstimate,
  roomFor,
  planRoom,
  kernelFail,
  parseChunk,
  parseQuoted,
  handleField,
  decideNumeric,
  scanNumber,
  ddValue,
  parseNumberSlow,
  numberSyntax,
  isNa,
  dictCreate,
  dictCode,
  dictRehash,
  kernelResult,
  parseRangeSync,
  kernelWorkerMain,
];
