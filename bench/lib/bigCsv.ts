/**
 * The benchmarks' large CSV: ROWS rows of 20 numeric columns (full-precision doubles at several
 * scales), a 0/1 label drawn from a logistic model of the first five columns, and a small-cardinality
 * string group column. Seeded, written once under bench/.data/ and reused.
 */
import { closeSync, existsSync, mkdirSync, openSync, renameSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { Random } from '../../server/src/engine/util/random';

export const NUMERIC = 20;
export const SCALES = Array.from({ length: NUMERIC }, (_, j) => [1, 10, 1000, 0.01, 250000][j % 5]);
export const GROUPS = ['north', 'south', 'east', 'west', 'centre', 'islands', 'overseas', 'unknown'];
export const DATA_DIR = join(__dirname, '..', '.data');

export function bigCsvPath(rows: number): string {
  return join(DATA_DIR, `data-${rows}x${NUMERIC}.csv`);
}

/** Writes the file if it is not there yet; returns its path. */
export function bigCsv(rows: number, seed = 7): string {
  const file = bigCsvPath(rows);
  if (existsSync(file)) return file;
  mkdirSync(DATA_DIR, { recursive: true });
  const rng = new Random(seed);
  const tmp = `${file}.tmp`;
  const fd = openSync(tmp, 'w');
  writeSync(fd, [...Array.from({ length: NUMERIC }, (_, j) => `x${j}`), 'label', 'group'].join(',') + '\n');
  let lines: string[] = [];
  for (let i = 0; i < rows; i++) {
    const row: string[] = [];
    let z = 0;
    for (let j = 0; j < NUMERIC; j++) {
      const v = rng.normal();
      z += j < 5 ? v : 0;
      row.push(String(v * SCALES[j]));
    }
    row.push(rng.next() < 1 / (1 + Math.exp(-z)) ? '1' : '0');
    row.push(GROUPS[Math.min(GROUPS.length - 1, Math.floor(-Math.log(1 - rng.next()) * 2))]);
    lines.push(row.join(','));
    if (lines.length === 10000) {
      writeSync(fd, lines.join('\n') + '\n');
      lines = [];
    }
  }
  if (lines.length) writeSync(fd, lines.join('\n') + '\n');
  closeSync(fd);
  renameSync(tmp, file);
  return file;
}

/** The true model behind the label: weight 1/scale on the first five columns, 0 elsewhere. */
export function trueWeights(): number[] {
  return SCALES.map((s, j) => (j < 5 ? 1 / s : 0));
}
