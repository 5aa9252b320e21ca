import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { writeFileAtomic } from './atomicWrite';

test('writes the whole file and leaves no temporary file behind', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'plumb-atomic-'));
  const file = join(dir, 'report.html');
  writeFileSync(file, 'old report');
  await writeFileAtomic(file, 'new report');
  assert.equal(readFileSync(file, 'utf8'), 'new report');
  assert.deepEqual(readdirSync(dir), ['report.html']);
});

test('a failed write leaves the old file as it was and no temporary file', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'plumb-atomic-'));
  const target = join(dir, 'taken');
  mkdirSync(target); // renaming a file onto a non-empty folder fails
  writeFileSync(join(target, 'keep.txt'), 'kept');
  await assert.rejects(writeFileAtomic(target, 'x'));
  assert.deepEqual(readdirSync(dir), ['taken']);
  assert.equal(readFileSync(join(target, 'keep.txt'), 'utf8'), 'kept');
});
