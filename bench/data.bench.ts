/**
 * Data loading benchmark: a 1,000,000-row CSV with 20 numeric columns (full-precision doubles, as
 * pandas' to_csv writes them), a 0/1 label and a small-cardinality string group column, about
 * 400 MB. Plumb's loadTable against pandas.read_csv (C parser, defaults) on the same file.
 *
 * Run: node --import tsx bench/data.bench.ts
 * The file is generated here with a seeded generator under bench/.data/ and reused when present.
 * Each side runs in a fresh child process under /usr/bin/time -v (for peak RSS), several times;
 * the child times only the load itself, and the wall time of the whole child is reported as well.
 */
import { spawnSync } from 'node:child_process';
import { statSync } from 'node:fs';
import { join } from 'node:path';
import { loadTable } from '../server/src/engine/data';
import { bigCsv, DATA_DIR as DIR, NUMERIC } from './lib/bigCsv';

const ROWS = 1_000_000;
const RUNS = 3;

/** Child mode: load once, print the load time as JSON. */
async function child(file: string, threads: 1 | 2): Promise<void> {
  const t = performance.now();
  const table = await loadTable(file, { threads });
  const ms = performance.now() - t;
  const missing = table.columns.reduce((s, c) => s + c.missing, 0);
  console.log(JSON.stringify({ ms, rows: table.rowCount, columns: table.columns.length, types: [...new Set(table.columns.map((c) => c.type))], missing }));
}

/** The child as the CLI ships it: one esbuild bundle run by plain node (no TypeScript loader). */
async function bundleChild(): Promise<string> {
  const out = join(DIR, 'dataBenchChild.js');
  const { build } = await import('esbuild');
  await build({ entryPoints: [__filename], bundle: true, platform: 'node', format: 'cjs', target: 'node20', outfile: out, logLevel: 'silent', external: ['esbuild'] });
  return out;
}

const PANDAS = String.raw`
import json, sys, time
t = time.perf_counter()
import pandas
t_import = time.perf_counter() - t
t = time.perf_counter()
df = pandas.read_csv(sys.argv[1])
ms = (time.perf_counter() - t) * 1000
print(json.dumps({'ms': ms, 'import_ms': t_import * 1000, 'rows': len(df), 'columns': df.shape[1], 'missing': int(df.isna().sum().sum()), 'pandas': pandas.__version__}))
`;

interface Run {
  ms: number;
  wallMs: number;
  rssMb: number;
  out: Record<string, unknown>;
}

function timed(cmd: string, args: string[]): Run {
  const t = performance.now();
  const r = spawnSync('/usr/bin/time', ['-v', cmd, ...args], { encoding: 'utf8', maxBuffer: 1 << 24 });
  const wallMs = performance.now() - t;
  if (r.status !== 0) throw new Error(`${cmd} failed: ${r.stderr}`);
  const rss = /Maximum resident set size \(kbytes\): (\d+)/.exec(r.stderr);
  const out = JSON.parse(r.stdout.trim().split('\n').pop() as string);
  return { ms: out.ms, wallMs, rssMb: rss ? Number(rss[1]) / 1024 : NaN, out };
}

function median(runs: Run[], key: 'ms' | 'wallMs' | 'rssMb'): number {
  const v = runs.map((r) => r[key]).sort((a, b) => a - b);
  return v[v.length >> 1];
}

async function main(): Promise<void> {
  const FILE = bigCsv(ROWS);
  const mb = statSync(FILE).size / 1048576;
  const script = await bundleChild();
  const ours = (threads: 1 | 2) => timed(process.execPath, [script, '--child', FILE, String(threads)]);
  const pandasRun = () => timed('/usr/bin/python3', ['-c', PANDAS, FILE]);
  const results: Record<string, Run[]> = { two: [], one: [], pandas: [] };
  // interleave the runs so a busy moment on the machine hits every side alike
  for (let r = 0; r < RUNS; r++) {
    results.two.push(ours(2));
    results.one.push(ours(1));
    results.pandas.push(pandasRun());
  }
  const p = results.pandas;
  const pMs = median(p, 'ms');
  const pWall = median(p, 'wallMs');
  const f = (x: number) => x.toFixed(0);
  const row = (name: string, runs: Run[]) =>
    `| ${name} | ${f(median(runs, 'ms'))} | ${(median(runs, 'ms') / pMs).toFixed(2)}x | ${f(median(runs, 'wallMs'))} | ${(median(runs, 'wallMs') / pWall).toFixed(2)}x | ${f(median(runs, 'rssMb'))} |`;
  const first = (runs: Run[]) => runs[0].out;
  const check = [first(results.two), first(results.one), first(p)].map((o) => `${o.rows} rows x ${o.columns} columns, ${o.missing} missing`);
  const importMs = p.map((r) => Number(r.out.import_ms)).sort((a, b) => a - b)[p.length >> 1];
  const lines = [
    `## Data loading: CSV, ${ROWS.toLocaleString('en')} rows x (${NUMERIC} numeric + label + group), ${mb.toFixed(0)} MB`,
    '',
    '| implementation | load (ms) | load / pandas | whole process (ms) | whole / pandas | peak RSS (MB) |',
    '| --- | ---: | ---: | ---: | ---: | ---: |',
    row('Plumb loadTable, 2 threads (default)', results.two),
    row('Plumb loadTable, 1 thread', results.one),
    row(`pandas ${String(first(p).pandas)} read_csv (C parser, defaults)`, p),
    '',
    `Same shape on every side: Plumb 2 threads ${check[0]}; 1 thread ${check[1]}; pandas ${check[2]}. Of pandas' whole process, ${f(importMs)} ms is \`import pandas\`.`,
    '',
    `Measured with each side run ${RUNS} times in a fresh child process under /usr/bin/time -v, interleaved, medians shown. "Load" is timed inside the child around loadTable / read_csv only; "whole process" is the child's wall time including Node or Python start-up and imports (Plumb's child is an esbuild bundle run by plain node, as the CLI ships); peak RSS is the child's maximum resident set size. The file is in the page cache (generated or read just before). The machine is shared, so absolute times vary from run to run more than the ratios do.`,
  ];
  console.log(lines.join('\n'));
}

if (process.argv[2] === '--child') {
  child(process.argv[3], Number(process.argv[4]) === 1 ? 1 : 2).catch((e) => {
    console.error(e);
    process.exit(1);
  });
} else {
  main().catch((e) => {
    console.error(e);
    process.exit(1);
  });
}
