// Paired bootstrap sanity against numpy (expected/generate.py -> cases.json `fixture.bootstrap`):
// numpy draws other random rows, so intervals agree up to Monte Carlo error, not digit for digit;
// the checks are that ours lands near numpy's paired interval and is narrower than the unpaired one.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { computeMetrics } from '../metrics';
import { pairedBootstrap } from './pairedBootstrap';
import { CASES, fixtureInputs } from './testFixture';

const fx = CASES.fixture;

test('point values match scikit-learn on the fixture (float32 scores, as ONNX computes them)', () => {
  const { champion, challenger } = fixtureInputs();
  const a = computeMetrics(['accuracy', 'roc_auc'], champion).values;
  const b = computeMetrics(['accuracy', 'roc_auc'], challenger).values;
  assert.ok(Math.abs(a.accuracy! - fx.accuracy[0]) < 1e-12 && Math.abs(b.accuracy! - fx.accuracy[1]) < 1e-12);
  assert.ok(Math.abs(a.roc_auc! - fx.roc_auc[0]) < 1e-9 && Math.abs(b.roc_auc! - fx.roc_auc[1]) < 1e-9);
});

test('paired intervals: near numpy paired percentiles, narrower than unpaired ones', () => {
  const { champion, challenger } = fixtureInputs();
  const r = pairedBootstrap(['accuracy', 'roc_auc'], champion, challenger, { n: 2000, seed: 3 });
  for (const m of ['accuracy', 'roc_auc'] as const) {
    const ours = r[m].interval!;
    const [lo, hi] = fx.bootstrap[m].paired as [number, number];
    const [ulo, uhi] = fx.bootstrap[m].unpaired as [number, number];
    const width = hi - lo;
    assert.ok(Math.abs(ours.low - lo) < 0.15 * width && Math.abs(ours.high - hi) < 0.15 * width, `${m}: ours [${ours.low}, ${ours.high}] vs numpy paired [${lo}, ${hi}]`);
    assert.ok(ours.high - ours.low < 0.85 * (uhi - ulo), `${m}: paired width ${ours.high - ours.low} should be well below unpaired ${uhi - ulo}`);
    assert.ok(ours.low <= r[m].delta! && r[m].delta! <= ours.high);
    assert.ok(Math.abs(r[m].delta! - (fx[m][1] - fx[m][0])) < 1e-9);
  }
});

test('a model against itself: every difference and every resampled difference is exactly 0', () => {
  const { champion } = fixtureInputs();
  const r = pairedBootstrap(['accuracy', 'roc_auc', 'log_loss'], champion, champion, { n: 100, seed: 1 });
  for (const m of Object.values(r)) {
    assert.equal(m.delta, 0);
    assert.deepEqual(m.interval, { low: 0, high: 0 });
  }
});

test('same seed, same intervals; refuses inputs of different lengths', () => {
  const { champion, challenger } = fixtureInputs();
  assert.deepEqual(pairedBootstrap(['f1'], champion, challenger, { n: 50, seed: 9 }), pairedBootstrap(['f1'], champion, challenger, { n: 50, seed: 9 }));
  const short = { ...challenger, y: challenger.y.subarray(0, 10), pred: challenger.pred.subarray(0, 10), score: challenger.score!.subarray(0, 10) };
  assert.throws(() => pairedBootstrap(['f1'], champion, short), /same rows/);
});
