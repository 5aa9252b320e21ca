/** Runs a worker job in a fresh worker thread and resolves with its result; cancel() stops it. */
import { Worker } from 'node:worker_threads';
import type { WorkerJob, WorkerReply } from './workerProtocol';

export class WorkerJobError extends Error {
  constructor(readonly code: string, message: string, readonly cancelled = false) {
    super(message);
  }
}

export interface RunningJob {
  result: Promise<unknown>;
  cancel(): void;
}

export function runInWorker(workerFile: string, job: WorkerJob, onProgress?: (message: string, fraction?: number) => void, execArgv?: string[]): RunningJob {
  const cancel = new SharedArrayBuffer(4);
  const flag = new Int32Array(cancel);
  const worker = new Worker(workerFile, { workerData: { job, cancel }, execArgv });
  let hardStop: NodeJS.Timeout | undefined;
  const result = new Promise<unknown>((resolve, reject) => {
    let settled = false;
    worker.on('message', (m: WorkerReply) => {
      if (m.type === 'progress') onProgress?.(m.message, m.fraction);
      else if (m.type === 'result') {
        settled = true;
        resolve(m.result);
      } else {
        settled = true;
        reject(new WorkerJobError(m.code, m.message, m.cancelled));
      }
    });
    worker.on('error', (e) => {
      settled = true;
      reject(new WorkerJobError('internal', `the check worker failed: ${e.message}`));
    });
    worker.on('exit', (code) => {
      if (hardStop) clearTimeout(hardStop);
      if (!settled) reject(Atomics.load(flag, 0) ? new WorkerJobError('cancelled', 'cancelled', true) : new WorkerJobError('internal', `the check worker stopped (exit code ${code})`));
    });
  });
  return {
    result,
    cancel() {
      Atomics.store(flag, 0, 1);
      // Work between cancellation checks (one onnxruntime batch) is short; stop the thread if it is not.
      hardStop ??= setTimeout(() => void worker.terminate(), 2000);
    },
  };
}
