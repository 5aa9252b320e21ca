/**
 * From the parser's raw output to Table columns: decode a part's dictionary, join the two halves
 * of a file parsed by two threads, and turn each column into its final type (inferred or forced).
 */
import type { KernelResult } from './csvKernel';
import { dataErrors } from './messages';
import { inferTextType, textParser } from './inference';
import type { Column, ColumnType } from './table';

/** One column of one parsed range of a file. */
export type PartColumn =
  | { kind: 'skip' }
  /** Type never decided: every value missing. */
  | { kind: 'empty' }
  /** `missing`: the NaN values among the first `rows` of `values`. */
  | { kind: 'numeric'; values: Float64Array; missing: number }
  | { kind: 'text'; codes: Int32Array; categories: string[]; firstLines: number[] }
  /** Started numeric, then met a text value: needs a second pass as text. */
  | { kind: 'demoted' };

export interface Part {
  rows: number;
  columns: PartColumn[];
}

/**
 * Columns that the two threads wrote into one SharedArrayBuffer each (csvRanges.ts): per field the
 * whole buffer's view, the first part's rows from 0 and the second part's from `base`.
 */
export interface SharedColumns {
  base: number;
  num: Array<Float64Array | null>;
  codes: Array<Int32Array | null>;
}

export function partFromKernel(result: KernelResult): Part {
  const columns = result.cols.map((c): PartColumn => {
    switch (c.mode) {
      case 1:
        return { kind: 'empty' };
      case 2:
        return { kind: 'numeric', values: c.num as Float64Array, missing: c.missing };
      case 3: {
        const pool = c.pool as Uint8Array;
        const bytes = Buffer.from(pool.buffer, pool.byteOffset, pool.length);
        const off = c.off as Int32Array;
        const len = c.len as Int32Array;
        const categories = new Array<string>(off.length);
        for (let k = 0; k < off.length; k++) categories[k] = bytes.toString('utf8', off[k], off[k] + len[k]);
        return { kind: 'text', codes: c.codes as Int32Array, categories, firstLines: Array.from(c.firstLine as Float64Array) };
      }
      case 4:
        return { kind: 'demoted' };
      default:
        return { kind: 'skip' };
    }
  });
  return { rows: result.rows, columns };
}

/**
 * Join part a (first rows) and part b; b's line numbers are shifted by `lineOffset`. Consumes both:
 * a's arrays are reused when they have room, and each column of the inputs is dropped once joined
 * so that memory is given back column by column. With `shared`, a column whose halves are both in
 * its shared buffer is joined in place, by moving b's rows down to follow a's.
 */
export function joinParts(a: Part, b: Part, lineOffset: number, shared?: SharedColumns): Part {
  const rows = a.rows + b.rows;
  const columns = a.columns.map((ca, f) => {
    const here = shared && { base: shared.base, num: shared.num[f], codes: shared.codes[f] };
    const joined = joinColumn(ca, a.rows, b.columns[f], b.rows, lineOffset, here);
    a.columns[f] = { kind: 'skip' };
    b.columns[f] = { kind: 'skip' };
    return joined;
  });
  return { rows, columns };
}

type Shared = { base: number; num: Float64Array | null; codes: Int32Array | null } | undefined;

/** Whether `part` (b's array) is the second half of `all`, the shared buffer's whole view. */
const inShared = (part: Float64Array | Int32Array, all: Float64Array | Int32Array | null, base: number) =>
  all !== null && part.buffer instanceof SharedArrayBuffer && part.buffer.byteLength === all.buffer.byteLength && part.byteOffset === base * all.BYTES_PER_ELEMENT;

/**
 * Where a column of `rows` rows goes: a's own array when it has room (a lone thread's, grown), else
 * the shared buffer holding a's rows when that has room, else a new array with a's rows copied in.
 */
function destination<T extends Float64Array | Int32Array>(own: T | null, aRows: number, rows: number, all: T | null, make: (n: number) => T, none: number): T {
  if (own !== null && own.length >= rows) return own;
  if (own !== null && all !== null && own.buffer === all.buffer && all.length >= rows) return all;
  const out = make(rows);
  if (own !== null) out.set(own.subarray(0, aRows));
  else out.fill(none, 0, aRows);
  return out;
}

function joinColumn(a: PartColumn, aRows: number, b: PartColumn, bRows: number, lineOffset: number, sh: Shared): PartColumn {
  if (a.kind === 'skip') return a;
  if (a.kind === 'demoted' || b.kind === 'demoted') return { kind: 'demoted' };
  if (a.kind === 'empty' && b.kind === 'empty') return a;
  const kinds = new Set([a.kind, b.kind]);
  if (kinds.has('numeric') && kinds.has('text')) return { kind: 'demoted' };
  const rows = aRows + bRows;
  if (kinds.has('numeric')) {
    const all = sh?.num ?? null;
    const values = destination(a.kind === 'numeric' ? a.values : null, aRows, rows, all, (n) => new Float64Array(n), NaN);
    if (b.kind === 'numeric') {
      // a move within the shared buffer (copyWithin is safe when the ranges overlap), else a copy
      if (values === all && inShared(b.values, all, sh!.base)) values.copyWithin(aRows, sh!.base, sh!.base + bRows);
      else values.set(b.values.subarray(0, bRows), aRows);
    } else values.fill(NaN, aRows, rows);
    const missing = (a.kind === 'numeric' ? a.missing : aRows) + (b.kind === 'numeric' ? b.missing : bRows);
    return { kind: 'numeric', values, missing };
  }
  const all = sh?.codes ?? null;
  const codes = destination(a.kind === 'text' ? a.codes : null, aRows, rows, all, (n) => new Int32Array(n), -1);
  const categories: string[] = [];
  const firstLines: number[] = [];
  if (a.kind === 'text') {
    categories.push(...a.categories);
    firstLines.push(...a.firstLines);
  }
  if (b.kind === 'text') {
    const index = new Map(categories.map((c, i) => [c, i]));
    const remap = new Int32Array(b.categories.length);
    b.categories.forEach((c, k) => {
      let i = index.get(c);
      if (i === undefined) {
        i = categories.length;
        categories.push(c);
        firstLines.push(b.firstLines[k] + lineOffset);
      }
      remap[k] = i;
    });
    // in place too: row r is read at base + r before anything at or past it is written
    const from = codes === all && inShared(b.codes, all, sh!.base) ? codes.subarray(sh!.base) : b.codes;
    for (let r = 0; r < bRows; r++) {
      const c = from[r];
      codes[aRows + r] = c < 0 ? -1 : remap[c];
    }
  } else codes.fill(-1, aRows, rows);
  return { kind: 'text', codes, categories, firstLines };
}

function exact<T extends Float64Array | Int32Array>(a: T, rows: number): T {
  if (a.length === rows) return a;
  // copy when the spare capacity is worth giving back, else share the buffer
  return (a.length > rows + (rows >> 3) + 1024 ? a.slice(0, rows) : a.subarray(0, rows)) as T;
}

function countNaN(v: Float64Array): number {
  let n = 0;
  for (let i = 0; i < v.length; i++) if (v[i] !== v[i]) n++;
  return n;
}

/** A text column as its final Column: categorical, or converted to the inferred or forced type. */
export function textColumn(
  name: string,
  codes: Int32Array,
  categories: string[],
  forced: ColumnType | undefined,
  file: string,
  placeOf: (category: number) => { line?: number; row?: number },
): Column {
  const type = forced ?? inferTextType(categories);
  if (type === 'categorical') {
    let missing = 0;
    for (let i = 0; i < codes.length; i++) if (codes[i] < 0) missing++;
    return { name, type, codes, categories, missing };
  }
  const parse = textParser(type);
  const map = new Float64Array(categories.length);
  categories.forEach((c, k) => {
    const v = parse(c);
    if (Number.isNaN(v)) {
      const where = placeOf(k);
      const err = type === 'numeric' ? dataErrors.notANumber : type === 'boolean' ? dataErrors.notABoolean : dataErrors.notADatetime;
      const e = err({ file, line: where.line, column: name }, c);
      if (where.row !== undefined) e.message = `row ${where.row + 1}: ${e.message}`;
      throw e;
    }
    map[k] = v;
  });
  const values = new Float64Array(codes.length);
  for (let i = 0; i < codes.length; i++) values[i] = codes[i] < 0 ? NaN : map[codes[i]];
  return { name, type, values, missing: countNaN(values) };
}

/** The parts' columns as Table columns; `names[f]` names field f. Skipped fields are left out. */
export function finishColumns(part: Part, names: readonly string[], types: Record<string, ColumnType>, file: string): Column[] {
  const out: Column[] = [];
  part.columns.forEach((c, f) => {
    const name = names[f];
    const forced = types[name];
    switch (c.kind) {
      case 'skip':
        return;
      case 'demoted':
        throw new Error(`internal: column ${name} still needs its text pass`);
      case 'empty': {
        const type = forced ?? 'numeric';
        if (type === 'categorical') out.push({ name, type, codes: new Int32Array(part.rows).fill(-1), categories: [], missing: part.rows });
        else out.push({ name, type, values: new Float64Array(part.rows).fill(NaN), missing: part.rows });
        return;
      }
      case 'numeric': {
        out.push({ name, type: 'numeric', values: exact(c.values, part.rows), missing: c.missing });
        return;
      }
      case 'text':
        out.push(textColumn(name, exact(c.codes, part.rows), c.categories, forced, file, (k) => ({ line: c.firstLines[k] })));
        return;
    }
  });
  return out;
}
