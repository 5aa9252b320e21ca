/**
 * Test helper for predictorWorker.test.ts: runs one prediction inside a worker_threads Worker,
 * as the lead's check worker will, and posts the result (plain JSON) or the error back.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { createPredictor } from './predictor';

interface Job {
  modelPath: string;
  features: string[];
  rows: number[][];
  batchSize: number;
}

async function run(job: Job): Promise<void> {
  const p = await createPredictor({ modelPath: job.modelPath, task: 'binary-classification', features: job.features });
  const columns = job.features.map((_, j) => Float64Array.from(job.rows.map((r) => r[j])));
  let batches = 0;
  const scalar = await p.predictScalar({ rows: job.rows.length, columns }, { batchSize: job.batchSize, onProgress: () => batches++ });
  await p.dispose();
  parentPort!.postMessage({ ok: true, scalar: Array.from(scalar), batches });
}

run(workerData as Job).catch((e: Error & { code?: string }) => parentPort!.postMessage({ ok: false, code: e.code, message: e.message }));
