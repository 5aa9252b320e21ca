/**
 * Parquet files through hyparquet (pure JavaScript), into the same Table shape as CSV: numbers as
 * Float64Array (64-bit integers converted to the nearest double), booleans 0/1, dates and
 * timestamps as milliseconds UTC, strings dictionary-coded and then typed by the same inference as
 * CSV text (so a string column of numbers is numeric and "NA" is missing). Nulls are missing.
 * Row groups are read one at a time, with cancellation and progress between them.
 */
import type { FileHandle } from 'node:fs/promises';
import type { AsyncBuffer, FileMetaData, SchemaElement } from 'hyparquet';
import { throwIfCancelled } from '../errors';
import { textColumn } from './columnParts';
import { openDataFile } from './csvLoader';
import { dataErrors } from './messages';
import { DEFAULT_NA_VALUES, type LoadOptions } from './options';
import { textParser } from './inference';
import type { Column, ColumnType, Table } from './table';

function fileBuffer(fh: FileHandle, size: number): AsyncBuffer {
  return {
    byteLength: size,
    async slice(start: number, end?: number): Promise<ArrayBuffer> {
      const stop = Math.min(end ?? size, size);
      const bytes = new Uint8Array(Math.max(0, stop - start));
      let done = 0;
      while (done < bytes.length) {
        const { bytesRead } = await fh.read(bytes, done, bytes.length - done, start + done);
        if (bytesRead === 0) break;
        done += bytesRead;
      }
      return bytes.buffer;
    },
  };
}

/** Dates and timestamps as plain milliseconds, not Date objects. */
const parsers = {
  timestampFromMilliseconds: (v: bigint) => Number(v),
  timestampFromMicroseconds: (v: bigint) => Number(v / 1000n) - (v % 1000n < 0n ? 1 : 0),
  timestampFromNanoseconds: (v: bigint) => Number(v / 1000000n) - (v % 1000000n < 0n ? 1 : 0),
  dateFromDays: (days: number) => days * 86400000,
};

type Kind = 'numeric' | 'boolean' | 'datetime' | 'text';

/** The kind of a top-level column, or why it cannot be loaded. */
export function parquetKind(el: SchemaElement): Kind | { unsupported: string } {
  if (el.num_children || el.repetition_type === 'REPEATED') return { unsupported: 'a nested (struct, list or map) column' };
  const ct = el.converted_type;
  const lt = el.logical_type?.type;
  if (ct === 'DATE' || ct === 'TIMESTAMP_MILLIS' || ct === 'TIMESTAMP_MICROS' || lt === 'DATE' || lt === 'TIMESTAMP' || el.type === 'INT96') return 'datetime';
  if (el.type === 'BOOLEAN') return 'boolean';
  if (ct === 'DECIMAL' || lt === 'DECIMAL') return 'numeric';
  if (el.type === 'BYTE_ARRAY' || el.type === 'FIXED_LEN_BYTE_ARRAY') {
    if (ct === 'JSON' || ct === 'BSON' || lt === 'JSON' || lt === 'BSON' || lt === 'GEOMETRY' || lt === 'GEOGRAPHY' || lt === 'VARIANT') return { unsupported: `a ${lt ?? ct} column` };
    if (ct === 'UTF8' || ct === 'ENUM' || lt === 'STRING' || lt === 'ENUM' || lt === 'UUID' || el.type === 'BYTE_ARRAY') return 'text';
    if (lt === 'FLOAT16') return 'numeric';
    return { unsupported: 'a fixed-length binary column' };
  }
  if (ct === 'INTERVAL') return { unsupported: 'an interval column' };
  return 'numeric';
}

/** The top-level columns of a Parquet file: name and schema element. */
function topColumns(metadata: FileMetaData): SchemaElement[] {
  const out: SchemaElement[] = [];
  const schema = metadata.schema;
  let i = 1;
  const skip = (): void => {
    const el = schema[i++];
    for (let c = 0; c < (el.num_children ?? 0); c++) skip();
  };
  const count = schema[0]?.num_children ?? 0;
  for (let c = 0; c < count && i < schema.length; c++) {
    out.push(schema[i]);
    skip();
  }
  return out;
}

async function readMetadata(fh: FileHandle, file: string): Promise<{ buffer: AsyncBuffer; metadata: FileMetaData; columns: SchemaElement[] }> {
  const { parquetMetadataAsync } = await import('hyparquet');
  const size = (await fh.stat()).size;
  const buffer = fileBuffer(fh, size);
  let metadata: FileMetaData;
  try {
    metadata = await parquetMetadataAsync(buffer);
  } catch (e) {
    throw dataErrors.parquetInvalid(file, (e as Error).message);
  }
  return { buffer, metadata, columns: topColumns(metadata) };
}

export async function readParquetColumns(file: string): Promise<string[]> {
  const fh = await openDataFile(file);
  try {
    return (await readMetadata(fh, file)).columns.map((c) => c.name);
  } finally {
    await fh.close();
  }
}

interface Sink {
  name: string;
  kind: Kind;
  values: Float64Array;
  codes: Int32Array;
  index: Map<string, number>;
  categories: string[];
  firstRows: number[];
}

function store(sink: Sink, row: number, v: unknown, na: Set<string>): void {
  if (sink.kind === 'text') {
    if (v === null || v === undefined) return;
    const s = typeof v === 'string' ? v : v instanceof Uint8Array ? Buffer.from(v).toString('utf8') : String(v);
    if (na.has(s)) return;
    let code = sink.index.get(s);
    if (code === undefined) {
      code = sink.categories.length;
      sink.index.set(s, code);
      sink.categories.push(s);
      sink.firstRows.push(row);
    }
    sink.codes[row] = code;
    return;
  }
  if (v === null || v === undefined) return;
  sink.values[row] = typeof v === 'number' ? v : typeof v === 'bigint' ? Number(v) : typeof v === 'boolean' ? (v ? 1 : 0) : v instanceof Date ? v.getTime() : NaN;
}

function finish(sink: Sink, rows: number, forced: ColumnType | undefined, file: string): Column {
  const { name } = sink;
  if (sink.kind === 'text') return textColumn(name, sink.codes, sink.categories, forced, file, (k) => ({ row: sink.firstRows[k] }));
  const values = sink.values;
  let missing = 0;
  for (let i = 0; i < rows; i++) if (values[i] !== values[i]) missing++;
  const type: ColumnType = forced ?? sink.kind;
  if (type === 'categorical') {
    // forced categorical: the values' text, in order of first appearance
    const index = new Map<number, number>();
    const categories: string[] = [];
    const codes = new Int32Array(rows);
    for (let i = 0; i < rows; i++) {
      const v = values[i];
      if (v !== v) codes[i] = -1;
      else {
        let c = index.get(v);
        if (c === undefined) {
          c = categories.length;
          index.set(v, c);
          categories.push(sink.kind === 'datetime' ? new Date(v).toISOString() : String(v));
        }
        codes[i] = c;
      }
    }
    return { name, type, codes, categories, missing };
  }
  if (type !== sink.kind && !(type === 'numeric' || (type === 'boolean' && sink.kind === 'numeric'))) {
    throw dataErrors.badOption(file, `column \`${name}\` holds ${sink.kind} values and cannot be read as ${type}`);
  }
  if (type === 'boolean' && sink.kind === 'numeric') {
    for (let i = 0; i < rows; i++) {
      const v = values[i];
      if (v === v && v !== 0 && v !== 1) throw dataErrors.notABoolean({ file, column: name }, `row ${i + 1}: ${v}`);
    }
  }
  return { name, type, values, missing };
}

export async function loadParquet(file: string, options: LoadOptions = {}): Promise<Table> {
  const fh = await openDataFile(file);
  try {
    const { parquetRead } = await import('hyparquet');
    const { buffer, metadata, columns } = await readMetadata(fh, file);
    const names = columns.map((c) => c.name);
    const types = options.types ?? {};
    for (const name of options.columns ?? []) if (!names.includes(name)) throw dataErrors.unknownColumn(file, name, 'columns', names);
    for (const name of Object.keys(types)) if (!names.includes(name)) throw dataErrors.unknownColumn(file, name, 'types', names);
    const wanted = options.columns ? new Set(options.columns) : null;
    const total = Math.min(Number(metadata.num_rows), options.maxRows ?? Infinity);
    const sinks: Sink[] = [];
    for (const el of columns) {
      if (wanted && !wanted.has(el.name)) continue;
      const kind = parquetKind(el);
      if (typeof kind !== 'string') {
        if (wanted) throw dataErrors.parquetUnsupported(file, el.name, kind.unsupported);
        continue; // not asked for by name: left out
      }
      sinks.push({
        name: el.name,
        kind,
        values: kind === 'text' ? new Float64Array(0) : new Float64Array(total).fill(NaN),
        codes: kind === 'text' ? new Int32Array(total).fill(-1) : new Int32Array(0),
        index: new Map(),
        categories: [],
        firstRows: [],
      });
    }
    const byName = new Map(sinks.map((s) => [s.name, s]));
    const na = new Set(options.naValues ?? DEFAULT_NA_VALUES);
    let groupStart = 0;
    for (const group of metadata.row_groups) {
      if (groupStart >= total) break;
      throwIfCancelled(options.signal);
      const groupEnd = Math.min(groupStart + Number(group.num_rows), total);
      if (sinks.length > 0) {
        try {
          await parquetRead({
            file: buffer,
            metadata,
            columns: sinks.map((s) => s.name),
            rowStart: groupStart,
            rowEnd: groupEnd,
            parsers,
            onChunk: ({ columnName, columnData, rowStart }) => {
              const sink = byName.get(columnName);
              if (!sink) return;
              const from = Math.max(rowStart, groupStart);
              const to = Math.min(rowStart + columnData.length, groupEnd);
              for (let r = from; r < to; r++) store(sink, r, columnData[r - rowStart], na);
            },
          });
        } catch (e) {
          throw dataErrors.parquetInvalid(file, (e as Error).message);
        }
      }
      groupStart = groupEnd;
      options.onProgress?.(Math.min(0.99, groupStart / Math.max(1, total)));
    }
    const out = sinks.map((s) => finish(s, total, types[s.name], file));
    options.onProgress?.(1);
    return { file, rowCount: total, columns: out };
  } finally {
    await fh.close();
  }
}
