import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { previewFile } from './preview';

// Small files whose summaries can be worked out by hand (written next to each assertion).
function withCsv(text: string, body: (file: string) => Promise<void>): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'plumb-preview-'));
  const file = join(dir, 'd.csv');
  writeFileSync(file, text);
  return body(file).finally(() => rmSync(dir, { recursive: true, force: true }));
}

const CSV = ['x,group,flag,day', '1,a,true,2024-01-01', '2,b,false,2024-01-03', '4,a,true,2024-01-02', ',c,,', '8,a,true,2024-01-05'].join('\n') + '\n';

test('numeric columns: range and mean over the values present; missing counted, never 0', () =>
  withCsv(CSV, async (file) => {
    const p = await previewFile(file, 1000);
    assert.equal(p.rows, 5);
    assert.equal(p.complete, true);
    // 1, 2, 4, 8 present: min 1, max 8, mean 15 / 4
    assert.deepEqual(p.columns.x, { type: 'numeric', rows: 5, missing: 1, min: 1, max: 8, mean: 3.75 });
  }));

test('categorical columns: distinct count and the most frequent values, ties in order of first appearance', () =>
  withCsv(CSV, async (file) => {
    const g = (await previewFile(file, 1000)).columns.group;
    assert.deepEqual(g, { type: 'categorical', rows: 5, missing: 0, distinct: 3, top: [{ value: 'a', count: 3 }, { value: 'b', count: 1 }, { value: 'c', count: 1 }] });
  }));

test('boolean and datetime columns', () =>
  withCsv(CSV, async (file) => {
    const p = await previewFile(file, 1000);
    assert.equal(p.columns.flag.type, 'boolean');
    assert.equal(p.columns.flag.missing, 1);
    assert.deepEqual(p.columns.flag.top, [{ value: 'true', count: 3 }, { value: 'false', count: 1 }]);
    assert.equal(p.columns.day.type, 'datetime');
    assert.equal(p.columns.day.min, Date.UTC(2024, 0, 1));
    assert.equal(p.columns.day.max, Date.UTC(2024, 0, 5));
  }));

test('reads no more than maxRows rows and says the file goes on', () =>
  withCsv(CSV, async (file) => {
    const p = await previewFile(file, 2);
    assert.equal(p.rows, 2);
    assert.equal(p.complete, false);
    // 1 and 2 only
    assert.deepEqual(p.columns.x, { type: 'numeric', rows: 2, missing: 0, min: 1, max: 2, mean: 1.5 });
    assert.deepEqual(p.columns.group.top, [{ value: 'a', count: 1 }, { value: 'b', count: 1 }]);
  }));

test('a column with only missing values has no range; maxRows must be positive', () =>
  withCsv('a,b\n,1\n,2\n', async (file) => {
    const p = await previewFile(file, 10);
    assert.equal(p.columns.a.missing, 2);
    assert.equal(p.columns.a.rows, 2);
    assert.ok(p.columns.a.min === null || p.columns.a.top?.length === 0, JSON.stringify(p.columns.a));
    await assert.rejects(previewFile(file, 0), /maxRows must be a positive integer/);
  }));
