import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { FeatureDriftView } from '../../../server/src/protocol/webview/drift';
import { isSortKey, sortFeatures } from './sort';

const f = (column: string, score: number | null, drifted: boolean, difference = 0): FeatureDriftView => ({
  column, kind: 'numeric', method: 'ks', reason: '', statistic: score, p_value: score, score, threshold: 0.05, rule: 'p_value <= 0.05', drifted,
  missing: { reference: { count: 0, share: 0 }, current: { count: 0, share: 0 }, difference }, histogram: null, notes: [],
});

test('sorts by score either way, with missing scores last in both directions', () => {
  const rows = [f('a', 0.5, false), f('b', null, false), f('c', 0.01, true), f('d', 0.2, false)];
  assert.deepEqual(sortFeatures(rows, { key: 'score', dir: 'asc' }).map((r) => r.column), ['c', 'd', 'a', 'b']);
  assert.deepEqual(sortFeatures(rows, { key: 'score', dir: 'desc' }).map((r) => r.column), ['a', 'd', 'c', 'b']);
});

test('sorts by drifted then column name, and by text keys alphabetically', () => {
  const rows = [f('b', 0.5, true), f('a', 0.1, false), f('c', 0.2, true)];
  assert.deepEqual(sortFeatures(rows, { key: 'drifted', dir: 'desc' }).map((r) => r.column), ['b', 'c', 'a']);
  assert.deepEqual(sortFeatures(rows, { key: 'column', dir: 'desc' }).map((r) => r.column), ['c', 'b', 'a']);
  assert.deepEqual(sortFeatures(rows, { key: 'missing', dir: 'asc' }).map((r) => r.column), ['a', 'b', 'c']);
  assert.deepEqual(rows.map((r) => r.column), ['b', 'a', 'c'], 'the input is not reordered');
});

test('only known keys are accepted from saved state', () => {
  assert.ok(isSortKey('score'));
  assert.ok(!isSortKey('__proto__') && !isSortKey(3));
});
