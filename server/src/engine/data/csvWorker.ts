/**
 * The second parsing thread. Its code is the kernel's functions as source text (so it needs no file
 * of its own next to the bundle and no TypeScript loader), run with `eval: true`.
 */
import { Worker } from 'node:worker_threads';
import { CancelledError, type CancelSignal } from '../errors';
import { KERNEL_FUNCTIONS, kernelWorkerMain, type KernelResult, type KernelWorkerData, type KernelWorkerMessage } from './csvKernel';

let source: string | undefined;
let started = 0;

/** How many parsing threads this process has started (for tests). */
export function kernelWorkersStarted(): number {
  return started;
}

/** The worker's program: the kernel functions, then a call of its entry point. */
export function kernelWorkerSource(): string {
  // `__name` is the helper some TypeScript loaders (tsx) wrap named functions in.
  source ??= [
    '"use strict";',
    'var __name = function (f) { return f; };',
    ...KERNEL_FUNCTIONS.map((f) => f.toString()),
    `(${kernelWorkerMain.toString()})(require("node:fs"), require("node:worker_threads"));`,
  ].join('\n');
  return source;
}

export interface KernelWorker {
  result: Promise<KernelResult>;
  terminate(): void;
}

export function startKernelWorker(data: KernelWorkerData, onBytes: (bytes: number) => void, signal?: CancelSignal): KernelWorker {
  const worker = new Worker(kernelWorkerSource(), { eval: true, workerData: data });
  started++;
  let settled = false;
  const result = new Promise<KernelResult>((resolve, reject) => {
    const finish = (f: () => void) => {
      if (settled) return;
      settled = true;
      f();
      void worker.terminate();
    };
    worker.on('message', (m: KernelWorkerMessage) => {
      if (m.kind === 'progress') {
        if (signal?.cancelled) finish(() => reject(new CancelledError()));
        else onBytes(m.bytes);
      } else if (m.kind === 'result') finish(() => resolve(m.result));
      else finish(() => reject(m.kernel ? Object.assign(new Error(m.message), { kernel: m.kernel }) : new Error(`CSV parsing thread failed: ${m.message}`)));
    });
    worker.on('error', (e) => finish(() => reject(e)));
    worker.on('exit', (code) => finish(() => reject(new Error(`CSV parsing thread stopped (exit code ${code})`))));
  });
  result.catch(() => undefined);
  return {
    result,
    terminate: () => {
      settled = true;
      void worker.terminate();
    },
  };
}
