// The explainers' predict functions on the bundled example's real ONNX model (one float input, 12
// features): the float32 fast path is offered, and both it and the float64 rows give exactly the
// predictions of the predictor's column path on the same rows.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { resolve } from 'node:path';
import { loadTable } from '../data';
import { createPredictor } from '../model';
import { featureSpace, scalarPredict, toRowMajor } from './explainInputs';

const EXAMPLE = resolve(__dirname, '../../../../examples/credit-risk');
const FEATURES = ['limit_bal', 'age', 'repay_status_1', 'repay_status_2', 'repay_status_3', 'repay_status_4', 'repay_status_5', 'repay_status_6', 'bill_amt1', 'pay_amt1', 'pay_amt2', 'pay_amt3'];

test('scalarPredict: float32 rows, float64 rows and the column path agree exactly on the example model', async () => {
  const table = await loadTable(resolve(EXAMPLE, 'data/background.csv'));
  const predictor = await createPredictor({ modelPath: resolve(EXAMPLE, 'models/credit-default.onnx'), task: 'binary-classification', features: FEATURES, input: 'float_input', positiveLabel: 1 });
  try {
    const space = featureSpace(table, FEATURES);
    const predict = scalarPredict(predictor, space, 1);
    assert.ok(predict.float32, 'a model with one float input gets the float32 path');
    const X = toRowMajor(table, space);
    const rows = table.rowCount;
    const columns = { rows, columns: FEATURES.map((f) => (table.columns.find((c) => c.name === f) as { values: Float64Array }).values) };
    const want = await predictor.predictScalar(columns, { classLabel: 1 });
    assert.deepEqual(await predict(X, rows), want);
    assert.deepEqual(await predict.float32!(Float32Array.from(X), rows), want);
    assert.ok(want.every((p) => p > 0 && p < 1));
  } finally {
    await predictor.dispose();
  }
});
