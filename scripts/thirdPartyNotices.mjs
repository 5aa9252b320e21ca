// The licences of every npm package bundled into dist/ (esbuild's metafile says which), written to
// dist/THIRD_PARTY_NOTICES.txt so the VSIX and an installed CLI carry them. onnxruntime-node and
// onnxruntime-common are not bundled: they ship with their own LICENSE files in node_modules.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/** node_modules package folders ("node_modules/yaml", ".../node_modules/@observablehq/plot") with code in some output. */
export function bundledPackages(metafiles) {
  const dirs = new Set();
  for (const meta of metafiles) {
    for (const output of Object.values(meta.outputs)) {
      for (const [input, { bytesInOutput }] of Object.entries(output.inputs)) {
        const m = /^(.*node_modules\/(?:@[^/]+\/)?[^/]+)\//.exec(input);
        if (m && bytesInOutput > 0) dirs.add(m[1]);
      }
    }
  }
  return [...dirs];
}

function licenceText(dir) {
  const file = readdirSync(dir).find((f) => /^(licen[sc]e|copying)(\.(md|txt))?$/i.test(f));
  return file ? readFileSync(join(dir, file), 'utf8').trim() : undefined;
}

export function noticesText(root, dirs) {
  const seen = new Map();
  for (const dir of dirs) {
    const pkgFile = join(root, dir, 'package.json');
    if (!existsSync(pkgFile)) continue;
    const pkg = JSON.parse(readFileSync(pkgFile, 'utf8'));
    const key = `${pkg.name}@${pkg.version}`;
    if (seen.has(key)) continue;
    const text = licenceText(join(root, dir));
    const licence = typeof pkg.license === 'string' ? pkg.license : pkg.license?.type ?? 'unknown';
    seen.set(key, `${key} (${licence})${pkg.homepage ? `\n${pkg.homepage}` : ''}\n\n${text ?? `No licence file in the package; its package.json says: ${licence}.`}`);
  }
  const entries = [...seen.entries()].sort(([a], [b]) => a.localeCompare(b)).map(([, v]) => v);
  return `Plumb bundles the following npm packages into its dist/ files. Their licences follow.\n\n${entries.join(`\n\n${'-'.repeat(72)}\n\n`)}\n`;
}
