/** Test helpers: a FileInfo over in-memory files, and a way to find ranges by text. */
import type { ModelSignature } from '../model';
import type { FileInfo, HeaderInfo, Result } from './fileInfo';
import type { TablePreview } from '../data';
import type { ScanReport } from '../scan';

export interface FakeFiles {
  /** Data files: absolute path -> header columns (and an optional column preview). */
  data?: Record<string, { columns: string[]; preview?: TablePreview }>;
  /** Models: absolute path -> signature. */
  models?: Record<string, Partial<ModelSignature>>;
  /** Scan reports by path (default: clean). */
  scans?: Record<string, ScanReport>;
  /** Other files that exist. */
  other?: string[];
}

export function fakeFileInfo(f: FakeFiles): FileInfo {
  const has = (p: string) => !!f.data?.[p] || !!f.models?.[p] || !!f.other?.includes(p);
  return {
    exists: async (p) => has(p),
    header: async (p): Promise<Result<HeaderInfo>> => (f.data?.[p] ? { ok: true, value: { columns: f.data[p].columns } } : { ok: false, error: `${p} is not a data file` }),
    preview: async (p): Promise<Result<TablePreview>> => (f.data?.[p]?.preview ? { ok: true, value: f.data[p].preview! } : { ok: false, error: 'no preview' }),
    signature: async (p): Promise<Result<ModelSignature>> =>
      f.models?.[p]
        ? { ok: true, value: { inputs: [], outputs: [], classLabels: null, ...f.models[p] } as unknown as ModelSignature }
        : { ok: false, error: `${p} is not an ONNX model` },
    scan: async (p): Promise<Result<ScanReport>> => ({ ok: true, value: f.scans?.[p] ?? { file: p, format: 'onnx', findings: [] } }),
  };
}

/** The offset and length of the n-th occurrence of `needle` in `text`. */
export function spanOfText(text: string, needle: string, occurrence = 0): { offset: number; length: number } {
  let at = -1;
  for (let i = 0; i <= occurrence; i++) {
    at = text.indexOf(needle, at + 1);
    if (at < 0) throw new Error(`"${needle}" occurs fewer than ${occurrence + 1} times`);
  }
  return { offset: at, length: needle.length };
}
