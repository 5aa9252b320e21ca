// Expected numbers are computed by hand in this file from the fixture weights in
// test/fixtures/models/fixtureSpecs.ts (sigmoid(w.x + b), softmax, tree walks), not by our code.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { createPredictor, type Prediction } from './predictor';
import type { FeatureMatrix } from './featureFeeds';
import * as S from '../../../../test/fixtures/models/fixtureSpecs';

const FIXTURES = join(__dirname, '../../../../test/fixtures/models');
const model = (name: string): string => join(FIXTURES, name);
const TOL = 1e-6;

function matrix(rows: number[][]): FeatureMatrix {
  return { rows: rows.length, columns: rows[0].map((_, j) => Float64Array.from(rows.map((r) => r[j]))) };
}

function close(actual: ArrayLike<number>, expected: number[], what: string): void {
  assert.equal(actual.length, expected.length, `${what}: length`);
  for (let i = 0; i < expected.length; i++) {
    assert.ok(Math.abs(actual[i] - expected[i]) < TOL, `${what}[${i}]: ${actual[i]} vs ${expected[i]}`);
  }
}

function proba(p: Prediction): Extract<Prediction, { kind: 'proba' }> {
  assert.equal(p.kind, 'proba');
  return p as Extract<Prediction, { kind: 'proba' }>;
}

const X3 = [[1, 2, 0.5], [3, -1, 0], [-2, 0.25, 1], [0, 0, 0]];
const logregP1 = X3.map((x) => S.sigmoid(S.dot(S.binaryLogreg.coefficients, x) + S.binaryLogreg.intercept));

test('binary probabilities [N, 2]: classes from the model, P(positive) from predictScalar', async () => {
  const p = await createPredictor({ modelPath: model('binary-logreg.onnx'), task: 'binary-classification', features: S.binaryLogreg.features });
  assert.deepEqual(p.outputPlan, { name: 'probabilities', kind: 'proba', labelName: 'label' });
  const pred = proba(await p.predict(matrix(X3)));
  assert.deepEqual(pred.classes, [0, 1]);
  close(pred.proba, logregP1.flatMap((p1) => [1 - p1, p1]), 'proba');
  assert.deepEqual(pred.labels, logregP1.map((p1) => (p1 > 0.5 ? 1 : 0)));
  close(await p.predictScalar(matrix(X3)), logregP1, 'scalar');
  const scoresOnly = proba(await p.predict(matrix(X3), { labels: false }));
  assert.equal(scoresOnly.labels, undefined, 'labels: false skips the label output');
  close(scoresOnly.proba, Array.from(pred.proba), 'same probabilities without labels');
  await p.dispose();
});

test('positiveLabel picks the column; an unknown one is a PlumbError naming the classes', async () => {
  const p = await createPredictor({ modelPath: model('binary-logreg.onnx'), task: 'binary-classification', features: S.binaryLogreg.features, positiveLabel: 0 });
  close(await p.predictScalar(matrix(X3)), logregP1.map((p1) => 1 - p1), 'P(0)');
  const q = await createPredictor({ modelPath: model('binary-logreg.onnx'), task: 'binary-classification', features: S.binaryLogreg.features, positiveLabel: 'yes' });
  await assert.rejects(q.predictScalar(matrix(X3)), (e: Error & { code?: string }) => e.code === 'model.unknown-class' && /`yes`.*\(0, 1\)/.test(e.message));
  await p.dispose();
  await q.dispose();
});

test('a ZipMap model is stripped and gives the same probabilities', async () => {
  const p = await createPredictor({ modelPath: model('binary-logreg-zipmap.onnx'), task: 'binary-classification', features: S.binaryLogreg.features });
  assert.equal(p.zipmapStripped, true);
  assert.deepEqual(p.signature.zipmap, { input: 'probabilities', output: 'output_probability' });
  const pred = proba(await p.predict(matrix(X3)));
  close(pred.proba, logregP1.flatMap((p1) => [1 - p1, p1]), 'proba');
  await p.dispose();
});

const X2 = [[1, 2], [3, -1], [0, 0], [-1.5, 0.5]];

function softmax(z: number[]): number[] {
  const m = Math.max(...z);
  const e = z.map((v) => Math.exp(v - m));
  const s = e.reduce((a, b) => a + b, 0);
  return e.map((v) => v / s);
}

function linear(W: number[], b: number[], x: number[]): number[] {
  return b.map((bc, c) => S.dot(W.slice(c * x.length, (c + 1) * x.length), x) + bc);
}

test('multiclass with string labels from the model: columns line up with the class labels', async () => {
  const m = S.multiclassStrings;
  const p = await createPredictor({ modelPath: model(m.file), task: 'multiclass-classification', features: m.features });
  const pred = proba(await p.predict(matrix(X2)));
  assert.deepEqual(pred.classes, ['low', 'medium', 'high']);
  const expected = X2.map((x) => softmax(linear(m.coefficients, m.intercepts, x)));
  close(pred.proba, expected.flat(), 'proba');
  assert.deepEqual(pred.labels, expected.map((ps) => m.classLabels[ps.indexOf(Math.max(...ps))]));
  close(await p.predictScalar(matrix(X2), { classLabel: 'medium' }), expected.map((ps) => ps[1]), 'P(medium)');
  close(await p.predictScalar(matrix(X2)), expected.map((ps) => Math.max(...ps)), 'P(predicted)');
  await p.dispose();
});

test('one-vs-rest multiclass (LOGISTIC + Normalizer L1) with int labels', async () => {
  const m = S.multiclassOvr;
  const p = await createPredictor({ modelPath: model(m.file), task: 'multiclass-classification', features: m.features });
  const pred = proba(await p.predict(matrix(X2)));
  assert.deepEqual(pred.classes, [10, 20, 30]);
  const expected = X2.map((x) => {
    const s = linear(m.coefficients, m.intercepts, x).map(S.sigmoid);
    const total = s.reduce((a, b) => a + b, 0);
    return s.map((v) => v / total);
  });
  close(pred.proba, expected.flat(), 'proba');
  await p.dispose();
});

test('tree ensemble probabilities, NaN following the false branch', async () => {
  const t = S.treeBinary;
  const rows = [[0, 0], [1, 1.5], [1, 3], [NaN, 0], [0.5, 1]];
  // Walk the two trees of fixtureSpecs by hand.
  const tree0 = (x: number[]): number => (x[0] <= 0.5 ? 0.125 : x[1] <= 2 ? 0.25 : 0.4375);
  const tree1 = (x: number[]): number => (x[1] <= 1 ? 0.1875 : 0.375);
  const p1 = rows.map((x) => tree0(x) + tree1(x));
  const p = await createPredictor({ modelPath: model(t.file), task: 'binary-classification', features: t.features });
  const pred = proba(await p.predict(matrix(rows)));
  close(pred.proba, p1.flatMap((v) => [1 - v, v]), 'proba');
  assert.deepEqual(pred.labels, p1.map((v) => (v > 0.5 ? 1 : 0)));
  await p.dispose();
});

test('regression value [N, 1]', async () => {
  const r = S.linearRegressor;
  const rows = [[1, 2, 4], [0, 0, 0], [3.5, 10, -2]];
  const p = await createPredictor({ modelPath: model(r.file), task: 'regression', features: r.features });
  const pred = await p.predict(matrix(rows));
  assert.equal(pred.kind, 'value');
  const expected = rows.map((x) => S.dot(r.coefficients, x) + r.intercept);
  close((pred as { value: Float64Array }).value, expected, 'value');
  close(await p.predictScalar(matrix(rows)), expected, 'scalar');
  await p.dispose();
});

for (const spec of [S.scoreN, S.scoreN1]) {
  test(`single score output shaped ${spec.outputRank === 1 ? '[N]' : '[N, 1]'}`, async () => {
    const rows = [[1, 2], [-1, -1], [4, 0.5]];
    const p = await createPredictor({ modelPath: model(spec.file), task: 'binary-classification', features: spec.features });
    const pred = await p.predict(matrix(rows));
    assert.equal(pred.kind, 'score');
    const expected = rows.map((x) => S.sigmoid(S.dot(spec.weights, x) + spec.bias));
    close((pred as { score: Float64Array }).score, expected, 'score');
    close(await p.predictScalar(matrix(rows)), expected, 'scalar');
    await p.dispose();
  });
}

test('label-only output: labels, and 0/1 for the positive class as the scalar', async () => {
  const rows = [[1, 2], [2, 1], [5, -5]];
  const p = await createPredictor({ modelPath: model(S.labelOnly.file), task: 'binary-classification', features: S.labelOnly.features });
  const pred = await p.predict(matrix(rows));
  assert.deepEqual(pred, { kind: 'label', labels: [0, 1, 1], classes: [0, 1] });
  assert.deepEqual(Array.from(await p.predictScalar(matrix(rows))), [0, 1, 1]);
  await p.dispose();
});

test('a model with external weights loads from its folder', async () => {
  const e = S.externalData;
  const rows = [[1, 2], [-2, 0.5]];
  const p = await createPredictor({ modelPath: model(e.file), task: 'binary-classification', features: e.features });
  const pred = await p.predict(matrix(rows));
  close((pred as { score: Float64Array }).score, rows.map((x) => S.sigmoid(S.dot(e.weights, x) + e.bias)), 'score');
  await p.dispose();
});

test('the spec output overrides the choice; unknown outputs name the real ones', async () => {
  const p = await createPredictor({ modelPath: model('binary-logreg.onnx'), task: 'binary-classification', features: S.binaryLogreg.features, output: 'label' });
  assert.deepEqual(await p.predict(matrix(X3)), { kind: 'label', labels: logregP1.map((v) => (v > 0.5 ? 1 : 0)), classes: [0, 1] });
  await p.dispose();
  await assert.rejects(
    createPredictor({ modelPath: model('binary-logreg.onnx'), task: 'binary-classification', features: S.binaryLogreg.features, output: 'proba' }),
    (e: Error & { code?: string }) => e.code === 'model.output-not-found' && /`model.output`.*`proba`.*`label` int64.*`probabilities` float \[\?, 2\]/.test(e.message),
  );
});

test('binary task on a 3-class model is a PlumbError', async () => {
  const p = await createPredictor({ modelPath: model(S.multiclassOvr.file), task: 'binary-classification', features: S.multiclassOvr.features });
  await assert.rejects(p.predict(matrix(X2)), (e: Error & { code?: string }) => e.code === 'model.task-mismatch' && /3 class columns \(10, 20, 30\)/.test(e.message));
  await p.dispose();
});
