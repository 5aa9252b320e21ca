/**
 * The Compare panel's delta bars and disparity order from a real CompareResult (printed by
 * `plumb compare --format json`, see server/src/protocol/webview/expected/README.md).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { compareStateOf } from '../../../server/src/protocol/webview/compare';
import { barModel } from '../charts/bar';
import { deltaBars, disparityNames, gateOf } from './view';

const RESULT = JSON.parse(readFileSync(join(__dirname, '../../../server/src/protocol/webview/expected/compare-result.json'), 'utf8'));
const parsed = compareStateOf(RESULT, { specPath: 's', challengerPath: 'c', ranAt: new Date(0) });
assert.ok(parsed.ok);
const state = parsed.value;

test('one bar per metric: the delta with its paired interval', () => {
  const bars = deltaBars(state.compare, state.gates);
  assert.deepEqual(bars.map((b) => b.key), Object.keys(RESULT.metrics));
  assert.deepEqual(bars.map((b) => b.label), Object.keys(RESULT.metrics).map((k) => k.replace(/_/g, ' ')), 'named as in the metrics table');
  for (const b of bars) {
    const m = RESULT.metrics[b.key!];
    assert.equal(b.value, m.challenger - m.champion);
    assert.equal(b.low, m.interval.low);
    assert.equal(b.high, m.interval.high);
    assert.ok(b.low! <= b.value! && b.value! <= b.high!);
    // Both intervals lie above 0 in this fixture (the challenger is more accurate).
    assert.equal(b.note, 'interval excludes 0');
  }
  // accuracy_delta >= 0 passed, so its bar is not marked as failed.
  assert.equal(bars.find((b) => b.key === 'accuracy')!.className, undefined);
});

test('a failed metric gate colours its bar; the chart has an error bar per interval', () => {
  const gates = state.gates.map((g) => (g.metric === 'accuracy_delta' ? { ...g, passed: false } : g));
  assert.equal(deltaBars(state.compare, gates).find((b) => b.key === 'accuracy')!.className, 'fail');
  const rows = barModel({ title: 't', bars: deltaBars(state.compare, state.gates) }).rows;
  assert.equal(rows.filter((r) => r.low !== undefined && r.high !== undefined).length, 2);
});

test('disparities: gated first, then the named ones, each once', () => {
  const names = disparityNames(state.compare, state.gates);
  assert.equal(names[0], 'demographic_parity_ratio');
  assert.equal(new Set(names).size, names.length);
  assert.deepEqual([...names].sort(), Object.keys(RESULT.fairness.metrics).sort());
  const short = disparityNames(state.compare, state.gates, false);
  assert.deepEqual(short, ['demographic_parity_ratio', 'demographic_parity_difference', 'equalized_odds_difference', 'equalized_odds_ratio', 'equal_opportunity_difference', 'equal_opportunity_ratio']);
  assert.deepEqual(names.slice(0, short.length), short);
  assert.equal(gateOf(state.gates, 'demographic_parity_ratio')!.passed, false);
  assert.equal(gateOf(state.gates, 'roc_auc'), undefined);
});
