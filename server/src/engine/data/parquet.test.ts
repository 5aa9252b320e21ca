// Parquet through hyparquet into Tables. simple.parquet is pandas' own test file (written by
// pandas + pyarrow); types.parquet and its expected values come from expected/writeParquet.py,
// a standard-library Parquet writer independent of hyparquet and of Plumb (see fixtures/README.md).
import { after, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { cleanupTempFiles, plain, rejection, tempFile } from './testing';
import { inferColumnTypes, loadTable, readHeader } from './loadTable';

after(cleanupTempFiles);

const fixture = (name: string) => join(__dirname, 'fixtures', name);
const expected = JSON.parse(readFileSync(fixture('types.expected.json'), 'utf8'));

test('pandas-written Parquet (pyarrow, snappy, dictionary) reads as pandas expects it', async () => {
  const t = await loadTable(fixture('simple.parquet'));
  assert.deepEqual(plain(t), {
    A: { type: 'numeric', values: [1, 2, 3], missing: 0 },
    B: { type: 'categorical', values: ['foo', 'foo', 'foo'], missing: 0 },
  });
  assert.deepEqual(await readHeader(fixture('simple.parquet')), { columns: ['A', 'B'], delimiter: '', format: 'parquet' });
});

test('every physical and logical type, nulls, two row groups: the values the writer wrote', async () => {
  const t = await loadTable(fixture('types.parquet'));
  assert.equal(t.rowCount, 5);
  assert.deepEqual(plain(t), expected);
});

test('columns, maxRows, progress and .pq work as for CSV', async () => {
  const progress: number[] = [];
  const t = await loadTable(fixture('types.parquet'), { columns: ['ts_ms', 'city'], maxRows: 4, onProgress: (f) => progress.push(f) });
  assert.deepEqual(plain(t), {
    city: { ...expected.city, values: expected.city.values.slice(0, 4), missing: 1 },
    ts_ms: { ...expected.ts_ms, values: expected.ts_ms.values.slice(0, 4), missing: 1 },
  });
  assert.equal(progress[progress.length - 1], 1);
  const pq = tempFile(readFileSync(fixture('simple.parquet')), 'copy.pq');
  assert.equal((await loadTable(pq)).rowCount, 3);
  assert.deepEqual(await inferColumnTypes(fixture('types.parquet'), 2), {
    i64: 'numeric', f64: 'numeric', i32: 'numeric', flag: 'boolean', city: 'categorical', numtext: 'numeric', yesno: 'boolean', day: 'datetime', ts_ms: 'datetime', ts_us: 'datetime',
  });
});

test('forced types on Parquet columns; a misfit names the row and column', async () => {
  const t = plain(await loadTable(fixture('types.parquet'), { columns: ['i32', 'numtext', 'flag'], types: { i32: 'categorical', numtext: 'categorical', flag: 'numeric' } }));
  assert.deepEqual(t.i32, { type: 'categorical', values: ['1', '2', '3', '4', '5'], missing: 0 });
  assert.deepEqual(t.numtext, { type: 'categorical', values: ['1.5', '2', null, '-3e2', ' 4 '], missing: 1 });
  assert.deepEqual(t.flag, { type: 'numeric', values: [1, 0, null, 1, 0], missing: 1 });
  const e = await rejection(loadTable(fixture('types.parquet'), { types: { city: 'numeric' } }));
  assert.equal(e.code, 'data.not-a-number');
  assert.equal(e.place.column, 'city');
  assert.match(e.message, /^row 1: "Paris" is not a number/);
  const e2 = await rejection(loadTable(fixture('types.parquet'), { types: { i32: 'boolean' } }));
  assert.equal(e2.code, 'data.not-a-boolean');
  const e3 = await rejection(loadTable(fixture('types.parquet'), { columns: ['nope'] }));
  assert.equal(e3.code, 'data.unknown-column');
});

test('a file that is not Parquet is a clear error', async () => {
  for (const content of ['not parquet at all, just text', '']) {
    const e = await rejection(loadTable(tempFile(content, 'bad.parquet')));
    assert.equal(e.code, 'parquet.invalid');
    assert.equal((await rejection(readHeader(tempFile(content, 'bad.parquet')))).code, 'parquet.invalid');
  }
  // a truncated file: the footer is gone
  const bytes = readFileSync(fixture('types.parquet'));
  const e = await rejection(loadTable(tempFile(bytes.subarray(0, bytes.length - 30), 'cut.parquet')));
  assert.equal(e.code, 'parquet.invalid');
});
