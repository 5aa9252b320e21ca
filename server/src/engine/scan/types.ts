/**
 * Shapes of the artifact scanner's results and options. Reports are plain JSON so they pass from the
 * engine to the CLI's `--format json`, the language server and SARIF unchanged.
 */
import type { CancelSignal } from '../errors';

export type ScanSeverity = 'error' | 'warning' | 'information';

export type ScanFormat = 'pickle' | 'pytorch-zip' | 'numpy' | 'onnx' | 'unknown';

export interface ScanFindingDetail {
  /** Python module of a pickle global (as written in the file). */
  module?: string;
  /** Python name of a pickle global. */
  name?: string;
  /** The opcode that imports or uses it (GLOBAL, STACK_GLOBAL, INST, REDUCE...). */
  opcode?: string;
  /** Byte offset: in the file, or in `entry` when the finding is inside an archive entry. */
  offset?: number;
  /** Archive entry (zip member) the finding is in. */
  entry?: string;
  /** ONNX: the tensor, node or external file concerned. */
  tensor?: string;
  domain?: string;
  opType?: string;
  location?: string;
}

export interface ScanFinding {
  severity: ScanSeverity;
  /** Stable identifier, e.g. `scan.pickle.dangerous-global` (see codes.ts). */
  code: string;
  message: string;
  detail?: ScanFindingDetail;
}

export interface ScanReport {
  /** The path as given (or found while walking a folder). */
  file: string;
  format: ScanFormat;
  findings: ScanFinding[];
}

export interface ScanOptions {
  /** Cap on bytes inflated from archive entries, per file (zip bombs). Default 512 MiB. */
  maxDecompressedBytes?: number;
  /** Cap on zip central-directory entries read. Default 10,000. */
  maxZipEntries?: number;
  /** Files above this size get a warning (ONNX) and raw pickles are read only this far. Default 2 GiB. */
  maxFileBytes?: number;
  /** ONNX tensors whose dims x element size claim more than this get a warning. Default 1 GiB. */
  maxTensorBytes?: number;
  /**
   * Extra pickle globals to trust, as `module.name` or `module.*` (e.g. `sklearn.*`). The dangerous
   * list always wins: `os.*` here does not make `os.system` safe.
   */
  allowGlobals?: string[];
  /** ONNX operator domains to accept in addition to the standard ones. */
  knownDomains?: string[];
  signal?: CancelSignal;
}

export interface ResolvedScanOptions {
  maxDecompressedBytes: number;
  maxZipEntries: number;
  maxFileBytes: number;
  maxTensorBytes: number;
  allowGlobals: string[];
  knownDomains: string[];
  signal?: CancelSignal;
}

export const MIB = 1024 * 1024;
export const GIB = 1024 * MIB;

export function resolveOptions(o: ScanOptions = {}): ResolvedScanOptions {
  return {
    maxDecompressedBytes: o.maxDecompressedBytes ?? 512 * MIB,
    maxZipEntries: o.maxZipEntries ?? 10_000,
    maxFileBytes: o.maxFileBytes ?? 2 * GIB,
    maxTensorBytes: o.maxTensorBytes ?? GIB,
    allowGlobals: o.allowGlobals ?? [],
    knownDomains: o.knownDomains ?? [],
    signal: o.signal,
  };
}

/** Human-readable byte count: 1.5 GB, 512 MB, 20 KB, 12 bytes. */
export function formatBytes(n: number): string {
  if (n >= GIB) return `${(n / GIB).toFixed(n % GIB === 0 ? 0 : 1)} GiB`;
  if (n >= MIB) return `${(n / MIB).toFixed(n % MIB === 0 ? 0 : 1)} MiB`;
  if (n >= 1024) return `${(n / 1024).toFixed(n % 1024 === 0 ? 0 : 1)} KiB`;
  return `${n} bytes`;
}
