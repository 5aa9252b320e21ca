// The row-major path (predictRows, predictRowsScalar) against the column path (predict,
// predictScalar) on the real ONNX fixture models, and one number per row against `scalar` of the
// full prediction. The column path's own numbers are checked by hand in predictor.test.ts; here one
// model is also checked by hand (sigmoid(w.x + b) from test/fixtures/models/fixtureSpecs.ts).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createPredictor, scalar, type Predictor, type PredictorOptions } from './predictor';
import type { FeatureMatrix } from './featureFeeds';
import type { Task } from './outputSelect';
import { buildLinearClassifier } from './onnxBuilder';
import * as S from '../../../../test/fixtures/models/fixtureSpecs';

const FIXTURES = join(__dirname, '../../../../test/fixtures/models');

interface Case {
  file: string;
  task: Task;
  features: string[];
  rows: number[][];
  categories?: (string[] | null)[];
  extra?: Partial<PredictorOptions>;
}

const real = [[1, 2, 0.5], [3, -1, 0], [-2, 0.25, 1], [0, 0, 0], [0.1, 7.3, -2.2]];
const two = [[1, 2], [3, -1], [0, 0], [-1.5, 0.5], [0.3, 0.7]];
const CASES: Case[] = [
  { file: S.binaryLogreg.file, task: 'binary-classification', features: S.binaryLogreg.features, rows: real },
  { file: S.binaryLogreg.file, task: 'binary-classification', features: S.binaryLogreg.features, rows: real, extra: { positiveLabel: 0 } },
  { file: S.binaryLogregZipmap.file, task: 'binary-classification', features: S.binaryLogreg.features, rows: real },
  { file: S.multiclassStrings.file, task: 'multiclass-classification', features: S.multiclassStrings.features, rows: two },
  { file: S.multiclassStrings.file, task: 'multiclass-classification', features: S.multiclassStrings.features, rows: two, extra: { positiveLabel: 'medium' } },
  { file: S.multiclassOvr.file, task: 'multiclass-classification', features: S.multiclassOvr.features, rows: two },
  { file: S.treeBinary.file, task: 'binary-classification', features: S.treeBinary.features, rows: [[0, 0], [1, 1.5], [1, 3], [NaN, 0], [0.5, 1]] },
  { file: S.linearRegressor.file, task: 'regression', features: S.linearRegressor.features, rows: real },
  { file: S.scoreN.file, task: 'binary-classification', features: S.scoreN.features, rows: two },
  { file: S.scoreN1.file, task: 'binary-classification', features: S.scoreN1.features, rows: two },
  { file: S.labelOnly.file, task: 'binary-classification', features: S.labelOnly.features, rows: [[1, 2], [2, 1], [5, -5], [0, 0], [-1, 3]] },
  { file: S.perFeature.file, task: 'binary-classification', features: ['debt', 'age', 'income'], rows: real },
  { file: S.int64Input.file, task: 'binary-classification', features: S.int64Input.features, rows: [[2, 3], [0, 0], [-5, 12], [7, 1], [1, 1]] },
  { file: S.categoricalInput.file, task: 'binary-classification', features: ['age', 'color'], rows: [[1, 2], [2, 0], [3, 3], [4, 1], [5, 2]], categories: [null, ['green', 'purple', 'red', 'blue']] },
];

function columnsOf(c: Case, rows: number[][]): FeatureMatrix {
  return {
    rows: rows.length,
    columns: c.features.map((_, j) => {
      const values = rows.map((r) => r[j]);
      const cats = c.categories?.[j];
      return cats ? { codes: Int32Array.from(values), categories: cats } : Float64Array.from(values);
    }),
  };
}

async function open(c: Case): Promise<Predictor> {
  return createPredictor({ modelPath: join(FIXTURES, c.file), task: c.task, features: c.features, ...c.extra });
}

for (const c of CASES) {
  test(`${c.file}${c.extra ? ` ${JSON.stringify(c.extra)}` : ''}: row-major rows give exactly the column path's predictions, in one batch or many`, async () => {
    const p = await open(c);
    const values = Float64Array.from(c.rows.flat());
    const rows = { rows: c.rows.length, values, categories: c.categories };
    for (const batchSize of [undefined, 2]) {
      // Compared batch for batch: onnxruntime's kernels may round a 1-row batch differently from a 5-row one.
      const byColumns = await p.predict(columnsOf(c, c.rows), { batchSize });
      assert.deepEqual(await p.predictRows(rows, { batchSize }), byColumns);
      assert.deepEqual(await p.predictRows(rows, { batchSize, labels: false }), await p.predict(columnsOf(c, c.rows), { batchSize, labels: false }));
      const one = await p.predictRowsScalar(rows, { batchSize });
      assert.deepEqual(one, await p.predictScalar(columnsOf(c, c.rows), { batchSize }));
      // One number per row, read from the tensors, is `scalar` of the full prediction.
      assert.deepEqual(one, scalar(byColumns, c.task, c.extra?.positiveLabel, c.file));
    }
    if (p.rowType === 'float32') {
      // float32 rows are fed as they are: the same as the float64 values rounded to float32.
      const f32 = Float32Array.from(values);
      const rounded = c.rows.map((r) => r.map(Math.fround));
      assert.deepEqual(await p.predictRowsScalar({ rows: c.rows.length, values: f32 }, { batchSize: 2 }), await p.predictScalar(columnsOf(c, rounded), { batchSize: 2 }));
      // A view into a larger buffer (non-zero offset) reads the right rows.
      const k = c.features.length;
      const big = new Float32Array((c.rows.length + 2) * k);
      big.set(f32, k);
      assert.deepEqual(await p.predictRowsScalar({ rows: c.rows.length, values: big.subarray(k, k + f32.length) }), await p.predictScalar(columnsOf(c, rounded)));
    }
    await p.dispose();
  });
}

test('row types: float32 for one float [N, k] input, float64 for a double input, null per feature', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'plumb-rows-'));
  try {
    const f = join(dir, 'double.onnx');
    writeFileSync(f, buildLinearClassifier({ features: 2, coefficients: [1.5, -2], intercepts: [0.5], classLabels: [0, 1], zipmap: false, inputType: 'double' }));
    const d = await createPredictor({ modelPath: f, task: 'binary-classification', features: ['a', 'b'] });
    assert.equal(d.rowType, 'float64');
    const x = [[0.1, 0.2], [1e-9, 3], [-4, 0.3333333333333333]];
    const expected = x.map(([a, b]) => S.sigmoid(1.5 * a - 2 * b + 0.5));
    const got = await d.predictRowsScalar({ rows: 3, values: Float64Array.from(x.flat()) }, { batchSize: 2 });
    // LinearClassifier's probabilities are float32 whatever the input type.
    got.forEach((v, i) => assert.ok(Math.abs(v - expected[i]) < 1e-6, `${v} vs ${expected[i]}`));
    // float32 rows into a double input are widened exactly.
    assert.deepEqual(await d.predictRowsScalar({ rows: 3, values: Float32Array.from(x.flat()) }), await d.predictRowsScalar({ rows: 3, values: Float64Array.from(x.flat(), Math.fround) }));
    await d.dispose();
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  const l = await createPredictor({ modelPath: join(FIXTURES, S.binaryLogreg.file), task: 'binary-classification', features: S.binaryLogreg.features });
  assert.equal(l.rowType, 'float32');
  const expected = real.map((x) => S.sigmoid(S.dot(S.binaryLogreg.coefficients, x) + S.binaryLogreg.intercept));
  const got = await l.predictRowsScalar({ rows: real.length, values: Float64Array.from(real.flat()) });
  got.forEach((v, i) => assert.ok(Math.abs(v - expected[i]) < 1e-6, `${v} vs ${expected[i]}`));
  await l.dispose();
  const p = await createPredictor({ modelPath: join(FIXTURES, S.perFeature.file), task: 'binary-classification', features: S.perFeature.features });
  assert.equal(p.rowType, null);
  await p.dispose();
});

test('calls at the same time each get their own rows (the conversion buffer is lent to one call)', async () => {
  const p = await createPredictor({ modelPath: join(FIXTURES, S.binaryLogreg.file), task: 'binary-classification', features: S.binaryLogreg.features });
  const a = Float64Array.from({ length: 3 * 50 }, (_, i) => Math.sin(i));
  const b = Float64Array.from({ length: 3 * 50 }, (_, i) => Math.cos(3 * i));
  const alone = [await p.predictRowsScalar({ rows: 50, values: a }, { batchSize: 7 }), await p.predictRowsScalar({ rows: 50, values: b }, { batchSize: 7 })];
  const together = await Promise.all([p.predictRowsScalar({ rows: 50, values: a }, { batchSize: 7 }), p.predictRowsScalar({ rows: 50, values: b }, { batchSize: 7 })]);
  assert.deepEqual(together, alone);
  assert.notDeepEqual(alone[0], alone[1]);
  await p.dispose();
});

test('row-major errors: wrong length, codes outside the categories, missing codes, text into a number input', async () => {
  const c = await createPredictor({ modelPath: join(FIXTURES, S.categoricalInput.file), task: 'binary-classification', features: ['age', 'color'] });
  const cats = [null, ['red', 'blue']];
  const err = (code: string, pattern: RegExp) => (e: Error & { code?: string }) => e.code === code && pattern.test(e.message);
  await assert.rejects(c.predictRowsScalar({ rows: 2, values: Float64Array.from([1, 0, 2]), categories: cats }), err('model.matrix-shape', /3 values for 2 rows x 2 features/));
  await assert.rejects(c.predictRowsScalar({ rows: 1, values: Float64Array.from([1, 0]), categories: [null] }), err('model.matrix-shape', /categories for 1 columns, not 2/));
  await assert.rejects(c.predictRowsScalar({ rows: 2, values: Float64Array.from([1, 0, 2, 2]), categories: cats }), err('model.bad-code', /`color` has the code 2 in row 2.*2 categories/));
  await assert.rejects(c.predictRowsScalar({ rows: 2, values: Float64Array.from([1, 0.5, 2, 1]), categories: cats }), err('model.bad-code', /code 0.5 in row 1/));
  await assert.rejects(c.predictRowsScalar({ rows: 2, values: Float64Array.from([1, 0, 2, NaN]), categories: cats }), err('model.missing-value', /`color` is missing in data row 2/));
  await c.dispose();
  const l = await createPredictor({ modelPath: join(FIXTURES, S.binaryLogreg.file), task: 'binary-classification', features: S.binaryLogreg.features });
  await assert.rejects(l.predictRowsScalar({ rows: 1, values: Float64Array.from([1, 0, 2]), categories: [null, ['high'], null] }), err('model.categorical-feature', /`income` holds text/));
  await l.dispose();
});

test('one number per row: the same errors as scalar, also for no rows', async () => {
  const m = await createPredictor({ modelPath: join(FIXTURES, S.multiclassStrings.file), task: 'multiclass-classification', features: S.multiclassStrings.features, positiveLabel: 'huge' });
  for (const rows of [0, 2]) {
    await assert.rejects(m.predictRowsScalar({ rows, values: new Float64Array(rows * 2) }), (e: Error & { code?: string }) => e.code === 'model.unknown-class' && /`huge`.*\(low, medium, high\)/.test(e.message));
  }
  await m.dispose();
  const l = await createPredictor({ modelPath: join(FIXTURES, S.labelOnly.file), task: 'multiclass-classification', features: S.labelOnly.features });
  await assert.rejects(l.predictRowsScalar({ rows: 1, values: Float64Array.from([1, 2]) }), (e: Error & { code?: string }) => e.code === 'model.no-scalar');
  await l.dispose();
  const b = await createPredictor({ modelPath: join(FIXTURES, S.binaryLogreg.file), task: 'binary-classification', features: S.binaryLogreg.features });
  assert.deepEqual(await b.predictRowsScalar({ rows: 0, values: new Float32Array(0) }), new Float64Array(0));
  await b.dispose();
});
