#!/usr/bin/env node
// `npm run bench`: runs every bench/*.bench.ts in turn (each measures Plumb and its peer in the
// same run and prints a Markdown section), then writes BENCHMARKS.md. `npm run bench -- drift`
// runs only the benchmarks whose name contains "drift" and keeps the other sections as they were.
import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync, writeFileSync, existsSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';

// The peers need Debian's Python stack and GNU time (for peak memory); install them when root.
const NEEDED = [['/usr/bin/time', 'time'], ['/usr/lib/python3/dist-packages/sklearn', 'python3-sklearn'], ['/usr/lib/python3/dist-packages/scipy', 'python3-scipy'], ['/usr/lib/python3/dist-packages/pandas', 'python3-pandas']];
const absent = NEEDED.filter(([p]) => !existsSync(p)).map(([, pkg]) => pkg);
if (absent.length && process.getuid?.() === 0) {
  spawnSync('apt-get', ['update', '-qq'], { stdio: 'inherit' });
  spawnSync('apt-get', ['install', '-y', '-qq', ...absent], { stdio: 'inherit', env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } });
}
const still = NEEDED.filter(([p]) => !existsSync(p)).map(([, pkg]) => pkg);
if (still.length) {
  console.error(`bench: the peers need Debian packages: sudo apt-get install ${still.join(' ')}`);
  process.exit(1);
}

const filters = process.argv.slice(2);
const all = readdirSync('bench').filter((f) => f.endsWith('.bench.ts')).sort();
const chosen = filters.length ? all.filter((f) => filters.some((x) => f.includes(x))) : all;
const sectionsFile = 'bench/.data/sections.json';
const sections = existsSync(sectionsFile) ? JSON.parse(readFileSync(sectionsFile, 'utf8')) : {};

for (const f of chosen) {
  console.error(`bench: ${f}`);
  const r = spawnSync(process.execPath, ['--import', 'tsx', '--expose-gc', `bench/${f}`], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'], maxBuffer: 64 << 20 });
  if (r.status !== 0) {
    console.error(`bench: ${f} failed (exit ${r.status})`);
    sections[f] = `## ${f}\n\nThis benchmark failed in the last run (exit ${r.status}).\n`;
  } else {
    sections[f] = r.stdout.trim() + '\n';
  }
  process.stdout.write(sections[f] + '\n');
}
writeFileSync(sectionsFile, JSON.stringify(sections, null, 1));
const header = `# Benchmarks

Measured by \`npm run bench\` on ${cpus().length} × ${cpus()[0]?.model ?? 'CPU'} with ${Math.round(totalmem() / 2 ** 30)} GiB, Node ${process.version}, on ${new Date().toISOString().slice(0, 10)}. Each benchmark measures Plumb and its peer in the same run, on the same data, so the ratios hold across machines better than the times do. Generated data lives in \`bench/.data/\` (not committed).
`;
writeFileSync('BENCHMARKS.md', [header, ...all.filter((f) => sections[f]).map((f) => sections[f])].join('\n'));
console.error('bench: wrote BENCHMARKS.md');
