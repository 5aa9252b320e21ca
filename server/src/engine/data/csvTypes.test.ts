// Type inference and forced types. Expected values are written out by hand; datetimes are checked
// against Date.UTC, which is independent of the parser under test.
import { after, test } from 'node:test';
import assert from 'node:assert/strict';
import { cleanupTempFiles, loadEveryWay, plain, rejection, tempFile } from './testing';
import { loadTable, inferColumnTypes } from './loadTable';

after(cleanupTempFiles);

test('each column gets its type: numeric, boolean, datetime, categorical', async () => {
  const path = tempFile(
    [
      'n,flag,day,stamp,city',
      '1,true,2024-01-31,2024-01-31T10:20:30Z,Paris',
      '2.5,FALSE,2024-02-29,2024-02-29 23:59:59.250,Lyon',
      ',Yes,,2024-03-01T00:00+02:00,',
      '-3,no,2000-12-01,1999-12-31T23:59:59.999-01:30,Paris',
    ].join('\n') + '\n',
  );
  const t = plain(await loadEveryWay(path));
  assert.deepEqual(t, {
    n: { type: 'numeric', values: [1, 2.5, null, -3], missing: 1 },
    flag: { type: 'boolean', values: [1, 0, 1, 0], missing: 0 },
    day: { type: 'datetime', values: [Date.UTC(2024, 0, 31), Date.UTC(2024, 1, 29), null, Date.UTC(2000, 11, 1)], missing: 1 },
    stamp: {
      type: 'datetime',
      values: [Date.UTC(2024, 0, 31, 10, 20, 30), Date.UTC(2024, 1, 29, 23, 59, 59, 250), Date.UTC(2024, 1, 29, 22, 0), Date.UTC(2000, 0, 1, 1, 29, 59, 999)],
      missing: 0,
    },
    city: { type: 'categorical', values: ['Paris', 'Lyon', null, 'Paris'], missing: 1 },
  });
});

test('a column that starts numeric and then has text is categorical, with the texts as written', async () => {
  const rows = ['id,code'];
  for (let i = 0; i < 50; i++) rows.push(`${i},${i % 5 === 0 ? '' : i === 41 ? 'B7' : `0${i % 3}.50`}`);
  const t = plain(await loadEveryWay(tempFile(rows.join('\n') + '\n')));
  assert.equal(t.code.type, 'categorical');
  const expected = rows.slice(1).map((r) => r.split(',')[1] || null);
  assert.deepEqual(t.code.values, expected);
  assert.equal(t.code.missing, 10);
  assert.equal(t.id.type, 'numeric');
});

test('not booleans or dates unless every value is: invalid dates and mixed values stay text', async () => {
  const t = plain(await loadEveryWay(tempFile('a,b,c,d\n2023-02-30,true,2024-01-01,yes\n2023-02-01,maybe,2024-01-01T25:00,1\n')));
  assert.equal(t.a.type, 'categorical');
  assert.equal(t.b.type, 'categorical');
  assert.equal(t.c.type, 'categorical');
  assert.equal(t.d.type, 'categorical');
  assert.deepEqual(t.d.values, ['yes', '1']);
});

test('a column with every value missing is numeric, all missing', async () => {
  const t = plain(await loadEveryWay(tempFile('a,b\n1,\n2,NA\n')));
  assert.deepEqual(t.b, { type: 'numeric', values: [null, null], missing: 2 });
});

test('forced types: categorical numbers keep their text, boolean and datetime convert', async () => {
  const path = tempFile('zip,ok,when,x\n02134,yes,2024-05-01,1\n10001,No,2024-05-02T12:00:00Z,\n,,,3\n');
  const t = plain(
    await loadEveryWay(path, { types: { zip: 'categorical', ok: 'boolean', when: 'datetime', x: 'numeric' } }),
  );
  assert.deepEqual(t, {
    zip: { type: 'categorical', values: ['02134', '10001', null], missing: 1 },
    ok: { type: 'boolean', values: [1, 0, null], missing: 1 },
    when: { type: 'datetime', values: [Date.UTC(2024, 4, 1), Date.UTC(2024, 4, 2, 12), null], missing: 1 },
    x: { type: 'numeric', values: [1, null, 3], missing: 1 },
  });
});

test('a value that does not fit a forced type names file, line, column and value', async () => {
  const path = tempFile('a,b\n1,x\n2,"multi\nline"\n3,3.5\nfour,4\n');
  const num = await rejection(loadTable(path, { types: { a: 'numeric' } }));
  assert.equal(num.code, 'data.not-a-number');
  assert.deepEqual(num.place, { file: path, line: 6, column: 'a' });
  assert.match(num.message, /"four" is not a number/);
  const bool = await rejection(loadTable(path, { types: { b: 'boolean' } }));
  assert.equal(bool.code, 'data.not-a-boolean');
  assert.deepEqual(bool.place, { file: path, line: 2, column: 'b' });
  assert.match(bool.message, /"x"/);
  const date = await rejection(loadTable(path, { types: { b: 'datetime' } }));
  assert.equal(date.code, 'data.not-a-datetime');
  // the same failure found by the second thread, on an absolute line
  const rows = ['a,b'];
  for (let i = 0; i < 400; i++) rows.push(`${i},x`);
  rows.push('bad,x');
  const big = tempFile(rows.join('\n') + '\n');
  const far = await rejection(loadTable(big, { types: { a: 'numeric' }, threads: 2, parallelMinBytes: 0, chunkBytes: 64 }));
  assert.deepEqual(far.place, { file: big, line: 402, column: 'a' });
});

test('types and columns must name columns of the file; types must be known', async () => {
  const path = tempFile('a,b\n1,2\n');
  const e1 = await rejection(loadTable(path, { types: { c: 'numeric' } }));
  assert.equal(e1.code, 'data.unknown-column');
  assert.match(e1.message, /columns: a, b/);
  const e2 = await rejection(loadTable(path, { columns: ['a', 'zz'] }));
  assert.equal(e2.code, 'data.unknown-column');
  assert.equal(e2.place.column, 'zz');
  const e3 = await rejection(loadTable(path, { types: { a: 'text' as never } }));
  assert.equal(e3.code, 'data.bad-option');
});

test('inferColumnTypes looks at the first rows only', async () => {
  const rows = ['a,b,c'];
  for (let i = 0; i < 30; i++) rows.push(`${i},${i % 2 ? 'true' : 'false'},2024-01-0${(i % 9) + 1}`);
  rows.push('text,maybe,never');
  const path = tempFile(rows.join('\n') + '\n');
  assert.deepEqual(await inferColumnTypes(path, 10), { a: 'numeric', b: 'boolean', c: 'datetime' });
  assert.deepEqual(await inferColumnTypes(path, 1000), { a: 'categorical', b: 'categorical', c: 'categorical' });
});
