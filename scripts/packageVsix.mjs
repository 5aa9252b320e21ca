#!/usr/bin/env node
// `npm run package`: a production build packaged as a VSIX, made in a clean staging folder so that
// nothing lying around the working tree (old dist/ files, test results, benchmark data) gets in and
// the repository's own dist/ is not rewritten while tests use it:
//   1. copy the files git would commit (tracked, plus untracked ones .gitignore does not exclude) into
//      .cache/vsix-stage/, and link node_modules;
//   2. `node esbuild.mjs --production` there;
//   3. `vsce package` there. vsce's npm mode lists the production dependencies and .vscodeignore
//      keeps only onnxruntime-node's Linux x64 runtime of them (everything else is bundled into
//      dist/). `--no-dependencies` would leave node_modules out altogether, and with it the runtime
//      the server imports to run models.
// Usage: node scripts/packageVsix.mjs [--out FILE.vsix]   (default: plumb-<version>.vsix in the repo)
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, readFileSync, rmSync, statSync, symlinkSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
export const STAGE = join(ROOT, '.cache', 'vsix-stage');

function run(cmd, args, cwd) {
  const r = spawnSync(cmd, args, { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
  if (r.error || r.status !== 0) {
    throw new Error(`\`${cmd} ${args.join(' ')}\` failed in ${cwd} (${r.error?.message ?? `exit ${r.status}`}):\n${r.stdout}${r.stderr}`);
  }
  return r.stdout;
}

/** Builds and packages the extension; returns the VSIX path and vsce's output. */
export function packageVsix(out) {
  const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'));
  const vsix = resolve(out ?? join(ROOT, `${pkg.name}-${pkg.version}.vsix`));
  const files = run('git', ['ls-files', '--cached', '--others', '--exclude-standard', '-z'], ROOT).split('\0').filter(Boolean);

  rmSync(STAGE, { recursive: true, force: true });
  for (const f of files) {
    const src = join(ROOT, f);
    if (!existsSync(src) || !statSync(src).isFile()) continue; // deleted in the working tree, or a submodule
    mkdirSync(dirname(join(STAGE, f)), { recursive: true });
    copyFileSync(src, join(STAGE, f));
  }
  symlinkSync(join(ROOT, 'node_modules'), join(STAGE, 'node_modules'));

  run(process.execPath, ['esbuild.mjs', '--production'], STAGE);
  mkdirSync(dirname(vsix), { recursive: true });
  const vsce = join(ROOT, 'node_modules', '@vscode', 'vsce', 'vsce');
  const args = ['package', '--skip-license', '--allow-missing-repository', '--out', vsix];
  // Without a `repository` vsce cannot turn README's relative links into absolute ones, and refuses.
  if (!pkg.repository) args.push('--no-rewrite-relative-links');
  const log = run(process.execPath, [vsce, ...args], STAGE);
  return { vsix, log };
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const at = process.argv.indexOf('--out');
  try {
    const { vsix, log } = packageVsix(at > 0 ? process.argv[at + 1] : undefined);
    console.log(log.trim());
    console.log(`packaged ${vsix} (${(statSync(vsix).size / 1e6).toFixed(1)} MB)`);
  } catch (e) {
    console.error(`package: ${e.message}`);
    process.exit(1);
  }
}
