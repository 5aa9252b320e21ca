/**
 * Helpers for the data loader's tests (not used by the engine): temporary files, and a plain view
 * of a Table to compare with expected values.
 */
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadTable } from './loadTable';
import type { LoadOptions } from './options';
import type { Table } from './table';

const dirs: string[] = [];

/** Write `content` to a fresh temporary file named `name`; removed by cleanupTempFiles(). */
export function tempFile(content: string | Uint8Array, name = 'data.csv'): string {
  const dir = mkdtempSync(join(tmpdir(), 'plumb-data-'));
  dirs.push(dir);
  const path = join(dir, name);
  writeFileSync(path, content);
  return path;
}

export function cleanupTempFiles(): void {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
}

export type PlainValue = number | string | null;
export interface PlainColumn {
  type: string;
  values: PlainValue[];
  missing: number;
}

/** name -> type, values (null for missing, category text for categorical) and missing count. */
export function plain(table: Table): Record<string, PlainColumn> {
  const out: Record<string, PlainColumn> = {};
  for (const c of table.columns) {
    const values: PlainValue[] = [];
    for (let i = 0; i < table.rowCount; i++) {
      if (c.type === 'categorical') values.push(c.codes[i] < 0 ? null : c.categories[c.codes[i]]);
      else values.push(Number.isNaN(c.values[i]) ? null : c.values[i]);
    }
    assert.equal(values.length, table.rowCount);
    // the loader counts missing values as it stores them: the count must match the values
    assert.equal(c.missing, values.filter((v) => v === null).length, `missing count of ${c.name}`);
    out[c.name] = { type: c.type, values, missing: c.missing };
  }
  return out;
}

/** The chunk sizes the "every way" loads use: tiny ones put every boundary inside every construct. */
export const CHUNK_SIZES = [1, 2, 3, 5, 8, 13, 64, undefined];

/**
 * Load a CSV with every chunk size on one thread, and split over two threads, and check that all agree;
 * returns the table of the default load.
 */
export async function loadEveryWay(path: string, options: LoadOptions = {}): Promise<Table> {
  const reference = await loadTable(path, options);
  const expected = plain(reference);
  const ways = [...CHUNK_SIZES.map((chunkBytes) => ({ chunkBytes, threads: 1 as const })), { chunkBytes: 5, threads: 2 as const }, { chunkBytes: undefined, threads: 2 as const }];
  for (const { chunkBytes, threads } of ways) {
    const t = await loadTable(path, { ...options, chunkBytes, threads, parallelMinBytes: 0 });
    assert.equal(t.rowCount, reference.rowCount, `rows with chunkBytes ${chunkBytes}, threads ${threads}`);
    assert.deepEqual(plain(t), expected, `chunkBytes ${chunkBytes}, threads ${threads}`);
  }
  return reference;
}

/** The PlumbError a promise rejects with, checked to be one. */
export async function rejection(p: Promise<unknown>): Promise<{ code: string; message: string; place: { file?: string; line?: number; column?: string | number } }> {
  try {
    await p;
  } catch (e) {
    const err = e as { name?: string; code?: string; message: string; place?: object };
    assert.equal(err.name, 'PlumbError', `expected a PlumbError, got ${String(e)}`);
    return err as never;
  }
  assert.fail('expected the load to fail');
}
