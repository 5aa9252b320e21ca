import { test } from 'node:test';
import assert from 'node:assert/strict';
import { toMarkdown } from './markdown';
import { sampleResult } from './testResult';

test('pull-request comment: verdict, failing gates first, sections folded', () => {
  const md = toMarkdown(sampleResult());
  const lines = md.split('\n');
  assert.equal(lines[0], '### ❌ Plumb: `credit <risk> & "co"`');
  assert.match(md, /\*\*3 of 4 gate\(s\) failed\*\* \(spec `credit.plumb.yaml`\)/);
  const gateRows = lines.filter((l) => /^\| (❌|✅) \|/.test(l));
  assert.deepEqual(gateRows.map((l) => l.split(' | ')[1]), ['evaluation.roc_auc', 'fairness.demographic_parity_ratio', 'evaluation.f1', 'evaluation.accuracy']);
  assert.ok(md.includes('| roc_auc | 0.8123 | [0.74, 0.88] |'));
  assert.ok(md.includes('| sex=M<&> | 40 | 0.5 | 0.45 | 0.75 |'));
  assert.ok(md.includes('| age | ks | 0.001 | ⚠️ yes |'));
  assert.equal((md.match(/<details>/g) ?? []).length, (md.match(/<\/details>/g) ?? []).length);
});

test('a passing run says so; pipes in values are escaped', () => {
  const md = toMarkdown(sampleResult({ passed: true, gates: [{ section: 'evaluation', metric: 'a|b', condition: '>= 0', value: 1, passed: true }] }));
  assert.match(md, /^### ✅ /);
  assert.match(md, /All 1 gate\(s\) passed/);
  assert.ok(md.includes('| ✅ | evaluation.a\\|b | 1 | >= 0 |'));
});
