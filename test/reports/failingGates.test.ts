// Failing gates in every report: the example's strict spec fails two fairness gates (exit 1).
import { before, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { junitSchemaErrors, parseXml } from '../../server/src/engine/report/xmlStructure';
import { sarifErrors } from './sarifSchema';
import { exampleCopy, plumb } from './helpers';

let dir: string;
let text: string;
let run: { code: number; stdout: string; stderr: string };

before(() => {
  dir = exampleCopy();
  // A key that only pipelines use gives the spec a warning, which SARIF must carry next to the gates.
  text = readFileSync(join(dir, 'strict.plumb.yaml'), 'utf8') + 'stages:\n  train: { cmd: make }\n';
  writeFileSync(join(dir, 'strict.plumb.yaml'), text);
  run = plumb(['run', 'strict.plumb.yaml', '--quiet', '--only', 'evaluation,fairness', '--junit', 'out/junit.xml', '--sarif', 'out/plumb.sarif', '--markdown', 'out/comment.md', '--html', 'out/report.html'], dir);
});

const position = (needle: string, from = 0) => {
  const at = text.indexOf(needle, from);
  const before = text.slice(0, at).split('\n');
  return { startLine: before.length, startColumn: before[before.length - 1].length + 1 };
};

test('exit 1, and the reports are still written', () => {
  assert.equal(run.code, 1, run.stderr);
  assert.match(run.stdout, /2 of 4 gate\(s\) failed/);
});

test('SARIF: the spec warning and each failed gate, located at the gate key in the spec', () => {
  const log = JSON.parse(readFileSync(join(dir, 'out/plumb.sarif'), 'utf8'));
  assert.deepEqual(sarifErrors(log), []);
  const results = log.runs[0].results as { ruleId: string; level: string; message: { text: string }; locations: { physicalLocation: { artifactLocation: { uri: string }; region: { startLine: number; startColumn: number; endLine: number; endColumn: number } } }[] }[];
  const fairnessAt = text.indexOf('fairness:');
  assert.deepEqual(
    results.map((r) => [r.ruleId, r.level, r.locations[0].physicalLocation.region.startLine, r.locations[0].physicalLocation.region.startColumn]),
    [
      ['gate.failed', 'error', position('demographic_parity_ratio', fairnessAt).startLine, position('demographic_parity_ratio', fairnessAt).startColumn],
      ['gate.failed', 'error', position('equalized_odds_difference', fairnessAt).startLine, position('equalized_odds_difference', fairnessAt).startColumn],
      ['pipeline.not-a-pipeline', 'warning', position('stages:').startLine, 1],
    ],
  );
  const region = results[0].locations[0].physicalLocation.region;
  assert.equal(region.endColumn - region.startColumn, 'demographic_parity_ratio'.length);
  assert.match(results[0].message.text, /^Gate failed: fairness.demographic_parity_ratio = 0.\d+ does not satisfy >= 0.8\.$/);
  assert.equal(results[0].locations[0].physicalLocation.artifactLocation.uri, 'strict.plumb.yaml');
  assert.deepEqual(log.runs[0].tool.driver.rules.map((r: { id: string }) => r.id), ['gate.failed', 'pipeline.not-a-pipeline']);
});

test('JUnit: two failures in the fairness suite, with value and condition', () => {
  const root = parseXml(readFileSync(join(dir, 'out/junit.xml'), 'utf8'));
  assert.deepEqual(junitSchemaErrors(root), []);
  const fairness = root.children.find((s) => s.attributes.name === 'fairness')!;
  assert.equal(fairness.attributes.failures, '2');
  const messages = fairness.children.filter((c) => c.name === 'testcase').map((c) => c.children[0]?.attributes.message);
  assert.match(messages[0]!, /^fairness.demographic_parity_ratio = 0.\d+ does not satisfy >= 0.8$/);
  assert.match(messages[1]!, /^fairness.equalized_odds_difference = 0.\d+ does not satisfy <= 0.1$/);
  assert.equal(root.children.find((s) => s.attributes.name === 'evaluation')!.attributes.failures, '0');
});

test('Markdown and HTML show the failures first and the verdict', () => {
  const md = readFileSync(join(dir, 'out/comment.md'), 'utf8');
  assert.match(md, /^### ❌ Plumb: `credit-risk-strict`\n\n\*\*2 of 4 gate\(s\) failed\*\*/);
  const rows = md.split('\n').filter((l) => /^\| (❌|✅) \|/.test(l));
  assert.deepEqual(rows.map((l) => l.slice(2, 3)), ['❌', '❌', '✅', '✅']);
  const html = readFileSync(join(dir, 'out/report.html'), 'utf8');
  assert.match(html, /data-passed="false">Failed: 2 of 4 gate\(s\) do not hold\./);
  assert.equal((html.match(/<tr data-gate="[^"]+" class="fail">/g) ?? []).length, 2);
});
