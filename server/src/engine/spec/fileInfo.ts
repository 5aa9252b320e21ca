/**
 * What the validator needs to know about the files a spec names, behind one interface so the
 * language server and the CLI share a cache keyed by path and mtime: existence, a data file's
 * header, a preview of its columns (types and summaries from its first rows only, for hovers), and
 * a model's signature (read without its weights). Reading never throws: failures come back as
 * `{ error }`.
 */
import { stat } from 'node:fs/promises';
import { readHeader, previewFile, type TablePreview } from '../data';
import { readModelSignature, type ModelSignature } from '../model';
import { scanFile, type ScanReport } from '../scan';

export interface HeaderInfo {
  columns: string[];
}

export type Result<T> = { ok: true; value: T } | { ok: false; error: string };

export interface FileInfo {
  exists(path: string): Promise<boolean>;
  header(path: string): Promise<Result<HeaderInfo>>;
  /** Column previews from the first rows; an error when previews are off (`previewRows` is 0). */
  preview(path: string): Promise<Result<TablePreview>>;
  signature(path: string): Promise<Result<ModelSignature>>;
  /** The artifact scanner's report on a model file (never loads it). */
  scan(path: string): Promise<Result<ScanReport>>;
}

interface Entry<T> {
  mtimeMs: number;
  size: number;
  value: Promise<Result<T>>;
}

/** The error's own message: engine errors already name the file and what to do. */
const errorText = (e: unknown) => (e instanceof Error ? e.message : String(e));

/** FileInfo with a per-file cache invalidated when the file's mtime or size changes. */
export class CachedFileInfo implements FileInfo {
  private headers = new Map<string, Entry<HeaderInfo>>();
  private previews = new Map<string, Entry<TablePreview>>();
  private signatures = new Map<string, Entry<ModelSignature>>();
  private scans = new Map<string, Entry<ScanReport>>();

  /** `previewRows`: most rows read for a preview (the `plumb.hover.maxRows` setting); 0 turns previews off. */
  constructor(private previewRows = 1000) {}

  /** A new row limit forgets the previews read with the old one. */
  setPreviewRows(rows: number): void {
    const n = Number.isFinite(rows) ? Math.max(0, Math.floor(rows)) : 1000;
    if (n === this.previewRows) return;
    this.previewRows = n;
    this.previews.clear();
  }

  async exists(path: string): Promise<boolean> {
    try {
      return (await stat(path)).isFile();
    } catch {
      return false;
    }
  }

  header(path: string): Promise<Result<HeaderInfo>> {
    return this.cached(this.headers, path, async () => ({ columns: (await readHeader(path)).columns }));
  }

  preview(path: string): Promise<Result<TablePreview>> {
    if (this.previewRows === 0) return Promise.resolve({ ok: false, error: 'column previews are off (plumb.hover.maxRows is 0)' });
    const rows = this.previewRows;
    return this.cached(this.previews, path, () => previewFile(path, rows));
  }

  signature(path: string): Promise<Result<ModelSignature>> {
    return this.cached(this.signatures, path, () => readModelSignature(path));
  }

  scan(path: string): Promise<Result<ScanReport>> {
    return this.cached(this.scans, path, () => scanFile(path));
  }

  /** Forget a file (the server calls this when the file changes on disk). */
  invalidate(path: string): void {
    this.headers.delete(path);
    this.previews.delete(path);
    this.signatures.delete(path);
    this.scans.delete(path);
  }

  private async cached<T>(map: Map<string, Entry<T>>, path: string, load: () => Promise<T>): Promise<Result<T>> {
    let st;
    try {
      st = await stat(path);
    } catch {
      return { ok: false, error: `${path} does not exist` };
    }
    const hit = map.get(path);
    if (hit && hit.mtimeMs === st.mtimeMs && hit.size === st.size) return hit.value;
    const value = load().then(
      (v): Result<T> => ({ ok: true, value: v }),
      (e): Result<T> => ({ ok: false, error: errorText(e) }),
    );
    map.set(path, { mtimeMs: st.mtimeMs, size: st.size, value });
    return value;
  }
}
