// Inference inside a worker thread, batching and cancellation. Expected numbers are computed by
// hand from the fixture weights in test/fixtures/models/fixtureSpecs.ts.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { CancelledError } from '../errors';
import { createPredictor } from './predictor';
import * as S from '../../../../test/fixtures/models/fixtureSpecs';

const FIXTURES = join(__dirname, '../../../../test/fixtures/models');
const f = S.binaryLogreg;

function rowsOf(n: number): number[][] {
  return Array.from({ length: n }, (_, i) => [(i % 7) - 3, (i % 5) * 0.5, (i % 3) - 1]);
}

test('predicts inside a worker_threads Worker', async () => {
  const rows = rowsOf(10);
  // The production worker is a bundled .js file; under test the worker loads TypeScript through
  // tsx's CommonJS hook (Node 20 does not apply `--import tsx` to a Worker's .ts entry point).
  const bootstrap = `require('tsx/cjs/api').register(); require(${JSON.stringify(join(__dirname, 'predictorTestWorker.ts'))});`;
  const worker = new Worker(bootstrap, {
    eval: true,
    workerData: { modelPath: join(FIXTURES, f.file), features: f.features, rows, batchSize: 4 },
  });
  const result = await new Promise<{ ok: boolean; scalar?: number[]; batches?: number; message?: string }>((resolve, reject) => {
    worker.once('message', resolve);
    worker.once('error', reject);
  });
  await worker.terminate();
  assert.ok(result.ok, result.message);
  assert.equal(result.batches, 3);
  const expected = rows.map((x) => S.sigmoid(S.dot(f.coefficients, x) + f.intercept));
  result.scalar!.forEach((v, i) => assert.ok(Math.abs(v - expected[i]) < 1e-6, `${v} vs ${expected[i]}`));
});

test('batches give the same numbers as one call, with progress after each batch', async () => {
  const rows = rowsOf(23);
  const m = { rows: rows.length, columns: f.features.map((_, j) => Float64Array.from(rows.map((r) => r[j]))) };
  const p = await createPredictor({ modelPath: join(FIXTURES, f.file), task: 'binary-classification', features: f.features });
  const whole = await p.predict(m);
  const progress: number[] = [];
  const batched = await p.predict(m, { batchSize: 5, onProgress: (done, total) => progress.push(done, total) });
  assert.deepEqual(batched, whole);
  assert.deepEqual(progress, [5, 23, 10, 23, 15, 23, 20, 23, 23, 23]);
  await p.dispose();
});

test('a cancel signal set mid-run stops between batches with CancelledError', async () => {
  const rows = rowsOf(40);
  const m = { rows: rows.length, columns: f.features.map((_, j) => Float64Array.from(rows.map((r) => r[j]))) };
  const p = await createPredictor({ modelPath: join(FIXTURES, f.file), task: 'binary-classification', features: f.features });
  const signal = { cancelled: false };
  const seen: number[] = [];
  await assert.rejects(
    p.predict(m, {
      batchSize: 10,
      signal,
      onProgress: (done) => {
        seen.push(done);
        if (done >= 20) signal.cancelled = true;
      },
    }),
    CancelledError,
  );
  assert.deepEqual(seen, [10, 20]);
  // Already cancelled: nothing runs.
  await assert.rejects(p.predict(m, { signal, onProgress: () => assert.fail('ran a batch') }), CancelledError);
  await p.dispose();
});
