/**
 * NumPy .npy files: the header is a Python dict literal after the magic `\x93NUMPY`. An array of
 * Python objects (dtype 'O') stores its data as a pickle after the header; np.load runs it when
 * called with allow_pickle=True, so that pickle is scanned like any other.
 */
import { scanPickleBytes } from './pickleScan';
import type { ResolvedScanOptions, ScanFinding } from './types';

export const NPY_MAGIC = [0x93, 0x4e, 0x55, 0x4d, 0x50, 0x59];

export function isNpy(head: Uint8Array): boolean {
  return head.length >= 6 && NPY_MAGIC.every((b, i) => head[i] === b);
}

export interface NpyHeader {
  version: number;
  descr: string;
  objectDtype: boolean;
  /** Offset of the array data (or of the pickle, for object arrays). */
  dataOffset: number;
}

export class NpyError extends Error {
  constructor(readonly reason: string) {
    super(reason);
    this.name = 'NpyError';
  }
}

/** Bytes needed to know where the header ends (magic, version, length field). */
export function npyPreambleLength(head: Uint8Array): number {
  return head[6] === 1 ? 10 : 12;
}

/** Parses the header; `head` must hold at least the preamble and the header itself. */
export function parseNpyHeader(head: Uint8Array): NpyHeader {
  if (!isNpy(head)) throw new NpyError('missing the \\x93NUMPY magic');
  if (head.length < 10) throw new NpyError('header is truncated');
  const version = head[6];
  if (version < 1 || version > 3) throw new NpyError(`unsupported format version ${version}.${head[7]}`);
  const pre = npyPreambleLength(head);
  if (head.length < pre) throw new NpyError('header is truncated');
  const len = version === 1 ? head[8] | (head[9] << 8) : (head[8] | (head[9] << 8) | (head[10] << 16)) + head[11] * 0x1000000;
  if (pre + len > head.length) throw new NpyError(`header claims ${len} bytes but the file is shorter`);
  const text = new TextDecoder(version === 3 ? 'utf-8' : 'latin1').decode(head.subarray(pre, pre + len));
  const descrMatch = /['"]descr['"]\s*:\s*(['"][^'"]*['"]|\[)/.exec(text);
  if (!/^\s*\{/.test(text) || !descrMatch) throw new NpyError("header is not a dict with a 'descr' key");
  const descr = descrMatch[1] === '[' ? 'structured' : descrMatch[1].slice(1, -1);
  const simpleObject = /^[|<>=]?O\d*$/.test(descr);
  const fieldObject = descrMatch[1] === '[' && /\(\s*['"][^'"]*['"]\s*,\s*['"][|<>=]?O\d*['"]/.test(text);
  return { version, descr, objectDtype: simpleObject || fieldObject, dataOffset: pre + len };
}

/** Findings for a whole .npy file (or npz member) held in `buf`. */
export function scanNpyBytes(buf: Uint8Array, opts: ResolvedScanOptions, entry?: string): ScanFinding[] {
  let h: NpyHeader;
  try {
    h = parseNpyHeader(buf);
  } catch (e) {
    if (!(e instanceof NpyError)) throw e;
    return [{ severity: 'error', code: 'scan.numpy.malformed', message: `${entry ? `${entry} is` : 'This is'} not a valid .npy file: ${e.reason}.`, detail: { offset: 0, ...(entry ? { entry } : {}) } }];
  }
  if (!h.objectDtype) return [];
  const findings: ScanFinding[] = [{
    severity: 'warning',
    code: 'scan.numpy.object-array',
    message: `${entry ? `${entry}: an` : 'An'} array of Python objects (dtype ${h.descr}): its data is a pickle, which np.load runs when called with allow_pickle=True. ` +
      'Store numeric arrays, or use safetensors.',
    detail: { offset: h.dataOffset, ...(entry ? { entry } : {}) },
  }];
  const label = entry ? `The pickle in ${entry}` : 'The pickle in this array';
  findings.push(...scanPickleBytes(buf.subarray(h.dataOffset), opts, { entry, baseOffset: h.dataOffset, label }));
  return findings;
}
