/**
 * `plumb/compareModels` through the server: champion vs challenger runs in the check worker and
 * returns what `plumb compare --format json` prints for the same spec and challenger (same verdict,
 * metrics and gates); a relative challenger is relative to the spec; an untrusted workspace refuses.
 */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { readFileSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { writeCompareFixture } from '../../server/src/engine/compare/testFixture';
import { LspClient, ROOT } from './lspClient';

const fixture = writeCompareFixture();
const uri = pathToFileURL(fixture.spec).toString();
let client: LspClient;
const progress: { value: { kind: string } }[] = [];

interface CompareJson {
  verdict: string;
  passed: boolean;
  metrics: Record<string, { champion: number; challenger: number; delta: number; interval: { low: number; high: number } | null }>;
  gates: { metric: string; passed: boolean; value: number | null }[];
  mcnemar: { b: number; c: number; p_value: number } | null;
  challenger: { model: string };
}

function cli(challenger: string): CompareJson {
  const r = spawnSync(process.execPath, [resolve(ROOT, 'dist/cli.js'), 'compare', fixture.spec, '--challenger', challenger, '--format', 'json'], { encoding: 'utf8' });
  assert.ok(r.stdout.trim().startsWith('{'), r.stderr);
  return JSON.parse(r.stdout);
}

before(async () => {
  client = new LspClient(fixture.dir);
  client.connection.onNotification('$/progress', (p: unknown) => void progress.push(p as (typeof progress)[number]));
  await client.initialize(fixture.dir);
  await client.open(uri, readFileSync(fixture.spec, 'utf8'));
});
after(async () => {
  await client.shutdown();
  rmSync(fixture.dir, { recursive: true, force: true });
});

test('plumb/compareModels returns the same comparison as plumb compare --format json', async () => {
  const expected = cli(join(fixture.dir, 'models/challenger.onnx'));
  const got = await client.request<CompareJson>('plumb/compareModels', { uri, challenger: 'models/challenger.onnx' });
  assert.equal(got.verdict, expected.verdict);
  assert.equal(got.passed, false);
  assert.deepEqual(got.gates, expected.gates);
  assert.deepEqual(got.metrics, expected.metrics);
  assert.deepEqual(got.mcnemar, expected.mcnemar);
  assert.equal(got.challenger.model, 'models/challenger.onnx');
  assert.ok(progress.some((p) => p.value.kind === 'begin') && progress.some((p) => p.value.kind === 'end'));
});

test('an absolute challenger path works the same; a missing one is a failed request naming it', async () => {
  const got = await client.request<CompareJson>('plumb/compareModels', { uri, challenger: join(fixture.dir, 'models/challenger.onnx') });
  assert.equal(got.verdict, cli(join(fixture.dir, 'models/challenger.onnx')).verdict);
  await assert.rejects(client.request('plumb/compareModels', { uri, challenger: 'models/nope.onnx' }), (e: { code: number; message: string }) => e.code === -32002 && /nope\.onnx/.test(e.message));
});

test('an untrusted workspace refuses to compare', async () => {
  await client.connection.sendNotification('plumb/setTrusted', { trusted: false });
  await assert.rejects(client.request('plumb/compareModels', { uri, challenger: 'models/challenger.onnx' }), (e: { code: number; message: string }) => e.code === -32003 && /trust this workspace/.test(e.message));
  await client.connection.sendNotification('plumb/setTrusted', { trusted: true });
});
