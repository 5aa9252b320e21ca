// Bundles the in-editor suite (test/vscode/suite/index.ts and what it imports) into
// out/test/vscode/suite/index.js, a CommonJS module the extension host can require. `vscode` is
// provided by the extension host; mocha stays external and resolves from out/ to ./node_modules.
// Usage: node test/vscode/buildSuite.mjs (the runners call buildSuite() themselves).
import * as esbuild from 'esbuild';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
export const SUITE_JS = join(ROOT, 'out/test/vscode/suite/index.js');

export async function buildSuite() {
  await esbuild.build({
    entryPoints: [join(ROOT, 'test/vscode/suite/index.ts')],
    outfile: SUITE_JS,
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    sourcemap: 'inline',
    external: ['vscode', 'mocha'],
    logLevel: 'warning',
  });
  return SUITE_JS;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  buildSuite().then((path) => console.log(path), (e) => {
    console.error(e);
    process.exit(1);
  });
}
