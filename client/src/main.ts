/**
 * The extension's entry point (package.json `main`, dist/client.js): loads the extension itself
 * (dist/extension.js, everything else in client/src) through a V8 code cache, so that opening a spec
 * in a new window does not compile the language client from source again (see codeCache.ts).
 * After the first activation that did not use the cache, it writes one for the next window.
 */
import { join } from 'node:path';
import { loadWithCodeCache, type CodeCacheState } from '../../server/src/codeCache';

interface Extension {
  activate(context: unknown): Promise<object | undefined>;
  deactivate(): Promise<void>;
}

const extension = loadWithCodeCache<Extension>(join(__dirname, 'extension.js'), require);

/** How long after activation the cache is written: late enough to hold what activation compiled. */
const SAVE_AFTER_MS = 1000;

export async function activate(context: unknown): Promise<(object & { codeCache?: CodeCacheState }) | undefined> {
  const api = await extension.exports.activate(context);
  if (extension.state !== 'used') setTimeout(() => void extension.save(), SAVE_AFTER_MS).unref();
  // Tests and the activation benchmark read it from the extension's API.
  if (api) Object.assign(api, { codeCache: extension.state });
  return api;
}

export function deactivate(): Promise<void> {
  return extension.exports.deactivate();
}
