import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mergeRuns, type RunResult } from './mergeRuns';

const gate = (section: string, metric: string, passed: boolean) => ({ section, metric, condition: '>= 0.5', value: passed ? 0.9 : 0.1, passed });
const run = (sections: string[], extra: Partial<RunResult>): RunResult => ({ spec: '/w/a.plumb.yaml', name: 'a', sections, gates: [], passed: true, seconds: 1, ...extra });

test('a later run of one section keeps the other sections and replaces its own results and gates', () => {
  const first = run(['evaluation', 'fairness'], { evaluation: { v: 1 }, fairness: { f: 1 }, gates: [gate('evaluation', 'roc_auc', true), gate('fairness', 'dp', true)] });
  const second = run(['fairness'], { fairness: { f: 2 }, gates: [gate('fairness', 'dp', false)], passed: false, seconds: 3 });
  const m = mergeRuns(first, second);
  assert.deepEqual(m.sections, ['evaluation', 'fairness']);
  assert.deepEqual(m.evaluation, { v: 1 });
  assert.deepEqual(m.fairness, { f: 2 });
  assert.deepEqual(m.gates.map((g) => `${g.metric}:${g.passed}`), ['roc_auc:true', 'dp:false']);
  assert.equal(m.passed, false);
  assert.equal(m.seconds, 3);
  assert.deepEqual(first.gates.length, 2, 'the previous run is not modified');
});

test('a section that ran and produced nothing clears the old result; another spec replaces everything', () => {
  const first = run(['drift', 'monitoring'], { drift: { d: 1 }, monitoring: { m: 1 } });
  const m = mergeRuns(first, run(['drift', 'monitoring'], { drift: { d: 2 } }));
  assert.equal(m.monitoring, undefined);
  assert.deepEqual(m.drift, { d: 2 });
  const other = run(['explain'], { spec: '/w/b.plumb.yaml', explain: {} });
  assert.equal(mergeRuns(first, other), other);
});
