import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as ort from 'onnxruntime-node';
import { parseModelSignature } from './onnxSignature';
import { stripZipMap } from './zipmap';
import { buildLinearClassifier } from './onnxBuilder';
import { binaryLogreg, dot, multiclassStrings, sigmoid } from '../../../../test/fixtures/models/fixtureSpecs';

const FIXTURES = join(__dirname, '../../../../test/fixtures/models');
const load = (name: string): Uint8Array => new Uint8Array(readFileSync(join(FIXTURES, name)));

test('onnxruntime-node cannot return a ZipMap output; after stripZipMap it returns the probabilities', async () => {
  const bytes = load('binary-logreg-zipmap.onnx');
  const x = [[1, 2, 0.5], [3, -1, 0], [-2, 0.25, 1]];
  const feeds = { float_input: new ort.Tensor('float32', Float32Array.from(x.flat()), [3, 3]) };
  const original = await ort.InferenceSession.create(bytes);
  await assert.rejects(original.run(feeds), /Non tensor type is temporarily not supported/);
  await original.release();

  const stripped = stripZipMap(bytes);
  assert.ok(stripped);
  const sig = parseModelSignature(stripped, 'stripped');
  assert.equal(sig.zipmap, null);
  assert.deepEqual(sig.outputs, [
    { name: 'output_label', elemType: 'int64', shape: [null], type: 'tensor(int64)' },
    { name: 'probabilities', elemType: 'float', shape: [null, 2], type: 'tensor(float)' },
  ]);
  assert.ok(!sig.opTypes.includes('ZipMap'));
  const session = await ort.InferenceSession.create(stripped);
  const out = await session.run(feeds);
  await session.release();
  assert.deepEqual(out.probabilities.dims, [3, 2]);
  const proba = out.probabilities.data as Float32Array;
  // Expected by hand from the fixture's weights (fixtureSpecs.ts): p(1) = sigmoid(w.x + b).
  x.forEach((row, i) => {
    const p1 = sigmoid(dot(binaryLogreg.coefficients, row) + binaryLogreg.intercept);
    assert.ok(Math.abs(proba[i * 2 + 1] - p1) < 1e-6, `row ${i}: ${proba[i * 2 + 1]} vs ${p1}`);
    assert.ok(Math.abs(proba[i * 2] - (1 - p1)) < 1e-6);
  });
  assert.deepEqual(Array.from(out.output_label.data as BigInt64Array, Number), x.map((r) => (dot(binaryLogreg.coefficients, r) + binaryLogreg.intercept > 0 ? 1 : 0)));
});

test('string-labelled multiclass ZipMap model keeps its class count in the new output', () => {
  const stripped = stripZipMap(load('multiclass-strings.onnx'));
  assert.ok(stripped);
  const sig = parseModelSignature(stripped, 'stripped');
  assert.deepEqual(sig.outputs.map((o) => [o.name, o.shape]), [['output_label', [null]], ['probabilities', [null, multiclassStrings.classLabels.length]]]);
  assert.deepEqual(sig.classLabels, multiclassStrings.classLabels);
  assert.deepEqual(sig.metadata, multiclassStrings.metadata);
});

test('models without ZipMap are left alone (null)', () => {
  assert.equal(stripZipMap(load('binary-logreg.onnx')), null);
  assert.equal(stripZipMap(load('score-n.onnx')), null);
  assert.equal(stripZipMap(buildLinearClassifier({ features: 1, coefficients: [1], intercepts: [0], classLabels: [0, 1], zipmap: false })), null);
});

test('everything but the ZipMap node and its output is copied byte for byte', () => {
  const bytes = load('per-feature.onnx');
  const stripped = stripZipMap(bytes)!;
  const before = parseModelSignature(bytes, 'a');
  const after = parseModelSignature(stripped, 'b');
  assert.deepEqual(after.inputs, before.inputs);
  assert.deepEqual(after.opsets, before.opsets);
  assert.deepEqual(after.opTypes, before.opTypes.filter((o) => o !== 'ZipMap'));
  // Removing one node and swapping one output only shrinks the model a little.
  assert.ok(stripped.length < bytes.length && stripped.length > bytes.length - 120);
});
