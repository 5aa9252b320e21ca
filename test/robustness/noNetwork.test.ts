/**
 * Plumb makes no network calls: the CLI's full run (every section, both threads of the CSV loader,
 * the check worker) and a language-server session run with every network entry point of Node
 * replaced by a recorder that refuses, and nothing is recorded. Local pipes stay allowed.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { LspClient } from '../lsp/lspClient';

const ROOT = resolve(__dirname, '../..');
const GUARD = join(__dirname, 'networkGuard.cjs');
const SPEC = join(ROOT, 'examples/credit-risk/credit-risk.plumb.yaml');

test('plumb run on every section makes no network call', () => {
  const log = join(mkdtempSync(join(tmpdir(), 'plumb-net-')), 'network.log');
  const r = spawnSync(process.execPath, ['--require', GUARD, join(ROOT, 'dist/cli.js'), 'run', SPEC, '--format', 'json'], {
    encoding: 'utf8',
    env: { ...process.env, PLUMB_NETWORK_LOG: log },
    maxBuffer: 64 << 20,
  });
  assert.equal(r.status, 0, r.stderr);
  assert.ok(JSON.parse(r.stdout).explain, 'the run covered explanations too');
  assert.equal(existsSync(log) ? readFileSync(log, 'utf8') : '', '');
});

test('a language-server session (validate, complete, hover, run) makes no network call', async () => {
  const log = join(mkdtempSync(join(tmpdir(), 'plumb-net-')), 'network.log');
  process.env.PLUMB_NETWORK_LOG = log;
  const client = new LspClient(join(ROOT, 'examples/credit-risk'), ['--require', GUARD]);
  try {
    await client.initialize(join(ROOT, 'examples/credit-risk'));
    const uri = pathToFileURL(SPEC).toString();
    assert.deepEqual(await client.open(uri, readFileSync(SPEC, 'utf8')), []);
    await client.request('textDocument/hover', { textDocument: { uri }, position: { line: 12, character: 9 } });
    await client.request('textDocument/completion', { textDocument: { uri }, position: { line: 14, character: 12 } });
    await client.request('plumb/runChecks', { uri, only: ['evaluation', 'drift'] });
  } finally {
    await client.shutdown();
    delete process.env.PLUMB_NETWORK_LOG;
  }
  assert.equal(existsSync(log) ? readFileSync(log, 'utf8') : '', '');
});

test('the guard itself catches a connection attempt (so the tests above can fail)', () => {
  const log = join(mkdtempSync(join(tmpdir(), 'plumb-net-')), 'network.log');
  const r = spawnSync(process.execPath, ['--require', GUARD, '-e', "require('node:net').connect(80, '127.0.0.1').on('error', () => {}); require('node:https').get('https://example.org')"], {
    encoding: 'utf8',
    env: { ...process.env, PLUMB_NETWORK_LOG: log },
  });
  assert.notEqual(r.status, 0);
  assert.match(readFileSync(log, 'utf8'), /net\.connect/);
});
