// How columns are sized: the two-thread split writes both halves into one shared buffer per column
// (so the join moves rows instead of copying the worker's half into new memory), and columns grow
// from the bytes per row seen, without doubling past need. Whatever the row estimate gets wrong,
// the table must be the one a single thread reads with default settings.
import { after, test } from 'node:test';
import assert from 'node:assert/strict';
import { open } from 'node:fs/promises';
import { statSync } from 'node:fs';
import { cleanupTempFiles, plain, tempFile } from './testing';
import { loadTable } from './loadTable';
import { createKernelState } from './csvKernel';
import { parseRange } from './csvDriver';

after(cleanupTempFiles);

/**
 * Rows of x (numeric), group (text), y (numeric, every 9th missing), all about as long, but for
 * `pad(i)` spaces after x (spaces around a number are allowed).
 */
function csv(rows: number, pad: (i: number) => number): string {
  const out = ['x,group,y'];
  for (let i = 0; i < rows; i++) out.push(`${10 + (i % 80) + 0.5}${' '.repeat(pad(i))},g${i % 7},${i % 9 === 0 ? '' : 1000 + (i % 900)}`);
  return out.join('\n') + '\n';
}

const SPLIT = { threads: 2 as const, parallelMinBytes: 0 };

test('two threads share one buffer per column and read the same table as one thread', async () => {
  const path = tempFile(csv(3000, () => 0));
  const one = await loadTable(path, { threads: 1 });
  for (const chunkBytes of [256, 1024]) {
    const two = await loadTable(path, { ...SPLIT, chunkBytes });
    assert.deepEqual(plain(two), plain(one), `chunkBytes ${chunkBytes}`);
    for (const c of two.columns) {
      const buffer = c.type === 'categorical' ? c.codes.buffer : c.values.buffer;
      assert.ok(buffer instanceof SharedArrayBuffer, `${c.name} was joined in its shared buffer (chunkBytes ${chunkBytes})`);
    }
  }
  const p = plain(one);
  assert.equal(p.y.missing, Math.ceil(3000 / 9));
  assert.deepEqual(p.group.values.slice(0, 8), ['g0', 'g1', 'g2', 'g3', 'g4', 'g5', 'g6', 'g0']);
  assert.equal(p.x.values[2999], 10 + (2999 % 80) + 0.5);
});

test('a row estimate far too low or far too high still gives the same table, on one thread and two', async () => {
  const cases = {
    'long rows first (too few rows planned)': csv(4000, (i) => (i < 60 ? 300 : 0)),
    'short rows first (too many rows planned)': csv(4000, (i) => (i < 60 ? 0 : 60)),
    'long rows in the second half only': csv(4000, (i) => (i >= 2000 ? 80 : 0)),
    'short rows in the second half only': csv(4000, (i) => (i >= 2000 ? 0 : 80)),
  };
  for (const [name, content] of Object.entries(cases)) {
    const path = tempFile(content);
    const expected = plain(await loadTable(path, { threads: 1 }));
    assert.equal(expected.x.values.length, 4000, name);
    for (const options of [{ threads: 1 as const, chunkBytes: 256 }, { ...SPLIT, chunkBytes: 256 }, { ...SPLIT, chunkBytes: 2048 }, SPLIT]) {
      assert.deepEqual(plain(await loadTable(path, options)), expected, `${name}, ${JSON.stringify(options)}`);
    }
  }
});

test('columns grow to the estimated rows (at least 1/8 more), not by doubling, and never past what the bytes can hold', async () => {
  // the first chunks hold rows 30 times longer than the rest: the first estimate is far too low
  const content = csv(20000, (i) => (i < 40 ? 400 : 0));
  const path = tempFile(content);
  const header = content.indexOf('\n') + 1;
  const fh = await open(path, 'r');
  try {
    const st = createKernelState({ delimiter: 44, skipInitialSpace: false, modes: [1, 1, 1], forced: [false, false, false], naValues: [''], maxRows: Number.MAX_SAFE_INTEGER, capacity: 16, firstLine: 2 });
    await parseRange(fh, st, header, statSync(path).size, false, { chunkBytes: 4096, maxRowBytes: 1 << 20 });
    assert.equal(st.rows, 20000);
    assert.ok(st.cap >= st.rows);
    // doubling from a low estimate ends anywhere up to twice the rows; growth to the estimate stays close
    assert.ok(st.cap <= Math.ceil(st.rows * 1.125) + 2 * 4096 / 6 + 64, `capacity ${st.cap} for ${st.rows} rows`);
    assert.equal(st.cols[2].missing, Math.ceil(20000 / 9));
  } finally {
    await fh.close();
  }
  // short rows first: the estimate is too high, but never above the rows the bytes left could hold
  const over = csv(3000, (i) => (i < 40 ? 0 : 500));
  const overPath = tempFile(over);
  const fh2 = await open(overPath, 'r');
  try {
    const st = createKernelState({ delimiter: 44, skipInitialSpace: false, modes: [1, 1, 1], forced: [false, false, false], naValues: [''], maxRows: Number.MAX_SAFE_INTEGER, capacity: 16, firstLine: 2 });
    const size = statSync(overPath).size;
    await parseRange(fh2, st, over.indexOf('\n') + 1, size, false, { chunkBytes: 1024, maxRowBytes: 1 << 20 });
    assert.equal(st.rows, 3000);
    assert.ok(st.cap <= Math.floor(size / 2) + 1, `capacity ${st.cap} is more rows than ${size} bytes can hold`);
  } finally {
    await fh2.close();
  }
});
