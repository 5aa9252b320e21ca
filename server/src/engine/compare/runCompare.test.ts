// Champion vs challenger end to end on real ONNX models (onnxruntime). Expected numbers: scikit-learn
// accuracy / roc_auc, pandas-style selection rates, scipy McNemar (expected/generate.py -> cases.json).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { PlumbError } from '../errors';
import { CachedFileInfo } from '../spec/fileInfo';
import { validateSpecText } from '../spec/validate';
import type { Spec } from '../spec/spec';
import { runCompare } from './runCompare';
import { CASES, modelBytes, writeCompareFixture } from './testFixture';

const fx = CASES.fixture;
const near = (a: number | null | undefined, b: number, tol = 1e-9) => typeof a === 'number' && Math.abs(a - b) <= tol;

async function loadSpec(file: string): Promise<Spec> {
  const v = await validateSpecText(readFileSync(file, 'utf8'), file, new CachedFileInfo());
  const errors = v.diagnostics.filter((d) => d.severity === 'error');
  assert.deepEqual(errors, [], 'the fixture spec is valid');
  return v.spec!;
}

test('a challenger that is more accurate but less fair: accuracy gate passes, fairness gate fails', async () => {
  const { dir, spec: file } = writeCompareFixture();
  const spec = await loadSpec(file);
  const r = await runCompare(spec, spec.compare!.challenger!);
  assert.equal(r.rows, 800);
  assert.ok(near(r.metrics.accuracy.champion, fx.accuracy[0]) && near(r.metrics.accuracy.challenger, fx.accuracy[1]));
  // onnxruntime's float32 sigmoid rounds a few scores differently from numpy's, which can reorder
  // near-ties: ROC AUC agrees to 1e-5 (labels, hence accuracy and McNemar, agree exactly).
  assert.ok(near(r.metrics.roc_auc.champion, fx.roc_auc[0], 1e-5) && near(r.metrics.roc_auc.challenger, fx.roc_auc[1], 1e-5));
  assert.ok(r.metrics.accuracy.interval!.low > 0, 'the accuracy gain is clear of noise');
  assert.equal(r.disagreements, fx.disagreements);
  assert.ok(near(r.disagreement_rate, fx.disagreements / 800));
  assert.equal(r.mcnemar!.b, fx.mcnemar.b);
  assert.equal(r.mcnemar!.c, fx.mcnemar.c);
  assert.equal(r.mcnemar!.method, 'chi-square');
  assert.ok(near(r.mcnemar!.p_value, fx.mcnemar.p_value, 1e-12 * fx.mcnemar.p_value));
  const dp = r.fairness!.metrics.demographic_parity_ratio;
  assert.ok(near(dp.champion, fx.demographic_parity_ratio[0]) && near(dp.challenger, fx.demographic_parity_ratio[1]));
  for (const g of r.fairness!.groups) {
    const sex = g.group.sex as 'female' | 'male';
    assert.ok(near(g.metrics.selection_rate.champion, fx.selection_rate[0][sex]) && near(g.metrics.selection_rate.challenger, fx.selection_rate[1][sex]), g.label);
  }
  const gate = (m: string) => r.gates.find((g) => g.metric === m)!;
  assert.equal(gate('accuracy_delta').passed, true);
  assert.ok(near(gate('accuracy_delta').value, fx.accuracy[1] - fx.accuracy[0]));
  assert.equal(gate('demographic_parity_ratio_delta').passed, false);
  assert.ok(near(gate('demographic_parity_ratio_delta').value, fx.demographic_parity_ratio[1] - fx.demographic_parity_ratio[0]));
  assert.equal(r.passed, false);
  assert.match(r.verdict, /FAILS 1 of 2 compare gate\(s\): demographic_parity_ratio_delta/);
  assert.equal(r.champion.model, 'models/champion.onnx');
  assert.equal(r.challenger.model, 'models/challenger.onnx');
  assert.equal(r.data, join('data', 'eval.csv'));
  assert.ok(dir);
});

test('the challenger as another spec: its own model section (features in another order) on the champion\'s data', async () => {
  const { dir, spec: file } = writeCompareFixture();
  // Same challenger, with its features reversed and the coefficients to match.
  writeFileSync(join(dir, 'models/reversed.onnx'), modelBytes({ coefficients: [...fx.challenger.coefficients].reverse(), intercept: fx.challenger.intercept }));
  writeFileSync(join(dir, 'challenger.plumb.yaml'), 'plumb: 1\nname: reversed\nmodel:\n  path: models/reversed.onnx\n  task: binary-classification\n  features: [x2, x1]\n');
  const r = await runCompare(await loadSpec(file), join(dir, 'challenger.plumb.yaml'));
  assert.ok(near(r.metrics.accuracy.challenger, fx.accuracy[1]));
  assert.equal(r.disagreements, fx.disagreements);
  assert.equal(r.challenger.spec, 'challenger.plumb.yaml');
  assert.equal(r.challenger.model, 'models/reversed.onnx');
});

test('champion against itself: no differences, McNemar p = 1, gates pass', async () => {
  const { dir, spec: file } = writeCompareFixture();
  const spec = await loadSpec(file);
  const r = await runCompare(spec, join(dir, 'models/champion.onnx'));
  assert.equal(r.disagreements, 0);
  assert.equal(r.mcnemar!.p_value, 1);
  assert.equal(r.metrics.accuracy.delta, 0);
  assert.deepEqual(r.metrics.roc_auc.interval, { low: 0, high: 0 });
  assert.equal(r.fairness!.metrics.demographic_parity_ratio.delta, 0);
  assert.equal(r.passed, true);
});

test('a challenger of another task, or that cannot be read, is a PlumbError', async () => {
  const { dir, spec: file } = writeCompareFixture();
  const spec = await loadSpec(file);
  writeFileSync(join(dir, 'reg.plumb.yaml'), 'plumb: 1\nmodel:\n  path: models/challenger.onnx\n  task: regression\n  features: [x1, x2]\n');
  await assert.rejects(runCompare(spec, join(dir, 'reg.plumb.yaml')), (e: unknown) => e instanceof PlumbError && e.code === 'compare.task-mismatch');
  await assert.rejects(runCompare(spec, join(dir, 'nope.plumb.yaml')), (e: unknown) => e instanceof PlumbError && e.code === 'compare.challenger-missing');
  await assert.rejects(runCompare(spec, join(dir, 'models/nope.onnx')), (e: unknown) => e instanceof PlumbError);
});
