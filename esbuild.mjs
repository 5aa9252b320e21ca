// One build for every bundle: the extension (client), the language server, the CLI, the check worker
// and the webviews. Type-checking is separate (`npm run typecheck`), as in the esbuild sample.
import * as esbuild from 'esbuild';
import { existsSync, readdirSync } from 'node:fs';

const watch = process.argv.includes('--watch');
const production = process.argv.includes('--production');
const common = { bundle: true, sourcemap: !production, minify: production, logLevel: 'warning' };
const node = { ...common, platform: 'node', format: 'cjs', target: 'node20', external: ['vscode', 'onnxruntime-node'] };

const webviewEntries = existsSync('media/src')
  ? readdirSync('media/src').filter((f) => /^[a-z][A-Za-z]*Panel\.ts$/.test(f)).map((f) => `media/src/${f}`)
  : [];

const contexts = [
  { ...node, entryPoints: { client: 'client/src/extension.ts' }, outdir: 'dist' },
  { ...node, entryPoints: { server: 'server/src/server.ts', cli: 'server/src/cli.ts', worker: 'server/src/engine/run/worker.ts' }, outdir: 'dist' },
];
if (webviewEntries.length) {
  contexts.push({ ...common, platform: 'browser', format: 'iife', target: 'es2022', entryPoints: webviewEntries, outdir: 'dist/webview' });
}

const built = await Promise.all(contexts.map((c) => esbuild.context(c)));
if (watch) {
  await Promise.all(built.map((c) => c.watch()));
} else {
  await Promise.all(built.map((c) => c.rebuild()));
  await Promise.all(built.map((c) => c.dispose()));
}
