/**
 * The start of a CSV file: byte-order mark, delimiter, column names and where the data begins,
 * read from the first record only (so the language server can ask cheaply).
 */
import type { FileHandle } from 'node:fs/promises';
import { DEFAULT_MAX_ROW_BYTES, DELIMITER_CANDIDATES } from './options';
import { dataErrors } from './messages';

export interface CsvLayout {
  delimiter: string;
  /** Column names: the header's, trimmed, made unique; or the ones given for a file without header. */
  names: string[];
  /** Byte offset where the data rows begin. */
  dataStart: number;
  /** Physical 1-based line of the byte at dataStart. */
  firstDataLine: number;
  /** False when the file holds nothing but a byte-order mark and blank lines. */
  hasContent: boolean;
}

export interface LayoutOptions {
  delimiter?: string;
  header?: boolean;
  columnNames?: string[];
  maxRowBytes?: number;
}

interface FirstRecord {
  /** Offset of the record's first byte, after the BOM and blank lines. */
  start: number;
  /** Offset just past its line terminator. */
  end: number;
  /** Lines before the record (blank ones) and inside it (newlines within quotes). */
  linesBefore: number;
  linesInside: number;
  bytes: Buffer;
}

/** Read the first record of the file (quote-aware), growing the read until it is complete. */
async function readFirstRecord(fh: FileHandle, file: string, maxRowBytes: number): Promise<FirstRecord | null> {
  let size = 64 * 1024;
  for (;;) {
    const buf = Buffer.alloc(size);
    const { bytesRead } = await fh.read(buf, 0, size, 0);
    const eof = bytesRead < size;
    let p = bytesRead >= 3 && buf[0] === 0xef && buf[1] === 0xbb && buf[2] === 0xbf ? 3 : 0;
    let linesBefore = 0;
    while (p < bytesRead && (buf[p] === 10 || buf[p] === 13)) {
      if (buf[p] === 10 || buf[p + 1] !== 10) linesBefore++;
      p++;
    }
    if (p >= bytesRead) {
      if (eof) return null;
    } else {
      const start = p;
      let quoted = false;
      let inside = 0;
      let end = -1;
      for (; p < bytesRead; p++) {
        const c = buf[p];
        if (c === 34) quoted = !quoted;
        else if (c === 10 || c === 13) {
          if (!quoted) {
            end = c === 13 && buf[p + 1] === 10 ? p + 2 : p + 1;
            if (c === 13 && p + 1 === bytesRead && !eof) end = -1;
            break;
          }
          if (c === 10 || buf[p + 1] !== 10) inside++;
        }
      }
      if (end < 0 && eof) end = bytesRead;
      if (end - start > maxRowBytes) throw dataErrors.rowTooLong(file, linesBefore + 1, maxRowBytes);
      if (end >= 0) return { start, end, linesBefore, linesInside: inside, bytes: buf.subarray(start, end) };
    }
    if (size > maxRowBytes) throw dataErrors.rowTooLong(file, linesBefore + 1, maxRowBytes);
    size *= 4;
  }
}

/** Count each candidate delimiter outside quotes; the most frequent wins, ties go to the earlier candidate. */
export function detectDelimiter(record: Uint8Array): string {
  const counts = DELIMITER_CANDIDATES.map(() => 0);
  const codes = DELIMITER_CANDIDATES.map((d) => d.charCodeAt(0));
  let quoted = false;
  for (const c of record) {
    if (c === 34) quoted = !quoted;
    else if (!quoted) {
      const k = codes.indexOf(c);
      if (k >= 0) counts[k]++;
    }
  }
  let best = 0;
  for (let k = 1; k < counts.length; k++) if (counts[k] > counts[best]) best = k;
  return DELIMITER_CANDIDATES[best];
}

/** Split one record (without caring for types) into its fields' texts. */
export function splitRecord(record: Buffer, delimiter: number): string[] {
  const fields: string[] = [];
  let end = record.length;
  while (end > 0 && (record[end - 1] === 10 || record[end - 1] === 13)) end--;
  let p = 0;
  for (;;) {
    const bytes: number[] = [];
    let q = p;
    while (record[q] === 32) q++;
    if (record[q] === 34) p = q;
    let s = p;
    if (record[p] === 34) {
      p++;
      for (;;) {
        if (p >= end) break;
        if (record[p] === 34) {
          if (record[p + 1] === 34) {
            bytes.push(34);
            p += 2;
            continue;
          }
          p++;
          break;
        }
        bytes.push(record[p++]);
      }
      s = p;
    }
    while (p < end && record[p] !== delimiter) p++;
    for (let i = s; i < p; i++) bytes.push(record[i]);
    fields.push(Buffer.from(bytes).toString('utf8'));
    if (p >= end) return fields;
    p++;
  }
}

/** Trimmed names, `Unnamed: i` for empty ones, duplicates suffixed `.1`, `.2` (as pandas does). */
export function cleanNames(raw: readonly string[]): string[] {
  const seen = new Map<string, number>();
  const taken = new Set<string>();
  return raw.map((r, i) => {
    let name = r.trim() || `Unnamed: ${i}`;
    const base = name;
    let n = seen.get(base) ?? 0;
    while (taken.has(name)) name = `${base}.${++n}`;
    seen.set(base, n);
    taken.add(name);
    return name;
  });
}

/** `tab` and a written-out `\t` (as a YAML single-quoted string gives it) mean the tab character. */
export function normalizeDelimiter(delimiter: string): string {
  return delimiter === 'tab' || delimiter === '\\t' ? '\t' : delimiter;
}

export function delimiterCode(file: string, delimiter: string): number {
  const code = delimiter.charCodeAt(0);
  if (delimiter.length !== 1 || code > 127 || code === 34 || code === 10 || code === 13) {
    throw dataErrors.badOption(file, `delimiter ${JSON.stringify(delimiter)} is not usable: give one ASCII character other than a quote or a line break`);
  }
  return code;
}

export async function readCsvLayout(fh: FileHandle, file: string, options: LayoutOptions = {}): Promise<CsvLayout> {
  const maxRowBytes = options.maxRowBytes ?? DEFAULT_MAX_ROW_BYTES;
  const first = await readFirstRecord(fh, file, maxRowBytes);
  const header = options.header ?? true;
  if (first === null) {
    const delimiter = normalizeDelimiter(options.delimiter ?? ',');
    return { delimiter, names: header || !options.columnNames ? [] : cleanNames(options.columnNames), dataStart: 0, firstDataLine: 1, hasContent: false };
  }
  const delimiter = options.delimiter !== undefined ? normalizeDelimiter(options.delimiter) : detectDelimiter(first.bytes);
  const code = delimiterCode(file, delimiter);
  if (header) {
    const names = cleanNames(splitRecord(first.bytes, code));
    return { delimiter, names, dataStart: first.end, firstDataLine: 1 + first.linesBefore + first.linesInside + 1, hasContent: true };
  }
  const count = splitRecord(first.bytes, code).length;
  const names = options.columnNames ? cleanNames(options.columnNames) : Array.from({ length: count }, (_, i) => `column${i + 1}`);
  return { delimiter, names, dataStart: first.start, firstDataLine: 1 + first.linesBefore, hasContent: true };
}
