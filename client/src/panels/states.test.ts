import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { panelMeta, panelState, panelsOf, type RunResultLike } from './states';

// A real run of examples/credit-risk (`plumb run --format json`, trimmed by media/preview/trimRun.ts).
const run = JSON.parse(readFileSync(join(__dirname, '../../../media/preview/samples/credit-risk.run.json'), 'utf8')) as RunResultLike;
const meta = panelMeta(run, 'credit-risk.plumb.yaml', new Date('2026-03-30T09:41:00Z'));

test('meta carries the spec, the time and the verdict', () => {
  assert.deepEqual(meta, { specName: 'credit-risk', specPath: 'credit-risk.plumb.yaml', ranAt: '2026-03-30T09:41:00.000Z', seconds: run.seconds, passed: true });
});

test('a full run has a state for every panel; the explain panel learns the eval row count', () => {
  assert.deepEqual(panelsOf(run), ['evaluation', 'fairness', 'drift', 'explain']);
  for (const kind of panelsOf(run)) assert.ok(panelState(kind, run, meta)?.ok, kind);
  const explain = panelState('explain', run, meta);
  assert.equal(explain?.ok && explain.value.evalRows, 5000);
  const drift = panelState('drift', run, meta);
  assert.ok(drift?.ok && drift.value.drift && drift.value.monitoring);
});

test('sections a run did not include have no state; monitoring alone still makes a drift panel', () => {
  const evalOnly = { ...run, sections: ['evaluation'], fairness: undefined, drift: undefined, monitoring: undefined, explain: undefined };
  assert.deepEqual(panelsOf(evalOnly), ['evaluation']);
  assert.equal(panelState('fairness', evalOnly, meta), undefined);
  const monitoringOnly = { ...evalOnly, monitoring: run.monitoring };
  const s = panelState('drift', monitoringOnly, meta);
  assert.ok(s?.ok && s.value.drift === null && s.value.monitoring !== null);
});

test('a result that does not fit is reported with the path, not sent', () => {
  const bad = { ...run, fairness: { ...(run.fairness as object), groups: [{ label: 'x' }] } };
  const s = panelState('fairness', bad, meta);
  assert.equal(s?.ok, false);
  assert.match(s && !s.ok ? s.error : '', /^\$\.fairness\.groups\[0\]\.group: expected an object/);
});
