/**
 * A deliberately small CSV reader and writer for the example's own scripts: plain delimited text,
 * no quoting, no embedded delimiters or newlines (true of the UCI source and of every file these
 * scripts write). Plumb's real loader lives in server/src/engine/data; the example does not depend on it.
 */
import { readFileSync, writeFileSync } from 'node:fs';

export interface SimpleCsv {
  header: string[];
  rows: string[][];
}

/** Reads a delimited file with a header row; throws on a row whose field count differs from the header's. */
export function readSimpleCsv(path: string, delimiter: string): SimpleCsv {
  const lines = readFileSync(path, 'utf8').split(/\r?\n/);
  while (lines.length > 0 && lines[lines.length - 1] === '') lines.pop();
  if (lines.length === 0) throw new Error(`${path}: the file is empty`);
  const header = lines[0].split(delimiter).map((h) => h.trim());
  const rows: string[][] = [];
  for (let i = 1; i < lines.length; i++) {
    const fields = lines[i].split(delimiter).map((f) => f.trim());
    if (fields.length !== header.length) {
      throw new Error(`${path}:${i + 1}: ${fields.length} fields where the header has ${header.length}`);
    }
    if (fields.some((f) => f.includes('"'))) throw new Error(`${path}:${i + 1}: quoted fields are not supported here`);
    rows.push(fields);
  }
  return { header, rows };
}

/** Writes a comma-separated file with a header row and `\n` line endings. */
export function writeSimpleCsv(path: string, header: string[], rows: (string | number)[][]): void {
  const out = [header.join(',')];
  for (const row of rows) {
    for (const v of row) {
      if (typeof v === 'string' && /[,"\n]/.test(v)) throw new Error(`${path}: value ${JSON.stringify(v)} would need quoting`);
      if (typeof v === 'number' && !Number.isFinite(v)) throw new Error(`${path}: non-finite number ${v}`);
    }
    out.push(row.join(','));
  }
  writeFileSync(path, out.join('\n') + '\n');
}

/** Index of each named column in `header`; throws naming the missing column and what exists. */
export function columnIndex(csv: SimpleCsv, names: readonly string[], path: string): number[] {
  return names.map((n) => {
    const i = csv.header.indexOf(n);
    if (i < 0) throw new Error(`${path}: no column "${n}" (columns: ${csv.header.join(', ')})`);
    return i;
  });
}

/** Parses a field as a finite number; throws with the file, row and column otherwise. */
export function toNumber(field: string, path: string, row: number, column: string): number {
  const v = field === '' ? NaN : Number(field);
  if (!Number.isFinite(v)) throw new Error(`${path}: row ${row + 2}, column "${column}": "${field}" is not a number`);
  return v;
}
