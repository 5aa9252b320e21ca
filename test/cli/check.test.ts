import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { exampleCopy, plumb, EXAMPLE } from './cliHelpers';

const SPEC = join(EXAMPLE, 'credit-risk.plumb.yaml');

test('plumb check: the example is clean (exit 0)', () => {
  const r = plumb(['check', SPEC]);
  assert.equal(r.code, 0, r.stdout + r.stderr);
  assert.match(r.stdout, /1 spec\(s\) checked: 0 error\(s\), 0 warning\(s\)/);
});

test('plumb check --format json: the diagnostics contract, exit 1 on errors', () => {
  const dir = exampleCopy();
  const file = join(dir, 'broken.plumb.yaml');
  const text = readFileSync(SPEC, 'utf8').replace('sensitive: [sex]', 'sensitive: [gender]');
  writeFileSync(file, text);
  const r = plumb(['check', file, '--format', 'json'], dir);
  assert.equal(r.code, 1, r.stderr);
  const out = JSON.parse(r.stdout) as { diagnostics: { file: string; range: { start: { line: number; character: number }; end: { line: number; character: number } }; severity: string; message: string; code: string }[] };
  assert.equal(out.diagnostics.length, 1);
  const d = out.diagnostics[0];
  const line = text.split('\n').findIndex((l) => l.includes('sensitive: [gender]'));
  const character = text.split('\n')[line].indexOf('gender');
  assert.deepEqual(d, {
    file: 'broken.plumb.yaml',
    range: { start: { line, character }, end: { line, character: character + 6 } },
    severity: 'error',
    message: d.message,
    code: 'column.missing',
  });
  assert.match(d.message, /column `gender` is not in data\/eval.csv/);
});

test('plumb check --format sarif: SARIF 2.1.0 with the rule and region', () => {
  const dir = exampleCopy();
  const file = join(dir, 'broken.plumb.yaml');
  writeFileSync(file, readFileSync(SPEC, 'utf8').replace('task: binary-classification', 'task: binary'));
  const r = plumb(['check', file, '--format', 'sarif'], dir);
  assert.equal(r.code, 1);
  const sarif = JSON.parse(r.stdout);
  assert.equal(sarif.version, '2.1.0');
  const result = sarif.runs[0].results[0];
  assert.equal(result.ruleId, 'schema.bad-value');
  assert.equal(result.level, 'error');
  assert.equal(result.locations[0].physicalLocation.artifactLocation.uri, 'broken.plumb.yaml');
  assert.ok(sarif.runs[0].tool.driver.rules.some((x: { id: string }) => x.id === 'schema.bad-value'));
});

test('plumb check: a missing spec file is exit 2 with a message', () => {
  const r = plumb(['check', 'nope.plumb.yaml']);
  assert.equal(r.code, 2);
  assert.match(r.stderr, /cannot read nope.plumb.yaml: no such file/);
});

test('plumb with no or an unknown command prints usage and exits 2', () => {
  assert.equal(plumb([]).code, 2);
  const r = plumb(['frobnicate']);
  assert.equal(r.code, 2);
  assert.match(r.stderr, /unknown command `frobnicate`/);
});
