/**
 * Data loading benchmark: CSVs of 1,000,000 and 4,000,000 rows with 20 numeric columns
 * (full-precision doubles, as pandas' to_csv writes them), a 0/1 label and a small-cardinality
 * string group column, about 400 MB and 1.6 GB. Plumb's loadTable against pandas.read_csv (C
 * parser, defaults) on the same files, and how each scales from 1M to 4M rows.
 *
 * Run: node --import tsx bench/data.bench.ts
 * The files are generated here with a seeded generator under bench/.data/ and reused when present.
 * Each side runs in a fresh child process under /usr/bin/time -v (for peak RSS): three times at 1M
 * rows, once at 4M; the child times only the load itself, and the wall time of the whole child is
 * reported as well.
 */
import { spawnSync } from 'node:child_process';
import { statSync } from 'node:fs';
import { join } from 'node:path';
import { loadTable } from '../server/src/engine/data';
import { bigCsv, DATA_DIR as DIR, NUMERIC } from './lib/bigCsv';

/** Rows of each file, and how many times each side loads it. */
const SIZES: Array<{ rows: number; runs: number }> = [
  { rows: 1_000_000, runs: 3 },
  { rows: 4_000_000, runs: 1 },
];

/** Child mode: load once, print the load time as JSON. */
async function child(file: string, threads: 1 | 2): Promise<void> {
  const t = performance.now();
  const table = await loadTable(file, { threads });
  const ms = performance.now() - t;
  const missing = table.columns.reduce((s, c) => s + c.missing, 0);
  const bytes = table.columns.reduce((s, c) => s + (c.type === 'categorical' ? c.codes.byteLength : c.values.byteLength), 0);
  console.log(JSON.stringify({ ms, rows: table.rowCount, columns: table.columns.length, types: [...new Set(table.columns.map((c) => c.type))], missing, bytes }));
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

interface Measured {
  rows: number;
  mb: number;
  runs: number;
  two: Run[];
  one: Run[];
  pandas: Run[];
}

async function measure(script: string, rows: number, runs: number): Promise<Measured> {
  const file = bigCsv(rows);
  const ours = (threads: 1 | 2) => timed(process.execPath, [script, '--child', file, String(threads)]);
  const pandasRun = () => timed('/usr/bin/python3', ['-c', PANDAS, file]);
  const m: Measured = { rows, mb: statSync(file).size / 1048576, runs, two: [], one: [], pandas: [] };
  // interleave the runs so a busy moment on the machine hits every side alike
  for (let r = 0; r < runs; r++) {
    m.two.push(ours(2));
    m.one.push(ours(1));
    m.pandas.push(pandasRun());
  }
  return m;
}

async function main(): Promise<void> {
  const script = await bundleChild();
  const all: Measured[] = [];
  for (const { rows, runs } of SIZES) all.push(await measure(script, rows, runs));
  const f = (x: number) => x.toFixed(0);
  const table: string[] = [];
  const checks: string[] = [];
  for (const m of all) {
    const p = m.pandas;
    const pMs = median(p, 'ms');
    const pWall = median(p, 'wallMs');
    const n = m.rows.toLocaleString('en');
    const row = (name: string, runs: Run[], own: boolean) => {
      const ratio = own ? `${(median(runs, 'rssMb') / (Number(runs[0].out.bytes) / 1048576)).toFixed(2)}x` : '';
      return `| ${n} | ${name} | ${f(median(runs, 'ms'))} | ${(median(runs, 'ms') / pMs).toFixed(2)}x | ${f(median(runs, 'wallMs'))} | ${(median(runs, 'wallMs') / pWall).toFixed(2)}x | ${f(median(runs, 'rssMb'))} | ${ratio} |`;
    };
    table.push(row('Plumb loadTable, 2 threads (default)', m.two, true), row('Plumb loadTable, 1 thread', m.one, true), row(`pandas ${String(p[0].out.pandas)} read_csv (C parser, defaults)`, p, false));
    const shape = (o: Record<string, unknown>) => `${o.rows} rows x ${o.columns} columns, ${o.missing} missing`;
    const importMs = p.map((r) => Number(r.out.import_ms)).sort((a, b) => a - b)[p.length >> 1];
    checks.push(
      `${n} rows (${f(m.mb)} MB, ${m.runs === 1 ? 'one run' : `median of ${m.runs} runs`}): Plumb 2 threads ${shape(m.two[0].out)}; 1 thread ${shape(m.one[0].out)}; pandas ${shape(p[0].out)}. Of pandas' whole process, ${f(importMs)} ms is \`import pandas\`.`,
    );
  }
  const [small, large] = all;
  const growth = (key: 'two' | 'one' | 'pandas') => (median(large[key], 'ms') / median(small[key], 'ms')).toFixed(2);
  const lines = [
    `## Data loading: CSV, ${NUMERIC} numeric columns + label + group, ${all.map((m) => m.rows.toLocaleString('en')).join(' and ')} rows`,
    '',
    '| rows | implementation | load (ms) | load / pandas | whole process (ms) | whole / pandas | peak RSS (MB) | peak RSS / final columns |',
    '| ---: | --- | ---: | ---: | ---: | ---: | ---: | ---: |',
    ...table,
    '',
    `From ${small.rows.toLocaleString('en')} to ${large.rows.toLocaleString('en')} rows (${(large.rows / small.rows).toFixed(0)}x the rows; ${(large.rows / small.rows).toFixed(0)}x the time is linear), load time grows ${growth('two')}x for Plumb with 2 threads, ${growth('one')}x with 1 thread, ${growth('pandas')}x for pandas.`,
    '',
    `Same shape on every side: ${checks.join(' ')}`,
    '',
    `Measured with each side run in a fresh child process under /usr/bin/time -v, interleaved, medians shown where there are several runs. "Load" is timed inside the child around loadTable / read_csv only; "whole process" is the child's wall time including Node or Python start-up and imports (Plumb's child is an esbuild bundle run by plain node, as the CLI ships); peak RSS is the child's maximum resident set size, and "peak RSS / final columns" divides it by the bytes of the loaded table's arrays (so it includes Node itself). The files are in the page cache (generated or read just before). The machine is shared (2 cores, other jobs running), so absolute times vary from run to run more than the ratios do, and a single 4M-row run more than a median.`,
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
