import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { SCAN_RULES } from './codes';
import { formatScanSarif, formatScanText, scanExitCode } from './format';
import { scanPaths } from './scanner';
import { bytes, OS_SYSTEM_P0, P, torchZip } from './testBuilders';
import type { ScanReport } from './types';

function workspace(): string {
  const dir = mkdtempSync(join(tmpdir(), 'plumb-scanws-'));
  mkdirSync(join(dir, 'models', 'nested'), { recursive: true });
  mkdirSync(join(dir, 'node_modules', 'pkg'), { recursive: true });
  mkdirSync(join(dir, '.git'), { recursive: true });
  writeFileSync(join(dir, 'models', 'evil.pkl'), OS_SYSTEM_P0);
  writeFileSync(join(dir, 'models', 'nested', 'ok.pt'), torchZip(bytes(P.proto(2), P.emptyDict, P.stop)));
  writeFileSync(join(dir, 'models', 'readme.md'), '# not scanned');
  writeFileSync(join(dir, 'models', 'weights.bin'), new Uint8Array(64)); // ONNX external data, not a model
  writeFileSync(join(dir, 'models', 'pytorch_model.bin'), bytes(P.proto(2), P.global('os', 'system'), P.stop));
  writeFileSync(join(dir, 'node_modules', 'pkg', 'x.pkl'), OS_SYSTEM_P0);
  writeFileSync(join(dir, '.git', 'y.pkl'), OS_SYSTEM_P0);
  return dir;
}

test('scanPaths walks folders for model extensions, skipping node_modules and .git', async () => {
  const dir = workspace();
  const reports = await scanPaths([dir]);
  assert.deepEqual(reports.map((r) => relative(dir, r.file)), [join('models', 'evil.pkl'), join('models', 'nested', 'ok.pt'), join('models', 'pytorch_model.bin')]);
  assert.deepEqual(reports.map((r) => r.format), ['pickle', 'pytorch-zip', 'pickle']);
  // A file named explicitly is scanned whatever its extension.
  const explicit = await scanPaths([join(dir, 'models', 'readme.md')]);
  assert.deepEqual(explicit[0].findings.map((f) => f.code), ['scan.format.unknown']);
});

test('scanExitCode is 1 only when some finding is an error', () => {
  const warn: ScanReport = { file: 'a.pkl', format: 'pickle', findings: [{ severity: 'warning', code: 'scan.pickle.unknown-global', message: 'w' }] };
  const err: ScanReport = { file: 'b.pkl', format: 'pickle', findings: [{ severity: 'error', code: 'scan.pickle.dangerous-global', message: 'e' }] };
  assert.equal(scanExitCode([]), 0);
  assert.equal(scanExitCode([warn]), 0);
  assert.equal(scanExitCode([warn, err]), 1);
});

test('text output lists each file, its findings with place, and a summary', async () => {
  const dir = workspace();
  const text = formatScanText(await scanPaths([dir]));
  assert.match(text, /evil\.pkl \[pickle\]\n  error   scan\.pickle\.dangerous-global \(byte 0\)\n {10}This pickle imports `os\.system`/);
  assert.match(text, /ok\.pt \[pytorch-zip\]: no findings/);
  assert.match(text, /3 files scanned: 2 errors, 0 warnings, 0 info\n$/);
});

test('SARIF 2.1.0: driver plumb, rules named by code, results with relative URIs and byte regions', async () => {
  const dir = workspace();
  const reports = await scanPaths([dir]);
  reports.push({ file: join(dir, 'm.pt'), format: 'pytorch-zip', findings: [{ severity: 'information', code: 'scan.pickle.safe-globals', message: 'i', detail: { entry: 'archive/data.pkl', offset: 5 } }] });
  reports.push({ file: '/elsewhere/x y.pkl', format: 'pickle', findings: [{ severity: 'warning', code: 'scan.pickle.unknown-global', message: 'u' }] });
  const sarif = JSON.parse(formatScanSarif(reports, dir));
  assert.equal(sarif.version, '2.1.0');
  const run = sarif.runs[0];
  assert.equal(run.tool.driver.name, 'plumb');
  const ruleIds = run.tool.driver.rules.map((r: { id: string }) => r.id);
  assert.deepEqual(ruleIds, ['scan.pickle.dangerous-global', 'scan.pickle.safe-globals', 'scan.pickle.unknown-global']);
  assert.equal(run.tool.driver.rules[0].shortDescription.text, SCAN_RULES['scan.pickle.dangerous-global'].description);
  type Result = { ruleId: string; level: string; properties?: { entry?: string } };
  const [evil] = run.results;
  const inZip = run.results.find((r: Result) => r.properties?.entry === 'archive/data.pkl');
  const outside = run.results[run.results.length - 1];
  assert.deepEqual(run.results.map((r: Result) => r.level), ['error', 'error', 'note', 'warning']);
  assert.equal(evil.ruleId, 'scan.pickle.dangerous-global');
  assert.equal(run.tool.driver.rules[evil.ruleIndex].id, evil.ruleId);
  assert.equal(evil.level, 'error');
  assert.deepEqual(evil.locations[0].physicalLocation.artifactLocation, { uri: 'models/evil.pkl', uriBaseId: '%SRCROOT%' });
  assert.deepEqual(evil.locations[0].physicalLocation.region, { byteOffset: 0 });
  assert.equal(inZip.level, 'note');
  assert.equal(inZip.locations[0].physicalLocation.region, undefined, 'offsets inside an entry are not file regions');
  assert.equal(inZip.properties.entry, 'archive/data.pkl');
  assert.equal(outside.locations[0].physicalLocation.artifactLocation.uri, 'file:///elsewhere/x%20y.pkl');
});
