import { test } from 'node:test';
import assert from 'node:assert/strict';
import { PlumbError } from '../errors';
import { compareInputs } from './compareInputs';
import type { MulticlassInput, RegressionInput } from '../metrics/types';

test('regression: deltas and gates, but no McNemar or disagreement rate', () => {
  const y = Float64Array.from([1, 2, 3, 4, 5, 6]);
  const a: RegressionInput = { kind: 'regression', y, pred: Float64Array.from([1.5, 2.5, 2.5, 4.5, 5.5, 5.5]) };
  const b: RegressionInput = { kind: 'regression', y, pred: Float64Array.from([1, 2, 3, 4, 5, 7]) };
  const r = compareInputs(a, b, { metrics: ['mae'], gates: { mae_delta: '<= 0', disagreement_rate: '<= 0.1' }, bootstrap: false });
  assert.equal(r.mcnemar, null);
  assert.equal(r.disagreement_rate, null);
  assert.ok(Math.abs(r.metrics.mae.delta! - (1 / 6 - 0.5)) < 1e-12);
  assert.equal(r.metrics.mae.interval, null);
  assert.deepEqual(r.gates.map((g) => [g.metric, g.passed]), [['mae_delta', true], ['disagreement_rate', false]]);
  assert.match(r.notes.join(' '), /regression/);
});

test('multiclass: predictions compare by label, even when the two models order their classes differently', () => {
  // Champion classes [a, b, c]; challenger [c, a, b]. Both predict a, b, c, a: they agree on every row.
  const y = Int32Array.from([0, 1, 2, 0]);
  const a: MulticlassInput = { kind: 'multiclass', classes: 3, y, pred: Int32Array.from([0, 1, 2, 0]), proba: null };
  const b: MulticlassInput = { kind: 'multiclass', classes: 3, y: Int32Array.from([1, 2, 0, 1]), pred: Int32Array.from([1, 2, 0, 1]), proba: null };
  const r = compareInputs(a, b, { metrics: ['accuracy'], gates: {}, bootstrap: { n: 20, seed: 1 }, championLabels: ['a', 'b', 'c'], challengerLabels: ['c', 'a', 'b'] });
  assert.equal(r.disagreements, 0);
  assert.equal(r.mcnemar!.discordant, 0);
  assert.equal(r.metrics.accuracy.delta, 0);
  assert.match(r.verdict, /No compare gates/);
});

test('a fairness gate without a fairness section fails and says what is missing', () => {
  const y = Uint8Array.from([0, 1, 0, 1]);
  const a = { kind: 'binary' as const, y, pred: Uint8Array.from([0, 1, 1, 1]), score: null };
  const r = compareInputs(a, a, { metrics: ['accuracy'], gates: { demographic_parity_ratio_delta: '>= -0.02' }, bootstrap: false });
  assert.equal(r.gates[0].passed, false);
  assert.match(r.gates[0].note!, /needs a `fairness` section/);
});

test('inputs of different tasks or lengths are refused', () => {
  const bin = { kind: 'binary' as const, y: Uint8Array.from([0, 1]), pred: Uint8Array.from([0, 1]), score: null };
  const reg: RegressionInput = { kind: 'regression', y: Float64Array.from([0, 1]), pred: Float64Array.from([0, 1]) };
  assert.throws(() => compareInputs(bin, reg, { metrics: [], gates: {}, bootstrap: false }), (e: unknown) => e instanceof PlumbError && e.code === 'compare.task-mismatch');
  const short = { ...bin, y: Uint8Array.from([0]), pred: Uint8Array.from([0]) };
  assert.throws(() => compareInputs(bin, short, { metrics: [], gates: {}, bootstrap: false }), (e: unknown) => e instanceof PlumbError && e.code === 'compare.unpaired');
});
