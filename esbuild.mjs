// One build for every bundle: the extension (client), the language server, the CLI, the check worker
// and the webviews. Type-checking is separate (`npm run typecheck`), as in the esbuild sample.
import * as esbuild from 'esbuild';
import { existsSync, readdirSync, writeFileSync } from 'node:fs';
import { bundledPackages, noticesText } from './scripts/thirdPartyNotices.mjs';
import { leanLanguageClient } from './scripts/leanLanguageClient.mjs';

const watch = process.argv.includes('--watch');
const production = process.argv.includes('--production');
const common = { bundle: true, sourcemap: !production, minify: production, logLevel: 'warning', metafile: true };
const node = { ...common, platform: 'node', format: 'cjs', target: 'node20', external: ['vscode', 'onnxruntime-node'] };

const webviewEntries = existsSync('media/src')
  ? readdirSync('media/src').filter((f) => /^[a-z][A-Za-z]*Panel\.ts$/.test(f)).map((f) => `media/src/${f}`)
  : [];

const contexts = [
  // dist/client.js (package.json's main) loads dist/extension.js through a V8 code cache.
  { ...node, entryPoints: { client: 'client/src/main.ts', extension: 'client/src/extension.ts' }, outdir: 'dist', plugins: [leanLanguageClient()] },
  // dist/server.js (what clients start) runs dist/languageServer.js through a V8 code cache.
  { ...node, entryPoints: { server: 'server/src/serverLoader.ts', languageServer: 'server/src/server.ts', cli: 'server/src/cli.ts', worker: 'server/src/engine/run/worker.ts' }, outdir: 'dist' },
];
if (webviewEntries.length) {
  contexts.push({ ...common, platform: 'browser', format: 'iife', target: 'es2022', entryPoints: webviewEntries, outdir: 'dist/webview' });
}

const built = await Promise.all(contexts.map((c) => esbuild.context(c)));
if (watch) {
  await Promise.all(built.map((c) => c.watch()));
} else {
  const results = await Promise.all(built.map((c) => c.rebuild()));
  await Promise.all(built.map((c) => c.dispose()));
  writeFileSync('dist/THIRD_PARTY_NOTICES.txt', noticesText('.', bundledPackages(results.map((r) => r.metafile))));
}
