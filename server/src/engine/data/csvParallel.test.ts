// The two-thread split: the same table as one thread, whatever the halves hold; a split that falls
// inside a quoted field is detected and parsing goes on in one thread; the worker also runs from
// the esbuild bundle, where the kernel's source text is minified.
import { after, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { build } from 'esbuild';
import { cleanupTempFiles, loadEveryWay, plain, rejection, tempFile } from './testing';
import { loadTable } from './loadTable';
import { kernelWorkersStarted } from './csvWorker';

after(cleanupTempFiles);

/** Rows whose columns change character between the first and the second half of the file. */
function mixedCsv(rows: number): string {
  const out = ['id,late_numbers,late_text,groups,quoted,flag'];
  for (let i = 0; i < rows; i++) {
    const second = i >= rows / 2;
    out.push(
      [
        i,
        second ? (i * 0.25).toString() : '',
        second && i % 97 === 0 ? 'oops' : String(i % 11),
        second ? `g${i % 5}` : `g${i % 3}`,
        i % 13 === 0 ? `"line ${i}\nnext, ""quoted"""` : `v${i % 4}`,
        i % 2 ? 'true' : 'False',
      ].join(','),
    );
  }
  return out.join('\n') + '\n';
}

test('two threads give the same table as one, column types decided across the halves', async () => {
  const path = tempFile(mixedCsv(3000));
  const before = kernelWorkersStarted();
  const t = await loadEveryWay(path);
  assert.ok(kernelWorkersStarted() > before, 'the parallel loads used a worker');
  const p = plain(t);
  assert.equal(p.late_numbers.type, 'numeric');
  assert.equal(p.late_numbers.missing, 1500);
  assert.equal(p.late_text.type, 'categorical');
  assert.equal(p.late_text.values[1500 + 97 - (1500 % 97)], 'oops');
  assert.deepEqual(p.groups.values.slice(0, 4), ['g0', 'g1', 'g2', 'g0']);
  const groups = t.columns.find((c) => c.name === 'groups');
  assert.ok(groups?.type === 'categorical');
  assert.deepEqual(groups.categories, ['g0', 'g1', 'g2', 'g3', 'g4']);
  assert.equal(p.quoted.values[13], 'line 13\nnext, "quoted"');
  assert.equal(p.flag.type, 'boolean');
});

test('a split inside a multi-line quoted field falls back to one thread, with the same result', async () => {
  const lines = ['a,b'];
  for (let i = 0; i < 50; i++) lines.push(`${i},x${i}`);
  lines.push(`50,"${Array.from({ length: 2000 }, (_, k) => `inner line ${k}, with, commas`).join('\n')}"`);
  for (let i = 51; i < 60; i++) lines.push(`${i},y${i}`);
  const path = tempFile(lines.join('\n') + '\n');
  const one = plain(await loadTable(path, { threads: 1 }));
  const before = kernelWorkersStarted();
  // small chunks: the worker starts (after the first rows give an estimate) before the split is found to be bad
  const two = plain(await loadTable(path, { threads: 2, parallelMinBytes: 0, chunkBytes: 256 }));
  assert.ok(kernelWorkersStarted() > before);
  assert.deepEqual(two, one);
  assert.equal(one.a.values.length, 60);
  assert.match(String(one.b.values[50]), /^inner line 0, with, commas\ninner line 1/);
});

test('an error in the second half names its absolute line', async () => {
  const lines = ['a,b'];
  for (let i = 0; i < 500; i++) lines.push(i % 50 === 0 ? `${i},"two\nlines"` : `${i},${i}`);
  lines.push('1,2,3');
  const path = tempFile(lines.join('\n') + '\n');
  const e = await rejection(loadTable(path, { threads: 2, parallelMinBytes: 0, chunkBytes: 100 }));
  assert.equal(e.code, 'csv.ragged-row');
  assert.equal(e.place.line, 1 + 500 + 10 + 1);
});

test('the worker (and the Parquet reader) run from a minified esbuild bundle', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'plumb-bundle-'));
  const entry = join(dir, 'entry.ts');
  writeFileSync(
    entry,
    `import { loadTable } from ${JSON.stringify(join(__dirname, 'index.ts'))};
     import { kernelWorkersStarted } from ${JSON.stringify(join(__dirname, 'csvWorker.ts'))};
     loadTable(process.argv[2], { threads: 2, parallelMinBytes: 0, chunkBytes: 256 }).then((t) => {
       const cols = t.columns.map((c) => ({ name: c.name, type: c.type, missing: c.missing,
         values: c.type === 'categorical' ? Array.from(c.codes, (k) => (k < 0 ? null : c.categories[k])) : Array.from(c.values, (v) => (Number.isNaN(v) ? null : v)) }));
       return loadTable(process.argv[3]).then((p) => console.log(JSON.stringify({ workers: kernelWorkersStarted(), rows: t.rowCount, cols, parquetRows: p.rowCount })));
     }).catch((e) => { console.error(e); process.exit(1); });`,
  );
  const outfile = join(dir, 'bundle.js');
  await build({ entryPoints: [entry], bundle: true, minify: true, platform: 'node', format: 'cjs', target: 'node20', outfile, logLevel: 'silent' });
  const path = tempFile(mixedCsv(400));
  const run = spawnSync(process.execPath, [outfile, path, join(__dirname, 'fixtures', 'simple.parquet')], { encoding: 'utf8' });
  assert.equal(run.status, 0, run.stderr);
  const out = JSON.parse(run.stdout);
  assert.equal(out.workers, 1);
  const expected = plain(await loadTable(path, { threads: 1 }));
  assert.equal(out.rows, 400);
  assert.equal(out.parquetRows, 3);
  for (const c of out.cols) assert.deepEqual({ type: c.type, values: c.values, missing: c.missing }, expected[c.name], c.name);
});
