// CSV syntax: quoting, line endings, BOM, delimiters, headers, missing values, column selection.
// Expected values are written out by hand from RFC 4180 and pandas' documented behaviour.
import { after, test } from 'node:test';
import { join } from 'node:path';
import assert from 'node:assert/strict';
import { cleanupTempFiles, loadEveryWay, plain, tempFile } from './testing';
import { loadTable, readHeader } from './loadTable';
import { DEFAULT_NA_VALUES } from './options';

after(cleanupTempFiles);

test('quoted fields keep delimiters, newlines and doubled quotes', async () => {
  const path = tempFile('id,text,n\n1,"a,b",2\n2,"line one\nline two",3\n3,"say ""hi""",4\n4,plain,5\n');
  const t = await loadEveryWay(path);
  assert.deepEqual(plain(t), {
    id: { type: 'numeric', values: [1, 2, 3, 4], missing: 0 },
    text: { type: 'categorical', values: ['a,b', 'line one\nline two', 'say "hi"', 'plain'], missing: 0 },
    n: { type: 'numeric', values: [2, 3, 4, 5], missing: 0 },
  });
});

test('CRLF, LF and lone CR line endings, no final newline, blank lines skipped', async () => {
  for (const eol of ['\n', '\r\n', '\r']) {
    const path = tempFile(['a,b', '1,x', '', '2,"q', 'r"', '3,z'].join(eol) + eol + eol);
    const t = await loadEveryWay(path);
    assert.deepEqual(plain(t), {
      a: { type: 'numeric', values: [1, 2, 3], missing: 0 },
      b: { type: 'categorical', values: ['x', `q${eol}r`, 'z'], missing: 0 },
    }, JSON.stringify(eol));
  }
  const noFinal = await loadEveryWay(tempFile('a,b\r\n1,2\r\n3,4'));
  assert.deepEqual(plain(noFinal).b.values, [2, 4]);
});

test('a UTF-8 byte-order mark is skipped and non-ASCII text kept', async () => {
  const path = tempFile(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('città,n\nZürich,1\n東京,2\n"🙂, ok",3\n')]));
  const t = await loadEveryWay(path);
  assert.deepEqual(plain(t), {
    città: { type: 'categorical', values: ['Zürich', '東京', '🙂, ok'], missing: 0 },
    n: { type: 'numeric', values: [1, 2, 3], missing: 0 },
  });
});

test('empty fields and the missing-value tokens are missing, in numeric and text columns', async () => {
  const rows = DEFAULT_NA_VALUES.map((na, i) => `${i},${na},${na === '' ? '' : `"${na}"`},t${i % 2}`);
  const path = tempFile(`i,num,text,cat\n${rows.join('\n')}\n100,1.5,word,t0\n`);
  const t = plain(await loadEveryWay(path));
  const n = DEFAULT_NA_VALUES.length;
  assert.deepEqual(t.num, { type: 'numeric', values: [...Array(n).fill(null), 1.5], missing: n });
  assert.deepEqual(t.text, { type: 'categorical', values: [...Array(n).fill(null), 'word'], missing: n });
  assert.equal(t.cat.missing, 0);
  // Not missing: other spellings, and `?` unless asked for.
  const other = plain(await loadTable(tempFile('a,b\nNa,?\nnull,?\n')));
  assert.deepEqual(other.a.values, ['Na', null]);
  assert.deepEqual(other.b.values, ['?', '?']);
  const asked = plain(await loadTable(tempFile('a,b\n1,?\n2,3\n'), { naValues: [...DEFAULT_NA_VALUES, '?'] }));
  assert.deepEqual(asked.b, { type: 'numeric', values: [null, 3], missing: 1 });
});

test('the delimiter is detected from the header line, or forced', async () => {
  const cases: [string, string][] = [
    ['a;b;c\n1;2,5;3\n', ';'],
    ['a\tb\tc\n1\t2\t3\n', '\t'],
    ['a|b|c\n1|2|3\n', '|'],
    ['a,b,c\n1,2,3\n', ','],
    ['"x,y";b;c\n1;2;3\n', ';'],
  ];
  for (const [text, delimiter] of cases) {
    const path = tempFile(text);
    assert.deepEqual(await readHeader(path), { columns: [delimiter === ';' && text.startsWith('"') ? 'x,y' : 'a', 'b', 'c'], delimiter, format: 'csv' });
    const t = await loadEveryWay(path);
    assert.equal(t.columns.length, 3);
  }
  // a semicolon file whose values hold commas: detected from the header, the commas stay in the text
  assert.deepEqual(plain(await loadTable(tempFile('a;b;c\n1;2,5;3\n'))).b.values, ['2,5']);
  // tie: comma preferred; forced delimiter overrides detection
  assert.equal((await readHeader(tempFile('a,b;c\n'))).delimiter, ',');
  const forced = await loadTable(tempFile('a,b;c\n1,2;3\n'), { delimiter: ';' });
  assert.deepEqual(forced.columns.map((c) => c.name), ['a,b', 'c']);
  for (const alias of ['tab', '\\t']) assert.equal((await readHeader(tempFile('a,b\tc\n'), { delimiter: alias })).delimiter, '\t');
  // .tsv defaults to tab even when the header has commas
  const tsv = await loadTable(tempFile('a,b\tc\n1,2\t3\n', 'x.tsv'));
  assert.deepEqual(tsv.columns.map((c) => c.name), ['a,b', 'c']);
});

test('the real semicolon file loads with every column numeric and nothing missing', async () => {
  // the first 200 rows of the published file (fixtures/README.md)
  const t = await loadEveryWay(join(__dirname, 'fixtures', 'taiwan-credit-default-200.csv'), {
    columns: ['ID', 'SEX', 'default payment next month'],
  });
  assert.equal(t.rowCount, 200);
  assert.deepEqual(t.columns.map((c) => [c.name, c.type, c.missing]), [
    ['ID', 'numeric', 0],
    ['SEX', 'numeric', 0],
    ['default payment next month', 'numeric', 0],
  ]);
  const id = t.columns[0];
  assert.ok(id.type === 'numeric' && id.values[0] === 1 && id.values[199] === 200);
});

test('header names are trimmed; empty and duplicate names made unique as pandas does', async () => {
  const path = tempFile(' a ,b, ,b,"  c"\n1,2,3,4,5\n');
  assert.deepEqual((await readHeader(path)).columns, ['a', 'b', 'Unnamed: 2', 'b.1', 'c']);
});

test('a header-only file is an empty table with its columns', async () => {
  for (const text of ['a,b\n', 'a,b', 'a,b\r\n\r\n']) {
    const t = await loadEveryWay(tempFile(text));
    assert.equal(t.rowCount, 0);
    assert.deepEqual(plain(t), { a: { type: 'numeric', values: [], missing: 0 }, b: { type: 'numeric', values: [], missing: 0 } });
  }
});

test('files without a header: names given or generated, and skipInitialSpace for ", " files', async () => {
  const text = '39, State-gov, 77516, <=50K\n50, Self-emp-not-inc, 83311, >50K\n\n';
  const path = tempFile(text, 'adult.data');
  const named = await loadEveryWay(path, { header: false, columnNames: ['age', 'workclass', 'fnlwgt', 'income'], skipInitialSpace: true });
  assert.deepEqual(plain(named), {
    age: { type: 'numeric', values: [39, 50], missing: 0 },
    workclass: { type: 'categorical', values: ['State-gov', 'Self-emp-not-inc'], missing: 0 },
    fnlwgt: { type: 'numeric', values: [77516, 83311], missing: 0 },
    income: { type: 'categorical', values: ['<=50K', '>50K'], missing: 0 },
  });
  // without skipInitialSpace the leading spaces stay in the text (numbers still parse)
  const raw = plain(await loadTable(path, { header: false }));
  assert.deepEqual(Object.keys(raw), ['column1', 'column2', 'column3', 'column4']);
  assert.deepEqual(raw.column2.values, [' State-gov', ' Self-emp-not-inc']);
  assert.deepEqual(raw.column3.values, [77516, 83311]);
  assert.deepEqual((await readHeader(path, { header: false })).columns, ['column1', 'column2', 'column3', 'column4']);
});

test('the real adult.data file loads without a header', async () => {
  const t = await loadEveryWay(join(__dirname, 'fixtures', 'adult-200.data'), { header: false, skipInitialSpace: true, columns: ['column1', 'column10', 'column15'] });
  assert.equal(t.rowCount, 200);
  const [age, sex, income] = t.columns;
  assert.equal(age.type, 'numeric');
  assert.ok(sex.type === 'categorical' && income.type === 'categorical');
  assert.deepEqual([...sex.categories].sort(), ['Female', 'Male']);
  assert.deepEqual([...income.categories].sort(), ['<=50K', '>50K']);
});

test('only the selected columns are loaded, in file order; others are not parsed', async () => {
  const path = tempFile('a,b,c\n1,x,2\n3,"y\nz",4\n');
  const t = await loadEveryWay(path, { columns: ['c', 'a'] });
  assert.deepEqual(plain(t), { a: { type: 'numeric', values: [1, 3], missing: 0 }, c: { type: 'numeric', values: [2, 4], missing: 0 } });
  // a skipped column forced numeric elsewhere would fail; skipped, it is never looked at
  const skipped = await loadTable(tempFile('a,b\n1,not a number\n'), { columns: ['a'] });
  assert.deepEqual(plain(skipped), { a: { type: 'numeric', values: [1], missing: 0 } });
});

test('maxRows stops early', async () => {
  const path = tempFile('a,b\n1,x\n2,y\n3,z\n');
  const t = await loadEveryWay(path, { maxRows: 2 });
  assert.deepEqual(plain(t), { a: { type: 'numeric', values: [1, 2], missing: 0 }, b: { type: 'categorical', values: ['x', 'y'], missing: 0 } });
  assert.equal((await loadTable(path, { maxRows: 0 })).rowCount, 0);
});

test('numbers parse exactly as Number() reads them', async () => {
  const texts = ['0', '-0', '+7', '1e3', '1E-3', '-2.5e+2', '.5', '5.', '0.1', '0.30000000000000004', '-1.2345678901234567', '123456789012345678901234',
    '9007199254740993', '1.7976931348623157e308', '5e-324', '2.2250738585072014e-308', '0.000001234567890123456789', '  42  ', '1e400'];
  const path = tempFile(`x\n${texts.map((s) => (s.includes(' ') ? `"${s}"` : s)).join('\n')}\n`);
  const t = plain(await loadEveryWay(path));
  assert.equal(t.x.type, 'numeric');
  t.x.values.forEach((v, i) => assert.ok(Object.is(v, Number(texts[i])), `${texts[i]}: ${v}`));
  const inf = plain(await loadTable(tempFile('x\ninf\n-inf\nInfinity\n3\n')));
  assert.deepEqual(inf.x.values, [Infinity, -Infinity, Infinity, 3]);
});

test('text after a closing quote is kept, as pandas and Python csv do', async () => {
  const t = plain(await loadEveryWay(tempFile('a,b\n"ab"c,1\n"x""y"z,2\n')));
  assert.deepEqual(t.a.values, ['abc', 'x"yz']);
});

test('quoted numbers are numbers', async () => {
  const t = plain(await loadEveryWay(tempFile('a,b\n"1.5","x"\n"2",""\n')));
  assert.deepEqual(t.a, { type: 'numeric', values: [1.5, 2], missing: 0 });
  assert.deepEqual(t.b, { type: 'categorical', values: ['x', null], missing: 1 });
});
