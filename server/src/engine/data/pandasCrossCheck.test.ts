// Cross-check against pandas: fixtures/crosscheck.csv (5,000 rows written by Python's csv module)
// and what pandas.read_csv made of it, in expected/crosscheck.pandas.json, both from
// expected/generate.py. Every numeric value is compared through an FNV-1a hash of its float64
// bytes, so one differing bit in any cell fails the test.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadTable } from './loadTable';
import type { Table } from './table';

const pandas = JSON.parse(readFileSync(join(__dirname, 'expected', 'crosscheck.pandas.json'), 'utf8'));
const file = join(__dirname, 'fixtures', 'crosscheck.csv');

function fnv(values: Float64Array): number {
  const bytes = new Uint8Array(8);
  const view = new DataView(bytes.buffer);
  let h = 0x811c9dc5;
  for (const v of values) {
    if (Number.isNaN(v)) {
      view.setUint32(0, 0, true);
      view.setUint32(4, 0x7ff80000, true);
    } else view.setFloat64(0, v, true);
    for (const b of bytes) h = Math.imul(h ^ b, 16777619) >>> 0;
  }
  return h;
}

function compare(t: Table): void {
  assert.equal(t.rowCount, pandas.rows);
  assert.deepEqual(t.columns.map((c) => c.name), Object.keys(pandas.columns));
  for (const c of t.columns) {
    const p = pandas.columns[c.name];
    assert.equal(c.missing, p.missing, `${c.name}: missing`);
    if (p.dtype === 'bool') {
      assert.ok(c.type === 'boolean', `${c.name}: ${c.type}`);
      assert.equal(c.values.reduce((s, v) => s + v, 0), p.true);
    } else if (p.dtype === 'object') {
      assert.ok(c.type === 'categorical', `${c.name}: ${c.type}`);
      assert.deepEqual(c.categories, p.categories);
      const counts = new Array(c.categories.length).fill(0);
      for (const k of c.codes) if (k >= 0) counts[k]++;
      assert.deepEqual(counts, p.counts);
    } else {
      assert.ok(c.type === 'numeric', `${c.name}: ${c.type}`);
      let sum = 0;
      let count = 0;
      for (const v of c.values) {
        if (!Number.isNaN(v)) {
          sum += v;
          count++;
        }
      }
      assert.equal(count, p.count, `${c.name}: count`);
      assert.equal(sum, p.sum, `${c.name}: sum`);
      assert.deepEqual(Array.from(c.values.subarray(0, 10), (v) => (Number.isNaN(v) ? null : v)), p.head, `${c.name}: head`);
      assert.equal(fnv(c.values), p.fnv, `${c.name}: every value`);
    }
  }
}

test('the same numbers, missing counts and categories as pandas.read_csv', async () => {
  compare(await loadTable(file));
});

test('the same with small chunks and with two threads', async () => {
  compare(await loadTable(file, { chunkBytes: 1000, threads: 1 }));
  compare(await loadTable(file, { chunkBytes: 4096, threads: 2, parallelMinBytes: 0 }));
});
