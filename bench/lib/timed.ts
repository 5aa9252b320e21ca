/** Runs a command under /usr/bin/time -v: wall time and peak resident memory, and its stdout. */
import { spawnSync } from 'node:child_process';

export interface Timed {
  wallMs: number;
  rssMb: number;
  stdout: string;
  status: number | null;
}

export function timed(cmd: string, args: string[], env?: NodeJS.ProcessEnv): Timed {
  const t = performance.now();
  const r = spawnSync('/usr/bin/time', ['-v', cmd, ...args], { encoding: 'utf8', maxBuffer: 1 << 28, env: env ?? process.env });
  const wallMs = performance.now() - t;
  const rss = /Maximum resident set size \(kbytes\): (\d+)/.exec(r.stderr);
  if (r.status !== 0 && r.status !== 1) throw new Error(`${cmd} ${args.join(' ')} failed (${r.status}): ${r.stderr.slice(-2000)}`);
  return { wallMs, rssMb: rss ? Number(rss[1]) / 1024 : NaN, stdout: r.stdout, status: r.status };
}

export function median(values: number[]): number {
  const v = [...values].sort((a, b) => a - b);
  return v[v.length >> 1];
}
