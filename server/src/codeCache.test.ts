import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadWithCodeCache } from './codeCache';

interface Bundle {
  answer(): string;
  base: string;
}

/** A bundle like esbuild's: CommonJS, uses require, __filename and module.exports; `tag` is 3 characters. */
function bundleSource(tag: string): string {
  // Enough functions for V8 to have something to cache beyond the top level.
  const helpers = Array.from({ length: 50 }, (_, i) => `function h${i}(x) { return x + ${i}; }`).join('\n');
  return `"use strict";\nconst path = require('node:path');\n${helpers}\nmodule.exports = { answer: () => '${tag}:' + h7(35), base: path.basename(__filename) };\n`;
}

async function withBundle(run: (file: string, dir: string) => void | Promise<void>): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'plumb-codecache-'));
  try {
    const file = join(dir, 'extension.js');
    writeFileSync(file, bundleSource('one'));
    await run(file, dir);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

test('the first load compiles from source; save() writes a cache the next load uses, with the same behaviour', async () => {
  await withBundle(async (file, dir) => {
    const first = loadWithCodeCache<Bundle>(file, require);
    assert.equal(first.state, 'absent');
    assert.equal(first.exports.answer(), 'one:42');
    assert.equal(first.exports.base, 'extension.js', '__filename is the bundle');
    assert.equal(await first.save(), true);
    assert.equal(first.cacheFile, `${file}.v8cache`);
    const bytes = readFileSync(first.cacheFile);
    assert.equal(bytes.subarray(0, 8).toString(), 'PLUMBV8C');
    assert.ok(bytes.length > 72 + 100, `the cache holds compiled code (${bytes.length} bytes)`);
    assert.deepEqual(readdirSync(dir).sort(), ['extension.js', 'extension.js.v8cache'], 'no temporary file is left');

    const second = loadWithCodeCache<Bundle>(file, require);
    assert.equal(second.state, 'used');
    assert.equal(second.exports.answer(), 'one:42');
  });
});

test('a rebuilt bundle of the same length never runs with the old cache (stale), and runs its new code', async () => {
  await withBundle(async (file) => {
    await loadWithCodeCache<Bundle>(file, require).save();
    const before = readFileSync(file, 'utf8');
    writeFileSync(file, bundleSource('two'));
    assert.equal(readFileSync(file, 'utf8').length, before.length, 'same length: V8 alone would accept the old cache');
    const loaded = loadWithCodeCache<Bundle>(file, require);
    assert.equal(loaded.state, 'stale');
    assert.equal(loaded.exports.answer(), 'two:42');
    // The next save replaces the stale cache.
    assert.equal(await loaded.save(), true);
    assert.equal(loadWithCodeCache<Bundle>(file, require).state, 'used');
  });
});

test('a damaged cache (its data no longer matches its digest) is never handed to V8; the bundle still runs', async () => {
  await withBundle(async (file) => {
    const first = loadWithCodeCache<Bundle>(file, require);
    await first.save();
    const bytes = readFileSync(first.cacheFile);
    for (let i = 72; i < bytes.length; i += 7) bytes[i] ^= 0x5a; // keep the header, damage V8's part
    writeFileSync(first.cacheFile, bytes);
    const loaded = loadWithCodeCache<Bundle>(file, require);
    assert.equal(loaded.state, 'damaged');
    assert.equal(loaded.exports.answer(), 'one:42');
  });
});

test('a cache made by a V8 with other flags is rejected by V8, and the bundle still runs', async () => {
  await withBundle((file) => {
    // Another process with another V8 flag writes the cache (as another VS Code version would).
    const make = `require(${JSON.stringify(join(__dirname, 'codeCache.ts'))}).loadWithCodeCache(${JSON.stringify(file)}, require).save().then((ok) => ok || process.exit(3))`;
    const child = spawnSync(process.execPath, ['--stack-size=2000', '--import', 'tsx', '-e', make], { encoding: 'utf8' });
    assert.equal(child.status, 0, child.stderr);
    const loaded = loadWithCodeCache<Bundle>(file, require);
    assert.equal(loaded.state, 'rejected');
    assert.equal(loaded.exports.answer(), 'one:42');
  });
});

test('a cache file that is not one of ours is ignored as stale', async () => {
  await withBundle((file) => {
    writeFileSync(`${file}.v8cache`, 'not a cache at all, but long enough to have a header');
    const loaded = loadWithCodeCache<Bundle>(file, require);
    assert.equal(loaded.state, 'stale');
    assert.equal(loaded.exports.answer(), 'one:42');
  });
});

test('save() resolves to false when the cache cannot be written, and leaves nothing behind', async () => {
  await withBundle(async (file, dir) => {
    mkdirSync(`${file}.v8cache`); // a folder where the cache file would go: the rename fails (even as root)
    const loaded = loadWithCodeCache<Bundle>(file, require);
    assert.equal(await loaded.save(), false);
    assert.deepEqual(readdirSync(dir).sort(), ['extension.js', 'extension.js.v8cache']);
    assert.equal(loaded.exports.answer(), 'one:42');
  });
});

test('an exception thrown while the bundle loads reaches the caller', async () => {
  await withBundle((file) => {
    writeFileSync(file, 'throw new Error("broken bundle");');
    assert.throws(() => loadWithCodeCache(file, require), /broken bundle/);
  });
});
