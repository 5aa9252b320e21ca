// The builders produce models onnxruntime accepts and computes as documented. Expected numbers
// are computed by hand here (sigmoid(w.x + b)).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import * as ort from 'onnxruntime-node';
import { buildLinearClassifier } from './onnxBuilder';
import { encodeModel } from './onnxWriter';
import { createPredictor } from './predictor';
import { parseModelSignature } from './onnxSignature';

const sigmoid = (z: number): number => 1 / (1 + Math.exp(-z));

test('binary LinearClassifier: k coefficients become two rows [-w, w], giving [1 - p, p]', async () => {
  const bytes = buildLinearClassifier({ features: 2, coefficients: [1.5, -2], intercepts: [0.5], classLabels: [0, 1], zipmap: false, inputType: 'double' });
  const sig = parseModelSignature(bytes, 'mem');
  assert.equal(sig.inputs[0].elemType, 'double');
  const s = await ort.InferenceSession.create(bytes);
  const x = [[1, 1], [-1, 0.25]];
  const out = await s.run({ float_input: new ort.Tensor('float64', Float64Array.from(x.flat()), [2, 2]) });
  await s.release();
  const proba = out.probabilities.data as Float32Array;
  x.forEach((r, i) => {
    const p = sigmoid(1.5 * r[0] - 2 * r[1] + 0.5);
    assert.ok(Math.abs(proba[i * 2 + 1] - p) < 1e-6);
    assert.ok(Math.abs(proba[i * 2] - (1 - p)) < 1e-6);
  });
});

test('builders refuse inconsistent weights', () => {
  assert.throws(() => buildLinearClassifier({ features: 2, coefficients: [1, 2, 3], intercepts: [0], classLabels: [0, 1] }), /coefficients has 3 values; expected 2 x 2 or 2/);
  assert.throws(() => buildLinearClassifier({ features: 2, coefficients: [1, 2, 3, 4, 5, 6], intercepts: [0, 0], classLabels: ['a', 'b', 'c'] }), /intercepts has 2 values; expected 3/);
  assert.throws(() => buildLinearClassifier({ features: 1, coefficients: [1], intercepts: [0], classLabels: [0] }), /at least 2 class labels/);
});

test('an input type Plumb cannot feed is a PlumbError naming the input', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'plumb-model-'));
  try {
    const path = join(dir, 'half.onnx');
    writeFileSync(
      path,
      encodeModel({
        opsets: [{ domain: '', version: 17 }],
        graph: {
          name: 'half',
          inputs: [{ name: 'x', type: { tensor: 'float16', shape: [null, 2] } }],
          nodes: [{ opType: 'Identity', inputs: ['x'], outputs: ['y'] }],
          outputs: [{ name: 'y', type: { tensor: 'float16', shape: [null, 2] } }],
        },
      }),
    );
    await assert.rejects(createPredictor({ modelPath: path, task: 'regression', features: ['a', 'b'] }), (e: Error & { code?: string }) => {
      assert.equal(e.code, 'model.unsupported-input');
      assert.match(e.message, /`x` float16 \[\?, 2\] has type tensor\(float16\)/);
      return true;
    });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('importing the model module does not load onnxruntime-node', async () => {
  const index = join(__dirname, 'index.ts');
  const code = `require('tsx/cjs/api').register(); require(${JSON.stringify(index)});
    require('node:worker_threads').parentPort.postMessage(Object.keys(require.cache).filter((k) => k.includes('onnxruntime')));`;
  const worker = new Worker(code, { eval: true });
  const loaded = await new Promise((resolve, reject) => {
    worker.once('message', resolve);
    worker.once('error', reject);
  });
  await worker.terminate();
  assert.deepEqual(loaded, []);
});
