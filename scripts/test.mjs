#!/usr/bin/env node
// `npm test`: set up what the suites need, build the bundles, then run every test file with Node's
// own test runner, so CI reads real pass/fail counts. Usage: npm test [-- FILTER...] where a FILTER
// keeps the test files whose path contains it.
import { spawnSync } from 'node:child_process';
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { ensureTestDependencies } from './setup.mjs';

const filters = process.argv.slice(2);
const ci = process.env.CI === 'true' || process.env.CI === '1';

const missing = ensureTestDependencies({ ci });
if (missing.length) {
  const lines = missing.map((m) => `  - ${m.what}: ${m.fix}`).join('\n');
  if (ci) {
    console.error(`npm test: these are needed and could not be set up (CI=true, so this fails the run):\n${lines}`);
    process.exit(1);
  }
  console.error(`npm test: some suites will report themselves as not run, because these are missing:\n${lines}`);
}

const build = spawnSync(process.execPath, ['esbuild.mjs'], { stdio: 'inherit' });
if (build.status !== 0) process.exit(build.status ?? 1);
// esbuild strips types without checking them; tsc checks every file (sources, tests, benchmarks).
const typecheck = spawnSync(process.execPath, ['node_modules/typescript/bin/tsc', '-p', '.', '--noEmit'], { stdio: 'inherit' });
if (typecheck.status !== 0) {
  console.error('npm test: the type check failed (npm run typecheck); fix the errors above.');
  process.exit(typecheck.status ?? 1);
}

function findTests(dir, out = []) {
  for (const name of readdirSync(dir)) {
    if (name === 'node_modules' || name.startsWith('.')) continue;
    const p = join(dir, name);
    if (statSync(p).isDirectory()) findTests(p, out);
    else if (/\.test\.(ts|mjs)$/.test(name)) out.push(p);
  }
  return out;
}

let files = ['server/src', 'client/src', 'media/src', 'test'].flatMap((d) => {
  try {
    return findTests(d);
  } catch {
    return [];
  }
});
if (filters.length) files = files.filter((f) => filters.some((x) => f.includes(x)));
files.sort();

const run = spawnSync(
  process.execPath,
  ['--import', 'tsx', '--test', '--test-reporter=spec', '--test-timeout=300000', ...files],
  { stdio: 'inherit', env: { ...process.env, PLUMB_TEST: '1' } },
);
process.exit(run.status ?? 1);
