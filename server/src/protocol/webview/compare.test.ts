/**
 * The Compare panel's messages: a real CompareResult (expected/compare-result.json, printed by
 * `plumb compare --format json`; see expected/README.md) becomes a valid state, and malformed
 * messages from either side are refused with the path of the mismatch.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { compareStateOf, parseCompareFromWebview, parseCompareToWebview } from './compare';

const RESULT = JSON.parse(readFileSync(join(__dirname, 'expected/compare-result.json'), 'utf8'));
const at = { specPath: 'fixture.plumb.yaml', challengerPath: 'models/challenger.onnx', ranAt: new Date('2026-01-02T03:04:05Z') };

test('a CompareResult from the CLI becomes the panel state, with its gates and verdict unchanged', () => {
  const s = compareStateOf(RESULT, at);
  assert.ok(s.ok, s.ok ? '' : s.error);
  assert.equal(s.value.meta.specName, 'fixture');
  assert.equal(s.value.meta.passed, false);
  assert.equal(s.value.meta.ranAt, '2026-01-02T03:04:05.000Z');
  assert.deepEqual(s.value.gates.map((g) => [g.metric, g.passed]), [['accuracy_delta', true], ['demographic_parity_ratio_delta', false]]);
  assert.equal(s.value.compare.verdict, RESULT.verdict);
  assert.deepEqual(Object.keys(s.value.compare.metrics), ['accuracy', 'roc_auc']);
  const msg = parseCompareToWebview({ type: 'state', state: s.value });
  assert.ok(msg.ok, msg.ok ? '' : msg.error);
});

test('a result that does not fit is refused with the path of the mismatch', () => {
  const broken = structuredClone(RESULT);
  broken.metrics.accuracy.interval = { low: 'x', high: 1 };
  const s = compareStateOf(broken, at);
  assert.equal(s.ok, false);
  assert.match(s.ok ? '' : s.error, /\$\.compare\.metrics\.accuracy\.interval\.low: expected a finite number/);
  const noMcnemar = structuredClone(RESULT);
  noMcnemar.mcnemar = { ...RESULT.mcnemar, method: 'fisher' };
  assert.equal(compareStateOf(noMcnemar, at).ok, false);
  assert.equal(compareStateOf(null, at).ok, false);
});

test('regression results (no McNemar, no fairness, no intervals) fit too', () => {
  const r = { ...structuredClone(RESULT), task: 'regression', mcnemar: null, disagreement_rate: null, disagreements: null, fairness: null, bootstrap: null, metrics: { mae: { champion: 1, challenger: 0.5, delta: -0.5, interval: null } } };
  assert.ok(compareStateOf(r, at).ok);
});

test('messages from the webview: intents only, checked', () => {
  for (const ok of [{ type: 'ready' }, { type: 'rerun' }, { type: 'exportReport' }, { type: 'revealGate', section: 'compare', metric: 'accuracy_delta' }, { type: 'log', level: 'warn', message: 'x' }]) {
    assert.ok(parseCompareFromWebview(ok).ok, JSON.stringify(ok));
  }
  const bad: [unknown, RegExp][] = [
    [{ type: 'revealGate', section: 'evaluation', metric: 'roc_auc' }, /\$\.section: expected "compare"/],
    [{ type: 'revealGate', section: 'compare', metric: 'x'.repeat(201) }, /\$\.metric: expected a string of at most 200/],
    [{ type: 'explainRow', row: 1 }, /\$\.type: expected one of ready, rerun, exportReport, revealGate, log/],
    [{ type: 'log', level: 'debug', message: 'x' }, /\$\.level/],
    ['ready', /expected a message object/],
  ];
  for (const [v, error] of bad) {
    const r = parseCompareFromWebview(v);
    assert.equal(r.ok, false, JSON.stringify(v));
    assert.match(r.ok ? '' : r.error, error);
  }
});

test('messages to the webview: running and error take the common shapes', () => {
  assert.ok(parseCompareToWebview({ type: 'running', running: true, message: 'Comparing' }).ok);
  assert.ok(parseCompareToWebview({ type: 'error', message: 'failed' }).ok);
  assert.equal(parseCompareToWebview({ type: 'state', state: {} }).ok, false);
  assert.equal(parseCompareToWebview({ type: 'row' }).ok, false);
});
