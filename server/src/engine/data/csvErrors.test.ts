// Errors people see: each one a PlumbError with a stable code, the file, the 1-based physical line
// and the column where there is one. Also hostile inputs (very wide, very long, never-closed),
// cancellation and progress.
import { after, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CancelledError } from '../errors';
import { cleanupTempFiles, rejection, tempFile } from './testing';
import { loadTable, readHeader } from './loadTable';

after(cleanupTempFiles);

test('a missing file, a folder and an unknown extension', async () => {
  const missing = join(tmpdir(), 'plumb-no-such-dir', 'nope.csv');
  const e1 = await rejection(loadTable(missing));
  assert.equal(e1.code, 'data.file-not-found');
  assert.equal(e1.place.file, missing);
  assert.equal((await rejection(readHeader(missing))).code, 'data.file-not-found');
  const dir = mkdtempSync(join(tmpdir(), 'plumb-dir-')) + '/folder.csv';
  await import('node:fs').then((fs) => fs.mkdirSync(dir));
  assert.equal((await rejection(loadTable(dir))).code, 'data.unreadable');
  const e3 = await rejection(loadTable(tempFile('a\n1\n', 'data.xlsx')));
  assert.equal(e3.code, 'data.unsupported-format');
  assert.match(e3.message, /\.csv, \.tsv, \.txt, \.data, \.parquet, \.pq/);
});

test('ragged rows name the physical line and the expected and found counts', async () => {
  // line 1 header, 2 ok, 3-4 one row with a quoted newline, 5 blank, 6 ok, 7 too many fields
  const more = tempFile('a,b,c\r\n1,2,3\r\n4,"x\r\ny",6\r\n\r\n7,8,9\r\n1,2,3,4\r\n');
  const e1 = await rejection(loadTable(more));
  assert.equal(e1.code, 'csv.ragged-row');
  assert.deepEqual(e1.place, { file: more, line: 7 });
  assert.match(e1.message, /row has 4 fields but the header has 3/);
  // old Mac line ends: a lone CR inside quotes is a line too
  const cr = tempFile('a,b\r"x\ry",1\r\r1,2,3\r');
  for (const chunkBytes of [1, 4, undefined]) assert.equal((await rejection(loadTable(cr, { chunkBytes }))).place.line, 5);
  const crHeader = tempFile('"a\rb",c\r1,2,3\r');
  assert.equal((await rejection(loadTable(crHeader))).place.line, 3);
  const fewer = tempFile('a,b,c\n1,2,3\n4,5\n');
  const e2 = await rejection(loadTable(fewer, { chunkBytes: 3 }));
  assert.deepEqual(e2.place, { file: fewer, line: 3 });
  assert.match(e2.message, /row has 2 fields but the header has 3/);
  // without a header, the given names set the count
  const e3 = await rejection(loadTable(tempFile('1,2,3\n'), { header: false, columnNames: ['a', 'b'] }));
  assert.equal(e3.place.line, 1);
  assert.match(e3.message, /3 fields but the header has 2/);
  // a skipped column still counts as a field
  const e4 = await rejection(loadTable(fewer, { columns: ['a'] }));
  assert.equal(e4.place.line, 3);
});

test('an unterminated quote names the line where the quote opened', async () => {
  const path = tempFile('a,b\n1,2\n3,"never\nclosed\n4,5\n');
  for (const chunkBytes of [2, 7, undefined]) {
    const e = await rejection(loadTable(path, { chunkBytes }));
    assert.equal(e.code, 'csv.unterminated-quote');
    assert.deepEqual(e.place, { file: path, line: 3, column: 'b' });
  }
});

test('an empty file is an error; a file of blank lines too', async () => {
  for (const content of ['', '\n\n', Buffer.from([0xef, 0xbb, 0xbf])]) {
    const path = tempFile(content);
    const e = await rejection(loadTable(path));
    assert.equal(e.code, 'csv.empty-file');
    assert.equal((await rejection(readHeader(path))).code, 'csv.empty-file');
  }
  // without a header, an empty file is an empty table with the given names
  const t = await loadTable(tempFile(''), { header: false, columnNames: ['a'] });
  assert.equal(t.rowCount, 0);
  assert.deepEqual(t.columns.map((c) => c.name), ['a']);
});

test('a row longer than maxRowBytes fails clearly instead of filling memory', async () => {
  const long = 'x'.repeat(5000);
  const middle = tempFile(`a,b\n1,2\n3,${long}\n5,6\n`);
  const e1 = await rejection(loadTable(middle, { maxRowBytes: 1000, chunkBytes: 64 }));
  assert.equal(e1.code, 'csv.row-too-long');
  assert.deepEqual(e1.place, { file: middle, line: 3 });
  assert.match(e1.message, /longer than 1000 bytes/);
  // the same row loads when the limit allows it
  const ok = await loadTable(middle, { maxRowBytes: 10000, chunkBytes: 64 });
  assert.equal(ok.rowCount, 3);
  // a single line with no newline at all, header included
  const oneLine = tempFile('a'.repeat(3 * 1024 * 1024));
  const e2 = await rejection(loadTable(oneLine, { maxRowBytes: 1024 * 1024 }));
  assert.equal(e2.code, 'csv.row-too-long');
  assert.equal(e2.place.line, 1);
  // a quote opened and never closed: past the limit, the limit stops it; within it, the end of file
  const quote = tempFile(`a\n"${'y\n'.repeat(300000)}`);
  const e3 = await rejection(loadTable(quote, { maxRowBytes: 100000, chunkBytes: 4096 }));
  assert.equal(e3.code, 'csv.row-too-long');
  assert.equal(e3.place.line, 2);
  const e4 = await rejection(loadTable(quote));
  assert.equal(e4.code, 'csv.unterminated-quote');
  assert.equal(e4.place.line, 2);
});

test('a very wide header (100,000 columns) loads', async () => {
  const n = 100000;
  const names = Array.from({ length: n }, (_, i) => `c${i}`);
  const row = (k: number) => Array.from({ length: n }, (_, i) => String((i * k) % 7)).join(',');
  const path = tempFile(`${names.join(',')}\n${row(1)}\n${row(2)}\n`);
  assert.equal((await readHeader(path)).columns.length, n);
  const t = await loadTable(path);
  assert.equal(t.rowCount, 2);
  assert.equal(t.columns.length, n);
  const last = t.columns[n - 1];
  assert.ok(last.type === 'numeric');
  assert.deepEqual([...last.values], [(n - 1) % 7, ((n - 1) * 2) % 7]);
});

test('cancellation stops the load with CancelledError; progress rises to 1', async () => {
  const rows = ['a,b'];
  for (let i = 0; i < 20000; i++) rows.push(`${i},${i % 7}`);
  const path = tempFile(rows.join('\n') + '\n');
  await assert.rejects(loadTable(path, { signal: { cancelled: true } }), CancelledError);
  const signal = { cancelled: false };
  const seen: number[] = [];
  const cancelled = loadTable(path, {
    chunkBytes: 1024,
    signal,
    onProgress: (f) => {
      seen.push(f);
      if (f > 0.2) signal.cancelled = true;
    },
  });
  await assert.rejects(cancelled, CancelledError);
  assert.ok(seen.length > 0 && seen[seen.length - 1] < 1);
  for (const threads of [1, 2] as const) {
    const progress: number[] = [];
    const t = await loadTable(path, { chunkBytes: 4096, threads, parallelMinBytes: 0, onProgress: (f) => progress.push(f) });
    assert.equal(t.rowCount, 20000);
    assert.equal(progress[progress.length - 1], 1);
    assert.ok(progress.length > 3);
    for (let i = 1; i < progress.length; i++) assert.ok(progress[i] >= progress[i - 1], `progress ${progress.join(',')}`);
  }
});

test('a bad delimiter option is reported', async () => {
  const e = await rejection(loadTable(tempFile('a,b\n1,2\n'), { delimiter: '::' }));
  assert.equal(e.code, 'data.bad-option');
});
