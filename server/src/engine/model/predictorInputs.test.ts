// How features reach the model's inputs. Expected numbers are computed by hand from the fixture
// weights in test/fixtures/models/fixtureSpecs.ts.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { createPredictor, type Prediction } from './predictor';
import type { FeatureMatrix } from './featureFeeds';
import * as S from '../../../../test/fixtures/models/fixtureSpecs';

const FIXTURES = join(__dirname, '../../../../test/fixtures/models');
const model = (name: string): string => join(FIXTURES, name);

function matrix(rows: number[][]): FeatureMatrix {
  return { rows: rows.length, columns: rows[0].map((_, j) => Float64Array.from(rows.map((r) => r[j]))) };
}

function positive(p: Prediction): number[] {
  assert.equal(p.kind, 'proba');
  const { proba } = p as { proba: Float64Array };
  return Array.from({ length: proba.length / 2 }, (_, i) => proba[i * 2 + 1]);
}

function close(actual: number[], expected: number[]): void {
  assert.equal(actual.length, expected.length);
  actual.forEach((a, i) => assert.ok(Math.abs(a - expected[i]) < 1e-6, `[${i}] ${a} vs ${expected[i]}`));
}

function rejectsWith(code: string, pattern: RegExp) {
  return (e: Error & { code?: string }) => {
    assert.equal(e.code, code, e.message);
    assert.match(e.message, pattern);
    return true;
  };
}

test('one input per feature, matched by name whatever the spec order', async () => {
  const f = S.perFeature;
  const rows = [[16, 2, 0.5], [40, 0, 3], [0, -1, -1]];
  const expected = rows.map((x) => S.sigmoid(S.dot(f.coefficients, x) + f.intercept));
  // Spec lists the features in a different order than the model's inputs.
  const order = [2, 0, 1];
  const features = order.map((j) => f.features[j]);
  const m: FeatureMatrix = { rows: rows.length, columns: order.map((j) => Float64Array.from(rows.map((r) => r[j]))) };
  const p = await createPredictor({ modelPath: model(f.file), task: 'binary-classification', features });
  assert.equal(p.inputPlan.mode, 'per-feature');
  close(positive(await p.predict(m)), expected);
  await p.dispose();
});

test('per-feature model: a model input with no feature, and a feature with no input, are named', async () => {
  await assert.rejects(
    createPredictor({ modelPath: model(S.perFeature.file), task: 'binary-classification', features: ['age', 'income'] }),
    rejectsWith('model.input-missing-feature', /model input `debt` has no matching entry in `features`/),
  );
  await assert.rejects(
    createPredictor({ modelPath: model(S.perFeature.file), task: 'binary-classification', features: ['age', 'income', 'debt', 'zip'] }),
    rejectsWith('model.feature-not-input', /`zip`.*model inputs: `age` float \[\?, 1\]/),
  );
});

test('int64 input: integer features are converted; fractions and missing values are refused', async () => {
  const f = S.int64Input;
  const rows = [[2, 3], [0, 0], [-5, 12]];
  const p = await createPredictor({ modelPath: model(f.file), task: 'binary-classification', features: f.features });
  close(positive(await p.predict(matrix(rows))), rows.map((x) => S.sigmoid(S.dot(f.coefficients, x) + f.intercept)));
  await assert.rejects(p.predict(matrix([[1, 2.5]])), rejectsWith('model.non-integer', /`count_b` has 2\.5 in data row 1.*int64/));
  await assert.rejects(p.predict(matrix([[1, 2], [NaN, 1]])), rejectsWith('model.missing-value', /`count_a` is missing in data row 2/));
  await p.dispose();
});

test('string input: categorical codes become strings; unknown categories one-hot to zeros', async () => {
  const c = S.categoricalInput;
  const categories = ['green', 'purple', 'red', 'blue']; // the data's own dictionary order
  const ages = [1, 2, 3, 4];
  const codes = [2, 0, 3, 1];
  const m: FeatureMatrix = { rows: 4, columns: [Float64Array.from(ages), { codes: Int32Array.from(codes), categories }] };
  const p = await createPredictor({ modelPath: model(c.file), task: 'binary-classification', features: ['age', 'color'] });
  const pred = await p.predict(m);
  const onehot = (color: string): number[] => c.categorical.categories.map((k) => (k === color ? 1 : 0));
  const expected = ages.map((age, i) => S.sigmoid(S.dot(c.coefficients, [age, ...onehot(categories[codes[i]])]) + c.intercept));
  close(positive(pred), expected);
  assert.deepEqual((pred as { classes: string[] }).classes, ['no', 'yes']);
  await p.dispose();
});

test('string input: a numeric column or a missing value is a clear error', async () => {
  const p = await createPredictor({ modelPath: model(S.categoricalInput.file), task: 'binary-classification', features: ['age', 'color'] });
  await assert.rejects(p.predict(matrix([[1, 2]])), rejectsWith('model.numeric-feature', /`color` is numeric but model input `color` string/));
  const missing: FeatureMatrix = { rows: 2, columns: [Float64Array.from([1, 2]), { codes: Int32Array.from([0, -1]), categories: ['red'] }] };
  await assert.rejects(p.predict(missing), rejectsWith('model.missing-value', /`color` is missing in data row 2/));
  await p.dispose();
});

test('numeric input with a categorical column is a clear error', async () => {
  const p = await createPredictor({ modelPath: model(S.binaryLogreg.file), task: 'binary-classification', features: S.binaryLogreg.features });
  const m: FeatureMatrix = { rows: 1, columns: [Float64Array.from([1]), { codes: Int32Array.from([0]), categories: ['high'] }, Float64Array.from([0])] };
  await assert.rejects(p.predict(m), rejectsWith('model.categorical-feature', /`income` holds text but model input `float_input` float \[\?, 3\] takes numbers/));
  await p.dispose();
});

test('feature count vs input shape, and a wrong input name, name the spec key and the model inputs', async () => {
  await assert.rejects(
    createPredictor({ modelPath: model(S.binaryLogreg.file), task: 'binary-classification', features: ['age', 'income'] }),
    rejectsWith('model.feature-count', /`features` lists 2 columns but model input `float_input` float \[\?, 3\] takes 3/),
  );
  await assert.rejects(
    createPredictor({ modelPath: model(S.binaryLogreg.file), task: 'binary-classification', features: S.binaryLogreg.features, input: 'X' }),
    rejectsWith('model.input-not-found', /`model.input`: the model has no input `X` \(inputs: `float_input` float \[\?, 3\]\)/),
  );
});

test('the named input works when it exists', async () => {
  const p = await createPredictor({ modelPath: model(S.binaryLogreg.file), task: 'binary-classification', features: S.binaryLogreg.features, input: 'float_input' });
  assert.deepEqual(p.inputPlan.mode, 'matrix');
  await p.dispose();
});

test('missing and non-ONNX model files are PlumbErrors', async () => {
  await assert.rejects(createPredictor({ modelPath: model('nope.onnx'), task: 'regression', features: ['a'] }), rejectsWith('onnx.not-found', /nope\.onnx/));
  await assert.rejects(createPredictor({ modelPath: model('README.md'), task: 'regression', features: ['a'] }), rejectsWith('onnx.unreadable', /README\.md is not a readable ONNX model/));
});
