/**
 * Evaluation metrics listed under `fairness.metrics`, computed per group through the metrics module.
 * Expected per-group f1 and roc_auc come from scikit-learn's f1_score / roc_auc_score on each pandas
 * group (expected/generate.py -> expected/cases.json).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Table } from '../data/table';
import { computeFairness } from './index';
import { getCase, inputOf, labelOf, tableOf } from './testCases';

test('f1 and roc_auc per group, overall and their disparities match scikit-learn', () => {
  const c = getCase('deliberate-disparity');
  const res = computeFairness({ table: tableOf(c), sensitive: c.sensitive, input: inputOf(c), metrics: ['f1', 'roc_auc', 'accuracy'], bootstrap: false });
  assert.deepEqual(res.group_metrics.slice(-2), ['f1', 'roc_auc']);
  for (const eg of c.expected.groups) {
    const g = res.groups.find((x) => x.label === labelOf(eg.group))!;
    for (const m of ['f1', 'roc_auc']) assert.ok(Math.abs((g[m] as number) - (eg[m] as number)) < 1e-12, `${g.label} ${m}: ${g[m]} vs ${eg[m]}`);
  }
  for (const m of ['f1', 'roc_auc']) {
    assert.ok(Math.abs((res.overall[m] as number) - (c.expected.overall[m] as number)) < 1e-12, `overall ${m}`);
    for (const d of [`${m}_difference`, `${m}_ratio`]) {
      assert.ok(Math.abs((res.metrics[d] as number) - (c.expected.metrics[d] as number)) < 1e-12, `${d}: ${res.metrics[d]} vs ${c.expected.metrics[d]}`);
    }
  }
});

test('listed metrics get bootstrap intervals by row resampling that contain the point value', () => {
  const c = getCase('deliberate-disparity');
  const res = computeFairness({ table: tableOf(c), sensitive: c.sensitive, input: inputOf(c), metrics: ['roc_auc'], bootstrap: { n: 50, seed: 2 } });
  const iv = res.intervals.roc_auc_difference;
  assert.ok(iv && iv.low < iv.high);
  const point = res.metrics.roc_auc_difference as number;
  assert.ok(iv.low <= point && point <= iv.high);
});

test('a listed metric undefined in a group is null there, with a note, and the group leaves its disparity', () => {
  // Group b has no positive label: roc_auc has no value there.
  const table: Table = { file: 't.csv', rowCount: 8, columns: [{ name: 'g', type: 'categorical', codes: Int32Array.of(0, 0, 0, 0, 1, 1, 1, 1), categories: ['a', 'b'], missing: 0 }] };
  const input = { kind: 'binary' as const, y: Uint8Array.of(1, 0, 1, 0, 0, 0, 0, 0), pred: Uint8Array.of(1, 0, 0, 1, 0, 1, 0, 0), score: Float64Array.of(0.9, 0.2, 0.6, 0.7, 0.1, 0.8, 0.3, 0.4) };
  const res = computeFairness({ table, sensitive: ['g'], input, metrics: ['roc_auc'], bootstrap: false });
  assert.equal(res.groups[1].roc_auc, null);
  assert.equal(res.groups[0].roc_auc, 0.75);
  assert.equal(res.metrics.roc_auc_difference, 0);
  assert.ok(res.notes.some((n) => n.includes('g=b') && n.includes('roc_auc')), res.notes.join('\n'));
});

test('listed metrics without a model are not computed, and a note says why', () => {
  const c = getCase('data-labels');
  const res = computeFairness({ table: tableOf(c), sensitive: c.sensitive, input: null, y: Uint8Array.from(c.data.y as number[]), metrics: ['roc_auc'], bootstrap: false });
  assert.ok(!res.group_metrics.includes('roc_auc'));
  assert.ok(res.notes.some((n) => n.includes('`roc_auc`') && n.includes('predictions')));
});

test('past the row-resampling budget, listed metrics get no interval (with a note) while the rates keep theirs', () => {
  const c = getCase('deliberate-disparity');
  // 2000 rows x 10001 resamples is just past the 20M row draws listed metrics may use.
  const res = computeFairness({ table: tableOf(c), sensitive: c.sensitive, input: inputOf(c), metrics: ['roc_auc'], bootstrap: { n: 10001, seed: 0 } });
  assert.equal(res.intervals.roc_auc_difference, undefined);
  assert.ok(res.intervals.demographic_parity_difference);
  assert.ok(res.notes.some((n) => n.includes('`roc_auc`') && n.includes('no interval')), res.notes.join('\n'));
});

test('the reason the metrics module gives for an undefined value reaches the note', () => {
  const table: Table = { file: 't.csv', rowCount: 4, columns: [{ name: 'g', type: 'categorical', codes: Int32Array.of(0, 0, 1, 1), categories: ['a', 'b'], missing: 0 }] };
  const input = { kind: 'binary' as const, y: Uint8Array.of(1, 0, 0, 0), pred: Uint8Array.of(1, 0, 0, 1), score: Float64Array.of(0.9, 0.2, 0.1, 0.8) };
  const res = computeFairness({ table, sensitive: ['g'], input, metrics: ['roc_auc'], bootstrap: false });
  const note = res.notes.find((n) => n.includes('g=b') && n.includes('`roc_auc`'))!;
  assert.match(note, /one class/);
});
