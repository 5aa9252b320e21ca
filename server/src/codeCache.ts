/**
 * Loading a CommonJS bundle through a V8 code cache kept beside it, so that neither a window's
 * extension host (the extension, dist/client.js -> dist/extension.js) nor a new language server
 * (dist/server.js -> dist/languageServer.js) parses and compiles the same JavaScript every time a
 * spec is opened.
 *
 * Node loads a module with plain `require`, which compiles from source every time.
 * Here the bundle is compiled with `vm.Script` and the bytes of a cache written after an earlier
 * activation (which holds the functions activation ran, not only the top level). The cache file
 * starts with two SHA-256 digests, of the source it was made from and of V8's data: V8's own check
 * looks at the source's length, not its content (a rebuilt bundle of the same length must not meet
 * an old cache), and release builds of V8 do not checksum the data (a damaged file must not reach
 * it). V8 itself refuses a cache from another V8 version or other flags (`rejected`). In every case
 * but `used` the bundle is simply compiled from source: any failure to read or write the cache
 * costs time, never correctness.
 *
 * No `vscode` or LSP import: this runs before the extension or the server does, and is tested in plain Node.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { Script } from 'node:vm';
import { writeFileAtomic } from './engine/util/atomicWrite';

/**
 * What happened to the cache on this load: `used` (accepted by V8), `absent` (no cache file yet),
 * `stale` (made from another build of the bundle, or not a cache of ours), `damaged` (its data does
 * not match its digest), `rejected` (V8 refused it: another V8 version or other flags).
 */
export type CodeCacheState = 'used' | 'absent' | 'stale' | 'damaged' | 'rejected';

export interface LoadedBundle<T> {
  exports: T;
  state: CodeCacheState;
  /** Where the cache lives (`<bundle>.v8cache`). */
  cacheFile: string;
  /**
   * Writes the cache from what V8 has compiled so far (call it after the bundle has done its work,
   * so the functions it ran are in it), through a temporary file and a rename; resolves to false,
   * without throwing, when the folder is not writable.
   */
  save(): Promise<boolean>;
}

const MAGIC = Buffer.from('PLUMBV8C');
const SOURCE_DIGEST = MAGIC.length;
const DATA_DIGEST = SOURCE_DIGEST + 32;
const HEADER = DATA_DIGEST + 32;
const sha256 = (data: string | Buffer): Buffer => createHash('sha256').update(data).digest();

/** Runs `file` as a CommonJS module whose `require` is `parentRequire`, through its code cache. */
export function loadWithCodeCache<T>(file: string, parentRequire: NodeJS.Require): LoadedBundle<T> {
  const source = readFileSync(file, 'utf8');
  const hash = sha256(source);
  const cacheFile = `${file}.v8cache`;
  let cached: Buffer | undefined;
  let state: CodeCacheState = 'absent';
  let bytes: Buffer | undefined;
  try {
    bytes = readFileSync(cacheFile);
  } catch {
    // No cache yet (or unreadable): compile from source.
  }
  if (bytes) {
    const ours = bytes.length > HEADER && bytes.subarray(0, MAGIC.length).equals(MAGIC) && bytes.subarray(SOURCE_DIGEST, DATA_DIGEST).equals(hash);
    const data = bytes.subarray(HEADER);
    if (!ours) state = 'stale';
    else if (!sha256(data).equals(bytes.subarray(DATA_DIGEST, HEADER))) state = 'damaged';
    else cached = data;
  }
  // The wrapper CommonJS puts around a module's source, so the bundle sees its usual arguments.
  const script = new Script(`(function (exports, require, module, __filename, __dirname) {${source}\n})`, {
    filename: file,
    cachedData: cached,
  });
  if (cached) state = script.cachedDataRejected ? 'rejected' : 'used';
  const module = { exports: {} as T };
  (script.runInThisContext() as (e: unknown, r: NodeJS.Require, m: unknown, f: string, d: string) => void)(module.exports, parentRequire, module, file, dirname(file));
  return {
    exports: module.exports,
    state,
    cacheFile,
    async save(): Promise<boolean> {
      const data = script.createCachedData();
      return writeFileAtomic(cacheFile, Buffer.concat([MAGIC, hash, sha256(data), data])).then(
        () => true,
        () => false,
      );
    },
  };
}
