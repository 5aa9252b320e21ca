/**
 * Header and model information is cached by mtime and refreshed when files change on disk: after a
 * data file gains a column, the spec that names it validates clean again.
 */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { LspClient } from './lspClient';
import { exampleCopy } from '../cli/cliHelpers';

let client: LspClient;
let dir: string;

before(async () => {
  dir = exampleCopy();
  client = new LspClient(dir);
  await client.initialize(dir);
});
after(async () => client.shutdown());

test('a column added to the CSV on disk clears the diagnostic after didChangeWatchedFiles', async () => {
  const spec = join(dir, 'credit-risk.plumb.yaml');
  const uri = pathToFileURL(spec).toString();
  const text = readFileSync(spec, 'utf8').replace('sensitive: [sex]', 'sensitive: [sex, region]');
  const first = await client.open(uri, text);
  assert.deepEqual(first.map((d) => d.code), ['column.missing']);

  const csv = join(dir, 'data/eval.csv');
  const lines = readFileSync(csv, 'utf8').trimEnd().split('\n');
  writeFileSync(csv, [`${lines[0]},region`, ...lines.slice(1).map((l, i) => `${l},${i % 2 ? 'north' : 'south'}`)].join('\n') + '\n');
  const next = client.nextDiagnostics(uri);
  await client.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: pathToFileURL(csv).toString(), type: 2 }] });
  assert.deepEqual(await next, []);
});

test('plumb/scanFile publishes a malicious pickle\'s findings on the file itself', async () => {
  // Protocol 2: PROTO 2, GLOBAL 'os system', SHORT_BINUNICODE 'id', TUPLE1, REDUCE, STOP.
  const pickle = Buffer.concat([Buffer.from([0x80, 0x02]), Buffer.from('cos\nsystem\n', 'latin1'), Buffer.from([0x8c, 2]), Buffer.from('id'), Buffer.from([0x85, 0x52, 0x2e])]);
  const file = join(dir, 'models/evil.pkl');
  writeFileSync(file, pickle);
  const uri = pathToFileURL(file).toString();
  const published = client.nextDiagnostics(uri);
  const report = await client.request<{ format: string; findings: { severity: string; code: string }[] }>('plumb/scanFile', { uri });
  assert.equal(report.format, 'pickle');
  const diagnostics = await published;
  const danger = diagnostics.find((d) => d.severity === 1);
  assert.ok(danger, JSON.stringify(diagnostics));
  assert.equal(danger.source, 'plumb');
  assert.match(String(danger.message), /os\.system/);
});
