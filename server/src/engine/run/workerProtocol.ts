/** Messages between the language server and its check worker (a worker_threads Worker). */
import type { Section } from './runChecks';

export type WorkerJob =
  | { type: 'run'; file: string; text: string; only?: Section[] }
  | { type: 'explainRow'; file: string; text: string; row: number }
  /** Champion (the spec's model) vs challenger (an absolute .onnx or model spec path). */
  | { type: 'compare'; file: string; text: string; challenger: string };

export type WorkerRequest = { job: WorkerJob; cancel: SharedArrayBuffer };

export type WorkerReply =
  | { type: 'progress'; message: string; fraction?: number }
  | { type: 'result'; result: unknown }
  | { type: 'error'; code: string; message: string; cancelled?: boolean };
