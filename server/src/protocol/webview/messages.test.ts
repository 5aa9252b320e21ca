import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseEvaluationFromWebview, parseEvaluationToWebview, evaluationState } from './evaluation';
import { parseExplainFromWebview, parseExplainToWebview } from './explain';
import { parseFairnessFromWebview, fairnessState } from './fairness';
import { parseDriftFromWebview, driftState } from './drift';
import { arr, int, lit, nullable, num, obj, opt, parse, record, str, tagged } from './schema';

// A real run of examples/credit-risk (media/preview/samples, made from `plumb run --format json`).
const run = JSON.parse(readFileSync(join(__dirname, '../../../../media/preview/samples/credit-risk.run.json'), 'utf8'));
const meta = { specName: 'credit-risk', specPath: 'credit-risk.plumb.yaml', ranAt: '2026-03-30T09:41:00.000Z', seconds: 3.1, passed: true };

test('intents every panel sends are accepted; each panel accepts only its own', () => {
  for (const p of [parseEvaluationFromWebview, parseFairnessFromWebview, parseDriftFromWebview, parseExplainFromWebview]) {
    for (const m of [{ type: 'ready' }, { type: 'rerun' }, { type: 'exportReport' }, { type: 'revealGate', section: 'fairness', metric: 'demographic_parity_ratio' }, { type: 'log', level: 'warn', message: 'x' }]) {
      assert.ok(p(m).ok, `${JSON.stringify(m)}`);
    }
  }
  assert.ok(parseExplainFromWebview({ type: 'explainRow', row: 7 }).ok);
  const r = parseEvaluationFromWebview({ type: 'explainRow', row: 7 });
  assert.equal(r.ok, false);
  assert.match(!r.ok ? r.error : '', /\$\.type: expected one of ready, rerun, revealGate, exportReport, log/);
});

test('malformed intents are refused with the path of the problem', () => {
  const cases: [unknown, RegExp][] = [
    [null, /expected a message object, got null/],
    ['ready', /expected a message object, got string/],
    [{ type: 'explainRow', row: -1 }, /\$\.row: expected an integer in \[0, 2147483647\]/],
    [{ type: 'explainRow', row: 1.5 }, /\$\.row/],
    [{ type: 'explainRow', row: '3' }, /\$\.row/],
    [{ type: 'explainRow' }, /\$\.row: expected an integer.*got undefined/],
    [{ type: 'revealGate', section: 'model', metric: 'x' }, /\$\.section: expected "evaluation" or "fairness"/],
    [{ type: 'revealGate', section: 'drift', metric: 'x'.repeat(201) }, /\$\.metric: expected a string of at most 200/],
    [{ type: 'log', level: 'debug', message: 'x' }, /\$\.level/],
    [{ type: '__proto__' }, /\$\.type: expected one of/],
    [{ type: 'toString' }, /\$\.type: expected one of/],
  ];
  for (const [m, re] of cases) {
    const r = parseExplainFromWebview(m);
    assert.equal(r.ok, false, JSON.stringify(m));
    assert.match(!r.ok ? r.error : '', re, JSON.stringify(m));
  }
});

test('a real run fits every panel state; a changed field is caught with its path', () => {
  assert.ok(parse(evaluationState, { meta, gates: run.gates, evaluation: run.evaluation }).ok);
  assert.ok(parse(fairnessState, { meta, gates: run.gates, fairness: run.fairness }).ok);
  assert.ok(parse(driftState, { meta, gates: run.gates, drift: run.drift, monitoring: run.monitoring }).ok);
  const broken = structuredClone(run.evaluation);
  broken.curves.roc.tpr[3] = 'NaN';
  const r = parse(evaluationState, { meta, gates: run.gates, evaluation: broken });
  assert.equal(r.ok, false);
  assert.equal(!r.ok && r.error, '$.evaluation.curves.roc.tpr[3]: expected a finite number, got string');
});

test('host-to-webview messages: state, running, error and the explain answers', () => {
  assert.ok(parseEvaluationToWebview({ type: 'state', state: { meta, gates: run.gates, evaluation: run.evaluation } }).ok);
  assert.ok(parseEvaluationToWebview({ type: 'running', running: true, message: 'Running…' }).ok);
  assert.ok(parseEvaluationToWebview({ type: 'error', message: 'boom' }).ok);
  assert.equal(parseEvaluationToWebview({ type: 'running' }).ok, false);
  const row = { row: 7, method: 'exact-shapley', base_value: 0.24, prediction: 0.11, contributions: { a: -0.13 }, values: { a: 3, b: 'x', c: null } };
  assert.ok(parseExplainToWebview({ type: 'row', explanation: row }).ok);
  assert.equal(parseExplainToWebview({ type: 'row', explanation: { ...row, method: 'lime' } }).ok, false);
  assert.ok(parseExplainToWebview({ type: 'rowError', row: 9, message: 'out of range' }).ok);
});

test('schema combinators: optional keys, nullable, records, literals, array limits', () => {
  const s = obj({ a: num, b: opt(str), c: nullable(int), d: record(lit('x', 'y')), e: arr(num, 2) });
  assert.ok(parse(s, { a: 1, c: null, d: { k: 'x' }, e: [1, 2], extra: true }).ok, 'unknown keys pass');
  assert.match((parse(s, { a: Infinity, c: 1, d: {}, e: [] }) as { error: string }).error, /\$\.a: expected a finite number, got Infinity/);
  assert.match((parse(s, { a: 1, b: 2, c: 1, d: {}, e: [] }) as { error: string }).error, /\$\.b: expected a string/);
  assert.match((parse(s, { a: 1, c: 1.5, d: {}, e: [] }) as { error: string }).error, /\$\.c: expected an integer/);
  assert.match((parse(s, { a: 1, c: 1, d: { k: 'z' }, e: [] }) as { error: string }).error, /\$\.d\.k: expected "x" or "y"/);
  assert.match((parse(s, { a: 1, c: 1, d: {}, e: [1, 2, 3] }) as { error: string }).error, /\$\.e: more than 2 items/);
  assert.match((parse(s, { a: 1, c: 1, d: [], e: [] }) as { error: string }).error, /\$\.d: expected an object, got an array/);
  const t = tagged({ a: { n: num }, b: {} });
  assert.ok(parse(t, { type: 'b' }).ok);
  assert.equal(parse(t, { type: 'a' }).ok, false);
});
