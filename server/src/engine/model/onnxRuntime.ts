/**
 * Loads onnxruntime-node on first use, never at module load, so the language server starts fast
 * and validates specs on machines where the native module is missing. The promise is the only
 * module-level state (safe inside worker_threads: each thread has its own copy).
 */
import type * as Ort from 'onnxruntime-node';
import { PlumbError } from '../errors';

export type OrtModule = typeof Ort;

let loading: Promise<OrtModule> | undefined;

export function loadOnnxRuntime(): Promise<OrtModule> {
  loading ??= import('onnxruntime-node').then(
    (m) => ((m as { InferenceSession?: unknown }).InferenceSession ? m : (m as unknown as { default: OrtModule }).default),
    (e: unknown) => {
      loading = undefined;
      throw new PlumbError('onnx.runtime-missing', `onnxruntime-node could not be loaded (${e instanceof Error ? e.message : String(e)}); reinstall the extension or run \`npm install\` where Plumb is installed.`);
    },
  );
  return loading;
}
