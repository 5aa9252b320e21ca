/**
 * Zip archives: PyTorch checkpoints (torch.save since 1.6 writes `<name>/data.pkl` plus raw
 * storages) and NumPy .npz files (a zip of .npy members). Only the members that can run code are
 * read: every `.pkl` member, and `.npy` members whose header says they hold Python objects.
 * Everything inflated counts against one decompression budget per file.
 */
import type { ByteSource } from './byteSource';
import { NpyError, parseNpyHeader, scanNpyBytes } from './npyScan';
import { scanPickleBytes } from './pickleScan';
import { formatBytes, type ResolvedScanOptions, type ScanFinding, type ScanFormat } from './types';
import { readZipDirectory, readZipEntry, readZipEntryPrefix, ZipBombError, ZipError, type ZipEntry } from './zipReader';

const NPY_HEADER_PEEK = 4096;

export interface ZipScan {
  format: ScanFormat;
  findings: ScanFinding[];
}

export function scanZip(src: ByteSource, opts: ResolvedScanOptions, ext: string): ZipScan {
  const findings: ScanFinding[] = [];
  let entries: ZipEntry[];
  let declaredCount: number;
  try {
    ({ entries, declaredCount } = readZipDirectory(src, opts.maxZipEntries));
  } catch (e) {
    if (!(e instanceof ZipError)) throw e;
    return {
      format: ext === '.npz' ? 'numpy' : 'pytorch-zip',
      findings: [{ severity: 'error', code: 'scan.zip.malformed', message: `The zip archive could not be read: ${e.message}. Its contents were not checked; a loader may still read them.`, detail: { offset: e.offset } }],
    };
  }
  if (declaredCount > opts.maxZipEntries) {
    findings.push({
      severity: 'error',
      code: 'scan.zip.too-many-entries',
      message: `The archive declares ${declaredCount} entries, more than the limit of ${opts.maxZipEntries}; only the first ${entries.length} were checked. ` +
        'A model checkpoint has a handful of entries; this looks like an attempt to exhaust the loader.',
    });
  }
  const pickles = entries.filter((e) => e.name.endsWith('.pkl'));
  const npys = entries.filter((e) => e.name.endsWith('.npy'));
  const format: ScanFormat = ext === '.npz' || (npys.length > 0 && pickles.length === 0) ? 'numpy' : 'pytorch-zip';
  let budget = opts.maxDecompressedBytes;

  const read = (entry: ZipEntry): Uint8Array | undefined => {
    try {
      const data = readZipEntry(src, entry, budget);
      budget -= data.length;
      return data;
    } catch (e) {
      findings.push(entryFailure(e, entry, opts));
      if (e instanceof ZipBombError) budget = 0;
      return undefined;
    }
  };

  for (const entry of entries) {
    if (opts.signal?.cancelled) break;
    if (entry.name.endsWith('.pkl')) {
      const data = read(entry);
      if (data) findings.push(...scanPickleBytes(data, opts, { entry: entry.name }));
    } else if (entry.name.endsWith('.npy')) {
      let head: Uint8Array;
      try {
        head = readZipEntryPrefix(src, entry, NPY_HEADER_PEEK);
      } catch (e) {
        findings.push(entryFailure(e, entry, opts));
        continue;
      }
      let objectDtype = true;
      try {
        objectDtype = parseNpyHeader(head).objectDtype;
      } catch (e) {
        if (!(e instanceof NpyError)) throw e;
        // A header longer than the peek: read the whole member below and let scanNpyBytes decide.
      }
      if (!objectDtype) continue;
      const data = read(entry);
      if (data) findings.push(...scanNpyBytes(data, opts, entry.name));
    }
  }
  if (format === 'pytorch-zip' && pickles.length === 0 && entries.length > 0) {
    findings.push({
      severity: 'warning',
      code: 'scan.pytorch.no-pickle',
      message: `This zip has no .pkl entry, so it is not a PyTorch checkpoint Plumb can check (entries: ${entries.slice(0, 5).map((e) => e.name).join(', ')}${entries.length > 5 ? ', ...' : ''}).`,
    });
  }
  return { format, findings };
}

function entryFailure(e: unknown, entry: ZipEntry, opts: ResolvedScanOptions): ScanFinding {
  if (e instanceof ZipBombError) {
    return {
      severity: 'error',
      code: 'scan.zip.bomb',
      message: `Entry ${entry.name} inflates beyond the decompression limit of ${formatBytes(opts.maxDecompressedBytes)} ` +
        `(${formatBytes(entry.compressedSize)} compressed, ${formatBytes(e.declared)} declared): a zip bomb, or a checkpoint far larger than a model needs. It was not checked.`,
      detail: { entry: entry.name },
    };
  }
  if (e instanceof ZipError) {
    const unsupported = entry.encrypted || (entry.method !== 0 && entry.method !== 8);
    return {
      severity: unsupported ? 'warning' : 'error',
      code: unsupported ? 'scan.zip.unsupported-entry' : 'scan.zip.malformed',
      message: `Entry ${entry.name} could not be read (${e.reason}), so it was not checked.`,
      detail: { entry: entry.name, offset: e.offset },
    };
  }
  throw e;
}
