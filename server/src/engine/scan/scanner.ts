/**
 * The scanner's entry points. Formats are recognised by their magic bytes first (a zip, an .npy,
 * a pickle with a PROTO header), then by extension (protocol 0/1 pickles and ONNX have no magic).
 * Nothing here executes or deserialises a model: it reads bytes and reports.
 */
import { lstatSync, readdirSync, statSync } from 'node:fs';
import { dirname, extname, join } from 'node:path';
import { constants, gunzipSync, inflateSync } from 'node:zlib';
import { CancelledError, throwIfCancelled } from '../errors';
import { scanZip } from './archiveScan';
import { bufferSource, openFileSource, type ByteSource } from './byteSource';
import { isNpy, npyPreambleLength, scanNpyBytes } from './npyScan';
import { scanOnnxBytes } from './onnxScan';
import { scanPickleBytes } from './pickleScan';
import { formatBytes, resolveOptions, type ResolvedScanOptions, type ScanFinding, type ScanFormat, type ScanOptions, type ScanReport } from './types';
import { isZip } from './zipReader';

/** Extensions picked up when a folder is walked. */
export const SCANNABLE_EXTENSIONS = ['.pkl', '.pickle', '.joblib', '.pt', '.pth', '.bin', '.ckpt', '.npy', '.npz', '.onnx'];
/** Extensions whose files are pickles even without a PROTO header (protocols 0 and 1). */
const PICKLE_EXTENSIONS = ['.pkl', '.pickle', '.joblib', '.pt', '.pth', '.ckpt'];
/** Protobuf refuses messages of 2 GiB or more, so no single-file ONNX model is larger. */
const PROTOBUF_LIMIT = 2 ** 31 - 1;
const SKIPPED_FOLDERS = new Set(['node_modules', '.git']);

type Kind = 'zip' | 'npy' | 'pickle' | 'onnx' | 'gzip' | 'zlib' | 'bz2' | 'xz' | 'lz4' | 'unknown';

function detect(head: Uint8Array, ext: string): Kind {
  if (isZip(head)) return 'zip';
  if (isNpy(head)) return 'npy';
  if (head[0] === 0x80 && head.length > 1 && head[1] <= 5) return 'pickle';
  if (ext === '.onnx') return 'onnx';
  const pickleLike = PICKLE_EXTENSIONS.includes(ext) || ext === '.bin';
  if (pickleLike) {
    // joblib.dump(compress=...) writes the whole pickle through a compressor.
    if (head[0] === 0x1f && head[1] === 0x8b) return 'gzip';
    if (head[0] === 0x78 && ((head[0] << 8) | head[1]) % 31 === 0) return 'zlib';
    if (head[0] === 0x42 && head[1] === 0x5a && head[2] === 0x68) return 'bz2';
    if (head[0] === 0xfd && head[1] === 0x37 && head[2] === 0x7a && head[3] === 0x58) return 'xz';
    if (head[0] === 0x04 && head[1] === 0x22 && head[2] === 0x4d && head[3] === 0x18) return 'lz4';
  }
  if (PICKLE_EXTENSIONS.includes(ext)) return 'pickle';
  return 'unknown';
}

interface Scanned {
  format: ScanFormat;
  findings: ScanFinding[];
}

function readCapped(src: ByteSource, opts: ResolvedScanOptions, what: string): { bytes: Uint8Array; findings: ScanFinding[] } {
  if (src.size <= opts.maxFileBytes) return { bytes: src.read(0, src.size), findings: [] };
  return {
    bytes: src.read(0, opts.maxFileBytes),
    findings: [{
      severity: 'warning',
      code: 'scan.pickle.truncated-read',
      message: `This ${what} is ${formatBytes(src.size)}, over the scan limit of ${formatBytes(opts.maxFileBytes)}: only its first ${formatBytes(opts.maxFileBytes)} were checked.`,
    }],
  };
}

function scanCompressed(kind: 'gzip' | 'zlib', src: ByteSource, opts: ResolvedScanOptions): Scanned {
  const raw = src.read(0, Math.min(src.size, opts.maxDecompressedBytes));
  let bytes: Uint8Array;
  try {
    const inflate = kind === 'gzip' ? gunzipSync : inflateSync;
    bytes = inflate(raw, { maxOutputLength: Math.max(1, opts.maxDecompressedBytes), finishFlush: constants.Z_SYNC_FLUSH });
  } catch (e) {
    const bomb = (e as { code?: string }).code === 'ERR_BUFFER_TOO_LARGE' || e instanceof RangeError;
    return {
      format: 'pickle',
      findings: [bomb
        ? { severity: 'error', code: 'scan.zip.bomb', message: `This ${kind}-compressed pickle inflates beyond the decompression limit of ${formatBytes(opts.maxDecompressedBytes)}, so it was not checked.` }
        : { severity: 'warning', code: 'scan.pickle.parse-error', message: `This looks like a ${kind}-compressed pickle, but it does not inflate (${(e as Error).message}), so it was not checked.` }],
    };
  }
  return { format: 'pickle', findings: scanPickleBytes(bytes, opts, { label: `The ${kind}-compressed pickle` }) };
}

function scanNpyFile(src: ByteSource, opts: ResolvedScanOptions): Scanned {
  const pre = src.read(0, 12);
  const len = pre.length < 12 ? 0 : npyPreambleLength(pre) === 10 ? pre[8] | (pre[9] << 8) : (pre[8] | (pre[9] << 8) | (pre[10] << 16)) + pre[11] * 0x1000000;
  const head = src.read(0, Math.min(src.size, npyPreambleLength(pre) + len));
  const findings = scanNpyBytes(head, opts);
  if (!findings.some((f) => f.code === 'scan.numpy.object-array')) return { format: 'numpy', findings };
  const { bytes, findings: capped } = readCapped(src, opts, 'object array');
  return { format: 'numpy', findings: [...capped, ...scanNpyBytes(bytes, opts)] };
}

function scanOnnxSource(src: ByteSource, opts: ResolvedScanOptions, modelDir: string | undefined): Scanned {
  const findings: ScanFinding[] = [];
  if (src.size > opts.maxFileBytes) {
    findings.push({ severity: 'warning', code: 'scan.file.large', message: `This model is ${formatBytes(src.size)}, over the limit of ${formatBytes(opts.maxFileBytes)}.` });
  }
  if (src.size > PROTOBUF_LIMIT) {
    findings.push({
      severity: 'error',
      code: 'scan.onnx.parse-error',
      message: `This file is ${formatBytes(src.size)}; protobuf cannot hold 2 GiB or more, so it is not a valid single-file ONNX model. Save large weights as external data.`,
    });
    return { format: 'onnx', findings };
  }
  findings.push(...scanOnnxBytes(src.read(0, src.size), opts, { modelDir }));
  return { format: 'onnx', findings };
}

function scanSource(src: ByteSource, name: string, opts: ResolvedScanOptions, modelDir?: string): Scanned {
  const ext = extname(name).toLowerCase();
  const kind = detect(src.read(0, 16), ext);
  switch (kind) {
    case 'zip':
      return scanZip(src, opts, ext);
    case 'npy':
      return scanNpyFile(src, opts);
    case 'pickle': {
      const { bytes, findings } = readCapped(src, opts, 'pickle');
      return { format: 'pickle', findings: [...findings, ...scanPickleBytes(bytes, opts)] };
    }
    case 'onnx':
      return scanOnnxSource(src, opts, modelDir);
    case 'gzip':
    case 'zlib':
      return scanCompressed(kind, src, opts);
    case 'bz2':
    case 'xz':
    case 'lz4':
      return {
        format: 'pickle',
        findings: [{
          severity: 'warning',
          code: 'scan.pickle.compressed',
          message: `This file is ${kind}-compressed (joblib compress=...), which the scanner cannot read, so it was not checked. Decompress it first, or re-save it uncompressed.`,
        }],
      };
    case 'unknown':
      return {
        format: 'unknown',
        findings: [{
          severity: 'warning',
          code: 'scan.format.unknown',
          message: `Not a format the scanner knows (pickle, joblib, PyTorch, NumPy .npy/.npz or ONNX, recognised by content or extension), so it was not checked.`,
        }],
      };
  }
}

function internalError(e: unknown): ScanFinding {
  return { severity: 'error', code: 'scan.internal-error', message: `The scan failed: ${(e as Error)?.message ?? String(e)}. The file was not fully checked; please report this.` };
}

/** Scans bytes already in memory. `name` supplies the extension; external ONNX data is not looked up. */
export function scanBytes(bytes: Uint8Array, name: string, options?: ScanOptions): ScanReport {
  const opts = resolveOptions(options);
  try {
    const { format, findings } = scanSource(bufferSource(bytes), name, opts);
    return { file: name, format, findings };
  } catch (e) {
    if (e instanceof CancelledError) throw e;
    return { file: name, format: 'unknown', findings: [internalError(e)] };
  }
}

/** Scans one file. Never throws for bad input: problems become findings. */
export async function scanFile(path: string, options?: ScanOptions): Promise<ScanReport> {
  const opts = resolveOptions(options);
  throwIfCancelled(opts.signal);
  let src;
  try {
    const st = statSync(path);
    if (st.isDirectory()) throw new Error('it is a folder (use scanPaths to walk folders)');
    if (!st.isFile()) throw new Error('it is not a regular file');
    src = openFileSource(path);
  } catch (e) {
    return { file: path, format: 'unknown', findings: [{ severity: 'error', code: 'scan.file.unreadable', message: `Cannot read ${path}: ${(e as Error).message}.` }] };
  }
  try {
    const { format, findings } = scanSource(src, path, opts, dirname(path));
    return { file: path, format, findings };
  } catch (e) {
    if (e instanceof CancelledError) throw e;
    return { file: path, format: 'unknown', findings: [internalError(e)] };
  } finally {
    src.close();
  }
}

/**
 * `.bin` is also the usual name of ONNX external data and other raw weights: when walking a
 * folder, take it only if it is a PyTorch zip or a pickle.
 */
function binIsModel(path: string): boolean {
  try {
    const src = openFileSource(path);
    try {
      const head = src.read(0, 4);
      return isZip(head) || (head[0] === 0x80 && head[1] <= 5);
    } finally {
      src.close();
    }
  } catch {
    return true; // let scanFile report it
  }
}

function walk(dir: string, out: string[]): void {
  let names: string[];
  try {
    names = readdirSync(dir).sort();
  } catch {
    return;
  }
  for (const name of names) {
    if (SKIPPED_FOLDERS.has(name)) continue;
    const p = join(dir, name);
    let st;
    try {
      st = lstatSync(p);
      // Follow links to files, never to folders (a link to an ancestor would loop).
      if (st.isSymbolicLink()) st = statSync(p);
      else if (st.isDirectory()) {
        walk(p, out);
        continue;
      }
    } catch {
      continue;
    }
    const ext = extname(name).toLowerCase();
    if (st.isFile() && SCANNABLE_EXTENSIONS.includes(ext) && (ext !== '.bin' || binIsModel(p))) out.push(p);
  }
}

/**
 * Scans files and folders. Folders are walked recursively for SCANNABLE_EXTENSIONS, skipping
 * node_modules and .git; files named explicitly are scanned whatever their extension.
 */
export async function scanPaths(paths: string[], options?: ScanOptions): Promise<ScanReport[]> {
  const files: string[] = [];
  for (const p of paths) {
    let isDir = false;
    try {
      isDir = statSync(p).isDirectory();
    } catch {
      // scanFile reports the unreadable path.
    }
    if (isDir) walk(p, files);
    else files.push(p);
  }
  const reports: ScanReport[] = [];
  for (const f of [...new Set(files)]) {
    throwIfCancelled(options?.signal);
    reports.push(await scanFile(f, options));
  }
  return reports;
}
