/**
 * The check worker: runs one job off the language server's main thread, so the server keeps
 * answering completion and hover while a model runs. Cancellation arrives through a shared flag.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { CancelledError, PlumbError, type CancelSignal } from '../errors';
import { parseSpecText } from '../spec/document';
import { buildSpec } from '../spec/spec';
import { runChecks } from './runChecks';
import { explainRowOfSpec } from './explainSection';
import { runCompare } from '../compare/runCompare';
import type { WorkerJob, WorkerReply, WorkerRequest } from './workerProtocol';

async function main(): Promise<void> {
  const { job, cancel } = workerData as WorkerRequest;
  const flag = new Int32Array(cancel);
  const signal: CancelSignal = {
    get cancelled() {
      return Atomics.load(flag, 0) !== 0;
    },
  };
  const post = (m: WorkerReply) => parentPort!.postMessage(m);
  try {
    const spec = buildSpec(parseSpecText(job.text).value, job.file);
    const onProgress = (message: string, fraction?: number) => post({ type: 'progress', message, fraction });
    const result = await runJob(job, spec, { signal, onProgress });
    post({ type: 'result', result });
  } catch (e) {
    if (e instanceof CancelledError) post({ type: 'error', code: 'cancelled', message: 'cancelled', cancelled: true });
    else if (e instanceof PlumbError) post({ type: 'error', code: e.code, message: e.describe() });
    else post({ type: 'error', code: 'internal', message: `Plumb failed unexpectedly: ${(e as Error)?.stack ?? String(e)}` });
  }
}

function runJob(job: WorkerJob, spec: ReturnType<typeof buildSpec>, o: { signal: CancelSignal; onProgress: (message: string, fraction?: number) => void }): Promise<unknown> {
  switch (job.type) {
    case 'run':
      return runChecks(spec, { only: job.only, ...o });
    case 'explainRow':
      return explainRowOfSpec(spec, job.row, o);
    case 'compare':
      return runCompare(spec, job.challenger, o);
    default:
      return assertNeverJob(job);
  }
}

function assertNeverJob(j: never): never {
  throw new Error(`unknown worker job ${JSON.stringify(j)}`);
}

void main();
