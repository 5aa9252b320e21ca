/**
 * The language server's entry point (dist/server.js, what clients start with `--stdio` or
 * `--node-ipc`): runs the server itself (dist/languageServer.js, built from server.ts) through a V8
 * code cache beside it (see codeCache.ts), so a new server compiles its bundle from source only
 * once per build. The cache is written a few seconds after a start that did not use one, once
 * initialization and the first validations have compiled what they use.
 */
import { join } from 'node:path';
import { loadWithCodeCache } from './codeCache';

const SAVE_AFTER_MS = 3000;

const server = loadWithCodeCache(join(__dirname, 'languageServer.js'), require);
if (server.state !== 'used') setTimeout(() => void server.save(), SAVE_AFTER_MS).unref();
