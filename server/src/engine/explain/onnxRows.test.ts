// Explanations of real ONNX models (built with the model builders, run by onnxruntime): the
// explainers' float32 rows (PredictFn.float32 over predictRowsScalar) give exactly what float64 rows
// give, through the row-major path and through the column path (row-major -> columns ->
// predictScalar, as explanations reached the model before the row-major path). The numbers
// themselves are checked against scikit-learn and the definitions in the other explain tests.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildLinearClassifier, buildTreeEnsembleClassifier, createPredictor, type Predictor } from '../model';
import { explainRow, partialDependence, permutationImportance, type PredictFn } from './index';
import { shuffleSource } from './permutation';
import { Random } from '../util/random';
import { names, randomMatrix } from './testModels';

const K = 5;
const ROWS = 600;
const W = [1.2, -0.7, 0, 0.4, 2];

const MODELS: Record<string, Uint8Array> = {
  linear: buildLinearClassifier({ features: K, coefficients: W, intercepts: [-0.3], classLabels: [0, 1], zipmap: false }),
  tree: buildTreeEnsembleClassifier({
    features: K,
    classLabels: [0, 1],
    zipmap: false,
    trees: [
      { feature: 0, threshold: 0.1, left: { feature: 4, threshold: -0.5, left: { weights: [0.9, 0.1] }, right: { weights: [0.4, 0.6] } }, right: { feature: 1, threshold: 0.3, left: { weights: [0.2, 0.8] }, right: { weights: [0.7, 0.3] } } },
    ],
  }),
};

/** The three ways to reach the model; `calls` counts float32 and float64 calls. */
function adapters(p: Predictor, calls: { f32: number; f64: number }): Record<string, PredictFn> {
  const f = names(K);
  const columns: PredictFn = (X, rows) => {
    const cols = f.map(() => new Float64Array(rows));
    for (let i = 0, at = 0; i < rows; i++) for (let j = 0; j < K; j++) cols[j][i] = X[at++];
    return p.predictScalar({ rows, columns: cols });
  };
  const rows64: PredictFn = (X, rows) => p.predictRowsScalar({ rows, values: X });
  const rows32: PredictFn = (X, rows) => {
    calls.f64++;
    return p.predictRowsScalar({ rows, values: X });
  };
  rows32.float32 = (X, rows) => {
    assert.ok(X instanceof Float32Array);
    calls.f32++;
    return p.predictRowsScalar({ rows, values: X });
  };
  return { columns, rows64, rows32 };
}

function data(): { X: Float64Array; y: Uint8Array } {
  const X = randomMatrix(ROWS, K, 4);
  const rng = new Random(5);
  const y = new Uint8Array(ROWS);
  for (let i = 0; i < ROWS; i++) {
    let s = -0.3;
    for (let j = 0; j < K; j++) s += W[j] * X[i * K + j];
    y[i] = rng.next() < 1 / (1 + Math.exp(-s)) ? 1 : 0;
  }
  return { X, y };
}

/** Mean score of the positives minus mean score of the negatives: a deterministic, higher-is-better metric. */
function separation(y: Uint8Array): (pred: Float64Array) => number {
  return (pred) => {
    let sp = 0, np = 0, sn = 0, nn = 0;
    for (let i = 0; i < y.length; i++) {
      if (y[i]) { sp += pred[i]; np++; } else { sn += pred[i]; nn++; }
    }
    return sp / np - sn / nn;
  };
}

for (const [name, bytes] of Object.entries(MODELS)) {
  test(`${name} ONNX model: permutation importance, SHAP values and partial dependence are identical from float32 rows, float64 rows and columns`, async () => {
    const dir = mkdtempSync(join(tmpdir(), 'plumb-explain-onnx-'));
    const path = join(dir, `${name}.onnx`);
    writeFileSync(path, bytes);
    const p = await createPredictor({ modelPath: path, task: 'binary-classification', features: names(K) });
    try {
      assert.equal(p.rowType, 'float32');
      const calls = { f32: 0, f64: 0 };
      const ways = adapters(p, calls);
      const { X, y } = data();
      const featureNames = names(K);
      const run = async (predict: PredictFn) => ({
        // One call per repeat, several repeats per call, and a split data set.
        perm: [
          await permutationImportance({ X, rows: ROWS, k: K, featureNames, predict, metric: separation(y), higherIsBetter: true, repeats: 3, seed: 2 }),
          await permutationImportance({ X, rows: ROWS, k: K, featureNames, predict, metric: separation(y), higherIsBetter: true, repeats: 3, seed: 2, maxRowsPerCall: 1300 }),
          await permutationImportance({ X, rows: ROWS, k: K, featureNames, predict, metric: separation(y), higherIsBetter: true, repeats: 3, seed: 2, maxRowsPerCall: 250 }),
        ],
        exact: await explainRow({ x: X.slice(7 * K, 8 * K), background: X.slice(0, 30 * K), k: K, featureNames, predict, method: 'exact', maxRowsPerCall: 200 }),
        kernel: await explainRow({ x: X.slice(9 * K, 10 * K), background: X.slice(0, 30 * K), k: K, featureNames, predict, method: 'kernel', nsamples: 20, seed: 1 }),
        pdp: await partialDependence({ X, rows: ROWS, k: K, feature: 4, featureNames, predict, iceRows: 4, maxRowsPerCall: 1000 }),
      });
      const byColumns = await run(ways.columns);
      assert.deepEqual(await run(ways.rows64), byColumns);
      assert.deepEqual(await run(ways.rows32), byColumns);
      assert.ok(calls.f32 > 0, 'the float32 entry was used');
      assert.ok(calls.f64 > 0 && calls.f64 < calls.f32, 'float64 only for the unshuffled data');
      // The guarantees hold through onnxruntime too: a feature the model ignores is exactly 0.
      if (name === 'linear') {
        for (const r of byColumns.perm) assert.deepEqual(r.importance.f2, { mean: 0, std: 0, values: [0, 0, 0] });
        assert.equal(byColumns.exact.contributions.f2, 0);
      } else {
        assert.deepEqual(byColumns.perm[0].importance.f3, { mean: 0, std: 0, values: [0, 0, 0] });
      }
    } finally {
      await p.dispose();
      rmSync(dir, { recursive: true, force: true });
    }
  });
}

test('float32 rows go only to a model with a float32 entry; without one every call gets float64', async () => {
  const X = randomMatrix(50, 3, 1);
  const seen: string[] = [];
  const predict: PredictFn = async (Z, rows) => {
    seen.push(Z.constructor.name);
    return new Float64Array(rows).fill(0.5);
  };
  await permutationImportance({ X, rows: 50, k: 3, featureNames: names(3), predict, metric: (p) => p[0], higherIsBetter: true, repeats: 2 });
  await explainRow({ x: X.slice(0, 3), background: X.slice(3, 30), k: 3, featureNames: names(3), predict, method: 'exact' });
  await partialDependence({ X, rows: 50, k: 3, feature: 1, featureNames: names(3), predict });
  assert.ok(seen.length > 5);
  assert.deepEqual(new Set(seen), new Set(['Float64Array']));
});

test('the permutations are drawn once and kept, or drawn again for each feature: the same sequence', () => {
  const kept = shuffleSource(8, 40, 3);
  const redrawn = shuffleSource(8, 40, 3, 0);
  const rng = new Random(8);
  const direct = Array.from({ length: 3 }, () => rng.shuffle(Int32Array.from({ length: 40 }, (_, i) => i)));
  for (let feature = 0; feature < 3; feature++) {
    kept.restart();
    redrawn.restart();
    for (let r = 0; r < 3; r++) {
      assert.deepEqual(kept.next(), direct[r]);
      assert.deepEqual(redrawn.next(), direct[r]);
    }
  }
  assert.notDeepEqual(direct[0], direct[1]);
});
