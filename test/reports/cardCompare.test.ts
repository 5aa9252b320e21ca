// `plumb card` on the example and `plumb compare` on the champion/challenger fixture, through the built CLI.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { writeCompareFixture, CASES } from '../../server/src/engine/compare/testFixture';
import { junitSchemaErrors, parseXml } from '../../server/src/engine/report/xmlStructure';
import { EXAMPLE, fmt4, plumb, scratch } from './helpers';

test('plumb card: the Mitchell et al. sections filled from the run, prompts for the rest', () => {
  const out = scratch();
  const r = plumb(['card', join(EXAMPLE, 'credit-risk.plumb.yaml'), '--quiet', '--only', 'evaluation,fairness,explain', '--out', join(out, 'MODEL_CARD.md')]);
  assert.equal(r.code, 0, r.stderr);
  assert.match(r.stderr, /wrote model card .*MODEL_CARD.md \(\d+ part\(s\) to fill in: search for "TODO\(owner\)"\)/);
  const card = readFileSync(join(out, 'MODEL_CARD.md'), 'utf8');
  assert.deepEqual(card.split('\n').filter((l) => l.startsWith('## ')), ['Model Details', 'Intended Use', 'Factors', 'Metrics', 'Evaluation Data', 'Training Data', 'Quantitative Analyses', 'Ethical Considerations', 'Caveats and Recommendations'].map((s) => `## ${s}`));
  const run = JSON.parse(plumb(['run', join(EXAMPLE, 'credit-risk.plumb.yaml'), '--quiet', '--only', 'evaluation,fairness', '--format', 'json']).stdout);
  const ci = run.evaluation.intervals.roc_auc;
  assert.ok(card.includes(`| \`roc_auc\` | ${fmt4(run.evaluation.metrics.roc_auc)} | [${fmt4(ci.low)}, ${fmt4(ci.high)}] |`));
  for (const g of run.fairness.groups) assert.ok(card.includes(`| ${g.label} | ${g.count} |`), g.label);
  assert.ok(card.includes('A worked example for Plumb\'s checks.'), 'card.intended_use from the spec');
  assert.match(card, /- \*\*Model file:\*\* \d+ bytes, SHA-256 `[0-9a-f]{64}`/);
  assert.ok(card.split('\n').some((l) => l.trim().startsWith('> TODO(owner):')));
});

test('plumb compare: better accuracy, worse fairness fails the fairness gate (exit 1); reports written', () => {
  const { dir } = writeCompareFixture();
  const r = plumb(['compare', 'fixture.plumb.yaml', '--quiet', '--format', 'json', '--markdown', 'out/compare.md', '--junit', 'out/compare.xml', '--sarif', 'out/compare.sarif'], dir);
  assert.equal(r.code, 1, r.stderr);
  const res = JSON.parse(r.stdout);
  assert.equal(res.metrics.accuracy.delta > 0, true);
  assert.ok(Math.abs(res.metrics.accuracy.delta - (CASES.fixture.accuracy[1] - CASES.fixture.accuracy[0])) < 1e-12);
  assert.deepEqual(res.gates.map((g: { metric: string; passed: boolean }) => [g.metric, g.passed]), [['accuracy_delta', true], ['demographic_parity_ratio_delta', false]]);
  const md = readFileSync(join(dir, 'out/compare.md'), 'utf8');
  assert.match(md, /^### ❌ Plumb compare: `fixture`/);
  assert.match(md, /\| demographic_parity_ratio \| 0.9613 \| 0.331 \| -0.6303 \|/);
  const junit = parseXml(readFileSync(join(dir, 'out/compare.xml'), 'utf8'));
  assert.deepEqual(junitSchemaErrors(junit), []);
  assert.equal(junit.children[0].attributes.name, 'compare');
  assert.equal(junit.children[0].attributes.failures, '1');
  const sarif = JSON.parse(readFileSync(join(dir, 'out/compare.sarif'), 'utf8'));
  const spec = readFileSync(join(dir, 'fixture.plumb.yaml'), 'utf8');
  assert.deepEqual(sarif.runs[0].results.map((x: { locations: { physicalLocation: { region: { startLine: number } } }[] }) => x.locations[0].physicalLocation.region.startLine), [spec.slice(0, spec.indexOf('demographic_parity_ratio_delta')).split('\n').length]);
});

test('plumb compare: text output, a challenger from the command line, and usage errors', () => {
  const { dir } = writeCompareFixture();
  const same = plumb(['compare', 'fixture.plumb.yaml', '--quiet', '--challenger', 'models/champion.onnx'], dir);
  assert.equal(same.code, 0, same.stderr);
  assert.match(same.stdout, /Disagreement: the models predict different labels on 0 of 800 rows/);
  assert.match(same.stdout, /PASS {2}accuracy_delta = 0 \(gate >= 0\)/);
  assert.match(same.stdout, /The challenger passes all 2 compare gate\(s\)\./);
  const missing = plumb(['compare', 'fixture.plumb.yaml', '--quiet', '--challenger', 'models/nope.onnx'], dir);
  assert.equal(missing.code, 2);
  const none = plumb(['compare', join(EXAMPLE, 'credit-risk.plumb.yaml')]);
  assert.equal(none.code, 2);
  assert.match(none.stderr, /no challenger: pass --challenger/);
});
