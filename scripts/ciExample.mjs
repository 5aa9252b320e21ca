#!/usr/bin/env node
// Runs the bundled example the way docs/ci.md's GitHub Actions workflow does: `plumb check` on every
// spec (and the pipeline), `plumb plan` on the pipeline, then `plumb run` with JUnit, SARIF, HTML and
// Markdown reports, and `plumb card`, all into test-results/ci/ (or --out DIR). Exits non-zero when
// any step fails or a report is missing or empty; prints one line per step. Builds dist/ first
// when it is missing. Used by .ci/run.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = resolve(fileURLToPath(import.meta.url), '../..');
const args = process.argv.slice(2);
const outArg = args.indexOf('--out');
const OUT = resolve(outArg >= 0 && args[outArg + 1] ? args[outArg + 1] : join(ROOT, 'test-results/ci'));
const EXAMPLE = 'examples/credit-risk';
const CLI = join(ROOT, 'dist/cli.js');
const rel = (p) => relative(ROOT, p) || '.';

if (!existsSync(CLI)) {
  const build = spawnSync(process.execPath, ['esbuild.mjs'], { cwd: ROOT, stdio: 'inherit' });
  if (build.status !== 0) process.exit(build.status ?? 1);
}
mkdirSync(OUT, { recursive: true });

const reports = {
  junit: join(OUT, 'plumb-junit.xml'),
  sarif: join(OUT, 'plumb.sarif'),
  html: join(OUT, 'plumb-report.html'),
  markdown: join(OUT, 'plumb-comment.md'),
  card: join(OUT, 'MODEL_CARD.md'),
};

const steps = [
  ['check', ['check', `${EXAMPLE}/credit-risk.plumb.yaml`, `${EXAMPLE}/strict.plumb.yaml`, `${EXAMPLE}/pipeline.plumb.yaml`]],
  ['plan', ['plan', `${EXAMPLE}/pipeline.plumb.yaml`]],
  ['run', ['run', `${EXAMPLE}/credit-risk.plumb.yaml`, '--quiet', '--junit', reports.junit, '--sarif', reports.sarif, '--html', reports.html, '--markdown', reports.markdown]],
  ['card', ['card', `${EXAMPLE}/credit-risk.plumb.yaml`, '--quiet', '--out', reports.card]],
];

let failed = 0;
for (const [name, argv] of steps) {
  const started = Date.now();
  const r = spawnSync(process.execPath, [CLI, ...argv], { cwd: ROOT, encoding: 'utf8', maxBuffer: 64 << 20 });
  const ok = r.status === 0;
  if (!ok) failed++;
  console.log(`${ok ? 'ok  ' : 'FAIL'} plumb ${argv.map((a) => (a.startsWith('/') ? rel(a) : a)).join(' ')} (exit ${r.status}, ${((Date.now() - started) / 1000).toFixed(1)} s)`);
  if (!ok) process.stdout.write(`${r.stdout}${r.stderr}`.replace(/^/gm, '     '));
}

for (const [kind, file] of Object.entries(reports)) {
  const size = existsSync(file) ? statSync(file).size : 0;
  if (!size) {
    failed++;
    console.log(`FAIL ${kind} report ${rel(file)} is missing or empty`);
  }
}
if (existsSync(reports.junit)) {
  const xml = readFileSync(reports.junit, 'utf8');
  const cases = (xml.match(/<testcase /g) ?? []).length;
  const failures = (xml.match(/<failure /g) ?? []).length;
  console.log(`     JUnit: ${cases} gate(s), ${failures} failed`);
  if (!cases) {
    failed++;
    console.log('FAIL the JUnit report has no test cases');
  }
}
console.log(failed ? `ciExample: ${failed} problem(s); reports in ${rel(OUT)}` : `ciExample: all steps passed; reports in ${rel(OUT)}`);
process.exit(failed ? 1 : 0);
