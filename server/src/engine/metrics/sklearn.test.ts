// Metric values against scikit-learn. The expected numbers come from expected/generate.py, run with
// Debian's scikit-learn (/usr/bin/python3); see expected/*.json for the inputs and outputs.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { computeMetric, computeMetrics } from './compute';
import { close, loadCases } from './expectedCases';

// Sums run in a different order than numpy's pairwise sums, so allow a few ulps of the result.
const TOL = 1e-12;

for (const file of ['binary', 'multiclass', 'regression'] as const) {
  for (const c of loadCases(file)) {
    test(`${file}/${c.name}: every metric matches scikit-learn`, () => {
      const names = Object.keys(c.values);
      const { values, notes } = computeMetrics(names, c.input);
      for (const name of names) {
        assert.ok(close(values[name], c.values[name], TOL), `${name}: ours ${values[name]}, scikit-learn ${c.values[name]}`);
        const single = computeMetric(name, c.input);
        assert.ok(close(Number.isNaN(single) ? null : single, c.values[name], TOL), `computeMetric(${name}) = ${single}`);
        if (c.values[name] === null) {
          assert.ok(notes.some((n) => n.startsWith(`\`${name}\`: undefined`)), `${name} is undefined but no note says why: ${notes.join(' | ')}`);
        }
      }
      for (const name of c.warned) {
        assert.ok(notes.some((n) => n.startsWith(`\`${name}\`:`)), `scikit-learn warned about ${name} (zero division) but we have no note: ${notes.join(' | ')}`);
      }
    });
  }
}

test('notes are only about the metrics asked for, and null values are JSON null', () => {
  const [c] = loadCases('binary').filter((x) => x.name === 'all_negative');
  const r = computeMetrics(['roc_auc', 'accuracy'], c.input);
  assert.equal(r.values.roc_auc, null);
  assert.equal(JSON.parse(JSON.stringify(r)).values.roc_auc, null);
  assert.ok(r.notes.every((n) => n.startsWith('`roc_auc`')), r.notes.join(' | '));
});
